package measures

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Group is one group's input from a consultation event, such as a group of «Åpen arena
// 2020». Its bullets are [Item]s, each addressable by id.
type Group struct {
	ID               string `json:"id"` // event id + "-" + group number, e.g. aa2020-1.3
	Event            string `json:"event"`
	Title            string `json:"title"`
	Initiator        string `json:"initiator"`
	Facilitator      string `json:"facilitator"`
	Participants     *int   `json:"participants"`                // nil when the source gives none
	ParticipantsNote string `json:"participants_note,omitempty"` // the count as written when it is not a plain number
	Day              int    `json:"day"`
	Session          int    `json:"session"`
	Note             string `json:"note,omitempty"` // a remark of the source about the group
	Lead             string `json:"lead,omitempty"` // text before the list, e.g. a framing question
	Ordered          bool   `json:"-"`              // the source numbers the bullets
	Items            []Item `json:"items"`

	File string `json:"-"`
	pos  map[string]Pos
}

// Item is one bullet of a group's input.
type Item struct {
	ID       string   `json:"id"`       // group id + "/" + 1-based ordinal, e.g. aa2020-1.3/2
	Text     string   `json:"text"`     // the bullet's text; continuation lines joined by "\n"
	Measures []string `json:"measures"` // ids of the measures that list this item (filled by Content)
	Line     int      `json:"-"`        // line in the file
}

// Number returns the group's number within its event, e.g. "1.3".
func (g *Group) Number() string {
	_, n, _ := strings.Cut(g.ID, "-")
	return n
}

// ItemID builds the id of the n-th (1-based) bullet of group.
func ItemID(group string, n int) string { return group + "/" + strconv.Itoa(n) }

// SplitItemID splits aa2020-1.3/2 into the group id and the ordinal.
func SplitItemID(id string) (group string, n int, ok bool) {
	g, num, found := strings.Cut(id, "/")
	if !found {
		return "", 0, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 {
		return "", 0, false
	}
	return g, n, true
}

var (
	groupNumberRe = regexp.MustCompile(`^\d+(\.\d+)*$`)
	eventIDRe     = regexp.MustCompile(`^[a-z][a-z0-9]*$`)
	bulletRe      = regexp.MustCompile(`^(- |\* |(\d+)\. )`)
)

var groupKeys = []string{"id", "event", "title", "initiator", "facilitator", "participants",
	"participants_note", "day", "session", "note"}

// ParseGroup parses an input group file at file, a path such as
// content/inputs/aa2020/1.3.md.
func ParseGroup(file string, data []byte) (*Group, error) {
	g := &Group{File: file, pos: map[string]Pos{}}
	return g, parseDocument(file, data, func(c *errs, doc document) { decodeGroup(c, doc, g) })
}

func decodeGroup(c *errs, doc document, g *Group) {
	f := readMapping(c, doc.root, "", groupKeys)
	for k := range f.vals {
		g.pos[k] = f.filePos(k)
	}
	g.ID = f.str("id", true)
	g.Event = f.str("event", true)
	dir, base := path.Base(path.Dir(g.File)), strings.TrimSuffix(path.Base(g.File), ".md")
	if g.Event != "" && !eventIDRe.MatchString(g.Event) {
		c.add(ErrInvalidValue, f.pos("event"), "event", "«%s» er ikke en gyldig arrangement-id (små bokstaver og sifre)", g.Event)
	} else if g.Event != "" && dir != g.Event {
		c.add(ErrFileName, f.pos("event"), "event", "filen ligger i mappen «%s», men event er «%s»", dir, g.Event)
	}
	if g.ID != "" && g.Event != "" {
		num, ok := strings.CutPrefix(g.ID, g.Event+"-")
		switch {
		case !ok || !groupNumberRe.MatchString(num):
			c.add(ErrInvalidValue, f.pos("id"), "id", "«%s» er ikke en gyldig gruppe-id; skriv <event>-<nummer>, f.eks. %s-1.3", g.ID, g.Event)
		case num != base:
			c.add(ErrFileName, f.pos("id"), "id", "id «%s» stemmer ikke med filnavnet «%s»; filen må hete %s.md", g.ID, path.Base(g.File), num)
		}
	}
	g.Title = f.str("title", true)
	g.Initiator = f.str("initiator", false)
	g.Facilitator = f.str("facilitator", false)
	if n, ok := f.integer("participants", false, 0, 100000); ok {
		g.Participants = &n
	}
	g.ParticipantsNote = f.str("participants_note", false)
	g.Day, _ = f.integer("day", true, 1, 365)
	g.Session, _ = f.integer("session", true, 1, 1000)
	g.Note = f.str("note", false)
	parseItems(c, doc, g)
}

// parseItems reads the body: optional lead text, then one Markdown list whose items are
// the group's bullets. Continuation lines belong to the item above.
func parseItems(c *errs, doc document, g *Group) {
	lines := strings.Split(strings.TrimRight(doc.body, "\n"), "\n")
	var lead []string
	blankAfterItem := false
	for i, raw := range lines {
		line := strings.TrimRight(raw, " \t")
		lineNo := doc.bodyLine + i
		if strings.TrimSpace(line) == "" {
			if len(g.Items) > 0 {
				blankAfterItem = true
			} else if len(lead) > 0 && lead[len(lead)-1] != "" {
				lead = append(lead, "")
			}
			continue
		}
		if m := bulletRe.FindStringSubmatch(line); m != nil {
			if len(g.Items) == 0 {
				g.Ordered = m[2] != ""
			}
			text := strings.TrimSpace(line[len(m[1]):])
			if text == "" {
				c.add(ErrInvalidValue, Pos{Line: lineNo - c.offset, Col: 1}, "", "tomt listepunkt")
			}
			g.Items = append(g.Items, Item{ID: ItemID(g.ID, len(g.Items)+1), Text: text, Line: lineNo})
			blankAfterItem = false
			continue
		}
		indented := strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")
		switch {
		case len(g.Items) == 0:
			lead = append(lead, strings.TrimSpace(line))
		case blankAfterItem && !indented:
			c.add(ErrInvalidValue, Pos{Line: lineNo - c.offset, Col: 1}, "", "tekst etter listen; hvert innspill må være et listepunkt («- »), og fortsettelseslinjer rykkes inn med to mellomrom")
		default:
			it := &g.Items[len(g.Items)-1]
			it.Text += "\n" + strings.TrimSpace(line)
		}
	}
	g.Lead = strings.TrimSpace(strings.Join(lead, "\n"))
	if len(g.Items) == 0 {
		c.add(ErrMissingKey, Pos{Line: doc.bodyLine - c.offset}, "", "gruppen har ingen innspill; skriv dem som en punktliste under front matter")
	}
}

// Event is an occasion where inputs were collected.
type Event struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   Date   `json:"date"`
	Place  string `json:"place,omitempty"`
	Source string `json:"source,omitempty"`
}

func (g *Group) String() string { return fmt.Sprintf("%s %s", g.ID, g.Title) }
