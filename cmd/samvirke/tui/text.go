package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"
	"github.com/samvirke/samvirke/measures"
)

func sprintf(format string, a ...any) string {
	if len(a) == 0 {
		return format
	}
	return fmt.Sprintf(format, a...)
}

// cell fits s (which may hold ANSI styles) into exactly w cells: cut with … or padded.
func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = ansi.StringWidth(s)
	}
	return s + strings.Repeat(" ", w-n)
}

// oneLine collapses runs of white space, newlines included, to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(shown(s)), " ") }

// shown is text from content or git as the TUI shows it: escape sequences, control
// characters and bidi overrides as visible escapes (measures.Inert, the CLI's rule), so
// a pull request cannot drive the terminal or reorder what is on screen.
func shown(s string) string { return measures.Inert(s) }

func ansiWidth(s string) int    { return ansi.StringWidth(s) }
func ansiStrip(s string) string { return ansi.Strip(s) }
func itoa(n int) string         { return strconv.Itoa(n) }

// newInput is a text input with a steady cursor (no blinking redraws).
func newInput() textinput.Model {
	in := textinput.New()
	s := in.Styles()
	s.Cursor.Blink = false
	in.SetStyles(s)
	return in
}

// newArea is a text area with a steady cursor.
func newArea() textarea.Model {
	ta := textarea.New()
	s := ta.Styles()
	s.Cursor.Blink = false
	ta.SetStyles(s)
	return ta
}
