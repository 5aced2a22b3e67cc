package tracker

import (
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
)

// TestReportTagsInOrder: every rapport/ tag made with the git CLI, annotated or
// lightweight, oldest first; other tags are left out.
func TestReportTagsInOrder(t *testing.T) {
	dir := history(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if tags, err := r.ReportTags(); err != nil || len(tags) != 0 {
		t.Fatalf("ReportTags without tags = %v, %v", tags, err)
	}
	testutil.GitWithEnv(t, dir, []string{"GIT_COMMITTER_DATE=2026-03-01T12:00:00"}, "tag", "-a", "-m", "mars", "rapport/2026-03", "HEAD~1")
	testutil.GitWithEnv(t, dir, []string{"GIT_COMMITTER_DATE=2026-01-11T12:00:00"}, "tag", "-a", "-m", "januar", "rapport/2026-01", "HEAD~2")
	testutil.GitWithEnv(t, dir, []string{"GIT_COMMITTER_DATE=2026-06-01T12:00:00"}, "tag", "-a", "-m", "juni", "rapport/2026-06", "HEAD")
	testutil.Git(t, dir, "tag", "v1.0", "HEAD")
	tags, err := r.ReportTags()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tag := range tags {
		names = append(names, tag.Name)
	}
	if got, want := strings.Join(names, " "), "2026-01 2026-03 2026-06"; got != want {
		t.Errorf("ReportTags = %s, want %s", got, want)
	}
	if got, want := tags[0].Commit.Hash.String(), testutil.Git(t, dir, "rev-parse", "HEAD~2"); got != want {
		t.Errorf("rapport/2026-01 on %s, want %s", got, want)
	}
}
