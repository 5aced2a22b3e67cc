package renderer

import (
	"fmt"
	"html/template"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// Comparison is the revised strategy compared with a baseline: a first section that
// sums up the revision (measures kept, revised, new, retired and merged, chapters
// changed and how much, the Åpen arena inputs the new and revised measures answer),
// then every chapter and its measures with insertions and deletions marked word by word
// and moved paragraphs shown as moved. Both versions are untrusted: every text is
// escaped, none is rendered as Markdown.
type Comparison struct {
	c    *measures.Content
	d    *measures.StrategyDiff
	opts CompareOptions
}

// CompareOptions are what the comparison says about itself on its title page.
type CompareOptions struct {
	DocOptions
	// Baseline names what the strategy is compared with, e.g. «strategi/2016 (commit
	// 1a2b3c4, 1. januar 2016)».
	Baseline string
}

// NewComparison compares the strategy of c with that of old.
func NewComparison(old, c *measures.Content, opts CompareOptions) *Comparison {
	return &Comparison{c: c, d: measures.CompareStrategy(old, c), opts: opts}
}

// Fixed ids of the comparison's own parts.
const (
	idSummary = "oversikt-over-revisjonen"
	idLoose   = "tiltak-uten-kapittel"
)

// changeLabel is the Norwegian mark of a measure's change and its CSS class.
func changeLabel(t *lang.Texts, md *measures.MeasureDiff) (label, class string) {
	tc := &t.Compare
	switch md.Change {
	case measures.ChangeKept:
		return tc.Kept, "kept"
	case measures.ChangeRevised:
		return tc.BadgeRevised, "revised"
	case measures.ChangeNew:
		return tc.BadgeNew, "new"
	case measures.ChangeMerged:
		return lang.F(tc.BadgeMergedF, md.MergedInto), "retired"
	}
	if md.New == nil {
		return tc.BadgeRemoved, "retired"
	}
	return tc.BadgeRetired, "retired"
}

// chapterOf is the chapter a compared measure belongs to: its current one, else its old one.
func chapterOf(md *measures.MeasureDiff) string {
	if md.New != nil {
		return md.New.Chapter
	}
	return md.Old.Chapter
}

// measuresByChapter groups the compared measures by chapter id ("" for none).
func (x *Comparison) measuresByChapter() map[string][]*measures.MeasureDiff {
	out := map[string][]*measures.MeasureDiff{}
	known := map[string]bool{}
	for _, cd := range x.d.Chapters {
		known[chapterID(cd)] = true
	}
	for _, md := range x.d.Measures {
		ch := chapterOf(md)
		if !known[ch] {
			ch = ""
		}
		out[ch] = append(out[ch], md)
	}
	return out
}

func chapterID(cd *measures.ChapterDiff) string {
	if cd.New != nil {
		return cd.New.ID
	}
	return cd.Old.ID
}

// chapterTitle is the chapter's heading now, or as it was when it is gone.
func chapterTitle(t *lang.Texts, cd *measures.ChapterDiff) string {
	if cd.New != nil {
		return chapterHeading(cd.New)
	}
	return lang.F(t.Compare.ChapterRemovedF, chapterHeading(cd.Old))
}

// chapterAnchor is the fixed id of a chapter in the comparison.
func chapterAnchor(cd *measures.ChapterDiff) string { return "kap-" + slug(chapterID(cd)) }

// wordsText says how much of a chapter changed: «12 ord satt inn, 3 ord strøket (8 %)».
func wordsText(t *lang.Texts, ins, del, kept, moved int) string {
	tc := &t.Compare
	var parts []string
	if ins+del > 0 {
		total := ins + del + kept
		pct := (100*(ins+del) + total/2) / total
		parts = append(parts, lang.F(tc.WordsF, tc.Word.N(ins), tc.Word.N(del), pct))
	}
	if moved > 0 {
		parts = append(parts, tc.MovedParagraph.N(moved))
	}
	if len(parts) == 0 {
		return tc.Unchanged
	}
	return strings.Join(parts, ", ")
}

// compareLink is a measure in a list of the summary.
type compareLink struct {
	Anchor, ID, Title string
	To, ToAnchor      string // merged into or renamed to
}

// inputAnswer is an Åpen arena input and the new or revised measures that answer it.
type inputAnswer struct {
	ID, Text string
	Measures []compareLink
}

// compareSummary is the first section's data.
type compareSummary struct {
	Counts                        string
	Groups                        []linkGroup // revised, new, retired: those that have any
	Revised, New, Retired, Merged []compareLink
	Renamed                       []compareLink
	ChaptersChanged               string
	Chapters                      []chapterRow
	Inputs                        []inputAnswer
}

type linkGroup struct {
	Head  string
	Links []compareLink
}

type chapterRow struct{ Anchor, Heading, Words string }

func (x *Comparison) link(md *measures.MeasureDiff) compareLink {
	m := md.New
	if m == nil {
		m = md.Old
	}
	return compareLink{Anchor: anchorOf(m), ID: m.ID, Title: m.Title}
}

// summary sums up the revision.
func (x *Comparison) summary() compareSummary {
	t := x.opts.T()
	var s compareSummary
	answers := map[string]*inputAnswer{}
	for _, md := range x.d.Measures {
		l := x.link(md)
		switch md.Change {
		case measures.ChangeRevised:
			s.Revised = append(s.Revised, l)
		case measures.ChangeNew:
			s.New = append(s.New, l)
		case measures.ChangeRetired:
			s.Retired = append(s.Retired, l)
		case measures.ChangeMerged:
			l.To, l.ToAnchor = md.MergedInto, anchorOfID(md.MergedInto)
			s.Merged = append(s.Merged, l)
		}
		if md.Renamed {
			s.Renamed = append(s.Renamed, compareLink{Anchor: l.Anchor, ID: md.Old.ID, Title: md.Old.Title, To: md.New.ID, ToAnchor: l.Anchor})
		}
		if md.Change == measures.ChangeNew || md.Change == measures.ChangeRevised {
			for _, in := range md.New.Inputs {
				a := answers[in]
				if a == nil {
					a = &inputAnswer{ID: in, Text: itemText(t, x.c, in)}
					answers[in] = a
				}
				a.Measures = append(a.Measures, l)
			}
		}
	}
	tc := &t.Compare
	s.Counts = lang.F(tc.CountsF, tc.Compared.N(len(x.d.Measures)),
		x.d.Count(measures.ChangeKept), len(s.Revised), len(s.New), tc.NewWord.Word(len(s.New)),
		len(s.Retired), tc.RetiredWord, len(s.Merged))
	changed := 0
	for _, cd := range x.d.Chapters {
		if cd.Changed() {
			changed++
		}
		s.Chapters = append(s.Chapters, chapterRow{Anchor: chapterAnchor(cd), Heading: chapterTitle(t, cd),
			Words: wordsText(t, cd.Inserted, cd.Deleted, cd.Kept, cd.Moved)})
	}
	for _, g := range []linkGroup{{tc.Revised, s.Revised}, {tc.New, s.New}, {tc.RetiredHead, s.Retired}} {
		if len(g.Links) > 0 {
			s.Groups = append(s.Groups, g)
		}
	}
	s.ChaptersChanged = lang.F(tc.ChaptersF, changed, tc.Chapter.N(len(x.d.Chapters)))
	ids := make([]string, 0, len(answers))
	for id := range answers {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		s.Inputs = append(s.Inputs, *answers[id])
	}
	return s
}

// spansHTML writes a word diff as escaped HTML with <ins> and <del>.
func spansHTML(b *strings.Builder, spans []measures.WordSpan) {
	for _, s := range spans {
		switch s.Op {
		case measures.OpInsert:
			b.WriteString("<ins>" + esc(s.Text) + "</ins>")
		case measures.OpDelete:
			b.WriteString("<del>" + esc(s.Text) + "</del>")
		default:
			b.WriteString(esc(s.Text))
		}
	}
}

// blocksHTML writes a text diff as paragraphs, the moved ones marked.
func blocksHTML(t *lang.Texts, blocks []measures.Block) template.HTML {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl.Move {
		case measures.MovedHere:
			b.WriteString(`<p class="src moved"><span class="move-label">` + esc(t.Compare.MovedHere) + `</span> `)
		case measures.MovedAway:
			b.WriteString(`<p class="src moved-away"><span class="move-label">` + esc(t.Compare.MovedAway) + `</span> `)
		default:
			b.WriteString(`<p class="src">`)
		}
		spansHTML(&b, bl.Spans)
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String())
}

func spansToHTML(spans []measures.WordSpan) template.HTML {
	var b strings.Builder
	spansHTML(&b, spans)
	return template.HTML(b.String())
}

// compareMeasure is one measure in the comparison's HTML.
type compareMeasure struct {
	Anchor, ID, OldID, Label, Class, To, ToAnchor string
	Title, Body                                   template.HTML
	Inputs                                        []inputAnswer
}

type compareChapter struct {
	Anchor, Words string
	Heading       template.HTML
	Body          template.HTML
	Measures      []compareMeasure
}

type comparePage struct {
	Title, Kicker, Date, Origin, Baseline string
	SummaryID, LooseID                    string
	Summary                               compareSummary
	Chapters                              []compareChapter
	Loose                                 []compareMeasure
}

func (x *Comparison) measureView(md *measures.MeasureDiff) compareMeasure {
	l := x.link(md)
	t := x.opts.T()
	v := compareMeasure{Anchor: l.Anchor, ID: l.ID, Title: spansToHTML(md.Title), Body: blocksHTML(t, md.Text)}
	v.Label, v.Class = changeLabel(t, md)
	if md.Renamed {
		v.OldID = md.Old.ID
	}
	if md.Change == measures.ChangeMerged {
		v.To, v.ToAnchor = md.MergedInto, anchorOfID(md.MergedInto)
	}
	if md.New != nil {
		for _, in := range md.New.Inputs {
			v.Inputs = append(v.Inputs, inputAnswer{ID: in, Text: itemText(t, x.c, in)})
		}
	}
	return v
}

// HTML writes the comparison as one self-contained HTML page.
func (x *Comparison) HTML(w io.Writer) error {
	t := x.opts.T()
	pg := comparePage{Title: t.Doc.StrategyTitle, Kicker: t.Compare.Kicker, Date: nbsp(x.opts.Date.Norwegian()),
		Origin: x.opts.Origin, Baseline: x.opts.Baseline, SummaryID: idSummary, LooseID: idLoose, Summary: x.summary()}
	byCh := x.measuresByChapter()
	for _, cd := range x.d.Chapters {
		var old, cur string
		if cd.Old != nil {
			old = chapterHeading(cd.Old)
		}
		if cd.New != nil {
			cur = chapterHeading(cd.New)
		}
		v := compareChapter{Anchor: chapterAnchor(cd), Heading: spansToHTML(measures.WordDiff(old, cur)),
			Words: wordsText(t, cd.Inserted, cd.Deleted, cd.Kept, cd.Moved), Body: blocksHTML(t, cd.Text)}
		for _, md := range byCh[chapterID(cd)] {
			v.Measures = append(v.Measures, x.measureView(md))
		}
		pg.Chapters = append(pg.Chapters, v)
	}
	for _, md := range byCh[""] {
		pg.Loose = append(pg.Loose, x.measureView(md))
	}
	return execute(w, x.opts.Lang, "compare.html.tmpl", pg)
}

// spansMarkdown writes a word diff as GFM: <del> and <ins> around escaped text (GitHub
// and GitLab show them struck through and underlined), newlines as spaces.
func spansMarkdown(b *strings.Builder, spans []measures.WordSpan) {
	for _, s := range spans {
		t := Escape(strings.ReplaceAll(s.Text, "\n", " "))
		switch s.Op {
		case measures.OpInsert:
			b.WriteString("<ins>" + t + "</ins>")
		case measures.OpDelete:
			b.WriteString("<del>" + t + "</del>")
		default:
			b.WriteString(t)
		}
	}
}

func blocksMarkdown(t *lang.Texts, b *strings.Builder, blocks []measures.Block) {
	for _, bl := range blocks {
		switch bl.Move {
		case measures.MovedHere:
			b.WriteString("*" + t.Compare.MovedHere + "* ")
		case measures.MovedAway:
			b.WriteString("*" + t.Compare.MovedAway + "* ")
		}
		var p strings.Builder
		spansMarkdown(&p, bl.Spans)
		b.WriteString(inertBlockStart(p.String()) + "\n\n")
	}
}

// listStart is an ordered list marker at the start of a block: «1.» or «2)».
var listStart = regexp.MustCompile(`^([0-9]{1,9})([.)])`)

// inertBlockStart escapes what would make a paragraph of text something else at the
// start of a line in GFM (a heading, a quote, a list, a table, a fence): the text of
// both versions is shown as it is written, never as Markdown.
func inertBlockStart(s string) string {
	s = strings.TrimLeft(s, " \t")
	if s == "" {
		return s
	}
	if m := listStart.FindStringSubmatch(s); m != nil {
		return m[1] + `\` + s[len(m[1]):]
	}
	if c := s[0]; c < 0x80 && strings.IndexByte("#>-+*=|`~:_", c) >= 0 {
		return `\` + s
	}
	return s
}

// Markdown writes the comparison as GFM, with the same parts as the HTML.
func (x *Comparison) Markdown(w io.Writer) error {
	var b strings.Builder
	t := x.opts.T()
	tc := &t.Compare
	writeMasthead(&b, t.Doc.StrategyTitle, tc.Kicker, x.opts.DocOptions)
	if x.opts.Origin != "" {
		b.WriteString(lang.F(tc.MadeFromF, Escape(x.opts.Origin)) + " ")
	}
	b.WriteString(lang.F(t.Doc.ComparedWithF, Escape(x.opts.Baseline)) + "\n\n")
	b.WriteString(tc.LegendMD + "\n\n")
	x.summaryMarkdown(&b)
	byCh := x.measuresByChapter()
	for _, cd := range x.d.Chapters {
		fmt.Fprintf(&b, "<a id=\"%s\"></a>\n\n## %s\n\n", chapterAnchor(cd), escapeHeading(chapterTitle(t, cd)))
		fmt.Fprintf(&b, "*%s*\n\n", lang.F(tc.ChangesF, wordsText(t, cd.Inserted, cd.Deleted, cd.Kept, cd.Moved)))
		blocksMarkdown(t, &b, cd.Text)
		for _, md := range byCh[chapterID(cd)] {
			x.measureMarkdown(&b, md)
		}
	}
	if loose := byCh[""]; len(loose) > 0 {
		fmt.Fprintf(&b, "<a id=\"%s\"></a>\n\n## %s\n\n", idLoose, tc.Loose)
		for _, md := range loose {
			x.measureMarkdown(&b, md)
		}
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

func linkMD(l compareLink) string {
	return "[" + Escape(l.ID) + " " + Escape(l.Title) + "](#" + l.Anchor + ")"
}

func (x *Comparison) summaryMarkdown(b *strings.Builder) {
	s, tc := x.summary(), &x.opts.T().Compare
	fmt.Fprintf(b, "<a id=\"%s\"></a>\n\n## %s\n\n%s\n\n", idSummary, tc.Overview, s.Counts)
	list := func(head string, ls []compareLink, arrow bool) {
		if len(ls) == 0 {
			return
		}
		fmt.Fprintf(b, "%s:\n\n", head)
		for _, l := range ls {
			if arrow {
				fmt.Fprintf(b, "- %s %s → [%s](#%s)\n", Escape(l.ID), Escape(l.Title), Escape(l.To), l.ToAnchor)
			} else {
				fmt.Fprintf(b, "- %s\n", linkMD(l))
			}
		}
		b.WriteString("\n")
	}
	list(tc.Revised, s.Revised, false)
	list(tc.New, s.New, false)
	list(tc.RetiredHead, s.Retired, false)
	list(tc.MergedHead, s.Merged, true)
	list(tc.RenamedHead, s.Renamed, true)
	fmt.Fprintf(b, "%s\n\n| %s | %s |\n|---|---|\n", s.ChaptersChanged, tc.ChapterCol, tc.ChangesCol)
	for _, r := range s.Chapters {
		fmt.Fprintf(b, "| [%s](#%s) | %s |\n", escapeCell(r.Heading), r.Anchor, r.Words)
	}
	b.WriteString("\n")
	if len(s.Inputs) > 0 {
		b.WriteString(tc.InputsHead + ":\n\n")
		for _, in := range s.Inputs {
			var ms []string
			for _, l := range in.Measures {
				ms = append(ms, "["+Escape(l.ID)+"](#"+l.Anchor+")")
			}
			fmt.Fprintf(b, "- %s: %s (%s)\n", Escape(in.ID), Escape(in.Text), strings.Join(ms, ", "))
		}
		b.WriteString("\n")
	}
}

// escapeCell escapes text for a GFM table cell.
func escapeCell(s string) string { return strings.ReplaceAll(Escape(s), "|", `\|`) }

func (x *Comparison) measureMarkdown(b *strings.Builder, md *measures.MeasureDiff) {
	v, t := x.link(md), x.opts.T()
	label, _ := changeLabel(t, md)
	fmt.Fprintf(b, "<a id=\"%s\"></a>\n**%s", v.Anchor, Escape(v.ID))
	if md.Renamed {
		b.WriteString(" " + lang.F(t.Compare.WasF, Escape(md.Old.ID)))
	}
	b.WriteString(" ")
	spansMarkdown(b, md.Title)
	fmt.Fprintf(b, "** · *%s*\n\n", Escape(label))
	blocksMarkdown(t, b, md.Text)
	if md.New != nil && len(md.New.Inputs) > 0 && md.Change != measures.ChangeKept {
		b.WriteString(t.Compare.InputsBehind + "\n\n")
		for _, in := range md.New.Inputs {
			fmt.Fprintf(b, "- %s: %s\n", Escape(in), Escape(itemText(t, x.c, in)))
		}
		b.WriteString("\n")
	}
}
