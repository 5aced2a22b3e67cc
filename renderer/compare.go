package renderer

import (
	"fmt"
	"html/template"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/samvirke/samvirke/measures"
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
func changeLabel(md *measures.MeasureDiff) (label, class string) {
	switch md.Change {
	case measures.ChangeKept:
		return "Uendret", "kept"
	case measures.ChangeRevised:
		return "Revidert", "revised"
	case measures.ChangeNew:
		return "Nytt", "new"
	case measures.ChangeMerged:
		return "Slått sammen med " + md.MergedInto, "retired"
	}
	if md.New == nil {
		return "Utgår (fjernet)", "retired"
	}
	return "Utgår", "retired"
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
func chapterTitle(cd *measures.ChapterDiff) string {
	if cd.New != nil {
		return chapterHeading(cd.New)
	}
	return chapterHeading(cd.Old) + " (fjernet)"
}

// chapterAnchor is the fixed id of a chapter in the comparison.
func chapterAnchor(cd *measures.ChapterDiff) string { return "kap-" + slug(chapterID(cd)) }

// wordsText says how much of a chapter changed: «12 ord satt inn, 3 ord strøket (8 %)».
func wordsText(ins, del, kept, moved int) string {
	var parts []string
	if ins+del > 0 {
		total := ins + del + kept
		pct := (100*(ins+del) + total/2) / total
		parts = append(parts, fmt.Sprintf("%s satt inn, %s strøket (%d %% av ordene)", count(ins, "ord", "ord"), count(del, "ord", "ord"), pct))
	}
	if moved > 0 {
		parts = append(parts, count(moved, "avsnitt flyttet", "avsnitt flyttet"))
	}
	if len(parts) == 0 {
		return "uendret"
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
					a = &inputAnswer{ID: in, Text: ItemText(x.c, in)}
					answers[in] = a
				}
				a.Measures = append(a.Measures, l)
			}
		}
	}
	s.Counts = fmt.Sprintf("%s: %d uendret, %d revidert, %d %s, %d %s, %d slått sammen.",
		count(len(x.d.Measures), "tiltak sammenlignet", "tiltak sammenlignet"),
		x.d.Count(measures.ChangeKept), len(s.Revised), len(s.New), plural(len(s.New), "nytt", "nye"),
		len(s.Retired), "utgår", len(s.Merged))
	changed := 0
	for _, cd := range x.d.Chapters {
		if cd.Changed() {
			changed++
		}
		s.Chapters = append(s.Chapters, chapterRow{Anchor: chapterAnchor(cd), Heading: chapterTitle(cd),
			Words: wordsText(cd.Inserted, cd.Deleted, cd.Kept, cd.Moved)})
	}
	for _, g := range []linkGroup{{"Reviderte tiltak", s.Revised}, {"Nye tiltak", s.New}, {"Tiltak som utgår", s.Retired}} {
		if len(g.Links) > 0 {
			s.Groups = append(s.Groups, g)
		}
	}
	s.ChaptersChanged = fmt.Sprintf("%d av %s er endret.", changed, count(len(x.d.Chapters), "kapittel", "kapitler"))
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// compareKicker is the line above the title on the comparison's cover.
const compareKicker = "Revidert strategi med endringene markert"

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
func blocksHTML(blocks []measures.Block) template.HTML {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl.Move {
		case measures.MovedHere:
			b.WriteString(`<p class="src moved"><span class="move-label">Flyttet hit:</span> `)
		case measures.MovedAway:
			b.WriteString(`<p class="src moved-away"><span class="move-label">Flyttet herfra:</span> `)
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
	v := compareMeasure{Anchor: l.Anchor, ID: l.ID, Title: spansToHTML(md.Title), Body: blocksHTML(md.Text)}
	v.Label, v.Class = changeLabel(md)
	if md.Renamed {
		v.OldID = md.Old.ID
	}
	if md.Change == measures.ChangeMerged {
		v.To, v.ToAnchor = md.MergedInto, anchorOfID(md.MergedInto)
	}
	if md.New != nil {
		for _, in := range md.New.Inputs {
			v.Inputs = append(v.Inputs, inputAnswer{ID: in, Text: ItemText(x.c, in)})
		}
	}
	return v
}

// HTML writes the comparison as one self-contained HTML page.
func (x *Comparison) HTML(w io.Writer) error {
	pg := comparePage{Title: StrategyTitle, Kicker: compareKicker, Date: x.opts.Date.Norwegian(),
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
			Words: wordsText(cd.Inserted, cd.Deleted, cd.Kept, cd.Moved), Body: blocksHTML(cd.Text)}
		for _, md := range byCh[chapterID(cd)] {
			v.Measures = append(v.Measures, x.measureView(md))
		}
		pg.Chapters = append(pg.Chapters, v)
	}
	for _, md := range byCh[""] {
		pg.Loose = append(pg.Loose, x.measureView(md))
	}
	return execute(w, "compare.html.tmpl", pg)
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

func blocksMarkdown(b *strings.Builder, blocks []measures.Block) {
	for _, bl := range blocks {
		switch bl.Move {
		case measures.MovedHere:
			b.WriteString("*Flyttet hit:* ")
		case measures.MovedAway:
			b.WriteString("*Flyttet herfra:* ")
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
	writeMasthead(&b, StrategyTitle, compareKicker, x.opts.DocOptions)
	if x.opts.Origin != "" {
		fmt.Fprintf(&b, "Laget fra %s. ", Escape(x.opts.Origin))
	}
	fmt.Fprintf(&b, "Sammenlignet med %s.\n\n", Escape(x.opts.Baseline))
	b.WriteString("Tegnforklaring: <ins>satt inn</ins> (understreket), <del>strøket</del> (gjennomstreket); *Flyttet hit:* og *Flyttet herfra:* foran et avsnitt som er flyttet.\n\n")
	x.summaryMarkdown(&b)
	byCh := x.measuresByChapter()
	for _, cd := range x.d.Chapters {
		fmt.Fprintf(&b, "<a id=\"%s\"></a>\n\n## %s\n\n", chapterAnchor(cd), escapeHeading(chapterTitle(cd)))
		fmt.Fprintf(&b, "*Endringer: %s.*\n\n", wordsText(cd.Inserted, cd.Deleted, cd.Kept, cd.Moved))
		blocksMarkdown(&b, cd.Text)
		for _, md := range byCh[chapterID(cd)] {
			x.measureMarkdown(&b, md)
		}
	}
	if loose := byCh[""]; len(loose) > 0 {
		fmt.Fprintf(&b, "<a id=\"%s\"></a>\n\n## Tiltak uten kapittel\n\n", idLoose)
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
	s := x.summary()
	fmt.Fprintf(b, "<a id=\"%s\"></a>\n\n## Oversikt over revisjonen\n\n%s\n\n", idSummary, s.Counts)
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
	list("Reviderte tiltak", s.Revised, false)
	list("Nye tiltak", s.New, false)
	list("Tiltak som utgår", s.Retired, false)
	list("Tiltak som er slått sammen", s.Merged, true)
	list("Tiltak med nytt nummer", s.Renamed, true)
	fmt.Fprintf(b, "%s\n\n| Kapittel | Endringer |\n|---|---|\n", s.ChaptersChanged)
	for _, r := range s.Chapters {
		fmt.Fprintf(b, "| [%s](#%s) | %s |\n", escapeCell(r.Heading), r.Anchor, r.Words)
	}
	b.WriteString("\n")
	if len(s.Inputs) > 0 {
		b.WriteString("Innspill fra Åpen arena som de nye og reviderte tiltakene svarer på:\n\n")
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
	v := x.link(md)
	label, _ := changeLabel(md)
	fmt.Fprintf(b, "<a id=\"%s\"></a>\n**%s", v.Anchor, Escape(v.ID))
	if md.Renamed {
		fmt.Fprintf(b, " (var %s)", Escape(md.Old.ID))
	}
	b.WriteString(" ")
	spansMarkdown(b, md.Title)
	fmt.Fprintf(b, "** · *%s*\n\n", Escape(label))
	blocksMarkdown(b, md.Text)
	if md.New != nil && len(md.New.Inputs) > 0 && md.Change != measures.ChangeKept {
		b.WriteString("Innspill fra Åpen arena bak tiltaket:\n\n")
		for _, in := range md.New.Inputs {
			fmt.Fprintf(b, "- %s: %s\n", Escape(in), Escape(ItemText(x.c, in)))
		}
		b.WriteString("\n")
	}
}
