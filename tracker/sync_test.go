package tracker

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// twoClones makes a bare remote, a samvirke repository A pushed to it, and a git clone B.
func twoClones(t *testing.T) (a *Repo, aDir, bDir, remote string) {
	t.Helper()
	root := t.TempDir()
	remote = filepath.Join(root, "remote.git")
	testutil.Git(t, root, "init", "-q", "--bare", "-b", "main", remote)
	a, aDir = newRepo(t)
	testutil.Git(t, aDir, "remote", "add", "origin", remote)
	res, err := a.Sync(context.Background(), "origin")
	if err != nil || res.Action != "pushed" {
		t.Fatalf("first sync = %+v, %v; want pushed", res, err)
	}
	bDir = filepath.Join(root, "b")
	testutil.Git(t, root, "clone", "-q", remote, bDir)
	return a, aDir, bDir, remote
}

// editAndPush changes a measure file in clone B with the git CLI and pushes.
func editAndPush(t *testing.T, bDir, file, from, to string) {
	t.Helper()
	p := filepath.Join(bDir, file)
	data, _ := os.ReadFile(p)
	if !strings.Contains(string(data), from) {
		t.Fatalf("%s lacks %q", file, from)
	}
	os.WriteFile(p, []byte(strings.Replace(string(data), from, to, 1)), 0o644)
	testutil.Git(t, bDir, "commit", "-q", "-am", "remote edit of "+file)
	testutil.Git(t, bDir, "push", "-q", "origin", "main")
}

func TestSyncFastForwardAndPush(t *testing.T) {
	a, aDir, bDir, remote := twoClones(t)
	editAndPush(t, bDir, "content/measures/T10.md", "status: done", "status: in-operation")
	// An unrelated uncommitted change in A survives the fast-forward.
	os.WriteFile(filepath.Join(aDir, "NOTES"), []byte("lokalt"), 0o644)
	res, err := a.Sync(context.Background(), "origin")
	if err != nil || res.Action != "fast-forward" || res.Pulled != 1 {
		t.Fatalf("sync when behind = %+v, %v", res, err)
	}
	data, _ := os.ReadFile(filepath.Join(aDir, "content/measures/T10.md"))
	if !strings.Contains(string(data), "status: in-operation") {
		t.Error("the working tree was not updated by the fast-forward")
	}
	if st := testutil.Git(t, aDir, "status", "--porcelain"); st != "?? NOTES" {
		t.Errorf("git status after fast-forward = %q, want only the untracked NOTES", st)
	}
	// Ahead: a local save is pushed.
	if _, err := a.Save(context.Background(), "T02", setStatus(measures.InProgress, "I gang."), SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
	}
	if res, err := a.Sync(context.Background(), "origin"); err != nil || res.Action != "pushed" {
		t.Fatalf("sync when ahead = %+v, %v", res, err)
	}
	if got, want := testutil.Git(t, remote, "rev-parse", "main"), testutil.Git(t, aDir, "rev-parse", "HEAD"); got != want {
		t.Errorf("remote main = %s, local HEAD = %s", got, want)
	}
	if res, err := a.Sync(context.Background(), "origin"); err != nil || res.Action != "up-to-date" {
		t.Errorf("sync again = %+v, %v", res, err)
	}
	testutil.Git(t, remote, "fsck", "--strict")
}

func TestSyncDiverged(t *testing.T) {
	a, aDir, bDir, remote := twoClones(t)
	editAndPush(t, bDir, "content/measures/T10.md", "status: done", "status: in-operation")
	saved, err := a.Save(context.Background(), "T02", setStatus(measures.InProgress, "I gang."), SaveOptions{Author: author})
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.Sync(context.Background(), "origin")
	if err != nil || res.Action != "rebased" || res.Pushed != 1 || res.Pulled != 1 {
		t.Fatalf("sync when diverged = %+v, %v", res, err)
	}
	log := testutil.Git(t, remote, "log", "--format=%s|%an", "main")
	if !strings.HasPrefix(log, saved.Message+"|Kari Nordmann\nremote edit of content/measures/T10.md|") {
		t.Errorf("remote log after a rebased sync =\n%s", log)
	}
	if st := testutil.Git(t, aDir, "status", "--porcelain"); st != "" {
		t.Errorf("git status = %q, want clean", st)
	}
	if got := testutil.Git(t, aDir, "rev-parse", "refs/samvirke/pre-sync"); got != saved.Hash.String() {
		t.Errorf("pre-sync ref = %s, want the old local head %s", got, saved.Hash)
	}
	for _, f := range []string{"content/measures/T10.md", "content/measures/T02.md"} {
		committed := testutil.Git(t, aDir, "show", "HEAD:"+f)
		disk, _ := os.ReadFile(filepath.Join(aDir, f))
		if committed != strings.TrimSpace(string(disk)) {
			t.Errorf("%s on disk differs from HEAD after sync", f)
		}
	}
	testutil.Git(t, aDir, "fsck", "--strict")
}

func TestSyncKeepsUntrackedFileInTheWay(t *testing.T) {
	a, aDir, bDir, _ := twoClones(t)
	os.WriteFile(filepath.Join(bDir, "content/measures/T20.md"), []byte("ny fil"), 0o644)
	testutil.Git(t, bDir, "add", ".")
	testutil.Git(t, bDir, "commit", "-q", "-m", "add T20")
	testutil.Git(t, bDir, "push", "-q", "origin", "main")
	local := filepath.Join(aDir, "content/measures/T20.md")
	os.WriteFile(local, []byte("mitt utkast"), 0o644)
	if _, err := a.Sync(context.Background(), "origin"); !errors.Is(err, ErrDirty) {
		t.Errorf("sync over an untracked file the remote adds = %v, want ErrDirty", err)
	}
	if data, _ := os.ReadFile(local); string(data) != "mitt utkast" {
		t.Error("sync overwrote an untracked local file")
	}
}

func TestSyncConflict(t *testing.T) {
	a, aDir, bDir, remote := twoClones(t)
	editAndPush(t, bDir, "content/measures/T02.md", "status: not-assessed", "status: delayed")
	saved, err := a.Save(context.Background(), "T02", setStatus(measures.InProgress, "I gang."), SaveOptions{Author: author})
	if err != nil {
		t.Fatal(err)
	}
	remoteBefore := testutil.Git(t, remote, "rev-parse", "main")
	res, err := a.Sync(context.Background(), "origin")
	if !errors.Is(err, ErrConflict) || res == nil || strings.Join(res.Files, ",") != "content/measures/T02.md" {
		t.Fatalf("sync with a conflict = %+v, %v; want ErrConflict naming T02.md", res, err)
	}
	if head := testutil.Git(t, aDir, "rev-parse", "HEAD"); head != saved.Hash.String() {
		t.Error("a conflicting sync moved the local branch")
	}
	if testutil.Git(t, remote, "rev-parse", "main") != remoteBefore {
		t.Error("a conflicting sync pushed")
	}
	if st := testutil.Git(t, aDir, "status", "--porcelain"); st != "" {
		t.Errorf("git status = %q, want clean", st)
	}
}
