package renderer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// stacked is a chart of status counts per row (an area, an owner, a report): one bar per
// row, cut into the statuses in the badges' colours, each piece with its number written
// in it when it fits, and the row's total after the bar. The same numbers are in the
// table beside it, and in the <desc>, so nothing depends on colour.
type stacked struct {
	ID, Title, Desc, RowHead string
	Width, Height            int
	Bars                     []stackedBar
	Legend                   []legendItem
	Statuses                 []statusCol  // the table's columns: the statuses in use
	Rows                     []stackedRow // the table's rows, counts of those statuses
}

type stackedBar struct {
	Label          string
	LabelY, BarY   int
	Total          string
	TotalX, TotalY int
	Segments       []segment
}

type segment struct {
	X, W, TextX, TextY int
	Fill, Ink, N       string
	Class              string
}

type legendItem struct {
	X, Y  int
	Fill  string
	Label string
}

type statusCol struct{ Slug, Label string }

// stackedRow is one row of counts: a label and a count per status in measures.Statuses.
type stackedRow struct {
	Label  string
	Counts []int
	Total  int
}

// statusFill is the colour of a status in charts: the badge colours, with the four
// neutral statuses in four greys from light (ikke vurdert) to dark (avsluttet).
var statusFill = map[measures.Status]string{
	measures.NotAssessed: "#c9c9c4", measures.Proposed: "#9d9d98", measures.NotStarted: "#767672",
	measures.InProgress: "#0b5394", measures.Delayed: "#a4161a", measures.Done: "#1e6b34",
	measures.InOperation: "#4f9a5e", measures.Cancelled: "#4a4a4a",
}

// statusInk is the colour of a number written on a status's piece.
func statusInk(s measures.Status) string {
	if s == measures.NotAssessed || s == measures.Proposed {
		return "#1d1d1b"
	}
	return "#ffffff"
}

const (
	stackRowH   = 40
	stackBarH   = 16
	stackBarMax = 400
	legendRowH  = 18
	stackWidth  = 560
	stackLabel  = 84 // runes of a label in the chart; the table has it in full
)

// newStacked draws rows; every row's bar is scaled to the largest total.
func newStacked(t *lang.Texts, id, title, rowHead string, rows []stackedRow) stacked {
	c := stacked{ID: id, Title: title, RowHead: rowHead, Width: stackWidth}
	var used []int
	for j, s := range measures.Statuses {
		if slices.ContainsFunc(rows, func(r stackedRow) bool { return r.Counts[j] > 0 }) {
			used = append(used, j)
			c.Statuses = append(c.Statuses, statusCol{string(s), t.Status(s)})
		}
	}
	for _, r := range rows {
		t := stackedRow{Label: r.Label, Total: r.Total}
		for _, j := range used {
			t.Counts = append(t.Counts, r.Counts[j])
		}
		c.Rows = append(c.Rows, t)
	}
	top := 1
	for _, r := range rows {
		top = max(top, r.Total)
	}
	var desc []string
	for i, r := range rows {
		y := i * stackRowH
		b := stackedBar{Label: shorten(r.Label, stackLabel), LabelY: y + 13, BarY: y + 19, Total: strconv.Itoa(r.Total)}
		x := 0
		var parts []string
		for j, n := range r.Counts {
			if n == 0 {
				continue
			}
			s := measures.Statuses[j]
			w := max(n*stackBarMax/top, 2)
			seg := segment{X: x, W: w, Fill: statusFill[s], Ink: statusInk(s), Class: "s-" + string(s), TextX: x + w/2, TextY: y + 31}
			if w >= 16 {
				seg.N = strconv.Itoa(n)
			}
			b.Segments = append(b.Segments, seg)
			x += w
			parts = append(parts, strconv.Itoa(n)+" "+t.Status(s))
		}
		b.TotalX, b.TotalY = x+6, y+31
		c.Bars = append(c.Bars, b)
		desc = append(desc, r.Label+": "+strings.Join(parts, ", "))
	}
	legendY := len(rows)*stackRowH + 8
	for i, j := range used {
		s := measures.Statuses[j]
		c.Legend = append(c.Legend, legendItem{X: (i % 4) * 135, Y: legendY + (i/4)*legendRowH, Fill: statusFill[s], Label: t.Status(s)})
	}
	c.Height = legendY + (len(used)+3)/4*legendRowH
	c.Desc = title + ". " + strings.Join(desc, "; ") + "."
	return c
}

// statusRows counts the statuses of ms grouped by key, in the order of labels.
func statusRows(ms []*measures.Measure, key func(*measures.Measure) string, keys, labels []string) []stackedRow {
	index := map[string]int{}
	rows := make([]stackedRow, len(keys))
	for i, k := range keys {
		index[k] = i
		rows[i] = stackedRow{Label: labels[i], Counts: make([]int, len(measures.Statuses))}
	}
	for _, m := range ms {
		i, ok := index[key(m)]
		if !ok {
			continue
		}
		if j := m.Status.Rank(); j < len(measures.Statuses) {
			rows[i].Counts[j]++
			rows[i].Total++
		}
	}
	return rows
}

// countRowOf is one row of status counts, for the trend across reports.
func countRowOf(label string, ms []*measures.Measure) stackedRow {
	return statusRows(ms, func(*measures.Measure) string { return "" }, []string{""}, []string{label})[0]
}
