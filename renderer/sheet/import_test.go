package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
	"github.com/xuri/excelize/v2"
)

var today = measures.Date{Year: 2026, Month: 12, Day: 1}

// grid builds a CSV sheet of rows of cells separated by |.
func grid(t *testing.T, rows ...string) *Grid {
	t.Helper()
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.ReplaceAll(r, "|", ";") + "\r\n")
	}
	g, err := ReadCSV(strings.NewReader(b.String()), "tiltak.csv")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func changes(t *testing.T, c *measures.Content, p *Plan) string {
	t.Helper()
	var out []string
	for _, m := range p.Changed {
		out = append(out, m.ID+": "+strings.Join(measures.Changes(p.Before(m.ID), m), ", "))
	}
	for _, m := range p.New {
		out = append(out, "+"+m.ID+" "+string(m.Status)+" "+m.Area)
	}
	return strings.Join(out, "; ")
}

// TestImportMapping: the plain sheets a secretariat keeps, header by header, and what
// each row changes.
func TestImportMapping(t *testing.T) {
	tests := []struct {
		name string
		opts ImportOptions
		rows []string
		want string
	}{
		{"export headers, nothing changed", ImportOptions{},
			[]string{"ID|Tittel|Status|Framdrift|Frist|Eiere|Ansvarlig", "T01|Øke kunnskapen om effekter|pågår|50 %|30.06.2025|NAV, Hdir|NAV"}, ""},
		{"english headers in any case, header below a title row", ImportOptions{},
			[]string{"Tiltaksliste fra sekretariatet", "", "id|TITLE|status|progress|due date", "t01||Gjennomfort|0,8|2026-12-31"},
			"T01: status pågår → gjennomført, framdrift 50 % → 80 %, frist 2025-06-30 → 2026-12-31"},
		{"accents and slugs, owners by id, short and full name", ImportOptions{},
			[]string{"Id|Innsatsomrade|STATUS|Eier", "T02|Styrke kunnskapsgrunnlaget|in-progress|hdir, Arbeids- og velferdsdirektoratet"},
			"T02: status ikke vurdert → pågår, eiere +nav, innsatsområde roles → knowledge"},
		{"lead moves an owner first", ImportOptions{},
			[]string{"ID|Ansvarlig", "T01|Hdir"}, "T01: ansvarlig eier nav → hdir"},
		{"a note with its date is added once", ImportOptions{},
			[]string{"ID|Siste notat|Dato for siste notat", "T01|Oppstartsmøte holdt.|10.01.2025", "T02|Første møte.|15.11.2026"},
			"T02: notat lagt til"},
		{"a percentage cell holds a fraction: 1 is 100 %", ImportOptions{},
			[]string{"ID|Framdrift", "T01|1"}, "T01: framdrift 50 % → 100 %"},
		{"empty cells change nothing", ImportOptions{},
			[]string{"ID|Framdrift|Frist", "T01||"}, ""},
		{"--clear-empty empties progress and due", ImportOptions{ClearEmpty: true},
			[]string{"ID|Framdrift|Frist", "T01||"}, "T01: framdrift 50 % → –, frist 2025-06-30 → –"},
		{"unknown columns and the derived count are ignored", ImportOptions{},
			[]string{"ID|Status|Antall innspill|Merknad", "T01|Pågår|7|hva som helst"}, ""},
		{"a new row becomes a proposal", ImportOptions{NewAsProposals: true, Slug: func(s string) string { return "felles-kurs" }},
			[]string{"ID|Tittel|Innsatsområde|Eiere", "NY1|Felles kurs|1|NAV"}, "+P-felles-kurs proposed roles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fixture(t)
			tt.opts.Today = today
			p, err := Import(c, grid(t, tt.rows...), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := changes(t, c, p); got != tt.want {
				t.Errorf("changes = %q\nwant      %q", got, tt.want)
			}
			if orig := fixture(t); orig.Measure("T01").Status != c.Measure("T01").Status {
				t.Error("Import changed the content it was given")
			}
		})
	}
}

// TestImportErrors: every problem of the sheet at once, each naming file, sheet, cell
// and header; nothing planned.
func TestImportErrors(t *testing.T) {
	c := fixture(t)
	g := grid(t,
		"ID|Tittel|Status|Framdrift|Frist|Eiere",
		"T01||pagar x|50|31.02.2026|NAV",
		"T99|Nytt|pågår|||",
		"T02||gjennomført|140||Arbeidsdepartementet",
		"T01||pågår|||",
		"|Uten id|||",
	)
	_, err := Import(c, g, ImportOptions{Today: today})
	var ie ImportErrors
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want ImportErrors", err)
	}
	want := []string{
		"tiltak.csv: C2 (Status): ukjent status «pagar x»; mente du «pågår»?",
		"tiltak.csv: E2 (Frist): «31.02.2026» er ikke en gyldig dato",
		"tiltak.csv: A3 (ID): fant ikke tiltaket «T99»",
		"tiltak.csv: D4 (Framdrift): «140» er ikke en framdrift",
		"tiltak.csv: F4 (Eiere): ukjent eier «Arbeidsdepartementet»",
		"tiltak.csv: A5 (ID): «T01» står også på rad 2",
		"tiltak.csv: A6 (ID): id mangler",
	}
	if len(ie) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(ie), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(ie[i].Error(), w) {
			t.Errorf("error %d = %q\nwant prefix %q", i, ie[i].Error(), w)
		}
	}
}

// TestImportValidates: a row whose values are each valid but make the measure invalid
// (a new proposal without owners) is reported at its row, as the save would refuse it.
func TestImportValidates(t *testing.T) {
	c := fixture(t)
	g := grid(t, "ID|Tittel|Innsatsområde", "NY|Uten eiere|1")
	_, err := Import(c, g, ImportOptions{Today: today, NewAsProposals: true, Slug: strings.ToLower})
	if err == nil || !strings.Contains(err.Error(), "tiltak.csv: A2 (ID): ") || !strings.Contains(err.Error(), "owners") {
		t.Fatalf("err = %v", err)
	}
}

// TestImportNoHeader: a sheet without a recognisable header row.
func TestImportNoHeader(t *testing.T) {
	_, err := Import(fixture(t), grid(t, "a|b|c", "1|2|3"), ImportOptions{Today: today})
	if err == nil || !strings.Contains(err.Error(), "fant ingen overskriftsrad") {
		t.Fatalf("err = %v", err)
	}
}

// TestImportRoundTrip: the workbook and the CSV the export writes import as no change.
func TestImportRoundTrip(t *testing.T) {
	c := fixture(t)
	var x, s bytes.Buffer
	if err := WriteXLSX(&x, c, About{Made: made}); err != nil {
		t.Fatal(err)
	}
	if err := WriteExcelCSV(&s, Measures(c)); err != nil {
		t.Fatal(err)
	}
	gx, err := ReadXLSX(&x, "tiltak.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	gc, err := ReadCSV(&s, "tiltak.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []*Grid{gx, gc} {
		p, err := Import(c, g, ImportOptions{Today: today})
		if err != nil {
			t.Fatalf("%s: %v", g.File, err)
		}
		if !p.Empty() || len(p.Ignored) > 0 {
			t.Errorf("%s: %s (ignored %v), want no change", g.File, changes(t, c, p), p.Ignored)
		}
	}
}

// TestReadXLSXCells: what the streaming reader makes of cells other programs write: a
// formula (its cached value, never evaluated), a date cell in another format and as a
// bare serial number, a percentage, a merged range.
func TestReadXLSXCells(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetRow(sh, "A3", &[]any{"ID", "Status", "Frist", "Framdrift", "Tittel"}))
	must(f.SetSheetRow(sh, "A4", &[]any{"T01", "", 46387, 0.8, "Øke kunnskapen om effekter"}))
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
	must(f.SetCellStyle(sh, "D4", "D4", pct))
	must(f.SetSheetRow(sh, "A5", &[]any{"T02", "pågår", "31.12.2026"}))
	date14, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(f.SetSheetRow(sh, "A6", &[]any{"T10", "", 46000}))
	must(f.SetCellStyle(sh, "C6", "C6", date14))
	must(f.MergeCell(sh, "B5", "B6")) // «pågår» stands in B5 only: T10 keeps its status
	var b bytes.Buffer
	_, err := f.WriteTo(&b)
	must(err)
	// B4 as Excel writes a formula with its cached result; were it evaluated, it would be «pågår».
	x := withCell(t, b.Bytes(), "xl/worksheets/sheet1.xml", "B4",
		`<c r="B4" t="str"><f>IF(1=1,"pågår","x")</f><v>gjennomført</v></c>`)
	g, err := ReadXLSX(bytes.NewReader(x), "plain.xlsx", "")
	must(err)
	if g.Sheet != "Sheet1" || len(g.Rows) != 4 || g.Rows[0].Num != 3 {
		t.Fatalf("grid = %+v", g)
	}
	p, err := Import(fixture(t), g, ImportOptions{Today: today})
	must(err)
	got := changes(t, nil, p)
	for _, w := range []string{"T01: status pågår → gjennomført, framdrift 50 % → 80 %, frist 2025-06-30 → 2026-12-31",
		"T02: status ikke vurdert → pågår, frist – → 2026-12-31"} {
		if !strings.Contains(got, w) {
			t.Errorf("changes = %q\nwant %q", got, w)
		}
	}
	if strings.Contains(got, "T10: status") {
		t.Errorf("the merged cell's value reached its second row: %q", got)
	}
	if !strings.Contains(got, "→ 2025-12-09") {
		t.Errorf("a date in the built-in short date format: %q", got)
	}
}

// withCell returns the .xlsx zip with the cell ref of the sheet file name replaced by
// (or, when absent, put before the end of its row with) the XML cell.
func withCell(t *testing.T, xlsx []byte, name, ref, cell string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == name {
			re := regexp.MustCompile(`<c r="` + ref + `"[^>]*(/>|>.*?</c>)`)
			if !re.Match(data) {
				t.Fatalf("no cell %s in %s", ref, name)
			}
			data = re.ReplaceAll(data, []byte(cell))
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	return out.Bytes()
}
