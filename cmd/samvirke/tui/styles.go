package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/samvirke/samvirke/measures"
)

// Styles are every style of the TUI, built once for the terminal's background and
// NO_COLOR. Without colour, statuses still read as text and the selection is marked
// with › as well as reverse video.
type Styles struct {
	App, Tab, ActiveTab, Notice lipgloss.Style
	Header, Selected, Dim, Bold lipgloss.Style
	Error, OK, Title, Heading   lipgloss.Style
	Status                      map[measures.Status]lipgloss.Style
	NoColor, Dark               bool
}

// DefaultStyles returns the styles for a dark or light background; noColor drops all
// colour (NO_COLOR).
func DefaultStyles(dark, noColor bool) Styles {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(darkc)) }
	s := Styles{NoColor: noColor, Dark: dark, Status: map[measures.Status]lipgloss.Style{}}
	s.Bold = lipgloss.NewStyle().Bold(true)
	s.Selected = lipgloss.NewStyle().Reverse(true)
	s.ActiveTab = lipgloss.NewStyle().Bold(true).Reverse(true).Padding(0, 1)
	s.Tab = lipgloss.NewStyle().Padding(0, 1)
	s.Header = lipgloss.NewStyle().Bold(true)
	s.Heading = lipgloss.NewStyle().Bold(true)
	s.Title = lipgloss.NewStyle().Bold(true)
	s.Dim = lipgloss.NewStyle()
	s.Error = lipgloss.NewStyle().Bold(true)
	s.OK = lipgloss.NewStyle()
	s.Notice = lipgloss.NewStyle().Bold(true)
	for _, st := range measures.Statuses {
		s.Status[st] = lipgloss.NewStyle()
	}
	if noColor {
		return s
	}
	accent := c("#5A3FC0", "#B9A6FF")
	s.ActiveTab = s.ActiveTab.Reverse(false).Foreground(c("#FFFFFF", "#1A1A1A")).Background(accent)
	s.Selected = lipgloss.NewStyle().Background(c("#DCD6F7", "#3B3360")).Foreground(c("#1A1A1A", "#FFFFFF"))
	s.Dim = s.Dim.Foreground(c("#6B6B6B", "#9A9A9A"))
	s.Error = s.Error.Foreground(c("#B00020", "#FF6B6B"))
	s.OK = s.OK.Foreground(c("#1B7F3B", "#7BE495"))
	s.Notice = s.Notice.Foreground(c("#8A5A00", "#FFD166"))
	s.Title = s.Title.Foreground(accent)
	s.Heading = s.Heading.Foreground(accent)
	colors := map[measures.Status][2]string{
		measures.NotAssessed: {"#5F5F5F", "#BDBDBD"},
		measures.Proposed:    {"#007C89", "#5FD7E0"},
		measures.NotStarted:  {"#8A6D00", "#F0C94A"},
		measures.InProgress:  {"#1F5FBF", "#7AAEFF"},
		measures.Delayed:     {"#B00020", "#FF6B6B"},
		measures.Done:        {"#1B7F3B", "#7BE495"},
		measures.InOperation: {"#0E6B52", "#4FD1A5"},
		measures.Cancelled:   {"#7A7A7A", "#808080"},
	}
	for st, pair := range colors {
		col := c(pair[0], pair[1])
		s.Status[st] = lipgloss.NewStyle().Foreground(col)
	}
	return s
}

// helpStyles are the help line's styles: the bubbles defaults, or none for NO_COLOR.
func helpStyles(dark, noColor bool) help.Styles {
	if noColor {
		plain := lipgloss.NewStyle()
		return help.Styles{ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain, Ellipsis: plain,
			FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain}
	}
	return help.DefaultStyles(dark)
}

// status renders a status label in its colour; the text is always there.
func (s Styles) status(st measures.Status) string {
	if style, ok := s.Status[st]; ok {
		return style.Render(st.Label())
	}
	return st.Label()
}

// wrapPlain wraps text to w cells at word boundaries, without padding.
func (s Styles) wrapPlain(text string, w int) string { return ansi.Wordwrap(text, w, "") }

// wrap is a style that wraps text to w cells (at least 20).
func (s Styles) wrap(w int) lipgloss.Style { return lipgloss.NewStyle().Width(max(w, 20)) }

// barGlyphs are the characters for the statuses' segments of a bar, one of its own for
// each status, so the bars read without colour (NO_COLOR) too.
var barGlyphs = map[measures.Status]string{
	measures.NotAssessed: "·",
	measures.Proposed:    "+",
	measures.NotStarted:  "░",
	measures.InProgress:  "▒",
	measures.Delayed:     "!",
	measures.Done:        "█",
	measures.InOperation: "▓",
	measures.Cancelled:   "×",
}

// barGlyph is the character for a status's segment of a bar.
func barGlyph(st measures.Status) string {
	if g, ok := barGlyphs[st]; ok {
		return g
	}
	return "?"
}
