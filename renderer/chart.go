package renderer

import (
	"strconv"
	"strings"
)

// chart is a horizontal bar chart drawn as inline SVG by the report template: one row
// per count, its label above the bar and the number after it, so nothing depends on
// colour. Its <title> and <desc> carry the same numbers as text, and the report puts
// them in a table next to it as well.
type chart struct {
	ID, Title, Desc string
	Width, Height   int
	Bars            []chartBar
	Rows            []countRow
}

type chartBar struct {
	Label, Class, N     string
	LabelY, BarY, BarW  int
	NumX, NumY, Percent int
}

// Geometry of a chart, in SVG user units.
const (
	chartWidth  = 460
	chartBarMax = 380
	chartLabel  = 52 // runes of a label shown in the chart; the table has it in full
	chartRowH   = 38
	chartBarH   = 14
)

func newChart(id, title string, rows []countRow) chart {
	c := chart{ID: id, Title: title, Width: chartWidth, Height: len(rows)*chartRowH + 6, Rows: rows}
	top := 1
	for _, r := range rows {
		top = max(top, r.N)
	}
	var desc []string
	for i, r := range rows {
		w := r.N * chartBarMax / top
		if r.N > 0 {
			w = max(w, 2)
		}
		y := i * chartRowH
		c.Bars = append(c.Bars, chartBar{Label: shorten(r.Label, chartLabel), Class: r.Class, N: strconv.Itoa(r.N),
			LabelY: y + 14, BarY: y + 20, BarW: w, NumX: w + 8, NumY: y + 32})
		desc = append(desc, r.Label+": "+strconv.Itoa(r.N))
	}
	c.Desc = title + ". " + strings.Join(desc, "; ") + "."
	return c
}

// shorten cuts s to n runes, marking the cut with «…».
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
