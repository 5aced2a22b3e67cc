// Package sheet renders the content as tables for spreadsheets: an Excel workbook
// (.xlsx, with excelize) and CSV as a Norwegian Excel opens it. The columns of each table
// are declared once here, so the workbook, the CSV and their tests agree.
package sheet

import (
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"golang.org/x/text/unicode/norm"
)

// Kind is the type of a column's values.
type Kind int

// The kinds of column.
const (
	Text    Kind = iota
	Number       // a whole number
	Percent      // 0–100, shown as a percentage
	Date         // a calendar day
)

// Column is a column of a table: its Norwegian header, kind and width in characters.
type Column struct {
	Header string
	Kind   Kind
	Width  float64
	List   string // name of the list of valid values (a drop-down in the workbook), or ""
}

// Value is one cell. Empty cells have Blank set.
type Value struct {
	Text  string
	Num   int
	Date  measures.Date
	Blank bool
}

// Table is a header and rows of values, one per column.
type Table struct {
	Name    string // the sheet's name
	Columns []Column
	Rows    [][]Value
}

// The lists a column's values come from (see Lists).
const (
	listStatus = "status"
	listArea   = "area"
	listKind   = "kind"
)

// MeasureColumns are the columns of the sheet «Tiltak», one row per measure or
// recommendation.
var MeasureColumns = []Column{
	{Header: "ID", Kind: Text, Width: 12},
	{Header: "Tittel", Kind: Text, Width: 60},
	{Header: "Type", Kind: Text, Width: 12, List: listKind},
	{Header: "Innsatsområde", Kind: Text, Width: 34, List: listArea},
	{Header: "Eiere", Kind: Text, Width: 30},
	{Header: "Ansvarlig", Kind: Text, Width: 22},
	{Header: "Status", Kind: Text, Width: 16, List: listStatus},
	{Header: "Framdrift", Kind: Percent, Width: 11},
	{Header: "Frist", Kind: Date, Width: 12},
	{Header: "Siste notat", Kind: Text, Width: 60},
	{Header: "Dato for siste notat", Kind: Date, Width: 14},
	{Header: "Antall innspill", Kind: Number, Width: 10},
}

// Measures is the table «Tiltak» of every measure.
func Measures(c *measures.Content) Table { return MeasuresOf(c, c.Measures) }

// MeasuresOf is the table «Tiltak» of the measures ms (of c), in their order.
func MeasuresOf(c *measures.Content, ms []*measures.Measure) Table {
	t := Table{Name: "Tiltak", Columns: MeasureColumns}
	for _, m := range ms {
		row := []Value{
			text(m.ID), text(m.Title), text(m.Kind.Label()), text(areaTitle(c, m.Area)),
			text(ownerNames(c, m.Owners)), text(ownerName(c, m.Lead())), text(m.Status.Label()),
			percent(m.Progress), date(m.Due),
		}
		if last := m.LastLog(); last != nil {
			row = append(row, text(last.Note), date(&last.Date))
		} else {
			row = append(row, blank(), blank())
		}
		row = append(row, Value{Num: len(m.Inputs)})
		t.Rows = append(t.Rows, row)
	}
	return t
}

// LogColumns are the columns of the sheet «Logg», one row per log entry.
var LogColumns = []Column{
	{Header: "ID", Kind: Text, Width: 12},
	{Header: "Tittel", Kind: Text, Width: 40},
	{Header: "Dato", Kind: Date, Width: 12},
	{Header: "Status", Kind: Text, Width: 16},
	{Header: "Notat", Kind: Text, Width: 80},
	{Header: "Av", Kind: Text, Width: 22},
}

// Log is the table «Logg».
func Log(c *measures.Content) Table {
	t := Table{Name: "Logg", Columns: LogColumns}
	for _, m := range c.Measures {
		for _, e := range m.Log {
			status := blank()
			if e.Status != "" {
				status = text(e.Status.Label())
			}
			t.Rows = append(t.Rows, []Value{text(m.ID), text(m.Title), date(&e.Date), status, text(e.Note), text(e.By)})
		}
	}
	return t
}

// InputColumns are the columns of the sheet «Innspill», one row per Åpen arena bullet.
var InputColumns = []Column{
	{Header: "Innspill", Kind: Text, Width: 16},
	{Header: "Gruppe", Kind: Text, Width: 40},
	{Header: "Tekst", Kind: Text, Width: 80},
	{Header: "Tiltak som svarer", Kind: Text, Width: 24},
	{Header: "Antall tiltak", Kind: Number, Width: 10},
}

// Inputs is the table «Innspill».
func Inputs(c *measures.Content) Table {
	t := Table{Name: "Innspill", Columns: InputColumns}
	for _, g := range c.Groups {
		for _, it := range g.Items {
			t.Rows = append(t.Rows, []Value{text(it.ID), text(g.Number() + " " + g.Title), text(it.Text),
				text(strings.Join(it.Measures, ", ")), {Num: len(it.Measures)}})
		}
	}
	return t
}

// Lists returns the valid values of each list column, as users see them.
func Lists(c *measures.Content) map[string][]string {
	lists := map[string][]string{}
	for _, s := range measures.Statuses {
		lists[listStatus] = append(lists[listStatus], s.Label())
	}
	for _, a := range c.Areas {
		lists[listArea] = append(lists[listArea], a.Title)
	}
	for _, k := range measures.Kinds {
		lists[listKind] = append(lists[listKind], k.Label())
	}
	return lists
}

// String is v as text: dates as 31.12.2026, percentages as whole numbers.
func (v Value) String(k Kind) string {
	switch {
	case v.Blank:
		return ""
	case k == Date:
		return v.Date.Time().Format("02.01.2006")
	case k == Number || k == Percent:
		return strconv.Itoa(v.Num)
	}
	return v.Text
}

// text is a text cell: NFC and inert (content comes from pull requests).
func text(s string) Value { return Value{Text: measures.Inert(norm.NFC.String(s)), Blank: s == ""} }

func blank() Value { return Value{Blank: true} }

func percent(p *int) Value {
	if p == nil {
		return blank()
	}
	return Value{Num: *p}
}

func date(d *measures.Date) Value {
	if d == nil || d.IsZero() {
		return blank()
	}
	return Value{Date: *d}
}

func areaTitle(c *measures.Content, id string) string {
	if a := c.Area(id); a != nil {
		return a.Title
	}
	return id
}

func ownerName(c *measures.Content, id string) string {
	if id == "" {
		return ""
	}
	return c.OwnerName(id)
}

func ownerNames(c *measures.Content, ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = c.OwnerName(id)
	}
	return strings.Join(names, ", ")
}
