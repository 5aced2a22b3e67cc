package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

func load(t testing.TB, dir string) *measures.Content {
	t.Helper()
	c, err := measures.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fixture(t testing.TB) *measures.Content { return load(t, "../../measures/testdata/content") }

var made = time.Date(2026, 12, 1, 14, 30, 0, 0, time.UTC)

func workbook(t *testing.T, c *measures.Content) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, c, About{Made: made, Commit: "abc1234", When: made}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatalf("excelize cannot read the workbook back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWorkbookSheets(t *testing.T) {
	f := workbook(t, fixture(t))
	if got, want := strings.Join(f.GetSheetList(), ","), "Tiltak,Lister,Logg,Innspill,Om"; got != want {
		t.Errorf("sheets = %s, want %s", got, want)
	}
	if v, _ := f.GetSheetVisible("Lister"); v {
		t.Error("the sheet of drop-down values is visible")
	}
	rows, err := f.GetRows("Tiltak")
	if err != nil {
		t.Fatal(err)
	}
	var headers []string
	for _, c := range MeasureColumns {
		headers = append(headers, c.Header)
	}
	if got := strings.Join(rows[0], "|"); got != strings.Join(headers, "|") {
		t.Errorf("header = %s", got)
	}
	if len(rows) != 1+4 {
		t.Errorf("%d rows, want a header and 4 measures", len(rows))
	}
	about, _ := f.GetRows("Om")
	if !strings.Contains(flatten(about), "versjon abc1234") || !strings.Contains(flatten(about), "1. desember 2026") {
		t.Errorf("sheet Om = %v", about)
	}
}

// TestWorkbookCells: the values of a measure as a spreadsheet sees them: a real date, a
// percentage, labels rather than slugs, owners by name.
func TestWorkbookCells(t *testing.T) {
	f := workbook(t, fixture(t))
	tests := []struct {
		cell, want string
		typ        excelize.CellType
	}{
		{"A2", "T01", excelize.CellTypeSharedString},
		{"B2", "Øke kunnskapen om effekter", excelize.CellTypeSharedString},
		{"C2", "tiltak", excelize.CellTypeSharedString},
		{"G2", "pågår", excelize.CellTypeSharedString},
		{"H2", "50%", excelize.CellTypeUnset},
		{"I2", "30.06.2025", excelize.CellTypeUnset},
		{"J2", "Oppstartsmøte holdt.", excelize.CellTypeSharedString},
		{"K2", "10.01.2025", excelize.CellTypeUnset},
		{"L2", "1", excelize.CellTypeUnset},
	}
	for _, tt := range tests {
		got, err := f.GetCellValue("Tiltak", tt.cell)
		if err != nil || got != tt.want {
			t.Errorf("Tiltak!%s = %q (%v), want %q", tt.cell, got, err, tt.want)
		}
		typ, _ := f.GetCellType("Tiltak", tt.cell)
		if typ != tt.typ && !(tt.typ == excelize.CellTypeSharedString && typ == excelize.CellTypeInlineString) {
			t.Errorf("Tiltak!%s has type %v, want %v", tt.cell, typ, tt.typ)
		}
	}
	raw, _ := f.GetCellValue("Tiltak", "I2", excelize.Options{RawCellValue: true})
	if raw != "45838" { // 30 June 2025 as an Excel serial date
		t.Errorf("Tiltak!I2 raw = %q, want the serial date 45838", raw)
	}
	if owners, _ := f.GetCellValue("Tiltak", "E2"); owners != "NAV, Hdir" {
		t.Errorf("owners = %q, want their short names", owners)
	}
}

func TestWorkbookUsability(t *testing.T) {
	f := workbook(t, fixture(t))
	panes, err := f.GetPanes("Tiltak")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v (%v), want the header row frozen", panes, err)
	}
	dvs, err := f.GetDataValidations("Tiltak")
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]string{}
	for _, dv := range dvs {
		lists[strings.Fields(dv.Sqref)[0][:1]] = dv.Formula1
	}
	for col, want := range map[string]string{"C": "Lister!$C$1:$C$2", "D": "Lister!$B$1:$B$", "G": "Lister!$A$1:$A$8"} {
		if !strings.HasPrefix(lists[col], want) {
			t.Errorf("column %s drop-down = %q, want %q", col, lists[col], want)
		}
	}
	cf, err := f.GetConditionalFormats("Tiltak")
	if err != nil || len(cf) != 1 {
		t.Fatalf("conditional formats = %v (%v), want one range for the status colours", cf, err)
	}
	for _, rules := range cf {
		if len(rules) != len(measures.Statuses) {
			t.Errorf("%d status colour rules, want one per status", len(rules))
		}
	}
	if w, _ := f.GetColWidth("Tiltak", "B"); w < 40 {
		t.Errorf("title column %v wide, want room for a title", w)
	}
}

// TestHostileCells: a title that is a formula stays text in the workbook and is
// quoted in the CSV; control characters are made visible.
func TestHostileCells(t *testing.T) {
	c := fixture(t)
	m := c.Measure("T02").Clone()
	m.Title = `=HYPERLINK("http://evil.example/","klikk")`
	m.Log = append(m.Log, measures.LogEntry{Date: measures.Date{Year: 2026, Month: 1, Day: 2}, Note: "@SUM(1+1)\x1b]52;c;aGFjaw==\a"})
	c.Replace(m)
	f := workbook(t, c)
	if typ, _ := f.GetCellType("Tiltak", "B3"); typ == excelize.CellTypeFormula {
		t.Error("a title became a formula")
	}
	if formula, _ := f.GetCellFormula("Tiltak", "B3"); formula != "" {
		t.Errorf("Tiltak!B3 has the formula %q", formula)
	}
	var b bytes.Buffer
	if err := WriteExcelCSV(&b, Measures(c)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, `"'=HYPERLINK(""http://evil.example/"",""klikk"")"`) || !strings.Contains(out, `'@SUM(1+1)\x1b]52;c;aGFjaw==\x07`) {
		t.Errorf("CSV cells not neutralised:\n%s", out)
	}
	if strings.ContainsAny(out, "\x1b\a") {
		t.Error("a control character reached the CSV")
	}
}

// TestExcelCSVGolden: BOM, semicolons, CRLF, Norwegian headers and labels.
func TestExcelCSVGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteExcelCSV(&b, Measures(fixture(t))); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "tiltak.golden.csv")
	testutil.Golden(t, golden, b.Bytes())
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(want, []byte("\ufeffID;Tittel;")) || bytes.Count(want, []byte("\r\n")) != bytes.Count(want, []byte("\n")) {
		t.Errorf("%s is not BOM + semicolons + CRLF", golden)
	}
}

func flatten(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, " ") + "\n")
	}
	return b.String()
}
