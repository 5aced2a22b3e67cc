package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
)

// soffice returns LibreOffice's command, or skips (fails with SAMVIRKE_REQUIRE_OFFICE set:
// .ci/office installs it).
func soffice(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("SAMVIRKE_REQUIRE_OFFICE") != "" {
			t.Fatal("LibreOffice is required (SAMVIRKE_REQUIRE_OFFICE is set); .ci/office installs it")
		}
		t.Skip("LibreOffice not installed; .ci/office installs it")
	}
	return bin
}

// convert runs LibreOffice headless on file with a profile of its own and returns the
// directory it wrote to.
func convert(t *testing.T, bin, file, to string, extra ...string) string {
	t.Helper()
	out := t.TempDir()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(out, "profile"), "--headless"}, extra...)
	args = append(args, "--convert-to", to, "--outdir", out, file)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, b)
	}
	return out
}

func readCSV(t *testing.T, path string, sep rune) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.FieldsPerRecord = sep, -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// TestExportOpensInLibreOffice: the workbook, opened and saved as CSV by LibreOffice,
// holds the values `list --format json` gives, with labels and names, on the sheet
// Tiltak, and the Excel CSV opens with semicolons as separate columns, æ, ø, å intact.
func TestExportOpensInLibreOffice(t *testing.T) {
	bin := soffice(t)
	repoDir := repo(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "tiltak.xlsx")
	if _, stderr, err := run(t, false, nil, "--repo", repoDir, "export", "-o", xlsx); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	// Sheet by sheet, the cells as they are shown (dates in the sheet's own format).
	out := convert(t, bin, xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1")
	rows := readCSV(t, filepath.Join(out, "tiltak-Tiltak.csv"), ',')
	js, _, err := run(t, false, nil, "--repo", repoDir, "list", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var ms []measures.Measure
	if err := json.Unmarshal([]byte(js), &ms); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(ms)+1 {
		t.Fatalf("LibreOffice read %d rows, want a header and %d measures", len(rows), len(ms))
	}
	for i, m := range ms {
		row := rows[i+1]
		want := []string{m.ID, m.Title, m.Kind.Label(), "", "", "", m.Status.Label()}
		for j, w := range want {
			if w != "" && row[j] != w {
				t.Errorf("row %d column %s = %q, want %q", i+2, rows[0][j], row[j], w)
			}
		}
		if m.Due != nil && row[8] != m.Due.Time().Format("02.01.2006") {
			t.Errorf("%s: Frist = %q, want %s", m.ID, row[8], m.Due)
		}
		if m.Progress != nil && row[7] != strconv.Itoa(*m.Progress)+"%" {
			t.Errorf("%s: Framdrift = %q, want %d%%", m.ID, row[7], *m.Progress)
		}
	}
	for _, sheet := range []string{"Logg", "Innspill", "Om"} {
		if _, err := os.Stat(filepath.Join(out, "tiltak-"+sheet+".csv")); err != nil {
			t.Errorf("LibreOffice found no sheet %s", sheet)
		}
	}

	// The Excel CSV, read with the Norwegian list separator.
	csvFile := filepath.Join(dir, "tiltak.csv")
	if _, stderr, err := run(t, false, nil, "--repo", repoDir, "export", "-o", csvFile); err != nil {
		t.Fatalf("export csv: %v\n%s", err, stderr)
	}
	out = convert(t, bin, csvFile, "xlsx", "--infilter=CSV:59,34,76,1")
	back := convert(t, bin, filepath.Join(out, "tiltak.xlsx"), "csv:Text - txt - csv (StarCalc):44,34,76,1")
	crows := readCSV(t, filepath.Join(back, "tiltak.csv"), ',')
	if len(crows) != len(ms)+1 || len(crows[0]) != 12 || crows[0][3] != "Innsatsområde" {
		t.Fatalf("the Excel CSV read as %d rows of %d columns (header %q)", len(crows), len(crows[0]), crows[0])
	}
	if !strings.Contains(strings.Join(crows[1], ";"), "ø") && !strings.Contains(flat(crows), "å") {
		t.Error("æ, ø, å did not survive")
	}
}

func flat(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, ";"))
	}
	return b.String()
}
