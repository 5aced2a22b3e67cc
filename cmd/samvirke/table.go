package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/samvirke/samvirke/measures"
)

// defaultWidth is the terminal width assumed when the terminal does not say.
const defaultWidth = 80

// minTitleWidth is the least a table gives the title on a terminal. An id too long to
// leave that much goes on a line of its own, whole, with its row on the next; on a
// terminal too narrow even for that, the line is wider than the terminal rather than
// the title gone.
const minTitleWidth = 20

// minIDWidth is the widest id that never goes on a line of its own (T100).
const minIDWidth = 4

// maxOwnerWidth caps the owner column on a terminal (owner short names are short).
const maxOwnerWidth = 10

var statusColors = map[measures.Status]string{
	measures.NotAssessed: "37", measures.Proposed: "36", measures.NotStarted: "33",
	measures.InProgress: "34", measures.Delayed: "31", measures.Done: "32",
	measures.InOperation: "32", measures.Cancelled: "90",
}

// statusCell returns the status label padded to n, coloured when color is set. The label
// is always there: colour only adds to it.
func statusCell(st measures.Status, n int, color bool) string {
	cell := pad(st.Label(), n)
	if !color {
		return cell
	}
	return "\x1b[" + statusColors[st] + "m" + cell + "\x1b[0m"
}

// measureRow is one line of the measure table, its cells ready to print.
type measureRow struct {
	id, owner, due, title string
	status                measures.Status
}

// writeMeasureTable prints measures as a table. width is the terminal's (0 when the
// output is not a terminal: nothing is cut). Ids, statuses and dates are never cut: the
// title takes what is left and is cut to it, and an id that would leave the title less
// than minTitleWidth stands alone on its line, above the rest of its row.
func writeMeasureTable(w io.Writer, c *measures.Content, ms []*measures.Measure, color bool, width int) {
	rows := make([]measureRow, len(ms))
	idW, stW, ownW, dueW := cellWidth("ID"), cellWidth("STATUS"), cellWidth("EIER"), cellWidth("FRIST")
	for i, m := range ms {
		r := measureRow{id: oneLine(m.ID), owner: oneLine(c.OwnerName(m.Lead())), title: m.Title, status: m.Status}
		if m.Due != nil {
			r.due = m.Due.String()
		}
		idW, stW = max(idW, cellWidth(r.id)), max(stW, cellWidth(m.Status.Label()))
		ownW, dueW = max(ownW, cellWidth(r.owner)), max(dueW, cellWidth(r.due))
		rows[i] = r
	}
	titleW := 0
	if width > 0 {
		ownW = min(ownW, maxOwnerWidth)
		fixed := stW + ownW + dueW + 4
		idW = fittingWidth(rows, max(width-fixed-minTitleWidth, minIDWidth))
		titleW = max(width-fixed-idW, minTitleWidth)
	}
	fmt.Fprintf(w, "%s %s %s %s %s\n", pad("ID", idW), pad("STATUS", stW), pad("EIER", ownW), pad("FRIST", dueW), "TITTEL")
	for _, r := range rows {
		owner := r.owner
		if width > 0 {
			owner = truncate(owner, ownW)
		}
		id := r.id
		if cellWidth(id) > idW {
			fmt.Fprintln(w, id)
			id = ""
		}
		line := fmt.Sprintf("%s %s %s %s %s", pad(id, idW), statusCell(r.status, stW, color),
			pad(owner, ownW), pad(r.due, dueW), truncate(r.title, titleW))
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	fmt.Fprintf(w, msgMeasureCount, len(ms), len(c.Measures))
}

// fittingWidth is the width of the widest id of rows that is at most limit cells, and
// at least that of the header ID.
func fittingWidth(rows []measureRow, limit int) int {
	w := cellWidth("ID")
	for _, r := range rows {
		if n := cellWidth(r.id); n <= limit {
			w = max(w, n)
		}
	}
	return w
}
