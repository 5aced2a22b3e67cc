package sheet

import (
	"fmt"
	"io"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/xuri/excelize/v2"
)

// About says where a workbook's data comes from, for its sheet «Om».
type About struct {
	Made    time.Time // when the file was made
	Commit  string    // short hash of the commit the content was read from; "" for none
	When    time.Time // that commit's date
	Changed bool      // the work tree had changes not yet committed
}

// statusColours are the report's badge colours (renderer/templates/style.css): text in
// the badge colour on a light tint of it.
var statusColours = map[measures.Status][2]string{
	measures.NotAssessed: {"4A4A4A", "EDEDED"},
	measures.Proposed:    {"4A4A4A", "EDEDED"},
	measures.NotStarted:  {"4A4A4A", "EDEDED"},
	measures.InProgress:  {"0B5394", "DCE8F5"},
	measures.Delayed:     {"A4161A", "F8DEDF"},
	measures.Done:        {"1E6B34", "DDF0E2"},
	measures.InOperation: {"1E6B34", "DDF0E2"},
	measures.Cancelled:   {"4A4A4A", "EDEDED"},
}

// WriteXLSX writes the workbook: the sheets «Tiltak», «Logg», «Innspill» and «Om», with
// Norwegian headers, a frozen header row, filters, column widths, wrapped text, real
// dates and percentages, drop-downs of the valid statuses, areas and types, and status
// cells coloured as the report's badges.
func WriteXLSX(w io.Writer, c *measures.Content, about About) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	lists := Lists(c)
	if err := writeLists(f, lists); err != nil {
		return err
	}
	for i, t := range []Table{Measures(c), Log(c), Inputs(c)} {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.Name); err != nil {
			return err
		}
		if err := writeTable(f, t, st, lists); err != nil {
			return fmt.Errorf("sheet %s: %w", t.Name, err)
		}
	}
	if err := colourStatus(f, Measures(c)); err != nil {
		return err
	}
	if err := writeAbout(f, c, about, st); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// styles are the cell styles of the workbook.
type styles struct {
	header, text, date, percent, number, title int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	defs := []struct {
		dst *int
		st  *excelize.Style
	}{
		{&s.header, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"0B5394"}}, Alignment: top}},
		{&s.text, &excelize.Style{Alignment: top}},
		{&s.date, &excelize.Style{Alignment: top, CustomNumFmt: ptr("dd.mm.yyyy")}},
		{&s.percent, &excelize.Style{Alignment: top, NumFmt: 9}},
		{&s.number, &excelize.Style{Alignment: top, NumFmt: 1}},
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
	}
	for _, d := range defs {
		if *d.dst, err = f.NewStyle(d.st); err != nil {
			return s, err
		}
	}
	return s, nil
}

func ptr[T any](v T) *T { return &v }

// writeTable writes t as a sheet: header, rows, styles, widths, frozen header, filter
// and the drop-downs of list columns.
func writeTable(f *excelize.File, t Table, st styles, lists map[string][]string) error {
	header := make([]any, len(t.Columns))
	for i, col := range t.Columns {
		header[i] = col.Header
	}
	if err := f.SetSheetRow(t.Name, "A1", &header); err != nil {
		return err
	}
	row := make([]any, len(t.Columns))
	for r, vs := range t.Rows {
		for i, v := range vs {
			row[i] = value(t.Columns[i].Kind, v)
		}
		axis, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := f.SetSheetRow(t.Name, axis, &row); err != nil {
			return err
		}
	}
	lastRow := max(len(t.Rows)+1, 2)
	for i, col := range t.Columns {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(t.Name, name, name, col.Width); err != nil {
			return err
		}
		if err := f.SetCellStyle(t.Name, name+"1", name+"1", st.header); err != nil {
			return err
		}
		if err := f.SetCellStyle(t.Name, name+"2", fmt.Sprintf("%s%d", name, lastRow), st.of(col.Kind)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(t.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Columns), lastRow)
	if err := f.AutoFilter(t.Name, "A1:"+last, nil); err != nil {
		return err
	}
	return dropDowns(f, t, lists)
}

// value is one cell's value as excelize writes it: a date as a date, a percentage as a
// fraction. A string is text in every spreadsheet: a value that starts with = is shown,
// never evaluated (formulas are a cell type of their own, which samvirke never writes).
func value(k Kind, v Value) any {
	switch {
	case v.Blank:
		return nil
	case k == Date:
		return v.Date.Time()
	case k == Percent:
		return float64(v.Num) / 100
	case k == Number:
		return v.Num
	}
	return v.Text
}

// of is the style of a column's cells.
func (s styles) of(k Kind) int {
	switch k {
	case Date:
		return s.date
	case Percent:
		return s.percent
	case Number:
		return s.number
	}
	return s.text
}

// listSheet holds the valid values of the drop-downs, one column per list.
const listSheet = "Lister"

func writeLists(f *excelize.File, lists map[string][]string) error {
	if _, err := f.NewSheet(listSheet); err != nil {
		return err
	}
	for i, name := range listNames {
		col, _ := excelize.ColumnNumberToName(i + 1)
		for r, v := range lists[name] {
			if err := f.SetCellStr(listSheet, fmt.Sprintf("%s%d", col, r+1), v); err != nil {
				return err
			}
		}
	}
	return f.SetSheetVisible(listSheet, false)
}

var listNames = []string{listStatus, listArea, listKind}

// dropDowns adds data validation to the list columns of t: a value must be one of the
// list's, picked from a drop-down.
func dropDowns(f *excelize.File, t Table, lists map[string][]string) error {
	for i, col := range t.Columns {
		if col.List == "" {
			continue
		}
		name, _ := excelize.ColumnNumberToName(i + 1)
		li := 0
		for j, n := range listNames {
			if n == col.List {
				li = j
			}
		}
		lcol, _ := excelize.ColumnNumberToName(li + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", name, name, max(len(t.Rows)+1, 2)+1000)
		dv.SetSqrefDropList(fmt.Sprintf("%s!$%s$1:$%s$%d", listSheet, lcol, lcol, len(lists[col.List])))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Ugyldig verdi", "Velg en verdi fra listen.")
		if err := f.AddDataValidation(t.Name, dv); err != nil {
			return err
		}
	}
	return nil
}

// colourStatus colours the status column of «Tiltak» by value, so a status changed in
// the sheet takes its colour too.
func colourStatus(f *excelize.File, t Table) error {
	col := ""
	for i, c := range t.Columns {
		if c.List == listStatus {
			col, _ = excelize.ColumnNumberToName(i + 1)
		}
	}
	var rules []excelize.ConditionalFormatOptions
	for _, s := range measures.Statuses {
		colour := statusColours[s]
		id, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: colour[0]},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour[1]}}})
		if err != nil {
			return err
		}
		rules = append(rules, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Format: &id, Value: `"` + s.Label() + `"`})
	}
	return f.SetConditionalFormat(t.Name, fmt.Sprintf("%s2:%s%d", col, col, len(t.Rows)+1001), rules)
}

// writeAbout writes the sheet «Om»: what the file is, when and from what it was made.
func writeAbout(f *excelize.File, c *measures.Content, a About, st styles) error {
	const sheet = "Om"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	source := "innholdet som er bygd inn i samvirke"
	if a.Commit != "" {
		source = fmt.Sprintf("versjon %s av strategi-repoet (%s)", a.Commit, measures.DateOf(a.When).Norwegian())
		if a.Changed {
			source += ", med endringer som ikke er lagret i git ennå"
		}
	}
	lines := [][2]string{
		{"Tiltak og anbefalinger i strategien «Arbeid og helse – et tettere samvirke»", ""},
		{"", ""},
		{"Laget", measures.DateOf(a.Made).Norwegian() + " " + a.Made.Format("15.04")},
		{"Datagrunnlag", source},
		{"Innhold", fmt.Sprintf("%d tiltak og anbefalinger, %d logglinjer, %d innspill fra Åpen arena", len(c.Measures), len(Log(c).Rows), c.ItemCount())},
		{"Ark", "Tiltak: ett tiltak per rad. Logg: datert framdrift. Innspill: innspillene fra Åpen arena 2020 og tiltakene som svarer på dem."},
		{"Merk", "Filen er en kopi. Endringer gjort her blir ikke lagret i strategi-repoet før sekretariatet tar dem inn."},
	}
	if err := f.SetColWidth(sheet, "A", "A", 18); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", 100); err != nil {
		return err
	}
	for i, l := range lines {
		if err := f.SetCellStr(sheet, fmt.Sprintf("A%d", i+1), l[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, fmt.Sprintf("B%d", i+1), l[1]); err != nil {
			return err
		}
	}
	return f.SetCellStyle(sheet, "A1", "A1", st.title)
}
