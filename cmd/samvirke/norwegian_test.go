package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// englishWords are words that are English and not Norwegian; one in what samvirke says
// to people is a string left untranslated.
var englishWords = regexp.MustCompile(`(?i)\b(the|not|found|invalid|unknown|error|errors|failed|cannot|directory|usage|available|required|received|accepts|executable|baseline|remote|add|added|revert|commands|flags|with|missing|expected|strategy|content|report|file|files|changed|nothing|already|please|help|toggle|submit|next)\b`)

// wrongPlurals are a count and a noun in the wrong number: «1 filer», «2 fil».
var wrongPlurals = regexp.MustCompile(`(?:^|[^\d.,])(?:1 (?:filer|endringer|commits|grupper|kapitler|punkter|notater|argumenter)|(?:0|[2-9]|\d{2,}) (?:fil|endring|gruppe|kapittel|punkt|notat|argument|commit)\b)`)

// quoted are the parts of a message that are not prose: quoted commands and values,
// flags, paths and URLs, environment variables, hashes, slugs (not-assessed).
var quoted = regexp.MustCompile(`«[^»]*»|"[^"]*"|'[^']*'|--?[a-zA-Z][\w-]*|\S*[/\\]\S*|\S+\.(?:md|yaml|html|pdf|json|csv|no)\b|\b[A-Z][A-Z0-9_]{2,}\b|\b[0-9a-f]{7,40}\b|<[^>]*>|::\S+|\S+=\S*|\b[a-z]+(?:-[a-z]+)+\b`)

// commandNames are samvirke's command names, identifiers like flags.
var commandNames = func() *regexp.Regexp {
	names := []string{"help"}
	for _, c := range NewRootCmd(&IOStreams{Getenv: os.Getenv}).Commands() {
		names = append(names, c.Name())
	}
	return regexp.MustCompile(`\b(?:` + strings.Join(names, "|") + `)\b`)
}()

// checkNorwegian reports English words and wrong plurals in text samvirke printed.
func checkNorwegian(t *testing.T, what, text string) {
	t.Helper()
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "$ ") {
			continue // the command line of the test's transcript
		}
		if m := wrongPlurals.FindString(line); m != "" {
			t.Errorf("%s, line %d: wrong number in %q: %s", what, i+1, strings.TrimSpace(m), line)
		}
		prose := commandNames.ReplaceAllString(quoted.ReplaceAllString(line, " "), " ")
		if m := englishWords.FindString(prose); m != "" {
			t.Errorf("%s, line %d: English word %q: %s", what, i+1, m, line)
		}
	}
}

func TestCheckNorwegianCatches(t *testing.T) {
	for _, bad := range []string{"1 feil i 1 filer.", "1 endringer krever sekretariatet.", "1 filer er ikke i kanonisk form",
		"Hentet 1 commits fra origin.", "Add strategy content", `Revert "T14: status"`, "Report baseline 2026-10",
		`samvirke: invalid argument "tcsh" for "samvirke completion"`, `remote "origin": remote not found`,
		"fant ingen content/-mappe i /tmp: no content directory", `exec: "notepad.exe": executable file not found in $PATH`,
		"enter next • x toggle • enter submit", "2 fil"} {
		ft := &testing.T{}
		func() {
			defer func() { recover() }()
			checkNorwegian(ft, "", bad)
		}()
		if !ft.Failed() {
			t.Errorf("checkNorwegian passes %q", bad)
		}
	}
	for _, good := range []string{"1 feil i 1 fil.", "2 feil i 2 filer.", "1 endring krever sekretariatet. Ta den ut", "Hentet 1 commit fra origin,",
		"fant ikke remoten «origin»; se «git remote -v»", "Innholdet er gyldig: 44 tiltak og anbefalinger, 50 grupper med 290 innspill, 8 kapitler.",
		"utdata: table, json eller csv", "  -n, --number tall   antall endringer (standard «20»)"} {
		ft := &testing.T{}
		checkNorwegian(ft, "", good)
		if ft.Failed() {
			t.Errorf("checkNorwegian flags %q", good)
		}
	}
}

// TestOutputIsNorwegian runs samvirke's commands, as they succeed and as they fail, and
// checks everything they print, the messages of the errors, the help of every command
// and the commits and tags samvirke makes for English words and wrong plurals.
func TestOutputIsNorwegian(t *testing.T) {
	dir := strategyRepo(t)
	remote := filepath.Join(t.TempDir(), "remote.git")
	git(t, t.TempDir(), "clone", "-q", "--bare", dir, remote)
	other := filepath.Join(t.TempDir(), "other")
	git(t, t.TempDir(), "clone", "-q", remote, other)
	git(t, dir, "remote", "add", "origin", remote)
	git(t, dir, "fetch", "-q", "origin")
	git(t, dir, "branch", "-q", "--set-upstream-to=origin/main")
	a := []string{"--repo", dir, "--author", contribAuthor}
	b := []string{"--repo", other, "--author", contribAuthor}

	type step struct {
		args []string
		fail bool // expect an error
	}
	steps := []step{
		{[]string{"set", "T14", "--status", "pagar"}, false},
		{[]string{"set", "T14", "--note", "Møte holdt.", "--due", "31.12.2026", "--owner", "NAV"}, false},
		{[]string{"link", "T14", "aa2020-1.1/1"}, false},
		{[]string{"history", "T14"}, false},
		{[]string{"log"}, false},
		{[]string{"list"}, false},
		{[]string{"show", "T14"}, false},
		{[]string{"inputs"}, false},
		{[]string{"inputs", "--unaddressed"}, false},
		{[]string{"validate"}, false},
		{[]string{"fmt", "--check"}, false},
		{[]string{"diff", "--since", "HEAD~3"}, false},
		{[]string{"report", "-o", filepath.Join(t.TempDir(), "r.html"), "--tag", "2026-12"}, false},
		{[]string{"sync"}, false},
		{[]string{"version"}, false},
		{[]string{"completion", "tcsh"}, true},
		{[]string{"help", "lst"}, true},
		{[]string{"lst"}, true},
		{[]string{"list", "--stauts", "x"}, true},
		{[]string{"list", "--status", "ferdig"}, true},
		{[]string{"list", "--owner", "NVA"}, true},
		{[]string{"list", "--format", "xml"}, true},
		{[]string{"show"}, true},
		{[]string{"show", "T4"}, true},
		{[]string{"show", "T14", "T15"}, true},
		{[]string{"set", "T14"}, true},
		{[]string{"set", "T14", "--note", ""}, true},
		{[]string{"set", "T14", "--note", "x", "--author", "Kari"}, true},
		{[]string{"set", "T14", "--progress", "x"}, true},
		{[]string{"set", "T14", "--progress", "140"}, true},
		{[]string{"set", "T14", "--due", "31.02.2026"}, true},
		{[]string{"history", "T99"}, true},
		{[]string{"diff"}, true},
		{[]string{"diff", "--since", "finnes-ikke"}, true},
		{[]string{"log", "--format", "xml"}, true},
		{[]string{"accept", "T14"}, true},
		{[]string{"sync", "--remote", "upstream"}, true},
		{[]string{"check-pr"}, true},
	}
	var said strings.Builder
	record := func(args []string, out, errOut string, err error) {
		said.WriteString("$ samvirke " + strings.Join(args, " ") + "\n" + out + errOut)
		if err != nil && exitCode(err) < 0 {
			said.WriteString("samvirke: " + userMessage(err) + "\n")
		}
	}
	// Another clone pushes a commit first, so that sync fetches one.
	out, errOut, err := run(t, false, nil, append(b, "set", "T15", "--status", "forsinket")...)
	record([]string{"set", "T15"}, out, errOut, err)
	git(t, other, "push", "-q", "origin", "main")
	for _, s := range steps {
		args := append([]string{"--repo", dir}, s.args...)
		switch s.args[0] {
		case "set", "link", "report", "accept":
			args = append(append([]string{}, a...), s.args...)
		case "completion", "help", "lst", "version":
			args = s.args
		}
		out, errOut, err := run(t, false, nil, args...)
		if (err != nil) != s.fail {
			t.Errorf("samvirke %v: err = %v, want failure %v", s.args, err, s.fail)
		}
		record(s.args, out, errOut, err)
	}
	// One error in one file; one file not in canonical form; one finding in a PR.
	t02 := filepath.Join(dir, "content", "measures", "T02.md")
	editFile(t, t02, "status: not-assessed", "status: ferdig")
	out, errOut, err = run(t, false, nil, "--repo", dir, "validate")
	record([]string{"validate"}, out, errOut, err)
	git(t, dir, "checkout", "-q", "--", "content")
	editFile(t, t02, "status: not-assessed", "status:   not-assessed")
	out, errOut, err = run(t, false, nil, "--repo", dir, "fmt", "--check")
	record([]string{"fmt", "--check"}, out, errOut, err)
	git(t, dir, "checkout", "-q", "--", "content")
	git(t, dir, "checkout", "-q", "-b", "pr")
	run(t, false, nil, append(a, "set", "T16", "--due", "31.12.2027")...)
	out, errOut, err = run(t, false, nil, "--repo", dir, "check-pr", "--base", "main")
	record([]string{"check-pr"}, out, errOut, err)
	out, errOut, err = run(t, false, nil, "--repo", t.TempDir(), "list")
	record([]string{"--repo", "(tom)", "list"}, out, errOut, err)

	text := said.String()
	for _, want := range []string{"Hentet 1 commit fra origin,", "1 feil i 1 fil.", "1 fil er ikke i kanonisk form", "1 endring krever sekretariatet. Ta den ut"} {
		if !strings.Contains(text, want) {
			t.Errorf("the run never printed %q", want)
		}
	}
	checkNorwegian(t, "output", text)
	if t.Failed() {
		os.WriteFile(filepath.Join(t.TempDir(), "said.txt"), []byte(text), 0o644)
		t.Logf("everything samvirke said:\n%s", text)
	}

	// The commits and tags samvirke made.
	checkNorwegian(t, "commit messages", git(t, dir, "log", "--all", "--format=%B"))
	checkNorwegian(t, "tag messages", git(t, dir, "tag", "-n99"))

	// The help of every command.
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		out, _, err := run(t, false, nil, append(strings.Fields(c.CommandPath())[1:], "--help")...)
		if err != nil {
			t.Errorf("%s --help: %v", c.CommandPath(), err)
		}
		checkNorwegian(t, c.CommandPath()+" --help", out)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewRootCmd(&IOStreams{Getenv: os.Getenv}))
}
