package tracker

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
)

func TestReportTags(t *testing.T) {
	dir := history(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.LatestReportTag(); !errors.Is(err, ErrNoReportTag) {
		t.Fatalf("LatestReportTag on a repository without report tags: err = %v, want ErrNoReportTag", err)
	}
	testutil.GitWithEnv(t, dir, []string{"GIT_COMMITTER_DATE=2026-01-11T12:00:00"}, "tag", "-a", "-m", "old", "rapport/2026-01", "HEAD~2")
	tag, err := r.TagReport("2026-11", "Kari Nordmann <kari@example.no>")
	if err != nil {
		t.Fatal(err)
	}
	if got := testutil.Git(t, dir, "cat-file", "-t", "rapport/2026-11"); got != "tag" {
		t.Errorf("git cat-file -t rapport/2026-11 = %q, want an annotated tag", got)
	}
	head := testutil.Git(t, dir, "rev-parse", "HEAD")
	if got := testutil.Git(t, dir, "rev-parse", "rapport/2026-11^{commit}"); got != head || tag.Commit.Hash.String() != head {
		t.Errorf("tag points at %s (returned %s), want HEAD %s", got, tag.Commit.Hash, head)
	}
	if got := testutil.Git(t, dir, "for-each-ref", "--format=%(taggername) %(taggeremail)", "refs/tags/rapport/2026-11"); got != "Kari Nordmann <kari@example.no>" {
		t.Errorf("tagger = %q", got)
	}
	latest, err := r.LatestReportTag()
	if err != nil || latest.Name != "2026-11" || latest.Ref != "rapport/2026-11" || latest.Commit.Hash.String() != head {
		t.Errorf("LatestReportTag = %+v, %v; want rapport/2026-11 on HEAD", latest, err)
	}
	if _, err := r.TagReport("2026-11", "Kari Nordmann <kari@example.no>"); !errors.Is(err, ErrTagExists) {
		t.Errorf("tagging twice: err = %v, want ErrTagExists", err)
	}
	for _, bad := range []string{"", "a b", "../x", "x..y", "-x", "x.lock", "x~1", "x:y"} {
		if _, err := r.TagReport(bad, "Kari Nordmann <kari@example.no>"); !errors.Is(err, ErrBadTagName) {
			t.Errorf("TagReport(%q): err = %v, want ErrBadTagName", bad, err)
		}
	}
	// A lightweight tag made later by hand is not newer than the annotated one: its
	// date is its commit's.
	testutil.Git(t, dir, "tag", "rapport/lett", "HEAD~1")
	if latest, _ := r.LatestReportTag(); latest == nil || latest.Name != "2026-11" {
		t.Errorf("LatestReportTag with an older lightweight tag = %+v", latest)
	}
}

func TestContentChanged(t *testing.T) {
	dir := history(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if changed, err := r.ContentChanged(); err != nil || changed {
		t.Fatalf("ContentChanged on a clean tree = %v, %v", changed, err)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("outside content"), 0o644)
	if changed, _ := r.ContentChanged(); changed {
		t.Error("a file outside content/ counts as a content change")
	}
	os.WriteFile(filepath.Join(dir, "content", "measures", "T02.md"), []byte("changed"), 0o644)
	if changed, err := r.ContentChanged(); err != nil || !changed {
		t.Errorf("ContentChanged after editing T02.md = %v, %v", changed, err)
	}
}
