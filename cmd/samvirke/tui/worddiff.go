package tui

import (
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/samvirke/samvirke/measures"
)

// Marks of a word diff in the terminal, as git diff --word-diff=plain writes them, so
// they read without colour (NO_COLOR); with colour, deletions are also struck through
// and insertions underlined, in the renderer's orange and blue.
const (
	delOpen, delClose = "[-", "-]"
	insOpen, insClose = "{+", "+}"
)

// baselineHeading starts the heading of the comparison in the detail.
const baselineHeading = "── Mot "

// diffStyles are the styles of deleted and inserted words: none without colour.
func diffStyles(st Styles) (del, ins lipgloss.Style) {
	del, ins = lipgloss.NewStyle(), lipgloss.NewStyle()
	if st.NoColor {
		return del, ins
	}
	ld := lipgloss.LightDark(st.Dark)
	del = del.Strikethrough(true).Foreground(ld(lipgloss.Color("#B35900"), lipgloss.Color("#FFA657")))
	ins = ins.Underline(true).Foreground(ld(lipgloss.Color("#1F5FBF"), lipgloss.Color("#7AAEFF")))
	return del, ins
}

// baselineSection is the detail's comparison of measure id with the baseline, in place
// of its text: a heading naming the tag, a line saying how the measure changed (and the
// id it had), then its title and text with deletions and insertions marked word by word.
func (c *common) baselineSection(id string, w int) string {
	st, bl := c.st, &c.baseline
	name := "grunnlaget"
	if bl.tag != nil {
		name += " " + measures.Inert(bl.tag.Ref)
	}
	var b strings.Builder
	b.WriteString("\n" + st.Heading.Render(baselineHeading+name+" "+strings.Repeat("─", max(w-ansiWidth(baselineHeading+name)-2, 0))) + "\n")
	say := func(style lipgloss.Style, s string) {
		for _, l := range strings.Split(wrapText(s, w), "\n") {
			b.WriteString(style.Render(l) + "\n")
		}
	}
	var md *measures.MeasureDiff
	if bl.diff != nil {
		md = bl.diff.Measure(id)
	}
	switch {
	case md != nil:
	case bl.loading:
		say(st.Dim, "Henter grunnlaget …")
	case bl.err != nil:
		say(st.Error, "Kunne ikke lese grunnlaget: "+measures.Inert(bl.err.Error()))
	case bl.none:
		say(st.Dim, "Fant ingen strategi/-tagg å sammenligne med. «samvirke strategy --tag NAVN» merker en versjon av teksten som grunnlag; «samvirke init» merker teksten fra 2016 som strategi/2016.")
	case c.opts.Repo == nil:
		say(st.Dim, "Ingen sammenligning: innholdet er ikke i et git-repo, så det finnes ikke noe grunnlag.")
	default:
		say(st.Dim, "Henter grunnlaget …")
	}
	if md == nil {
		return b.String()
	}
	if bl.tag != nil {
		say(st.Dim, "Sammenlignet med "+name+" (commit "+bl.tag.Commit.Hash.String()[:7]+", "+
			measures.DateOf(bl.tag.Commit.Committer.When).Norwegian()+").")
	}
	say(st.Bold, changeLine(md, name))
	marked := md.Change != measures.ChangeNew // a new measure's words are all new: shown plain
	if marked && md.Change != measures.ChangeKept {
		say(st.Dim, "Tegnforklaring: "+c.spans([]measures.WordSpan{{Op: measures.OpDelete, Text: "strøket"},
			{Op: measures.OpEqual, Text: " "}, {Op: measures.OpInsert, Text: "satt inn"}}, true)+
			"; «Flyttet hit:» og «Flyttet herfra:» foran et avsnitt som er flyttet.")
	}
	b.WriteString("\n" + wrapText(st.Bold.Render("Tittel:")+" "+c.spans(md.Title, marked), w) + "\n")
	for _, bl := range md.Text {
		p := c.spans(bl.Spans, marked)
		switch bl.Move {
		case measures.MovedHere:
			p = st.Bold.Render("Flyttet hit:") + " " + p
		case measures.MovedAway:
			p = st.Bold.Render("Flyttet herfra:") + " " + p
		}
		b.WriteString("\n" + wrapText(p, w) + "\n")
	}
	return b.String()
}

// changeLine says how the measure fared since the baseline name («grunnlaget
// strategi/2016») and, when it was renumbered, the id it had.
func changeLine(md *measures.MeasureDiff, name string) string {
	ins, del, _ := measures.BlockCounts(md.Text)
	ti, td, _ := measures.WordCounts(md.Title)
	ins, del = ins+ti, del+td
	words := ""
	if ins+del > 0 {
		words = ": " + itoa(ins) + " ord satt inn, " + itoa(del) + " ord strøket"
	}
	text := "teksten er uendret siden " + name // of a merged or retired measure
	if words != "" {
		text = "endret siden " + name + words
	}
	var s string
	switch md.Change {
	case measures.ChangeKept:
		s = "Uendret siden " + name
	case measures.ChangeNew:
		s = "Nytt siden " + name
	case measures.ChangeMerged:
		s = "Slått sammen med " + measures.Inert(md.MergedInto) + "; " + text
	case measures.ChangeRetired:
		s = "Utgår; " + text
	default:
		s = "Revidert siden " + name + words
	}
	s += "."
	if md.Renamed {
		s += " Het " + measures.Inert(md.Old.ID) + " i grunnlaget."
	}
	return s
}

// spans writes a word diff for the terminal: every text inert (content is untrusted),
// deletions and insertions between their marks and, with colour, styled word by word so
// a style never runs across a line break. Unmarked, insertions are plain text and
// deletions are left out.
func (c *common) spans(spans []measures.WordSpan, marked bool) string {
	del, ins := diffStyles(c.st)
	var b strings.Builder
	for _, s := range spans {
		t := measures.Inert(s.Text)
		switch {
		case s.Op == measures.OpEqual || (!marked && s.Op == measures.OpInsert):
			b.WriteString(t)
		case !marked:
		case s.Op == measures.OpInsert:
			b.WriteString(styleWords(insOpen+t+insClose, ins))
		default:
			b.WriteString(styleWords(delOpen+t+delClose, del))
		}
	}
	return b.String()
}

// styleWords renders each run of non-space characters of s in style, and keeps the
// white space between them unstyled.
func styleWords(s string, style lipgloss.Style) string {
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			b.WriteString(style.Render(s[:i]))
		}
		s = s[i:]
		j := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
		if j < 0 {
			j = len(s)
		}
		b.WriteString(s[:j])
		s = s[j:]
	}
	return b.String()
}

// wrapText wraps s (which may hold styles) to w-2 cells, each line indented by two
// spaces; its own line breaks are kept, a word longer than a line is cut.
func wrapText(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		wrapped := strings.Split(ansi.Wrap(strings.TrimRight(l, " \t"), max(w-2, 18), ""), "\n")
		for j := range wrapped {
			wrapped[j] = "  " + strings.TrimRight(wrapped[j], " ")
		}
		lines[i] = strings.Join(wrapped, "\n")
	}
	return strings.Join(lines, "\n")
}
