package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/samvirke/samvirke/measures"
)

// tableWidth is the width table output is laid out for: it fits an 80-column terminal.
const tableWidth = 80

// truncate shortens s to at most n runes, ending with … when cut.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// pad right-pads s with spaces to n runes.
func pad(s string, n int) string {
	if c := utf8.RuneCountInString(s); c < n {
		return s + strings.Repeat(" ", n-c)
	}
	return s
}

var statusColors = map[measures.Status]string{
	measures.NotAssessed: "37", measures.Proposed: "36", measures.NotStarted: "33",
	measures.InProgress: "34", measures.Delayed: "31", measures.Done: "32",
	measures.InOperation: "32", measures.Cancelled: "90",
}

// statusCell returns the status label padded to n, coloured when color is set. The label
// is always there: colour only adds to it.
func statusCell(st measures.Status, n int, color bool) string {
	cell := pad(truncate(st.Label(), n), n)
	if !color {
		return cell
	}
	return "\x1b[" + statusColors[st] + "m" + cell + "\x1b[0m"
}

// writeMeasureTable prints measures as an 80-column table.
func writeMeasureTable(w io.Writer, c *measures.Content, ms []*measures.Measure, color bool) {
	const idW, stW, ownW, dueW = 6, 15, 6, 10
	titleW := tableWidth - idW - stW - ownW - dueW - 4
	fmt.Fprintf(w, "%s %s %s %s %s\n", pad("ID", idW), pad("STATUS", stW), pad("EIER", ownW), pad("FRIST", dueW), "TITTEL")
	for _, m := range ms {
		due := ""
		if m.Due != nil {
			due = m.Due.String()
		}
		line := fmt.Sprintf("%s %s %s %s %s", pad(truncate(m.ID, idW), idW), statusCell(m.Status, stW, color),
			pad(truncate(c.OwnerName(m.Lead()), ownW), ownW), pad(due, dueW), truncate(m.Title, titleW))
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	fmt.Fprintf(w, "\n%d av %d tiltak og anbefalinger\n", len(ms), len(c.Measures))
}
