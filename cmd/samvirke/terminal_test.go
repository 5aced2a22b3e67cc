package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
)

// hostileRepo makes a git repository of the fixture content with control characters
// and bidi overrides wherever content can carry them: YAML escapes in front-matter values
// and in owners.yaml (raw ones never get past the parser), raw in bodies and input
// bullets, and raw in a commit's author and subject. It returns the directory.
func hostileRepo(t *testing.T) string {
	t.Helper()
	dir := repo(t)
	edit := func(name, from, to string) {
		t.Helper()
		p := filepath.Join(dir, "content", name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), from) {
			t.Fatalf("%s has no %q", name, from)
		}
		os.WriteFile(p, []byte(strings.Replace(string(data), from, to, 1)), 0o644)
	}
	edit("measures/T02.md", "title: Avklare roller mellom sektorene",
		`title: "Avklare \e]52;c;ZWNobyBoYWNr\a roller \e[2J\u202emellom"`)
	edit("measures/T02.md", "source: Strategien (2016), tiltak 2", `source: "Kilde \e]0;pwned\a"`)
	edit("measures/T02.md", "Ta initiativ", "Tekst \x1b]0;tittel\x07 med \x00 NUL og \u202e bidi.\nTa initiativ")
	edit("measures/T02.md", "inputs:", "log:\n  - date: 2025-02-01\n    note: \"Notat \\e[31mrødt\\a\"\n    by: \"Ola \\e[8m\"\ninputs:")
	edit("measures/T10.md", "  - nav", `  - "nav\e[2J"`)
	edit("owners.yaml", "short: Hdir", `short: "Hd\e[5mir"`)
	edit("inputs/aa2020/1.1.md", "title: Hvem skal koordinere?", `title: "Hvem \e]0;x\a skal koordinere?"`)
	edit("inputs/aa2020/1.1.md", "- Tverrfaglige", "- Tverr\x1b]52;c;aGFjaw==\x07faglige")
	edit("inputs/aa2020/1.1.md", "- Et punkt", "- Et \x1b[2J punkt")
	edit("measures/D01.md", "title: Åpne for deling av data", `title: '=HYPERLINK("http://x";"klikk")'`)
	edit("measures/T01.md", "title: Øke kunnskapen om effekter", `title: "@SUM(1+1)"`)
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", "-A")
	git(t, dir, "-c", "user.name=Eva \x1b[2J Angrep", "-c", "user.email=eva@example.no", "commit", "-q", "-m", "Endre \x1b]0;tittel\x07 T02")
	edit("measures/T02.md", `roller \e[2J`, `roller \e[3J\e[H`)
	git(t, dir, "-c", "user.name=Eva", "-c", "user.email=eva@example.no", "commit", "-q", "-a", "-m", "T02: tittel \x1b[2J")
	return dir
}

// sgr matches the colour codes samvirke itself writes.
var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestHostileContentReachesNoTerminalRaw(t *testing.T) {
	dir := hostileRepo(t)
	commands := [][]string{
		{"list"}, {"list", "--format", "csv"}, {"list", "--text", "avklare"}, {"show", "T02"}, {"show", "T10"},
		{"inputs"}, {"inputs", "--unaddressed"}, {"validate"}, {"history", "T02"}, {"log"},
		{"diff", "--since", "HEAD~1"}, {"diff", "--since", "HEAD~1", "--until", "HEAD"}, {"show", "T02", "--at", "HEAD~1"},
		{"set", "T10", "--note", "x", "--author", "Eva <eva@example.no>"},
		{"check-pr", "--base", "HEAD~1"}, {"fmt", "--check"},
	}
	for _, tty := range []bool{false, true} {
		for _, args := range commands {
			out, errOut, err := run(t, tty, nil, append([]string{"--repo", dir}, args...)...)
			all := out + errOut
			if err != nil {
				all += errorLine(err)
			}
			if tty {
				all = sgr.ReplaceAllString(all, "")
			}
			if i := strings.IndexFunc(all, measures.UnsafeRune); i >= 0 {
				t.Errorf("samvirke %s (terminal %v) prints %q raw:\n%s", strings.Join(args, " "), tty, []rune(all[i:])[0], all)
			}
		}
	}
	// The escapes are shown, not dropped: a reader sees that something is there.
	out, _, _ := run(t, false, nil, "--repo", dir, "show", "T02")
	for _, want := range []string{`Avklare \x1b]52;c;ZWNobyBoYWNr\x07 roller \x1b[3J\x1b[H\u202emellom`, `Tekst \x1b]0;tittel\x07 med \x00 NUL`, `Notat \x1b[31mrødt\x07`} {
		if !strings.Contains(out, want) {
			t.Errorf("show T02 lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = run(t, false, nil, "--repo", dir, "validate")
	if !strings.Contains(out, "content/measures/T02.md:3:8: title: inneholder styretegnet U+001B (ESC)") ||
		!strings.Contains(out, "content/measures/T02.md:19:7: text: inneholder styretegnet U+001B (ESC)") ||
		!strings.Contains(out, "content/owners.yaml:3:10: short: inneholder styretegnet U+001B (ESC)") {
		t.Errorf("validate does not name the unsafe characters:\n%s", out)
	}
}

func TestCSVFormulaInjection(t *testing.T) {
	dir := hostileRepo(t)
	out, _, err := run(t, false, nil, "--repo", dir, "list", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("list --format csv is not CSV: %v\n%s", err, out)
	}
	titles := map[string]string{}
	for _, r := range rows[1:] {
		titles[r[0]] = r[1]
	}
	if titles["D01"] != `'=HYPERLINK("http://x";"klikk")` || titles["T01"] != "'@SUM(1+1)" {
		t.Errorf("formula cells = %q and %q, want them led by a quote", titles["D01"], titles["T01"])
	}
}

func TestCSVCell(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Øke kunnskapen", "Øke kunnskapen"},
		{"=1+2", "'=1+2"}, {"+47 22 00 00 00", "'+47 22 00 00 00"}, {"-1", "'-1"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"}, {"\r=1", `'\x0d=1`}, {"＝1+2", "'＝1+2"}, {"a=1", "a=1"}, {"", ""},
		{"\x1b]52;c;aGFjaw==\x07", `\x1b]52;c;aGFjaw==\x07`},
	} {
		if got := csvCell(tt.in); got != tt.want {
			t.Errorf("csvCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// wideRepo is the fixture with titles that are wide (CJK, two cells a character), in
// NFD (a + U+030A, one cell for two code points) and the same in NFC, and two proposals
// whose long ids differ only at the end.
func wideRepo(t *testing.T) string {
	t.Helper()
	dir := repo(t)
	measure := func(id, title, status, revision string) {
		t.Helper()
		src := "---\nid: " + id + "\ntitle: " + title + "\nkind: measure\narea: roles\nowners:\n  - nav\nstatus: " + status +
			"\nrevision: " + revision + "\n---\nTekst.\n"
		if err := os.WriteFile(filepath.Join(dir, "content", "measures", id+".md"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	measure("T03", "协调卫生与劳动服务的长期合作计划以及相关的评估与跟踪工作安排", "in-progress", "keep")
	measure("T04", "A\u030arsplan for samarbeid i a\u030ar og neste a\u030ar, med flere ord enn det er plass til", "delayed", "keep")
	measure("T05", "Årsplan for samarbeid i år og neste år, med flere ord enn det er plass til", "delayed", "keep")
	measure("P-oke-kunnskapen-om-effekter-av-tiltak-i-kommunene", "Øke kunnskapen om effekter i kommunene", "proposed", "new")
	measure("P-oke-kunnskapen-om-effekter-av-tiltak-i-fylkene", "Øke kunnskapen om effekter i fylkene", "proposed", "new")
	return dir
}

func TestListWidthInCells(t *testing.T) {
	dir := wideRepo(t)
	for _, tt := range []struct {
		name  string
		tty   bool
		width int
	}{
		{"terminal-80", true, 80}, {"terminal-160", true, 160}, {"terminal-40", true, 40}, {"pipe", false, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut := runWidth(t, tt.tty, tt.width, "--repo", dir, "list")
			if errOut != "" {
				t.Fatalf("stderr: %s", errOut)
			}
			golden(t, "list-"+tt.name+".golden", out)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			titleAt := strings.Index(lines[0], "TITTEL")
			for _, line := range lines {
				if tt.width >= 80 && cellWidth(line) > tt.width {
					t.Errorf("line is %d cells, want ≤ %d: %q", cellWidth(line), tt.width, line)
				}
				if (strings.HasPrefix(line, "T") || strings.HasPrefix(line, "P-") || strings.HasPrefix(line, "D")) && strings.Contains(line, " ") {
					if got := cellWidth(line[:titleStart(line)]); got != titleAt {
						t.Errorf("title starts at cell %d, want %d (under TITTEL): %q", got, titleAt, line)
					}
				}
			}
			for _, id := range []string{"P-oke-kunnskapen-om-effekter-av-tiltak-i-kommunene", "P-oke-kunnskapen-om-effekter-av-tiltak-i-fylkene"} {
				if lineOf(lines, id) == "" {
					t.Errorf("list lacks the whole id %q:\n%s", id, out)
				}
			}
			t04, t05 := lineOf(lines, "T04"), lineOf(lines, "T05")
			if t04[3:] != t05[3:] {
				t.Errorf("the NFD title is shown differently from the NFC one:\n%q\n%q", t04, t05)
			}
		})
	}
}

func TestListTextMatchesNFCAndNFD(t *testing.T) {
	dir := wideRepo(t)
	for _, q := range []string{"årsplan", "a\u030arsplan", "ÅRSPLAN"} {
		out, _ := runWidth(t, false, 0, "--repo", dir, "list", "--text", q)
		if !strings.Contains(out, "\nT04 ") || !strings.Contains(out, "\nT05 ") || !strings.Contains(out, "2 av 9 tiltak") {
			t.Errorf("list --text %q finds:\n%s\nwant T04 (NFD) and T05 (NFC)", q, out)
		}
	}
}

func TestPipedLogAndInputsAreNotCut(t *testing.T) {
	dir := wideRepo(t)
	long := strings.Repeat("lang tittel ", 10)
	p := filepath.Join(dir, "content", "inputs", "aa2020", "1.1.md")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(data), "Hvem skal koordinere?", long, 1)), 0o644)
	piped, _ := runWidth(t, false, 0, "--repo", dir, "inputs")
	term, _ := runWidth(t, true, 80, "--repo", dir, "inputs")
	if !strings.Contains(piped, strings.TrimSpace(long)) || strings.Contains(term, strings.TrimSpace(long)) || !strings.Contains(term, "…") {
		t.Errorf("inputs piped:\n%s\non an 80-column terminal:\n%s\nwant the title whole when piped, cut on the terminal", piped, term)
	}
}

// runWidth runs samvirke with output to a terminal of width columns (tty) or a pipe.
func runWidth(t *testing.T, tty bool, width int, args ...string) (string, string) {
	t.Helper()
	var out, errOut strings.Builder
	s := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutTTY: tty, Width: width,
		Getenv: func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] }}
	cmd := NewRootCmd(s)
	cmd.SetArgs(args)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("samvirke %s: %v", strings.Join(args, " "), err)
	}
	return out.String(), errOut.String()
}

// titleStart is the byte offset of the title in a list line: after the due column.
func titleStart(line string) int {
	fields := regexp.MustCompile(`^(\S+ +)(\S+( \S+)* +)(\S+ +)(\d{4}-\d\d-\d\d +| +)`).FindString(line)
	return len(fields)
}

func lineOf(lines []string, id string) string {
	for _, l := range lines {
		if l == id || strings.HasPrefix(l, id+" ") {
			return l
		}
	}
	return ""
}
