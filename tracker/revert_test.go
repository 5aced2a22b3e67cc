package tracker

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

func TestRevertRestoresTheParentVersion(t *testing.T) {
	r, dir := newRepo(t)
	ctx := context.Background()
	file := filepath.Join(dir, "content/measures/T02.md")
	original, _ := os.ReadFile(file)
	saved, err := r.Save(ctx, "T02", setStatus(measures.InProgress, "I gang."), SaveOptions{Author: author})
	if err != nil {
		t.Fatal(err)
	}
	rev, err := r.Revert(ctx, saved.Hash.String(), SaveOptions{Author: author})
	if err != nil {
		t.Fatal(err)
	}
	want := `Angre «T02: status ikke vurdert → pågår, notat lagt til»`
	if rev.Message != want {
		t.Errorf("message = %q, want %q", rev.Message, want)
	}
	if got := testutil.Git(t, dir, "log", "-1", "--format=%h|%s|%b"); got != rev.Hash.String()[:7]+"|"+want+"|Dette angrer commit "+saved.Hash.String()+"." {
		t.Errorf("git log -1 = %q", got)
	}
	if got := testutil.Git(t, dir, "rev-list", "--count", "HEAD"); got != "3" {
		t.Errorf("%s commits, want 3 (init, save, revert): history is never rewritten", got)
	}
	if got := testutil.Git(t, dir, "show", "--name-only", "--format=", "HEAD"); got != "content/measures/T02.md" {
		t.Errorf("the revert touched %q", got)
	}
	if data, _ := os.ReadFile(file); string(data) != string(original) {
		t.Errorf("T02.md after revert:\n%s\nwant\n%s", data, original)
	}
	if got := testutil.Git(t, dir, "status", "--porcelain"); got != "" {
		t.Errorf("git status = %q, want clean", got)
	}
	if got := testutil.Git(t, dir, "diff", "HEAD~2", "HEAD", "--stat"); got != "" {
		t.Errorf("tree after revert differs from before the save: %s", got)
	}
	testutil.Git(t, dir, "fsck", "--strict")
}

func TestRevertRefuses(t *testing.T) {
	r, dir := newRepo(t)
	ctx := context.Background()
	first, err := r.Save(ctx, "T02", setStatus(measures.InProgress, "I gang."), SaveOptions{Author: author})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Save(ctx, "T02", setStatus(measures.Done, "Ferdig."), SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
	}
	head := testutil.Git(t, dir, "rev-parse", "HEAD")
	if _, err := r.Revert(ctx, first.Hash.String(), SaveOptions{Author: author}); !errors.Is(err, ErrChanged) {
		t.Errorf("revert of an older save of a file changed since: err = %v, want ErrChanged", err)
	}
	if _, err := r.Revert(ctx, "HEAD~2", SaveOptions{Author: author}); !errors.Is(err, ErrNotRevertible) {
		t.Errorf("revert of the first commit: err = %v, want ErrNotRevertible", err)
	}
	if _, err := r.Revert(ctx, "finnes-ikke", SaveOptions{Author: author}); !errors.Is(err, ErrUnknownRef) {
		t.Errorf("revert of an unknown ref: err = %v, want ErrUnknownRef", err)
	}
	file := filepath.Join(dir, "content/measures/T02.md")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, append(data, "Lokal endring.\n"...), 0o644)
	if _, err := r.Revert(ctx, "HEAD", SaveOptions{Author: author}); !errors.Is(err, ErrDirty) {
		t.Errorf("revert with the file edited locally: err = %v, want ErrDirty", err)
	}
	if got := testutil.Git(t, dir, "rev-parse", "HEAD"); got != head {
		t.Errorf("a refused revert moved HEAD")
	}
	if got := testutil.Git(t, dir, "diff", "--stat"); !strings.Contains(got, "T02.md") {
		t.Errorf("the local edit was lost: %q", got)
	}
}

func TestLastChanged(t *testing.T) {
	r, dir := newRepo(t)
	if _, err := r.Save(context.Background(), "T02", setStatus(measures.InProgress, "I gang."), SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
	}
	last, err := r.LastChanged()
	if err != nil {
		t.Fatal(err)
	}
	when := testutil.Git(t, dir, "log", "-1", "--format=%ct", "--", "content/measures/T02.md")
	if got := last["T02"].Unix(); when != strings.TrimSpace(itoa(got)) {
		t.Errorf("LastChanged[T02] = %d, git says %s", got, when)
	}
	if len(last) != 4 {
		t.Errorf("LastChanged has %d measures, want the fixture's 4", len(last))
	}
	if r.Head() != testutil.Git(t, dir, "rev-parse", "HEAD") {
		t.Errorf("Head() = %s", r.Head())
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
