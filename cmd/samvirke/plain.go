package main

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/samvirke/samvirke/measures"
	"golang.org/x/text/unicode/norm"
)

// Content comes from pull requests, so every value of it that the CLI prints as plain
// text, in a table or in CSV goes through plain (or oneLine, truncate, csvCell, which
// call it): control characters and bidi overrides become visible escapes
// (measures.Inert) and the text is in NFC, so it is measured and matched as it looks.

// plain returns s ready to print: NFC, and inert.
func plain(s string) string { return measures.Inert(norm.NFC.String(s)) }

// oneLine is plain with every run of white space (line breaks, tabs) made one space.
func oneLine(s string) string { return strings.Join(strings.Fields(plain(s)), " ") }

// truncate returns oneLine(s) cut to at most n terminal cells, ending with … when cut.
// Width is counted in cells (a CJK character takes two, a combining accent none); n ≤ 0
// means no limit, as for output that is not a terminal.
func truncate(s string, n int) string {
	s = oneLine(s)
	if n <= 0 || ansi.StringWidth(s) <= n {
		return s
	}
	return ansi.Truncate(s, n, "…")
}

// pad right-pads s with spaces to n terminal cells.
func pad(s string, n int) string {
	if w := ansi.StringWidth(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// cellWidth is the width of s in terminal cells.
func cellWidth(s string) int { return ansi.StringWidth(s) }

// csvCell returns s for a CSV cell: NFC and measures.FormulaSafe.
func csvCell(s string) string { return measures.FormulaSafe(norm.NFC.String(s)) }
