package main

import (
	"github.com/samvirke/samvirke/internal/testutil"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return testutil.GitAsConfigured(t, dir, args...)
}

func TestInitAndAt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	out, _, err := run(t, false, nil, "init", dir, "--author", "Kari Nordmann <kari@example.no>")
	if err != nil || !strings.HasPrefix(out, "Laget strategi-repo i "+dir) {
		t.Fatalf("init = %q, %v", out, err)
	}
	if got := git(t, dir, "log", "--format=%an|%s"); got != "Kari Nordmann|Strategiens innhold lagt inn" {
		t.Errorf("git log = %q", got)
	}
	git(t, dir, "fsck", "--strict")
	if n := strings.Count(git(t, dir, "ls-files", "content/measures"), "\n") + 1; n != 44 {
		t.Errorf("init committed %d measure files, want 44", n)
	}
	// Change T14 in the working tree: --at HEAD still shows the committed status.
	t14 := filepath.Join(dir, "content", "measures", "T14.md")
	data, _ := os.ReadFile(t14)
	os.WriteFile(t14, []byte(strings.Replace(string(data), "status: not-assessed", "status: done", 1)), 0o644)
	now, _, err := run(t, false, nil, "--repo", dir, "show", "T14")
	if err != nil || !strings.Contains(now, "Status:        gjennomført") {
		t.Errorf("show T14 (working tree) = %q, %v", now, err)
	}
	then, errOut, err := run(t, false, nil, "--repo", dir, "show", "T14", "--at", "HEAD")
	if err != nil || !strings.Contains(then, "Status:        ikke vurdert") || !strings.Contains(errOut, "Viser innholdet slik det var i commit") {
		t.Errorf("show T14 --at HEAD = %q (stderr %q), %v", then, errOut, err)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "list", "--at", "finnes-ikke"); err == nil || !strings.Contains(err.Error(), "fant ingen commit for «finnes-ikke»") {
		t.Errorf("list --at finnes-ikke: err = %v", err)
	}
	if _, _, err := run(t, false, nil, "init", dir, "--author", "Kari Nordmann <kari@example.no>"); err == nil || !strings.Contains(err.Error(), "har allerede") {
		t.Errorf("init into an existing repository: err = %v", err)
	}
}

func TestSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	if _, _, err := run(t, false, nil, "init", dir, "--author", "Kari Nordmann <kari@example.no>"); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, false, nil, "--repo", dir, "set", "T14", "--status", "pågår", "--note", "Oppstartsmøte holdt.",
		"--progress", "10", "--author", "Ola Nordmann <ola@example.no>")
	if err != nil {
		t.Fatal(err)
	}
	want := "T14: status ikke vurdert → pågår, framdrift – → 10 %, notat lagt til"
	if got := git(t, dir, "log", "-1", "--format=%h %s"); strings.TrimSpace(out) != got || !strings.HasSuffix(got, want) {
		t.Errorf("set printed %q; git log -1 = %q; want hash and %q", out, got, want)
	}
	if got := git(t, dir, "log", "-1", "--format=%an <%ae>"); got != "Ola Nordmann <ola@example.no>" {
		t.Errorf("author = %q", got)
	}
	show, _, _ := run(t, false, nil, "--repo", dir, "show", "T14")
	if !strings.Contains(show, "status: pågår (Ola Nordmann)") || !strings.Contains(show, "Oppstartsmøte holdt.") {
		t.Errorf("show T14 after set:\n%s", show)
	}
	_, _, err = run(t, false, nil, "--repo", dir, "set", "T14", "--owner", "ukjent", "--author", "Ola Nordmann <ola@example.no>")
	if err == nil || !strings.Contains(err.Error(), "ukjent eier «ukjent»") {
		t.Errorf("set with an unknown owner: err = %v", err)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "set", "T14"); err == nil || !strings.Contains(err.Error(), "ingenting å endre") {
		t.Errorf("set with no flags: err = %v", err)
	}
}

func TestLinkUnlink(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	if _, _, err := run(t, false, nil, "init", dir, "--author", "Kari Nordmann <kari@example.no>"); err != nil {
		t.Fatal(err)
	}
	a := []string{"--repo", dir, "--author", "Kari Nordmann <kari@example.no>"}
	out, _, err := run(t, false, nil, append([]string{"link", "T14", "aa2020-1.9/2", "aa2020-3.5/5"}, a...)...)
	if err != nil || !strings.HasSuffix(strings.TrimSpace(out), "T14: innspill +aa2020-1.9/2 +aa2020-3.5/5") {
		t.Fatalf("link = %q, %v", out, err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "content/measures/T14.md"))
	if !strings.Contains(string(data), "inputs:\n  - aa2020-1.9/2\n  - aa2020-3.5/5\n") {
		t.Errorf("T14.md after link:\n%s", data)
	}
	out, _, err = run(t, false, nil, append([]string{"unlink", "T14", "aa2020-1.9/2"}, a...)...)
	if err != nil || !strings.HasSuffix(strings.TrimSpace(out), "T14: innspill −aa2020-1.9/2") {
		t.Errorf("unlink = %q, %v", out, err)
	}
	if _, _, err := run(t, false, nil, append([]string{"link", "T14", "aa2020-9.9/1"}, a...)...); err == nil || !strings.Contains(err.Error(), "ukjent innspill «aa2020-9.9/1»") {
		t.Errorf("link to an unknown item: err = %v", err)
	}
	if _, _, err := run(t, false, nil, append([]string{"unlink", "T14", "aa2020-1.9/2"}, a...)...); err == nil || !strings.Contains(err.Error(), "er ikke knyttet til T14") {
		t.Errorf("unlink of an item not linked: err = %v", err)
	}
	if n := git(t, dir, "rev-list", "--count", "HEAD"); n != "3" {
		t.Errorf("%s commits, want 3", n)
	}
}

func TestHistoryAndLogCommands(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	a := []string{"--repo", dir, "--author", "Kari Nordmann <kari@example.no>"}
	if _, _, err := run(t, false, nil, "init", dir, "--author", "Kari Nordmann <kari@example.no>"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, false, nil, append([]string{"set", "T14", "--status", "pågår"}, a...)...); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, false, nil, "--repo", dir, "history", "T14")
	if err != nil || !strings.Contains(out, "Kari Nordmann\n    status ikke vurdert → pågår\n") || !strings.Contains(out, "    opprettet") {
		t.Errorf("history T14 = %q, %v", out, err)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "log", "-n", "1")
	if err != nil || strings.Count(out, "\n") != 1 || !strings.Contains(out, "T14: status ikke vurdert → pågår") {
		t.Errorf("log -n 1 = %q, %v", out, err)
	}
}

func TestDiffCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	a := []string{"--repo", dir, "--author", "Kari Nordmann <kari@example.no>"}
	if _, _, err := run(t, false, nil, "init", dir, "--author", "Kari Nordmann <kari@example.no>"); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "tag", "rapport-1")
	if _, _, err := run(t, false, nil, append([]string{"set", "T14", "--status", "pågår", "--note", "Startet."}, a...)...); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, false, nil, append([]string{"link", "T14", "aa2020-1.9/2"}, a...)...); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, false, nil, "--repo", dir, "diff", "--since", "rapport-1")
	if err != nil || !strings.Contains(out, "~ T14 Undersøke om taushetsplikten hindrer samvirke: status ikke vurdert → pågår, innspill +aa2020-1.9/2, notat lagt til") ||
		!strings.Contains(out, ": Startet.") {
		t.Errorf("diff --since rapport-1 = %q, %v", out, err)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "diff", "--since", "rapport-1", "--until", "HEAD~1", "--format", "md")
	if err != nil || !strings.HasPrefix(out, "### Endringer fra `rapport-1` til `HEAD~1`\n") || !strings.Contains(out, "| T14 | Undersøke om taushetsplikten hindrer samvirke | status ikke vurdert → pågår, notat lagt til |") {
		t.Errorf("diff --format md = %q, %v", out, err)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "diff", "--since", "HEAD")
	if err != nil || strings.TrimSpace(out) != "Ingen endringer i innholdet." {
		t.Errorf("diff --since HEAD = %q, %v", out, err)
	}
}

func TestSyncCommand(t *testing.T) {
	root := t.TempDir()
	remote := filepath.Join(root, "remote.git")
	git(t, root, "init", "-q", "--bare", "-b", "main", remote)
	dir := filepath.Join(root, "a")
	a := []string{"--repo", dir, "--author", "Kari Nordmann <kari@example.no>"}
	if _, _, err := run(t, false, nil, "init", dir, "--author", "Kari Nordmann <kari@example.no>"); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "remote", "add", "origin", remote)
	// The first sync shares the strategi/2016 tag init made, too.
	if out, _, err := run(t, false, nil, "--repo", dir, "sync"); err != nil || out != "Sendte endringene til origin.\nSendte 1 strategigrunnlag: strategi/2016.\n" {
		t.Fatalf("sync = %q, %v", out, err)
	}
	if got, want := git(t, remote, "rev-parse", "strategi/2016"), git(t, dir, "rev-parse", "strategi/2016"); got != want {
		t.Errorf("the remote's strategi/2016 is %s, want %s", got, want)
	}
	b := filepath.Join(root, "b")
	git(t, root, "clone", "-q", remote, b)
	p := filepath.Join(b, "content/measures/T14.md")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(data), "status: not-assessed", "status: delayed", 1)), 0o644)
	git(t, b, "-c", "user.name=Ola", "-c", "user.email=ola@example.no", "commit", "-q", "-am", "T14 forsinket")
	git(t, b, "push", "-q", "origin", "main")
	if _, _, err := run(t, false, nil, append([]string{"set", "T14", "--status", "pågår"}, a...)...); err != nil {
		t.Fatal(err)
	}
	headBefore := git(t, dir, "rev-parse", "HEAD")
	_, _, err := run(t, false, nil, "--repo", dir, "sync")
	if err == nil {
		t.Fatal("sync with a conflict succeeded")
	}
	for _, want := range []string{"både du og origin har endret samme felt ulikt; ingenting er endret",
		"T14 (content/measures/T14.md), status:", "din verdi:  pågår (in-progress)", "satt av Kari Nordmann <kari@example.no>",
		"fra origin: forsinket (delayed)", "satt av Ola <ola@example.no>", "samvirke resolve T14 --keep mine", "samvirke resolve T14 --keep theirs"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("conflict message lacks %q:\n%v", want, err)
		}
	}
	if git(t, dir, "rev-parse", "HEAD") != headBefore || git(t, dir, "status", "--porcelain") != "" {
		t.Error("a refused sync changed the clone")
	}
	if _, _, err := run(t, false, nil, append([]string{"resolve", "T14", "--keep", "sideways"}, a...)...); err == nil || !strings.Contains(err.Error(), "ukjent valg «sideways»") {
		t.Errorf("resolve --keep sideways = %v", err)
	}
	out, _, err := run(t, false, nil, append([]string{"resolve", "t14", "--keep", "status=theirs"}, a...)...)
	if err != nil || !strings.Contains(out, "Løst og slått sammen med origin i commit") {
		t.Fatalf("resolve = %q, %v", out, err)
	}
	if out, _, err := run(t, false, nil, "--repo", dir, "sync"); err != nil || out != "Sendte endringene til origin.\n" {
		t.Fatalf("sync after resolve = %q, %v", out, err)
	}
	git(t, b, "pull", "-q", "--ff-only")
	data, _ = os.ReadFile(p)
	if !strings.Contains(string(data), "status: delayed") || !strings.Contains(string(data), "status: in-progress\n    note:") {
		t.Errorf("T14 in the other clone after resolve and sync:\n%s", data)
	}
}
