package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// exportXLSX exports the repository's measures to dir/tiltak.xlsx.
func exportXLSX(t *testing.T, repoDir, dir string) string {
	t.Helper()
	x := filepath.Join(dir, "tiltak.xlsx")
	if _, stderr, err := run(t, false, nil, "--repo", repoDir, "export", "-o", x); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	return x
}

// editCells sets cells of the sheet Tiltak (cell → value) in the workbook file.
func editCells(t *testing.T, file string, cells map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, v := range cells {
		if err := f.SetCellValue("Tiltak", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestImportRoundTripCLI: export, import the same file: «ingen endringer», no commit; the
// same for the CSV.
func TestImportRoundTripCLI(t *testing.T) {
	dir := strategyRepo(t)
	head := git(t, dir, "rev-parse", "HEAD")
	x := exportXLSX(t, dir, t.TempDir())
	csvFile := filepath.Join(t.TempDir(), "tiltak.csv")
	if _, _, err := run(t, false, nil, "--repo", dir, "export", "-o", csvFile); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{x, csvFile} {
		out, stderr, err := run(t, false, nil, "--repo", dir, "import", file)
		if err != nil || !strings.Contains(out, "Ingen endringer") {
			t.Errorf("import %s = %q, %q, %v", filepath.Base(file), out, stderr, err)
		}
	}
	if got := git(t, dir, "rev-parse", "HEAD"); got != head {
		t.Error("an import without changes made a commit")
	}
}

// TestImportThreeCellsViaLibreOffice: export, change three cells, save the workbook
// through LibreOffice (as a colleague's Calc or Excel would), import: exactly those three
// changes, as one commit naming the file, and git agrees.
func TestImportThreeCellsViaLibreOffice(t *testing.T) {
	bin := soffice(t)
	dir := strategyRepo(t)
	head := git(t, dir, "rev-parse", "HEAD")
	work := t.TempDir()
	x := exportXLSX(t, dir, work)
	// Rows 2.. are T01, T02, …: T02's status (G3), T03's due date (I4), T04's note (J5).
	editCells(t, x, map[string]any{"G3": "Pågår", "I4": time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC), "J5": "Møte med KS holdt."})
	saved := convert(t, bin, x, "xlsx:Calc MS Excel 2007 XML")
	lo := filepath.Join(saved, "tiltak.xlsx")

	out, stderr, err := run(t, false, nil, "--repo", dir, "import", lo, "--dry-run")
	if err != nil {
		t.Fatalf("import --dry-run: %v\n%s", err, stderr)
	}
	want := []string{"~ T02 ", ": status ikke vurdert → pågår", "~ T03 ", ": frist – → 2027-06-30", "~ T04 ", ": notat lagt til", "Møte med KS holdt."}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("dry run lacks %q:\n%s", w, out)
		}
	}
	if n := strings.Count(out, "~ "); n != 3 {
		t.Errorf("dry run shows %d changed measures, want 3:\n%s", n, out)
	}
	if git(t, dir, "rev-parse", "HEAD") != head || !strings.Contains(stderr, "ingenting er lagret") {
		t.Fatal("--dry-run committed")
	}

	_, stderr, err = run(t, false, nil, "--repo", dir, "import", lo, "--author", "Kari Nordmann <kari@example.no>")
	if err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	if got := git(t, dir, "rev-list", "--count", head+"..HEAD"); got != "1" {
		t.Fatalf("%s commits, want one", got)
	}
	if got := git(t, dir, "log", "-1", "--format=%s"); got != "Import fra tiltak.xlsx: 3 tiltak endret" {
		t.Errorf("commit subject = %q", got)
	}
	if got := git(t, dir, "show", "--name-only", "--format=", "HEAD"); got != "content/measures/T02.md\ncontent/measures/T03.md\ncontent/measures/T04.md" {
		t.Errorf("commit changed %q", got)
	}
	if git(t, dir, "status", "--porcelain") != "" {
		t.Error("the work tree differs from the commit")
	}
	t04 := git(t, dir, "show", "HEAD:content/measures/T04.md")
	if !strings.Contains(t04, "note: Møte med KS holdt.") || !strings.Contains(t04, "by: Kari Nordmann") {
		t.Errorf("T04's log:\n%s", t04)
	}
	// Imported again: the note is there, nothing changes.
	if out, _, err := run(t, false, nil, "--repo", dir, "import", lo); err != nil || !strings.Contains(out, "Ingen endringer") {
		t.Errorf("second import = %q, %v", out, err)
	}
}

// TestImportRefusesInvalidRows: one bad row and nothing is written; every error at once,
// named by sheet, cell and header.
func TestImportRefusesInvalidRows(t *testing.T) {
	dir := strategyRepo(t)
	head := git(t, dir, "rev-parse", "HEAD")
	x := exportXLSX(t, dir, t.TempDir())
	editCells(t, x, map[string]any{"G2": "Pågår", "G14": "pagar x", "H15": "140 %", "A16": "T99"})
	_, _, err := run(t, false, nil, "--repo", dir, "import", x)
	if err == nil {
		t.Fatal("import of invalid rows succeeded")
	}
	for _, w := range []string{"tiltak.xlsx har 3 feil, så ingenting er lagret",
		"tiltak.xlsx: Tiltak!G14 (Status): ukjent status «pagar x»; mente du «pågår»?",
		"tiltak.xlsx: Tiltak!H15 (Framdrift): «140 %» er ikke en framdrift",
		"tiltak.xlsx: Tiltak!A16 (ID): fant ikke tiltaket «T99»"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q:\n%v", w, err)
		}
	}
	if git(t, dir, "rev-parse", "HEAD") != head || git(t, dir, "status", "--porcelain") != "" {
		t.Error("something was written")
	}
	// With --new-as-proposals the unknown row is a proposal; the others are still errors.
	_, _, err = run(t, false, nil, "--repo", dir, "import", x, "--new-as-proposals")
	if err == nil || strings.Contains(err.Error(), "T99") || !strings.Contains(err.Error(), "2 feil") {
		t.Errorf("with --new-as-proposals: %v", err)
	}
}

// TestImportNewAsProposal: a row of an unknown id is a proposal with --new-as-proposals.
func TestImportNewAsProposal(t *testing.T) {
	dir := strategyRepo(t)
	file := filepath.Join(t.TempDir(), "sekretariatet.csv")
	data := "\ufeffOversikt fra sekretariatet;;;\r\n;;;\r\nNr;Tiltak;Innsatsområde;Eier;Status\r\nNY-1;Felles kurs for veiledere;2;NAV;foreslått\r\n"
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, false, nil, "--repo", dir, "import", file, "--new-as-proposals")
	if err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "+ P-felles-kurs-for-veiledere Felles kurs for veiledere (nytt, foreslått)") {
		t.Errorf("out = %q", out)
	}
	if got := git(t, dir, "log", "-1", "--format=%s"); got != "Import fra sekretariatet.csv: 1 forslag lagt til" {
		t.Errorf("commit = %q", got)
	}
	git(t, dir, "cat-file", "-e", "HEAD:content/measures/P-felles-kurs-for-veiledere.md")
}

// TestImportBadFiles: each file samvirke cannot read gets a clear Norwegian error and
// nothing is written.
func TestImportBadFiles(t *testing.T) {
	dir := strategyRepo(t)
	work := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(work, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	x := exportXLSX(t, dir, work)
	locked := filepath.Join(work, "laast.xlsx")
	f, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(locked, excelize.Options{Password: "hemmelig"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	huge := filepath.Join(work, "stor.xlsx")
	hf := excelize.NewFile()
	sw, _ := hf.NewStreamWriter("Sheet1")
	for i := 1; i <= 100_001; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		if err := sw.SetRow(cell, []any{"T01"}); err != nil {
			t.Fatal(err)
		}
	}
	sw.Flush()
	if err := hf.SaveAs(huge); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, want string
		args             []string
	}{
		{"text named .xlsx", write("notat.xlsx", []byte("Dette er ikke et regneark.\n")), "notat.xlsx er ikke en Excel-arbeidsbok (.xlsx) samvirke kan lese", nil},
		{"Word file", write("strategi.docx", []byte("PK")), "samvirke leser Excel-arbeidsbøker (.xlsx) og CSV-filer (.csv)", nil},
		{"password", locked, "laast.xlsx er beskyttet med passord", nil},
		{"huge", huge, "stor.xlsx er for stor: samvirke leser høyst 100000 rader", nil},
		{"binary CSV", write("rart.csv", []byte{0xff, 0xfe, 0, 'I', 0, 'D'}), "rart.csv er ikke en CSV-fil i UTF-8", nil},
		{"no such sheet", x, "tiltak.xlsx har ikke arket «Ark9»; arkene er Tiltak, Lister, Logg, Innspill, Om", []string{"--sheet", "Ark9"}},
		{"sheet without a header", x, "fant ingen overskriftsrad", []string{"--sheet", "Om"}},
	}
	head := git(t, dir, "rev-parse", "HEAD")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, _, err := run(t, false, nil, append([]string{"--repo", dir, "import", tt.file}, tt.args...)...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant %q", err, tt.want)
			}
			if d := time.Since(start); d > 60*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	if git(t, dir, "rev-parse", "HEAD") != head {
		t.Error("a bad file made a commit")
	}
}

// TestImportCompletesSpreadsheets: the shell offers .xlsx and .csv files for the file.
func TestImportCompletesSpreadsheets(t *testing.T) {
	out, _, err := run(t, false, nil, "__complete", "import", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Fields(out); len(got) != 3 || got[0] != "xlsx" || got[1] != "csv" || got[2] != ":8" {
		t.Errorf("completion = %q, want the extensions xlsx, csv (directive FilterFileExt)", out)
	}
}

// TestImportFormulaFromLibreOffice: a workbook LibreOffice made, with a formula in the
// status cell: the value LibreOffice saved with it is read, and the formula is kept out
// of the content.
func TestImportFormulaFromLibreOffice(t *testing.T) {
	bin := soffice(t)
	dir := strategyRepo(t)
	work := t.TempDir()
	src := filepath.Join(work, "ark.csv")
	if err := os.WriteFile(src, []byte("Oversikt\nID;Status\nT02;=LOWER(\"PÅGÅR\")\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := convert(t, bin, src, "xlsx:Calc MS Excel 2007 XML", "--infilter=CSV:59,34,76,1,,1044,false,false,false,false,false,-1,true")
	x := filepath.Join(out, "ark.xlsx")
	f, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	formula, _ := f.GetCellFormula(f.GetSheetName(0), "B3")
	f.Close()
	if !strings.Contains(formula, "LOWER") {
		t.Fatalf("LibreOffice wrote no formula in B3 (%q)", formula)
	}
	stdout, stderr, err := run(t, false, nil, "--repo", dir, "import", x, "--dry-run")
	if err != nil || !strings.Contains(stdout, "T02 ") || !strings.Contains(stdout, "status ikke vurdert → pågår") {
		t.Errorf("import = %q, %q, %v", stdout, stderr, err)
	}
}
