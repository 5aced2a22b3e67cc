package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// gitPath runs git with the real samvirke binary first on PATH, as git runs the merge
// driver through the shell.
func gitPath(t *testing.T, dir string, wantFail bool, args ...string) string {
	t.Helper()
	bin := buildBinary(t)
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if (err != nil) != wantFail {
		t.Fatalf("git %s: %v (want failure: %v)\n%s", strings.Join(args, " "), err, wantFail, out)
	}
	return string(out)
}

// TestMergeDriver: init writes the .gitattributes lines, the first samvirke command in
// the repository sets merge.samvirke.driver, and a plain git merge of a branch that edits
// the same measure merges it by field, with the same result as sync's merge; a true
// conflict leaves no markers and says which field.
func TestMergeDriver(t *testing.T) {
	dir := strategyRepo(t)
	attrs, _ := os.ReadFile(filepath.Join(dir, ".gitattributes"))
	if !strings.Contains(string(attrs), "content/**/*.md merge=samvirke") {
		t.Fatalf(".gitattributes lacks the merge driver:\n%s", attrs)
	}
	_, errOut, err := run(t, false, nil, "--repo", dir, "log", "-n", "1")
	if err != nil || !strings.Contains(errOut, "Satte opp samvirke som gits merge-driver") {
		t.Fatalf("first command: %q, %v", errOut, err)
	}
	if got := git(t, dir, "config", "merge.samvirke.driver"); got != "samvirke merge-file %O %A %B %P" {
		t.Fatalf("merge.samvirke.driver = %q", got)
	}
	if _, errOut, _ := run(t, false, nil, "--repo", dir, "log", "-n", "1"); strings.Contains(errOut, "merge-driver") {
		t.Error("the notice came again once the driver was set")
	}
	file := "content/measures/T14.md"
	base := git(t, dir, "show", "HEAD:"+file) + "\n"
	// A PR branch changes the title and adds a note; main changes the status with a note.
	git(t, dir, "checkout", "-q", "-b", "pr")
	editFile(t, filepath.Join(dir, file), "title: Undersøke om", "title: Kartlegge om")
	git(t, dir, "commit", "-q", "-am", "tittel")
	theirs := git(t, dir, "show", "HEAD:"+file) + "\n"
	git(t, dir, "checkout", "-q", "main")
	if _, _, err := run(t, false, nil, "--repo", dir, "set", "T14", "--status", "pågår", "--note", "Startet.", "--author", contribAuthor); err != nil {
		t.Fatal(err)
	}
	ours := git(t, dir, "show", "HEAD:"+file) + "\n"
	gitPath(t, dir, false, "merge", "-q", "--no-edit", "pr")
	got, _ := os.ReadFile(filepath.Join(dir, file))
	want, cs := measures.MergeFile(file, []byte(base), []byte(ours), []byte(theirs))
	if len(cs) > 0 || string(got) != string(want) {
		t.Fatalf("git merge gave\n%s\nsync's merge gives\n%s", got, want)
	}
	if !strings.Contains(string(got), "title: Kartlegge om") || !strings.Contains(string(got), "status: in-progress") {
		t.Errorf("merged file lacks a side:\n%s", got)
	}
	// The same field differently: git stops, the file keeps main's version, no markers.
	git(t, dir, "checkout", "-q", "-b", "pr2")
	editFile(t, filepath.Join(dir, file), "status: in-progress", "status: done")
	git(t, dir, "commit", "-q", "-am", "ferdig")
	git(t, dir, "checkout", "-q", "main")
	editFile(t, filepath.Join(dir, file), "status: in-progress", "status: delayed")
	git(t, dir, "commit", "-q", "-am", "forsinket")
	out := gitPath(t, dir, true, "merge", "--no-edit", "pr2")
	for _, w := range []string{"begge sider har endret samme felt i content/measures/T14.md ulikt", "T14, status:", "din verdi:    forsinket (delayed)", "den andres:   gjennomført (done)", "Filen har ingen konfliktmarkører"} {
		if !strings.Contains(out, w) {
			t.Errorf("git merge output lacks %q:\n%s", w, out)
		}
	}
	got, _ = os.ReadFile(filepath.Join(dir, file))
	if strings.Contains(string(got), "<<<<<<<") || !strings.Contains(string(got), "status: delayed") {
		t.Errorf("conflicted file:\n%s", got)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "sync"); err == nil || !strings.Contains(err.Error(), "en git merge pågår i repoet") || !strings.Contains(err.Error(), "git merge --abort") {
		t.Errorf("sync during a merge = %v", err)
	}
	git(t, dir, "merge", "--abort")
	// Without the driver git writes markers, and validate says what they are.
	git(t, dir, "config", "--remove-section", "merge.samvirke")
	gitFails(t, dir, "merge", "--no-edit", "pr2")
	out, _, err = run(t, false, nil, "--repo", dir, "validate")
	if err == nil || !strings.Contains(out+errText(err), "git-konfliktmarkører i linje") || !strings.Contains(out+errText(err), "git merge --abort") {
		t.Errorf("validate on conflict markers = %q, %v", out, err)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestCloneSetsUpDriver: samvirke clone clones and sets the merge driver in one step.
func TestCloneSetsUpDriver(t *testing.T) {
	src := strategyRepo(t)
	root := t.TempDir()
	bare := filepath.Join(root, "strategi.git")
	git(t, root, "clone", "-q", "--bare", src, bare)
	out, errOut, err := run(t, false, nil, "clone", bare, filepath.Join(root, "kopi"))
	if err != nil || !strings.Contains(out, "Klonet til") || !strings.Contains(errOut, "merge-driver") {
		t.Fatalf("clone = %q, %q, %v", out, errOut, err)
	}
	if got := git(t, filepath.Join(root, "kopi"), "config", "merge.samvirke.driver"); !strings.HasSuffix(got, "merge-file %O %A %B %P") {
		t.Errorf("driver = %q", got)
	}
	if _, _, err := run(t, false, nil, "clone", bare, filepath.Join(root, "kopi")); err == nil || !strings.Contains(err.Error(), "er ikke tom") {
		t.Errorf("clone into a non-empty directory = %v", err)
	}
}

// TestSyncTimeoutMessage: a remote that never answers gives a Norwegian error within the
// timeout.
func TestSyncTimeoutMessage(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	dir := strategyRepo(t)
	git(t, dir, "remote", "add", "origin", "http://"+ln.Addr().String()+"/strategi.git")
	start := time.Now()
	_, _, err = run(t, false, nil, "--repo", dir, "sync", "--timeout", "2s")
	if err == nil || err.Error() != "fikk ikke svar fra origin innen 2 sekunder; ingenting er endret. Sjekk nettverket og adressen (git remote -v), eller vent lenger med --timeout" {
		t.Errorf("sync against a silent remote = %v", err)
	}
	if d := time.Since(start); d > 6*time.Second {
		t.Errorf("took %s", d)
	}
}

// TestSyncCommandMerges: two clones change the same measure in different fields; sync
// merges and says what it merged.
func TestSyncCommandMerges(t *testing.T) {
	dir := strategyRepo(t)
	root := t.TempDir()
	remote := filepath.Join(root, "remote.git")
	git(t, root, "init", "-q", "--bare", "-b", "main", remote)
	git(t, dir, "remote", "add", "origin", remote)
	if _, errOut, err := run(t, true, nil, "--repo", dir, "sync"); err != nil || !strings.Contains(errOut, "Henter fra origin …\n") || !strings.Contains(errOut, "Sender til origin …\n") {
		t.Fatalf("first sync on a terminal: %q, %v", errOut, err)
	}
	b := filepath.Join(root, "b")
	git(t, root, "clone", "-q", remote, b)
	if _, _, err := run(t, false, nil, "--repo", b, "set", "T14", "--note", "Brev sendt.", "--author", "Ola Nordmann <ola@example.no>"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, false, nil, "--repo", b, "sync"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "set", "T14", "--status", "pågår", "--author", contribAuthor); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, false, nil, "--repo", dir, "sync")
	want := "Hentet 1 commit fra origin, slo sammen endringene med 1 commit herfra og sendte resultatet (" + git(t, dir, "rev-parse", "--short=7", "HEAD") + "):\n" +
		"  T14: dine endringer (status ikke vurdert → pågår) og endringer fra origin (notat lagt til)\n"
	if err != nil || out != want {
		t.Fatalf("sync = %q, %v\nwant %q", out, err, want)
	}
	if out, _, err := run(t, false, nil, "--repo", b, "sync"); err != nil || out != "Hentet 2 commits fra origin.\n" {
		t.Errorf("b's sync = %q, %v", out, err)
	}
	if out, _, err := run(t, false, nil, "--repo", b, "validate"); err != nil {
		t.Errorf("validate = %q, %v", out, err)
	}
}

func TestSyncErrorMessages(t *testing.T) {
	rw := &tracker.RewrittenError{Remote: "origin", Branch: "main", Seen: "0123456789abcdef", Now: "fedcba9", Lost: 1}
	got := syncError(fmt.Errorf("sync: %w", rw), nil, "origin", 0).Error()
	for _, want := range []string{"historikken på origin/main er skrevet om (force-push): 1 commit du hentet derfra før, finnes ikke lenger der (var 0123456, nå fedcba9)",
		"ingenting blir sendt på nytt", "git reset --hard origin/main"} {
		if !strings.Contains(got, want) {
			t.Errorf("force-push message lacks %q:\n%s", want, got)
		}
	}
	if got := norwegianDuration(90 * time.Second); got != "90 sekunder" {
		t.Errorf("90 s = %q", got)
	}
	if got := norwegianDuration(time.Minute); got != "1 minutt" {
		t.Errorf("1 min = %q", got)
	}
}
