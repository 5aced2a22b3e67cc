package feed

import (
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// Commit is one commit that changed the content, as the feed needs it.
type Commit struct {
	Hash    string
	Date    time.Time
	Author  string // the author's name; the feed never shows e-mail addresses
	Subject string // the first line of the message
	Files   []string
}

// FeedTitle is the Atom feed's title in bokmål (the nynorsk one is in renderer/lang).
var FeedTitle = lang.NB.Texts().Feed.Title

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   atomText   `xml:"title"`
	Updated string     `xml:"updated"`
	Author  atomPerson `xml:"author"`
	Link    atomLink   `xml:"link"`
	Summary atomText   `xml:"summary"`
}

// WriteAtom writes the commits (newest first) as an Atom feed: one entry per commit, its
// title the commit's subject, its summary in plain Norwegian naming the measures and
// other content it changed, its link the page of the first measure it changed (else the
// page of what it changed, else the front page). c is the content now, for titles.
// Nothing in it depends on the time it is written: the same history gives the same file.
func WriteAtom(w io.Writer, c *measures.Content, commits []Commit, l Links) error {
	t := &l.Lang.Texts().Feed
	f := atomFeed{
		Lang:   string(l.Lang.Texts().Lang),
		ID:     "urn:samvirke:" + l.host() + ":endringer",
		Title:  t.Title,
		Author: atomPerson{Name: t.Author},
		Links: []atomLink{
			{Rel: "alternate", Type: "text/html", Href: l.Page("")},
		},
		Updated: time.Unix(0, 0).UTC().Format(time.RFC3339),
	}
	if l.Base != "" {
		f.Links = append(f.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: l.Page("endringer.xml")})
	}
	if len(commits) > 0 {
		f.Updated = commits[0].Date.UTC().Format(time.RFC3339)
	}
	for _, co := range commits {
		link, summary := describe(c, co, l)
		f.Entries = append(f.Entries, atomEntry{
			ID:      "urn:samvirke:commit:" + co.Hash,
			Title:   atomText{Type: "text", Text: plain(co.Subject)},
			Updated: co.Date.UTC().Format(time.RFC3339),
			Author:  atomPerson{Name: nonEmpty(plain(co.Author), t.UnknownAuthor)},
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: link},
			Summary: atomText{Type: "text", Text: summary},
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("write atom feed: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// maxNamed is how many measures an entry's summary names; the rest are counted.
const maxNamed = 5

// describe returns the link and the plain-text summary of a commit.
func describe(c *measures.Content, co Commit, l Links) (link, summary string) {
	t := &l.Lang.Texts().Feed
	var named, other []string
	var firstMeasure, otherLink string
	changed := 0
	for _, f := range co.Files {
		dir, base := path.Split(f)
		switch {
		case strings.HasSuffix(dir, measures.MeasuresDir+"/") && strings.HasSuffix(base, ".md"):
			changed++
			id := strings.TrimSuffix(base, ".md")
			m := c.Measure(id)
			if m != nil && firstMeasure == "" {
				firstMeasure = l.Measure(id)
			}
			if len(named) == maxNamed {
				continue
			}
			if m != nil {
				named = append(named, fmt.Sprintf("%s «%s»", id, plain(m.Title)))
			} else {
				named = append(named, lang.F(t.GoneF, id))
			}
		case strings.Contains(dir, "/strategy/"):
			other = appendOnce(other, t.StrategyText)
			if otherLink == "" {
				otherLink = l.Page("strategi/")
			}
		case strings.Contains(dir, "/inputs/"):
			other = appendOnce(other, t.Inputs)
			if otherLink == "" {
				otherLink = l.Page("innspill/")
			}
		default:
			other = appendOnce(other, plain(base))
		}
	}
	if rest := changed - len(named); rest > 0 {
		named = append(named, lang.F(t.MoreF, rest))
	}
	link = firstMeasure
	if link == "" {
		link = otherLink
	}
	if link == "" {
		link = l.Page("")
	}
	parts := append(named, other...)
	if len(parts) == 0 {
		return link, t.ChangedContent
	}
	return link, lang.F(t.ChangedF, joinNorwegian(parts))
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// joinNorwegian joins "a", "b" and "c" as «a, b og c».
func joinNorwegian(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " og " + parts[len(parts)-1]
}

// plain drops control characters (XML 1.0 cannot hold most of them) and folds lines.
func plain(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfffe || r == 0xffff
	}), " ")
}

func nonEmpty(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}
