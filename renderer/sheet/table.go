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

// columnOf is a column of a table whose rows are Ts with how its cell is read from one T:
// a column's header and its value are declared together, so they cannot drift apart.
type columnOf[T any] struct {
	Column
	cell func(T) Value
}

// columnsOf is the header row of fields.
func columnsOf[T any](fields []columnOf[T]) []Column {
	cols := make([]Column, len(fields))
	for i, f := range fields {
		cols[i] = f.Column
	}
	return cols
}

// tableOf is the table name of one row per record, a cell per field.
func tableOf[T any](name string, fields []columnOf[T], records []T) Table {
	t := Table{Name: name, Columns: columnsOf(fields)}
	for _, r := range records {
		row := make([]Value, len(fields))
		for i, f := range fields {
			row[i] = f.cell(r)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// measureRow is a row of «Tiltak»: a measure and the content its names come from.
type measureRow struct {
	c *measures.Content
	m *measures.Measure
}

var measureFields = []columnOf[measureRow]{
	{Column{Header: "ID", Kind: Text, Width: 12}, func(r measureRow) Value { return text(r.m.ID) }},
	{Column{Header: "Tittel", Kind: Text, Width: 60}, func(r measureRow) Value { return text(r.m.Title) }},
	{Column{Header: "Type", Kind: Text, Width: 12, List: listKind}, func(r measureRow) Value { return text(r.m.Kind.Label()) }},
	{Column{Header: "Innsatsområde", Kind: Text, Width: 34, List: listArea}, func(r measureRow) Value { return text(areaTitle(r.c, r.m.Area)) }},
	{Column{Header: "Eiere", Kind: Text, Width: 30}, func(r measureRow) Value { return text(ownerNames(r.c, r.m.Owners)) }},
	{Column{Header: "Ansvarlig", Kind: Text, Width: 22}, func(r measureRow) Value { return text(ownerName(r.c, r.m.Lead())) }},
	{Column{Header: "Status", Kind: Text, Width: 16, List: listStatus}, func(r measureRow) Value { return text(r.m.Status.Label()) }},
	{Column{Header: "Framdrift", Kind: Percent, Width: 11}, func(r measureRow) Value { return percent(r.m.Progress) }},
	{Column{Header: "Frist", Kind: Date, Width: 12}, func(r measureRow) Value { return date(r.m.Due) }},
	{Column{Header: "Siste notat", Kind: Text, Width: 60}, func(r measureRow) Value {
		if last := r.m.LastLog(); last != nil {
			return text(last.Note)
		}
		return blank()
	}},
	{Column{Header: "Dato for siste notat", Kind: Date, Width: 14}, func(r measureRow) Value {
		if last := r.m.LastLog(); last != nil {
			return date(&last.Date)
		}
		return blank()
	}},
	{Column{Header: "Antall innspill", Kind: Number, Width: 10}, func(r measureRow) Value { return Value{Num: len(r.m.Inputs)} }},
}

// MeasureColumns are the columns of the sheet «Tiltak», one row per measure or
// recommendation.
var MeasureColumns = columnsOf(measureFields)

// Measures is the table «Tiltak» of every measure.
func Measures(c *measures.Content) Table { return MeasuresOf(c, c.Measures) }

// MeasuresOf is the table «Tiltak» of the measures ms (of c), in their order.
func MeasuresOf(c *measures.Content, ms []*measures.Measure) Table {
	rows := make([]measureRow, len(ms))
	for i, m := range ms {
		rows[i] = measureRow{c, m}
	}
	return tableOf("Tiltak", measureFields, rows)
}

// logRow is a row of «Logg»: one entry of a measure's log.
type logRow struct {
	m *measures.Measure
	e measures.LogEntry
}

var logFields = []columnOf[logRow]{
	{Column{Header: "ID", Kind: Text, Width: 12}, func(r logRow) Value { return text(r.m.ID) }},
	{Column{Header: "Tittel", Kind: Text, Width: 40}, func(r logRow) Value { return text(r.m.Title) }},
	{Column{Header: "Dato", Kind: Date, Width: 12}, func(r logRow) Value { return date(&r.e.Date) }},
	{Column{Header: "Status", Kind: Text, Width: 16}, func(r logRow) Value {
		if r.e.Status == "" {
			return blank()
		}
		return text(r.e.Status.Label())
	}},
	{Column{Header: "Notat", Kind: Text, Width: 80}, func(r logRow) Value { return text(r.e.Note) }},
	{Column{Header: "Av", Kind: Text, Width: 22}, func(r logRow) Value { return text(r.e.By) }},
}

// LogColumns are the columns of the sheet «Logg», one row per log entry.
var LogColumns = columnsOf(logFields)

// Log is the table «Logg».
func Log(c *measures.Content) Table {
	var rows []logRow
	for _, m := range c.Measures {
		for _, e := range m.Log {
			rows = append(rows, logRow{m, e})
		}
	}
	return tableOf("Logg", logFields, rows)
}

// inputRow is a row of «Innspill»: one bullet of an input group.
type inputRow struct {
	g  *measures.Group
	it measures.Item
}

var inputFields = []columnOf[inputRow]{
	{Column{Header: "Innspill", Kind: Text, Width: 16}, func(r inputRow) Value { return text(r.it.ID) }},
	{Column{Header: "Gruppe", Kind: Text, Width: 40}, func(r inputRow) Value { return text(r.g.Number() + " " + r.g.Title) }},
	{Column{Header: "Tekst", Kind: Text, Width: 80}, func(r inputRow) Value { return text(r.it.Text) }},
	{Column{Header: "Tiltak som svarer", Kind: Text, Width: 24}, func(r inputRow) Value { return text(strings.Join(r.it.Measures, ", ")) }},
	{Column{Header: "Antall tiltak", Kind: Number, Width: 10}, func(r inputRow) Value { return Value{Num: len(r.it.Measures)} }},
}

// InputColumns are the columns of the sheet «Innspill», one row per Åpen arena bullet.
var InputColumns = columnsOf(inputFields)

// Inputs is the table «Innspill».
func Inputs(c *measures.Content) Table {
	var rows []inputRow
	for _, g := range c.Groups {
		for _, it := range g.Items {
			rows = append(rows, inputRow{g, it})
		}
	}
	return tableOf("Innspill", inputFields, rows)
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
