package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// msgOf is what samvirke prints for err (see main), "" for none.
func msgOf(err error) string {
	if err == nil {
		return ""
	}
	return userMessage(err)
}

// ids returns the ids of list --format json's output.
func jsonIDs(t *testing.T, out string) []string {
	t.Helper()
	var ms []struct{ ID string }
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	return ids
}

func TestListTakesValuesAsTyped(t *testing.T) {
	dir := strategyRepo(t)
	want := func(args ...string) string {
		out, _, err := run(t, false, nil, append([]string{"--repo", dir, "list", "--format", "json"}, args...)...)
		if err != nil {
			t.Fatalf("list %v: %v", args, err)
		}
		return strings.Join(jsonIDs(t, out), " ")
	}
	tests := []struct {
		name      string
		typed, as []string
	}{
		{"status label with capital", []string{"--status", "Pågår"}, []string{"--status", "in-progress"}},
		{"status without æøå", []string{"--status", "pagar"}, []string{"--status", "in-progress"}},
		{"status in capitals", []string{"--status", "IKKE VURDERT"}, []string{"--status", "not-assessed"}},
		{"owner by short name", []string{"--owner", "NAV"}, []string{"--owner", "nav"}},
		{"owner by full name", []string{"--owner", "helsedirektoratet"}, []string{"--owner", "hdir"}},
		{"kind in Norwegian", []string{"--kind", "tiltak"}, []string{"--kind", "measure"}},
		{"kind anbefaling", []string{"--kind", "Anbefaling"}, []string{"--kind", "recommendation"}},
		{"area by number", []string{"--area", "4"}, []string{"--area", "competence"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, exp := want(tt.typed...), want(tt.as...); got != exp || got == "" {
				t.Errorf("list %v = %q, want %q as with %v", tt.typed, got, exp, tt.as)
			}
		})
	}
}

func TestDidYouMean(t *testing.T) {
	dir := strategyRepo(t)
	propose(t, dir, "Zebra striper")
	propose(t, dir, "Øke kunnskap")
	propose(t, dir, "Øke samarbeid")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"list", "--status", "pgår"}, "ukjent status «pgår»; mente du «pågår»?"},
		{[]string{"list", "--owner", "NVA"}, "ukjent eier «NVA»; mente du «nav»?"},
		{[]string{"list", "--area", "competense"}, "ukjent innsatsområde «competense»; mente du «competence»?"},
		{[]string{"list", "--kind", "tilltak"}, "ukjent type «tilltak»; mente du «tiltak»?"},
		{[]string{"list", "--stauts", "pågår"}, "ukjent flagg --stauts; mente du «--status»?"},
		{[]string{"show", "T4"}, "fant ikke tiltaket «T4»; mente du «T04»?"},
		{[]string{"show", "P-zebar-striper"}, "mente du «P-zebra-striper»?"},
		{[]string{"show", "P-oke"}, "«P-oke» kan være flere tiltak: P-oke-kunnskap, P-oke-samarbeid"},
		{[]string{"history", "T4"}, "fant ikke tiltaket «T4»; mente du «T04»?"},
		{[]string{"set", "T4", "--progress", "10"}, "fant ikke tiltaket «T4»; mente du «T04»?"},
		{[]string{"set", "T04", "--owner", "navv"}, "ukjent eier «navv»; mente du «nav»?"},
		{[]string{"set", "T04", "--due", "31.02.2027"}, "«31.02.2027» er ikke en gyldig dato"},
		{[]string{"link", "T04", "aa2020-1.1/99"}, "ukjent innspill «aa2020-1.1/99»"},
		{[]string{"help", "lst"}, "ukjent kommando «lst»; mente du «list»?"},
		{[]string{"lst"}, "ukjent kommando «lst»; mente du «list»?"},
		{[]string{"completion", "tcsh"}, "ugyldig argument «tcsh» til «samvirke completion»; gyldige er bash, zsh, fish, powershell"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, _, err := run(t, false, nil, append([]string{"--repo", dir}, tt.args...)...)
			if err == nil || !strings.Contains(msgOf(err), tt.want) {
				t.Errorf("samvirke %v: err = %q (output %q), want %q", tt.args, msgOf(err), out, tt.want)
			}
		})
	}
	// An unambiguous prefix of a proposal's id names it.
	out, _, err := run(t, false, nil, "--repo", dir, "show", "P-zebra")
	if err != nil || !strings.HasPrefix(out, "P-zebra-striper Zebra striper") {
		t.Errorf("show P-zebra = %q, %v", out, err)
	}
	// help for a command that exists still prints its help.
	out, _, err = run(t, false, nil, "help", "list")
	if err != nil || !strings.Contains(out, "samvirke list [flagg]") {
		t.Errorf("help list = %q, %v", out, err)
	}
}

func TestSetAsTyped(t *testing.T) {
	dir := strategyRepo(t)
	set := func(args ...string) (string, error) {
		out, _, err := run(t, false, nil, append([]string{"--repo", dir, "set"}, args...)...)
		return out, err
	}
	if out, err := set("t14", "--status", "pagar"); err != nil || !strings.HasSuffix(strings.TrimSpace(out), "T14: status ikke vurdert → pågår") {
		t.Errorf("set t14 --status pagar = %q, %v; want a message without «notat lagt til»", out, err)
	}
	if got := git(t, dir, "log", "-1", "--format=%s"); got != "T14: status ikke vurdert → pågår" {
		t.Errorf("commit message = %q", got)
	}
	if _, err := set("T14", "--status", "Forsinket", "--note", "Venter på avklaring."); err != nil {
		t.Fatal(err)
	}
	if got := git(t, dir, "log", "-1", "--format=%s"); got != "T14: status pågår → forsinket, notat lagt til" {
		t.Errorf("commit message with a note = %q", got)
	}
	if _, err := set("T14", "--due", "31.12.2026", "--owner", "NAV", "--owner", "Hdir"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "content", "measures", "T14.md"))
	if !strings.Contains(string(data), "due: 2026-12-31") || !strings.Contains(string(data), "owners:\n  - nav\n  - hdir\n") {
		t.Errorf("T14.md after --due 31.12.2026 --owner NAV --owner Hdir:\n%s", data)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"T14", "--note", "Hei.", "--author", "Kari"}, "--author «Kari» mangler e-postadresse"},
		{[]string{"T14", "--note", "Hei.", "--author", "kari@example.no"}, "--author «kari@example.no» mangler navn"},
		{[]string{"T14", "--note", "Hei.", "--author", "Kari <kari>"}, "er ikke på formen \"Navn <e-post>\""},
		{[]string{"T14", "--note", ""}, "notatet er tomt"},
		{[]string{"T14", "--note", "   "}, "notatet er tomt"},
	}
	for _, tt := range tests {
		_, err := set(tt.args...)
		if err == nil || !strings.Contains(msgOf(err), tt.want) || strings.Contains(msgOf(err), "git-identitet") || strings.Contains(msgOf(err), "log[") {
			t.Errorf("set %v: err = %q, want %q", tt.args, msgOf(err), tt.want)
		}
	}
}

// commitAt commits the working tree as git would on the given date (local time); msg
// "--amend" amends the last commit instead.
func commitAt(t *testing.T, dir, when, msg string) {
	t.Helper()
	args := []string{"-c", "user.name=Kari", "-c", "user.email=kari@example.no", "commit", "-qam", msg}
	if msg == "--amend" {
		args = []string{"commit", "-q", "--amend", "--no-edit"}
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+when, "GIT_COMMITTER_DATE="+when)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git commit: %v\n%s", err, out)
	}
}

func editFile(t *testing.T, file, from, to string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), from) {
		t.Fatalf("%s lacks %q (%v)", file, from, err)
	}
	os.WriteFile(file, []byte(strings.Replace(string(data), from, to, 1)), 0o644)
}

func TestDiffSinceADateIncludesThatDay(t *testing.T) {
	dir := strategyRepo(t)
	commitAt(t, dir, "2026-11-20T10:00:00", "--amend")
	t14 := filepath.Join(dir, "content", "measures", "T14.md")
	editFile(t, t14, "status: not-assessed", "status: delayed")
	commitAt(t, dir, "2026-12-01T00:30:00", "T14 early on 1 December")
	t15 := filepath.Join(dir, "content", "measures", "T15.md")
	editFile(t, t15, "status: not-assessed", "status: done")
	commitAt(t, dir, "2026-12-02T09:00:00", "T15 on 2 December")
	for _, since := range []string{"2026-12-01", "01.12.2026", "1.12.2026"} {
		out, _, err := run(t, false, nil, "--repo", dir, "diff", "--since", since, "--until", "2026-12-01")
		if err != nil || !strings.Contains(out, "~ T14") || strings.Contains(out, "T15") {
			t.Errorf("diff --since %s --until 2026-12-01 = %q, %v; want T14's change of 1 December and not T15's", since, out, err)
		}
	}
	out, _, err := run(t, false, nil, "--repo", dir, "diff", "--since", "2026-12-02")
	if err != nil || strings.Contains(out, "T14") || !strings.Contains(out, "~ T15") {
		t.Errorf("diff --since 2026-12-02 = %q, %v", out, err)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "diff", "--since", "2026-11-20", "--until", "2026-11-20", "--format", "json")
	var d struct{ Added []any }
	if err != nil || json.Unmarshal([]byte(out), &d) != nil || len(d.Added) != 44 {
		t.Errorf("diff --since the first commit's day: %v, %d added, want all 44 (compared with an empty repository)", err, len(d.Added))
	}
	help, _, _ := run(t, false, nil, "diff", "--help")
	if !strings.Contains(help, "starten av dagen") {
		t.Errorf("diff --help does not say a date means the start of the day:\n%s", help)
	}
}

func TestUserMessageInNorwegian(t *testing.T) {
	dir := t.TempDir()
	_, _, err := run(t, false, nil, "--repo", dir, "list")
	if got := msgOf(err); !strings.HasPrefix(got, "fant ingen content/-mappe i "+dir) {
		t.Errorf("--repo without content/: %q", got)
	}
	repoDir := strategyRepo(t)
	_, _, err = run(t, false, nil, "--repo", repoDir, "sync")
	if got := msgOf(err); !strings.Contains(got, "fant ikke remoten «origin»") || strings.Contains(got, "not found") {
		t.Errorf("sync without a remote: %q", got)
	}
	_, err = exec.Command("notepad.exe").Output()
	if got := userMessage(err); got != "fant ikke programmet «notepad.exe»; installer det eller velg et annet med EDITOR" {
		t.Errorf("editor not found: %q", got)
	}
}

func versionInfo(v, rev, when string, modified bool) *debug.BuildInfo {
	bi := &debug.BuildInfo{Main: debug.Module{Version: v}}
	if rev != "" {
		bi.Settings = append(bi.Settings, debug.BuildSetting{Key: "vcs.revision", Value: rev},
			debug.BuildSetting{Key: "vcs.time", Value: when}, debug.BuildSetting{Key: "vcs.modified", Value: fmt.Sprint(modified)})
	}
	return bi
}

func TestVersionFormat(t *testing.T) {
	bi := versionInfo("v1.2.0", "0123456789abcdef0123", "2026-11-30T12:00:00Z", true)
	if got := formatVersion("", bi); !strings.HasPrefix(got, "samvirke v1.2.0, commit 0123456789ab med lokale endringer fra 30. november 2026 (") {
		t.Errorf("formatVersion = %q", got)
	}
	if got := formatVersion("", versionInfo("(devel)", "", "", false)); !strings.HasPrefix(got, "samvirke (utviklingsversjon) (") {
		t.Errorf("formatVersion of a development build = %q", got)
	}
}

func TestCompletionCompletesValues(t *testing.T) {
	dir := strategyRepo(t)
	complete := func(args ...string) (values []string, directive string) {
		out, _, err := run(t, false, nil, append([]string{"__complete", "--repo", dir}, args...)...)
		if err != nil {
			t.Fatalf("__complete %v: %v", args, err)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		for _, l := range lines[:len(lines)-1] {
			v, _, _ := strings.Cut(l, "\t")
			values = append(values, v)
		}
		return values, lines[len(lines)-1]
	}
	has := func(vs []string, want ...string) bool {
		for _, w := range want {
			found := false
			for _, v := range vs {
				found = found || v == w
			}
			if !found {
				return false
			}
		}
		return true
	}
	const noFiles = ":4"
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"show", ""}, []string{"T01", "T36", "D01"}},
		{[]string{"set", ""}, []string{"T14"}},
		{[]string{"set", "T14", "--status", ""}, []string{"pågår", "ikke vurdert", "gjennomført"}},
		{[]string{"list", "--status", ""}, []string{"pågår", "i ordinær drift"}},
		{[]string{"list", "--owner", ""}, []string{"nav", "hdir"}},
		{[]string{"set", "T14", "--owner", ""}, []string{"nav", "hdir"}},
		{[]string{"list", "--area", ""}, []string{"roles", "competence"}},
		{[]string{"list", "--kind", ""}, []string{"tiltak", "anbefaling"}},
		{[]string{"list", "--format", ""}, []string{"table", "json", "csv"}},
		{[]string{"link", "T14", ""}, []string{"aa2020-1.1/1"}},
		{[]string{"new", "--input", ""}, []string{"aa2020-1.1/1"}},
		{[]string{"help", ""}, []string{"list", "set"}},
	}
	for _, tt := range tests {
		vs, dir := complete(tt.args...)
		if !has(vs, tt.want...) || dir != noFiles {
			t.Errorf("completion of %v = %v (directive %s), want %v and no file names", tt.args, vs, dir, tt.want)
		}
	}
	for _, args := range [][]string{{"list", ""}, {"set", "T14", "--note", ""}, {"show", "T14", ""}} {
		if vs, dir := complete(args...); len(vs) != 0 || dir != noFiles {
			t.Errorf("completion of %v = %v (directive %s), want nothing, not file names", args, vs, dir)
		}
	}
}

func TestNewTakesValuesAsTyped(t *testing.T) {
	dir := strategyRepo(t)
	_, _, err := run(t, false, nil, "--repo", dir, "new", "--title", "Felles kurs", "--area", "4", "--owner", "NAV",
		"--owner", "Hdir", "--input", "AA2020-1.1/1", "--text", "Et kurs.", "--yes")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "content", "measures", "P-felles-kurs.md"))
	if !strings.Contains(string(data), "area: competence\nowners:\n  - nav\n  - hdir\n") || !strings.Contains(string(data), "  - aa2020-1.1/1\n") {
		t.Errorf("new with --area 4 --owner NAV --owner Hdir wrote:\n%s", data)
	}
	_, _, err = run(t, false, nil, "--repo", dir, "new", "--title", "Kurs", "--area", "competense", "--owner", "nav", "--text", "x", "--yes")
	if !strings.Contains(msgOf(err), "mente du «competence»?") {
		t.Errorf("new --area competense: %q", msgOf(err))
	}
}
