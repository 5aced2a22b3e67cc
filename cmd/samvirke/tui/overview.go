package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
)

// overviewView is Oversikt: per area a bar of the measures by status (each segment in
// the status's colour and with its own glyph, and the counts in words), the overdue
// measures and the latest changes from git.
type overviewView struct {
	*common
	box
	offset int // the first line shown
}

// Update scrolls.
func (o *overviewView) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := o.keys
	switch {
	case key.Matches(kp, k.Up):
		o.offset = max(o.offset-1, 0)
	case key.Matches(kp, k.Down):
		o.offset++
	case key.Matches(kp, k.PageUp):
		o.offset = max(o.offset-o.h, 0)
	case key.Matches(kp, k.PageDown):
		o.offset += o.h
	case key.Matches(kp, k.Top):
		o.offset = 0
	}
	return nil
}

// scroll moves by d lines (the mouse wheel); View keeps it within the text.
func (o *overviewView) scroll(d int) { o.offset = max(0, o.offset+d) }

// ShortHelp is the key line on Oversikt.
func (o *overviewView) ShortHelp() []key.Binding {
	k := o.keys
	return []key.Binding{k.Up, k.Down, k.Next, k.Help, k.Quit}
}

// FullHelp is Oversikt's keys.
func (o *overviewView) FullHelp() [][]key.Binding {
	k := o.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top}, {k.Next, k.Prev, k.Help, k.Quit}}
}

type areaCount struct {
	title string
	total int
	by    map[measures.Status]int
}

// View draws Oversikt.
func (o *overviewView) View() string {
	st, w, h := o.st, o.w, o.h
	var groups []*areaCount
	byArea := map[string]*areaCount{}
	for _, a := range o.c.Areas {
		g := &areaCount{title: sprintf("%d. %s", a.Number, oneLine(a.Title)), by: map[measures.Status]int{}}
		groups = append(groups, g)
		byArea[a.ID] = g
	}
	other := &areaCount{title: "Uten innsatsområde", by: map[measures.Status]int{}}
	all := &areaCount{title: "Alle", by: map[measures.Status]int{}}
	today := o.today()
	var overdue []*measures.Measure
	for _, ms := range o.c.Measures {
		g := byArea[ms.Area]
		if g == nil {
			g = other
		}
		g.total++
		g.by[ms.Status]++
		all.total++
		all.by[ms.Status]++
		if ms.Overdue(today) {
			overdue = append(overdue, ms)
		}
	}
	if other.total > 0 {
		groups = append(groups, other)
	}
	groups = append(groups, all)

	var lines []string
	lines = append(lines, st.Title.Render("Status per innsatsområde"))
	barW := min(max(w/3, 10), 30)
	for _, g := range groups {
		lines = append(lines, st.Bold.Render(g.title)+st.Dim.Render(sprintf("  %d", g.total)))
		lines = append(lines, barLines(o.bar(g, barW), o.counts(g), barW, w)...)
	}
	lines = append(lines, "", st.Title.Render(sprintf("Fristen er passert (%d)", len(overdue))))
	if len(overdue) == 0 {
		lines = append(lines, st.Dim.Render("  Ingen tiltak har passert fristen."))
	}
	for i, ms := range overdue {
		if i == 10 {
			lines = append(lines, st.Dim.Render(sprintf("  … og %d til (sorter Tiltak etter frist med o)", len(overdue)-10)))
			break
		}
		lines = append(lines, "  "+cell(ms.ID, 6)+" "+ms.Due.String()+" "+cell(st.status(ms.Status), 15)+" "+oneLine(ms.Title))
	}
	lines = append(lines, "", st.Title.Render("Siste endringer"))
	switch {
	case o.readOnly():
		lines = append(lines, st.Dim.Render("  Ingen git-historikk for innebygd innhold."))
	case len(o.log) == 0:
		lines = append(lines, st.Dim.Render("  Ingen endringer funnet ennå."))
	}
	for _, c := range o.log {
		lines = append(lines, "  "+c.Commit[:7]+" "+measures.DateOf(c.Date).String()+" "+cell(oneLine(c.Author), 14)+" "+oneLine(c.Subject))
	}
	o.offset = min(o.offset, max(len(lines)-h, 0))
	return strings.Join(lines[o.offset:], "\n")
}

// bar draws the stacked bar of g's statuses, w cells wide.
func (o *overviewView) bar(g *areaCount, w int) string {
	if g.total == 0 {
		return strings.Repeat(" ", w)
	}
	var b strings.Builder
	used := 0
	for i, s := range measures.Statuses {
		n := g.by[s]
		if n == 0 {
			continue
		}
		cells := n * w / g.total
		if cells == 0 {
			cells = 1
		}
		if i == len(measures.Statuses)-1 || used+cells > w {
			cells = max(w-used, 0)
		}
		b.WriteString(o.st.Status[s].Render(strings.Repeat(barGlyph(s), cells)))
		used += cells
	}
	if used < w {
		b.WriteString(strings.Repeat(" ", w-used))
	}
	return b.String()
}

// counts are g's counts in words, one per status present: «▒ pågår 5».
func (o *overviewView) counts(g *areaCount) []string {
	var parts []string
	for _, s := range measures.Statuses {
		if n := g.by[s]; n > 0 {
			parts = append(parts, barGlyph(s)+" "+o.st.status(s)+" "+itoa(n))
		}
	}
	return parts
}

// barLines puts the counts to the right of the bar, going on under each other on more
// lines where they do not fit in w, so that no count is cut off.
func barLines(bar string, parts []string, barW, w int) []string {
	indent := strings.Repeat(" ", 2+barW+2)
	room := max(w-len(indent), 12)
	var lines []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case ansiWidth(line)+2+ansiWidth(p) <= room:
			line += "  " + p
		default:
			lines = append(lines, line)
			line = p
		}
	}
	lines = append(lines, line)
	for i := range lines {
		if i == 0 {
			lines[i] = "  " + bar + "  " + lines[i]
		} else {
			lines[i] = indent + lines[i]
		}
	}
	return lines
}
