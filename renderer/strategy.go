package renderer

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// StrategyTitle is the name of the strategy in bokmål, the title of every document (the
// nynorsk one is in the catalogue, renderer/lang).
var StrategyTitle = lang.NB.Texts().Doc.StrategyTitle

// DocOptions are what a document says about itself on its title page.
type DocOptions struct {
	// Date is the date on the title page (and, in the report, the day overdue is judged on).
	Date measures.Date
	// Origin tells where the content came from, e.g. «commit 1a2b3c4 (20. november
	// 2026)»; empty for the content built into samvirke.
	Origin string
	// Version is the short commit the content was read from («c8d82df»); "" when there
	// is none.
	Version string
	// AsOf is the date of that commit: the figures are «per» this date.
	AsOf measures.Date
	// Uncommitted says the work tree's content/ has changes that are not in Version.
	Uncommitted bool
	// Lang is the language of every fixed text: lang.NB (the zero value) or lang.NN.
	Lang lang.Lang
}

// T is the catalogue of the document's language.
func (o DocOptions) T() *lang.Texts { return o.Lang.Texts() }

// Strategy is the revised strategy text: the chapters of content/strategy in order,
// numbered, with a table of contents, the measures inserted by ::: tiltak blocks with
// their current wording, new and revised measures marked, the Åpen arena inputs under
// each measure, and an appendix of the measures that are retired or merged. A Strategy
// is not safe for concurrent use.
type Strategy struct {
	c    *measures.Content
	opts DocOptions

	md   goldmark.Markdown
	ids  *headingIDs
	home map[string]*MeasureList // where each measure's anchor is; nil for the appendix
	seen map[string]int          // occurrences rendered so far, for footnote prefixes
}

// NewStrategy prepares the strategy text of c.
func NewStrategy(c *measures.Content, opts DocOptions) *Strategy {
	s := &Strategy{c: c, opts: opts}
	s.md = newMarkdownRefs(c, opts.T(), s.writeMeasuresHTML, true)
	return s
}

// stratChapter is a parsed chapter with its heading.
type stratChapter struct {
	ch      *measures.Chapter
	heading string // «1. Sammendrag – anbefalinger»
	id      string
	p       parsed
	toc     []tocEntry
}

type tocEntry struct {
	ID, Label string
	Children  []tocEntry
}

// Fixed ids of the parts samvirke adds, reserved before any heading id is made.
const (
	idTOC      = "innhold"
	idRetired  = "vedlegg-tiltak-som-utgår"
	idUnplaced = "vedlegg-tiltak-som-ikke-står-i-teksten"
)

// chapterHeading numbers a chapter: «1. Sammendrag», or the bare title for number 0.
func chapterHeading(ch *measures.Chapter) string {
	if ch.Number == 0 {
		return ch.Title
	}
	return strconv.Itoa(ch.Number) + ". " + ch.Title
}

// prepare parses every chapter with fresh heading ids and decides where each measure's
// anchor goes: its first ::: tiltak block in its own chapter, else its first block
// anywhere, else its first block with the chapter's own wording, else (retired, merged or
// not in the text) an appendix.
func (s *Strategy) prepare() []stratChapter {
	s.ids = newHeadingIDs()
	for _, id := range []string{idTOC, idRetired, idUnplaced} {
		s.ids.Put([]byte(id))
	}
	for _, m := range s.c.Measures {
		s.ids.Put([]byte(anchorOf(m)))
	}
	s.home = map[string]*MeasureList{}
	s.seen = map[string]int{}
	var out []stratChapter
	first, firstOwn := map[string]*MeasureList{}, map[string]*MeasureList{}
	for _, ch := range s.c.Strategy {
		sc := stratChapter{ch: ch, heading: chapterHeading(ch)}
		sc.id = s.ids.unique(slug(sc.heading))
		sc.p = parse(s.md, ch.Text, s.ids, "kap-"+ch.ID+"-")
		sc.p.shiftHeadings(1)
		groupLeadIns(sc.p)
		ast.Walk(sc.p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.Heading:
				if n.Level == 3 {
					id, _ := n.AttributeString("id")
					b, _ := id.([]byte)
					sc.toc = append(sc.toc, tocEntry{ID: string(b), Label: headingText(n, sc.p.src)})
				}
			case *MeasureList:
				for _, m := range n.Directive.Select(s.c) {
					if n.Body != "" { // the chapter's own wording: home only if nothing else shows m
						if firstOwn[m.ID] == nil {
							firstOwn[m.ID] = n
						}
						continue
					}
					if first[m.ID] == nil {
						first[m.ID] = n
					}
					if s.home[m.ID] == nil && m.Chapter == ch.ID {
						s.home[m.ID] = n
					}
				}
			}
			return ast.WalkContinue, nil
		})
		out = append(out, sc)
	}
	for _, fallback := range []map[string]*MeasureList{first, firstOwn} {
		for id, n := range fallback {
			if s.home[id] == nil {
				s.home[id] = n
			}
		}
	}
	for _, m := range s.c.Measures {
		if retired(m) {
			delete(s.home, m.ID)
		}
	}
	return out
}

// checkRefs refuses a strategy whose text refers to a measure that does not exist
// ([[T99]], ::: tiltak T99): the errors name file, line and id (measures.ErrReference).
// A document with a dead reference is never written.
func (s *Strategy) checkRefs() error {
	if es := s.c.BrokenRefs(); len(es) > 0 {
		return fmt.Errorf("%s:\n%w", wordBrokenRefs, es)
	}
	return nil
}

// retired reports whether the revised strategy drops m: retire, or merged into another.
func retired(m *measures.Measure) bool {
	_, merged := m.Revision.MergedInto()
	return m.Revision == measures.RevisionRetire || merged
}

// retiredMeasures and unplacedMeasures are the appendices' measures, in id order.
func (s *Strategy) retiredMeasures() []*measures.Measure {
	var out []*measures.Measure
	for _, m := range s.c.Measures {
		if retired(m) {
			out = append(out, m)
		}
	}
	return out
}

func (s *Strategy) unplacedMeasures() []*measures.Measure {
	var out []*measures.Measure
	for _, m := range s.c.Measures {
		if !retired(m) && s.home[m.ID] == nil {
			out = append(out, m)
		}
	}
	return out
}

// revisionBadge is the mark a measure gets in the revised text: «Nytt», «Revidert» or
// «Utgår»/«Slått sammen», empty for a measure kept as it was.
func revisionBadge(t *lang.Texts, m *measures.Measure) (label, class string) {
	switch m.Revision {
	case measures.RevisionNew:
		return t.Strategy.BadgeNew, "new"
	case measures.RevisionRevise:
		return t.Strategy.BadgeRevised, "revised"
	case measures.RevisionRetire:
		return t.Strategy.BadgeRetired, "retired"
	}
	if id, ok := m.Revision.MergedInto(); ok {
		return lang.F(t.Strategy.BadgeMergedF, id), "retired"
	}
	return "", ""
}

// occurrence returns a fresh footnote prefix for one rendering of m's text.
func (s *Strategy) occurrence(m *measures.Measure) string {
	s.seen[m.ID]++
	return m.ID + "-" + strconv.Itoa(s.seen[m.ID]) + "-"
}

// writeMeasuresHTML renders the measures of a ::: tiltak block: each with its id,
// title, revision mark, current text and the inputs behind it. The anchor (#T14) goes on
// the measure's home block only; a retired or merged measure is a line pointing to the
// appendix.
func (s *Strategy) writeMeasuresHTML(w util.BufWriter, n *MeasureList, ms []*measures.Measure) {
	if n.Body != "" {
		s.writeOwnWordingHTML(w, n, ms)
		return
	}
	w.WriteString("<div class=\"measures\">\n")
	for _, m := range ms {
		if retired(m) {
			label, _ := revisionBadge(s.opts.T(), m)
			fmt.Fprintf(w, "<p class=\"measure-head retired\"><span class=\"mid\">%s</span> %s <span class=\"badge retired\">%s</span>%s<a href=\"#%s\">%s</a></p>\n",
				esc(m.ID), esc(m.Title), esc(label), esc(s.opts.T().Strategy.SeeAppendix), esc(anchorOf(m)), esc(s.opts.T().Strategy.TheAppendix))
			continue
		}
		if s.home[m.ID] == n {
			s.writeMeasureHTML(w, m, ` id="`+esc(anchorOf(m))+`"`)
		} else { // shown in full at its home: here a line that points there
			fmt.Fprintf(w, "<p class=\"measure-head see-home\"><span class=\"mid\"><a href=\"#%s\">%s</a></span> <strong>%s</strong> – <a href=\"#%s\">%s<span class=\"ref-page\">%s<span data-toc-page=\"%s\"></span></span></a></p>\n",
				esc(anchorOf(m)), esc(m.ID), esc(m.Title), esc(anchorOf(m)), esc(s.opts.T().Strategy.SeeHome), esc(s.opts.T().Strategy.RefPage), esc(anchorOf(m)))
		}
	}
	w.WriteString("</div>\n")
}

// writeOwnWordingHTML renders a ::: tiltak block with a body: the live data of each
// measure (id linked to where its own text is, title, current status, revision mark),
// then the chapter's own wording as written.
func (s *Strategy) writeOwnWordingHTML(w util.BufWriter, n *MeasureList, ms []*measures.Measure) {
	w.WriteString("<div class=\"measures\">\n<article class=\"measure own-wording\"")
	if len(ms) == 1 && s.home[ms[0].ID] == n {
		w.WriteString(` id="` + esc(anchorOf(ms[0])) + `"`)
	}
	w.WriteString(">\n")
	for _, m := range ms {
		mid := esc(m.ID)
		if s.home[m.ID] != n || len(ms) > 1 {
			mid = `<a href="#` + esc(anchorOf(m)) + `">` + mid + `</a>`
		}
		fmt.Fprintf(w, "<p class=\"measure-head\"><span class=\"mid\">%s</span> <strong>%s</strong> <span class=\"badge s-%s\">%s</span>",
			mid, esc(m.Title), esc(string(m.Status)), esc(s.opts.T().Status(m.Status)))
		if label, class := revisionBadge(s.opts.T(), m); label != "" {
			fmt.Fprintf(w, " <span class=\"badge %s\">%s</span>", class, esc(label))
		}
		w.WriteString("</p>\n")
	}
	p := parse(s.md, boxStart(n.Body), s.ids, s.ownPrefix())
	p.shiftHeadings(3)
	body, err := p.html(s.md)
	if err != nil {
		body = "<p>" + esc(n.Body) + "</p>"
	}
	w.WriteString("<div class=\"measure-text\">\n" + body + "</div>\n</article>\n</div>\n")
}

// ownPrefix is a fresh footnote prefix for one rendering of a chapter's own wording.
func (s *Strategy) ownPrefix() string {
	s.seen[""]++
	return "egen-" + strconv.Itoa(s.seen[""]) + "-"
}

func (s *Strategy) writeMeasureHTML(w util.BufWriter, m *measures.Measure, idAttr string) {
	mid := esc(m.ID)
	if idAttr == "" { // the measure's anchor is elsewhere: its id links there
		mid = `<a href="#` + esc(anchorOf(m)) + `">` + mid + `</a>`
	}
	fmt.Fprintf(w, "<article class=\"measure\"%s>\n<p class=\"measure-head\"><span class=\"mid\">%s</span> <strong>%s</strong>", idAttr, mid, esc(m.Title))
	if label, class := revisionBadge(s.opts.T(), m); label != "" {
		fmt.Fprintf(w, " <span class=\"badge %s\">%s</span>", class, esc(label))
	}
	w.WriteString("</p>\n")
	p := parse(s.md, m.Text, s.ids, s.occurrence(m))
	p.shiftHeadings(3)
	body, err := p.html(s.md)
	if err != nil {
		body = "<p>" + esc(m.Text) + "</p>"
	}
	w.WriteString("<div class=\"measure-text\">\n" + body + "</div>\n")
	if len(m.Inputs) > 0 {
		w.WriteString("<div class=\"inputs\"><p class=\"inputs-head\">" + esc(s.opts.T().Strategy.InputsBehind) + "</p>\n<ul>\n")
		for _, in := range m.Inputs {
			fmt.Fprintf(w, "<li><span class=\"iid\">%s</span> %s</li>\n", esc(in), esc(itemText(s.opts.T(), s.c, in)))
		}
		w.WriteString("</ul></div>\n")
	}
	w.WriteString("</article>\n")
}

func esc(s string) string { return html.EscapeString(s) }

// strategyPage is the data of the strategy's HTML template.
type strategyPage struct {
	Title, Subtitle, Date, Origin string
	DocTitle                      string
	TOC                           []tocEntry
	Chapters                      []htmlChapter
	Retired                       []retiredEntry
	Unplaced                      template.HTML
	RetiredID, UnplacedID, TOCID  string
}

type htmlChapter struct {
	ID, Heading string
	Body        template.HTML // goldmark's output: raw HTML dropped, every text escaped
}

type retiredEntry struct {
	Anchor, SuccessorAnchor                                     string
	ID, Title, Label, Successor, SuccessorTitle, Note, NoteDate string
}

// HTML writes the strategy as one self-contained HTML page.
func (s *Strategy) HTML(w io.Writer) error {
	if err := s.checkRefs(); err != nil {
		return err
	}
	chapters := s.prepare()
	t := s.opts.T()
	pg := strategyPage{Title: t.Doc.StrategyTitle, Subtitle: t.Strategy.Subtitle, Date: nbsp(s.opts.Date.Norwegian()),
		DocTitle: docTitle(t.Doc.StrategyTitle+": "+t.Strategy.SubtitleLower, s.opts),
		Origin:   dataText(s.opts), RetiredID: idRetired, UnplacedID: idUnplaced, TOCID: idTOC}
	for _, sc := range chapters {
		body, err := sc.p.html(s.md)
		if err != nil {
			return fmt.Errorf("chapter %s: %w", sc.ch.File, err)
		}
		pg.Chapters = append(pg.Chapters, htmlChapter{ID: sc.id, Heading: sc.heading, Body: template.HTML(body)})
		pg.TOC = append(pg.TOC, tocEntry{ID: sc.id, Label: sc.heading, Children: sc.toc})
	}
	pg.Retired = s.retiredEntries()
	if un := s.unplacedMeasures(); len(un) > 0 {
		var b strings.Builder
		bw := bufWriter(&b)
		for _, m := range un {
			s.writeMeasureHTML(bw, m, ` id="`+esc(anchorOf(m))+`"`)
		}
		bw.Flush()
		pg.Unplaced = template.HTML(b.String())
		pg.TOC = append(pg.TOC, tocEntry{ID: idUnplaced, Label: t.Strategy.Unplaced})
	}
	if len(pg.Retired) > 0 {
		pg.TOC = append(pg.TOC, tocEntry{ID: idRetired, Label: t.Strategy.Retired})
	}
	return execute(w, s.opts.Lang, "strategy.html.tmpl", pg)
}

func (s *Strategy) retiredEntries() []retiredEntry {
	var out []retiredEntry
	for _, m := range s.retiredMeasures() {
		label, _ := revisionBadge(s.opts.T(), m)
		e := retiredEntry{Anchor: anchorOf(m), ID: m.ID, Title: m.Title, Label: label}
		if id, ok := m.Revision.MergedInto(); ok {
			e.Successor, e.SuccessorAnchor = id, anchorOfID(id)
			if succ := s.c.Measure(id); succ != nil {
				e.SuccessorTitle = succ.Title
			}
		}
		if l := m.LastLog(); l != nil {
			e.Note, e.NoteDate = l.Note, nbsp(l.Date.Norwegian())
		}
		out = append(out, e)
	}
	return out
}

// Markdown writes the strategy as GFM: the same parts as the HTML, with the chapters'
// own Markdown rewritten from the parse tree (see parsed.markdown).
func (s *Strategy) Markdown(w io.Writer) error {
	if err := s.checkRefs(); err != nil {
		return err
	}
	chapters := s.prepare()
	var b strings.Builder
	t := s.opts.T()
	writeMasthead(&b, t.Doc.StrategyTitle, t.Strategy.Subtitle, s.opts)
	fmt.Fprintf(&b, "%s\n\n", Escape(dataText(s.opts)))
	un, ret := s.unplacedMeasures(), s.retiredMeasures()
	b.WriteString("## " + t.Doc.Contents + "\n\n")
	for _, sc := range chapters {
		fmt.Fprintf(&b, "- [%s](#%s)\n", Escape(sc.heading), sc.id)
		for _, t := range sc.toc {
			fmt.Fprintf(&b, "  - [%s](#%s)\n", Escape(t.Label), t.ID)
		}
	}
	if len(un) > 0 {
		fmt.Fprintf(&b, "- [%s](#%s)\n", Escape(t.Strategy.Unplaced), idUnplaced)
	}
	if len(ret) > 0 {
		fmt.Fprintf(&b, "- [%s](#%s)\n", Escape(t.Strategy.Retired), idRetired)
	}
	for _, sc := range chapters {
		fmt.Fprintf(&b, "\n%s## %s\n\n", gitlabAnchor(sc.id), escapeHeading(sc.heading))
		b.WriteString(strings.TrimSpace(sc.p.markdown(mdHooks{
			ref:       s.refMarkdown,
			directive: s.directiveMarkdown,
			footnote:  "kap-" + sc.ch.ID + "-",
		})))
		b.WriteString("\n")
	}
	if len(un) > 0 {
		b.WriteString("\n## " + escapeHeading(t.Strategy.Unplaced) + "\n\n")
		for _, m := range un {
			b.WriteString(s.measureMarkdown(m, true))
		}
	}
	if len(ret) > 0 {
		b.WriteString("\n## " + escapeHeading(t.Strategy.Retired) + "\n\n")
		for _, e := range s.retiredEntries() {
			fmt.Fprintf(&b, "<a id=\"%s\"></a>\n**%s %s** · *%s*", e.Anchor, Escape(e.ID), Escape(e.Title), Escape(e.Label))
			if e.Successor != "" {
				fmt.Fprintf(&b, " → [%s %s](#%s)", Escape(e.Successor), Escape(e.SuccessorTitle), e.SuccessorAnchor)
			}
			b.WriteString("\n\n")
			if e.Note != "" {
				fmt.Fprintf(&b, t.Strategy.LastNoteF+"\n\n", e.NoteDate, Escape(e.Note))
			}
		}
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

func (s *Strategy) refMarkdown(n *MeasureRef) string {
	m := s.c.Measure(n.ID)
	if m == nil {
		return `\[\[` + Escape(n.ID) + `\]\]`
	}
	noun, title := refWords(s.opts.T(), m)
	return "[" + Escape(noun+" ("+title+")") + "](#" + anchorOf(m) + ")"
}

func (s *Strategy) directiveMarkdown(n *MeasureList) string {
	if n.Body != "" {
		return s.ownWordingMarkdown(n)
	}
	var b strings.Builder
	for _, m := range n.Directive.Select(s.c) {
		if retired(m) {
			label, _ := revisionBadge(s.opts.T(), m)
			fmt.Fprintf(&b, "\n**%s %s** · *%s*%s[%s](#%s)\n", Escape(m.ID), Escape(m.Title), Escape(label), s.opts.T().Strategy.SeeAppendix, s.opts.T().Strategy.TheAppendix, anchorOf(m))
			continue
		}
		if s.home[m.ID] != n { // shown in full at its home: here a line that points there
			fmt.Fprintf(&b, "\n**%s %s** – [%s](#%s)\n", Escape(m.ID), Escape(m.Title), Escape(s.opts.T().Strategy.SeeHome), anchorOf(m))
			continue
		}
		b.WriteString("\n" + s.measureMarkdown(m, true))
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), "\n"), "\n")
}

// measureMarkdown is one measure in the Markdown strategy, with its anchor when home.
func (s *Strategy) measureMarkdown(m *measures.Measure, home bool) string {
	var b strings.Builder
	if home {
		fmt.Fprintf(&b, "<a id=\"%s\"></a>\n", anchorOf(m))
	}
	fmt.Fprintf(&b, "**%s %s**", Escape(m.ID), Escape(m.Title))
	if label, _ := revisionBadge(s.opts.T(), m); label != "" {
		fmt.Fprintf(&b, " · *%s*", Escape(label))
	}
	b.WriteString("\n\n")
	prefix := s.occurrence(m)
	p := parse(s.md, m.Text, s.ids, prefix)
	p.shiftHeadings(3)
	b.WriteString(strings.TrimSpace(p.markdown(mdHooks{ref: s.refMarkdown, footnote: prefix})))
	b.WriteString("\n")
	if len(m.Inputs) > 0 {
		b.WriteString("\n" + s.opts.T().Strategy.InputsBehind + "\n\n")
		for _, in := range m.Inputs {
			fmt.Fprintf(&b, "- %s: %s\n", Escape(in), Escape(itemText(s.opts.T(), s.c, in)))
		}
	}
	return b.String()
}

// ownWordingMarkdown is a ::: tiltak block with a body in the Markdown strategy: a line of
// live data per measure (id and title linked, status, revision mark), then the chapter's
// own wording.
func (s *Strategy) ownWordingMarkdown(n *MeasureList) string {
	var b strings.Builder
	ms := n.Directive.Select(s.c)
	for _, m := range ms {
		if len(ms) == 1 && s.home[m.ID] == n {
			fmt.Fprintf(&b, "<a id=\"%s\"></a>\n", anchorOf(m))
		}
		fmt.Fprintf(&b, "**[%s %s](#%s)** · "+s.opts.T().Strategy.StatusF, Escape(m.ID), Escape(m.Title), anchorOf(m), Escape(s.opts.T().Status(m.Status)))
		if label, _ := revisionBadge(s.opts.T(), m); label != "" {
			fmt.Fprintf(&b, " · *%s*", Escape(label))
		}
		b.WriteString("\n\n")
	}
	prefix := s.ownPrefix()
	p := parse(s.md, boxStart(n.Body), s.ids, prefix)
	p.shiftHeadings(3)
	b.WriteString(strings.TrimSpace(p.markdown(mdHooks{ref: s.refMarkdown, footnote: prefix})))
	return b.String()
}
