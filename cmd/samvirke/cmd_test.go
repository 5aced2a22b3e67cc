package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// repo copies the measures fixture into a fresh directory laid out as a strategy repository.
func repo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := "../../measures/testdata/content"
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		dst := filepath.Join(dir, "content", rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// run executes samvirke with args and returns stdout, stderr and the error.
func run(t *testing.T, tty bool, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	s := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutTTY: tty,
		Getenv: func(k string) string { return env[k] }}
	cmd := NewRootCmd(s)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), errOut.String(), err
}

func exitCode(err error) int {
	var ex *exitError
	if errors.As(err, &ex) {
		return ex.code
	}
	if err != nil {
		return -1
	}
	return 0
}

func TestListTable(t *testing.T) {
	dir := repo(t)
	tests := []struct {
		name  string
		tty   bool
		env   map[string]string
		color bool
	}{
		{"pipe", false, nil, false},
		{"terminal", true, nil, true},
		{"terminal with NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(t, tt.tty, tt.env, "--repo", dir, "list")
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(out, "\x1b["); got != tt.color {
				t.Errorf("colour in output = %v, want %v:\n%s", got, tt.color, out)
			}
			for _, line := range strings.Split(out, "\n") {
				plain := stripANSI(line)
				if n := utf8.RuneCountInString(plain); n > 80 {
					t.Errorf("line is %d columns, want ≤ 80: %q", n, plain)
				}
			}
			for _, want := range []string{"T01", "pågår", "Øke kunnskapen om effekter", "D01", "4 av 4 tiltak"} {
				if !strings.Contains(out, want) {
					t.Errorf("list output lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

func stripANSI(s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], 'm')
		s = s[:i] + s[i+j+1:]
	}
}

func TestListFiltersAndFormats(t *testing.T) {
	dir := repo(t)
	out, _, err := run(t, false, nil, "--repo", dir, "list", "--status", "pågår", "--status", "done", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var ms []map[string]any
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatalf("list --format json is not JSON: %v\n%s", err, out)
	}
	if len(ms) != 2 || ms[0]["id"] != "T01" || ms[1]["id"] != "T10" {
		t.Fatalf("list --status pågår --status done = %v, want T01 and T10", ms)
	}
	var keys []string
	for k := range ms[0] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := "area chapter due id inputs kind log owners progress revision source status text title"
	if strings.Join(keys, " ") != want {
		t.Errorf("JSON fields = %v, want %s", keys, want)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "list", "--owner", "hod", "--format", "csv")
	if err != nil || !strings.HasPrefix(out, "id,title,") || !strings.Contains(out, "D01,Åpne for deling av data,recommendation") || strings.Count(out, "\n") != 2 {
		t.Errorf("list --owner hod --format csv = %q, %v", out, err)
	}
	_, _, err = run(t, false, nil, "--repo", dir, "list", "--status", "ferdig")
	if err == nil || !strings.Contains(err.Error(), "ukjent status «ferdig»") {
		t.Errorf("list --status ferdig: err = %v, want a Norwegian message naming the status", err)
	}
}

func TestShow(t *testing.T) {
	dir := repo(t)
	out, _, err := run(t, false, nil, "--repo", dir, "show", "t01")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"T01 Øke kunnskapen om effekter", "Status:        pågår", "Frist:         30. juni 2025",
		"Arbeids- og velferdsdirektoratet (ansvarlig), Helsedirektoratet", "10. januar 2025 – status: pågår (Kari Nordmann)",
		"aa2020-1.1/2  Tidlig individualisert kartlegging"} {
		if !strings.Contains(out, want) {
			t.Errorf("show T01 lacks %q:\n%s", want, out)
		}
	}
	out, _, err = run(t, false, nil, "--repo", dir, "show", "T01", "--format", "md")
	if err != nil || !strings.HasPrefix(out, "## T01 Øke kunnskapen om effekter\n") || !strings.Contains(out, "| Status | pågår |") {
		t.Errorf("show --format md = %q, %v", out, err)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "show", "T99"); err == nil || !strings.Contains(err.Error(), "fant ikke tiltaket «T99»") {
		t.Errorf("show T99: err = %v", err)
	}
}

func TestInputs(t *testing.T) {
	dir := repo(t)
	out, _, err := run(t, false, nil, "--repo", dir, "inputs")
	if err != nil || !strings.Contains(out, "aa2020-1.1 2/3") {
		t.Errorf("inputs = %q, %v; want group aa2020-1.1 with 2 of 3 bullets linked", out, err)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "inputs", "--unaddressed")
	if err != nil || !strings.Contains(out, "  aa2020-1.1/3 Et punkt ingen tiltak svarer på") || strings.Contains(out, "aa2020-1.1/1 ") {
		t.Errorf("inputs --unaddressed = %q, %v", out, err)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "inputs", "--format", "json")
	var gs []struct {
		ID    string `json:"id"`
		Items []struct {
			ID       string   `json:"id"`
			Measures []string `json:"measures"`
		} `json:"items"`
	}
	if err != nil || json.Unmarshal([]byte(out), &gs) != nil || len(gs) != 1 || len(gs[0].Items) != 3 || gs[0].Items[1].Measures[0] != "T01" {
		t.Errorf("inputs --format json = %q, %v", out, err)
	}
}

func TestValidate(t *testing.T) {
	dir := repo(t)
	out, _, err := run(t, false, nil, "--repo", dir, "validate")
	if err != nil || !strings.Contains(out, "Innholdet er gyldig: 4 tiltak og anbefalinger, 1 gruppe med 3 innspill, 1 kapittel.") {
		t.Fatalf("validate on valid content = %q, %v", out, err)
	}
	file := filepath.Join(dir, "content", "measures", "T02.md")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, bytes.Replace(data, []byte("status: not-assessed"), []byte("status: pagar"), 1), 0o644)
	out, _, err = run(t, false, nil, "--repo", dir, "validate")
	if exitCode(err) != 1 || !strings.Contains(out, "content/measures/T02.md:9:9: status: ukjent verdi «pagar»") {
		t.Errorf("validate with a bad status: exit %d, out %q", exitCode(err), out)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "validate", "--format", "json")
	var v jsonValidation
	if exitCode(err) != 1 || json.Unmarshal([]byte(out), &v) != nil || v.Valid || len(v.Errors) != 1 ||
		v.Errors[0].Line != 9 || v.Errors[0].Code != "invalid-value" || v.Errors[0].Key != "status" {
		t.Errorf("validate --format json = %q (exit %d)", out, exitCode(err))
	}
}

func TestFmt(t *testing.T) {
	dir := repo(t)
	if _, _, err := run(t, false, nil, "--repo", dir, "fmt", "--check"); err != nil {
		t.Fatalf("fmt --check on canonical fixture: %v", err)
	}
	file := filepath.Join(dir, "content", "measures", "T02.md")
	canonical, _ := os.ReadFile(file)
	messy := append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(canonical, []byte("\n"), []byte("\r\n"))...)
	os.WriteFile(file, messy, 0o644)
	out, _, err := run(t, false, nil, "--repo", dir, "fmt", "--check")
	if exitCode(err) != 1 || strings.TrimSpace(out) != "content/measures/T02.md" {
		t.Fatalf("fmt --check = %q (exit %d), want T02.md listed and exit 1", out, exitCode(err))
	}
	if got, _ := os.ReadFile(file); !bytes.Equal(got, messy) {
		t.Error("fmt --check changed the file")
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "fmt"); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(file); !bytes.Equal(got, canonical) {
		t.Errorf("fmt wrote\n%q\nwant\n%q", got, canonical)
	}
}

func TestEmbeddedContentOutsideRepo(t *testing.T) {
	t.Chdir(t.TempDir())
	out, errOut, err := run(t, false, nil, "list")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "innholdet som er bygd inn") || !strings.Contains(out, "44 av 44 tiltak") {
		t.Errorf("list outside a repository: stderr %q, stdout tail %q", errOut, out[max(0, len(out)-60):])
	}
	if _, _, err := run(t, false, nil, "fmt"); err == nil {
		t.Error("fmt outside a repository succeeded, want an error: embedded content is read-only")
	}
	if _, _, err := run(t, false, nil, "--repo", t.TempDir(), "list"); err == nil || !strings.Contains(err.Error(), "fant ingen content/-mappe") {
		t.Errorf("--repo without content/: err = %v", err)
	}
}

func TestVersionAndCompletion(t *testing.T) {
	out, _, err := run(t, false, nil, "version")
	if err != nil || !strings.HasPrefix(out, "samvirke ") {
		t.Errorf("version = %q, %v", out, err)
	}
	out, _, err = run(t, false, nil, "completion", "bash")
	if err != nil || !strings.Contains(out, "samvirke") || !strings.Contains(out, "complete") {
		t.Errorf("completion bash: %v", err)
	}
}

func TestSymlinkedContentRefused(t *testing.T) {
	real := repo(t)
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(real, "content"), filepath.Join(dir, "content")); err != nil {
		t.Skip(err)
	}
	_, _, err := run(t, false, nil, "--repo", dir, "list")
	if err == nil || !strings.Contains(err.Error(), "er en symbolsk lenke") {
		t.Errorf("list with a symlinked content/: err = %v", err)
	}
	t.Chdir(dir)
	if _, _, err := run(t, false, nil, "list"); err == nil {
		t.Error("walking up to a symlinked content/ succeeded; want an error, not the embedded content")
	}
}

func TestEmptyIDIsAnErrorNotAPanic(t *testing.T) {
	dir := repo(t)
	for _, cmd := range [][]string{{"show", ""}, {"history", ""}} {
		if _, _, err := run(t, false, nil, append([]string{"--repo", dir}, cmd...)...); err == nil {
			t.Errorf("samvirke %s \"\" succeeded, want an error", cmd[0])
		}
	}
}
