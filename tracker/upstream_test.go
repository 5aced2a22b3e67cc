package tracker

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
)

// TestUpstream compares with what git itself says (git rev-list --left-right --count).
func TestUpstream(t *testing.T) {
	dir := history(t)
	repo, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if u, err := repo.Upstream(); err != nil || u.Remote != "" || u.Ahead != 0 {
		t.Errorf("no remote: %+v, %v", u, err)
	}
	bare := filepath.Join(t.TempDir(), "remote.git")
	testutil.Git(t, dir, "init", "-q", "--bare", bare)
	testutil.Git(t, dir, "remote", "add", "origin", bare)
	if u, _ := repo.Upstream(); u.Remote != "origin" || u.Ref != "" {
		t.Errorf("remote without the branch: %+v, want no ref", u)
	}
	testutil.Git(t, dir, "push", "-q", "-u", "origin", "main")
	if u, _ := repo.Upstream(); u.Ref != "origin/main" || u.Ahead != 0 || u.Behind != 0 {
		t.Errorf("pushed: %+v", u)
	}
	// Two local commits and one on the remote, fetched: 2 ahead, 1 behind.
	other := filepath.Join(t.TempDir(), "other")
	testutil.Git(t, dir, "clone", "-q", "-b", "main", bare, other)
	os.WriteFile(filepath.Join(other, "NOTES"), []byte("remote\n"), 0o644)
	testutil.Git(t, other, "add", "NOTES")
	testutil.Git(t, other, "commit", "-qm", "remote change")
	testutil.Git(t, other, "push", "-q")
	testutil.Git(t, dir, "fetch", "-q")
	if u, _ := repo.Upstream(); u.Ahead != 0 || u.Behind != 1 {
		t.Errorf("behind only: %+v, want 1 behind", u)
	}
	testutil.Git(t, dir, "commit", "-q", "--allow-empty", "-m", "one")
	testutil.Git(t, dir, "commit", "-q", "--allow-empty", "-m", "two")
	testutil.Git(t, dir, "fetch", "-q")
	u, err := repo.Upstream()
	want := strings.Fields(testutil.Git(t, dir, "rev-list", "--left-right", "--count", "main...origin/main"))
	if err != nil || strconv.Itoa(u.Ahead) != want[0] || strconv.Itoa(u.Behind) != want[1] || u.Ahead != 2 || u.Behind != 1 {
		t.Errorf("Upstream() = %+v, %v; git says %v", u, err, want)
	}
	// A merge of the remote's commit: 3 ahead (one, two and the merge), none behind.
	testutil.Git(t, dir, "merge", "-q", "--no-edit", "origin/main")
	u, err = repo.Upstream()
	want = strings.Fields(testutil.Git(t, dir, "rev-list", "--left-right", "--count", "main...origin/main"))
	if err != nil || strconv.Itoa(u.Ahead) != want[0] || strconv.Itoa(u.Behind) != want[1] || u.Ahead != 3 {
		t.Errorf("after a merge: Upstream() = %+v, %v; git says %v", u, err, want)
	}
}

// BenchmarkUpstream: Upstream on a linear history of 20,000 commits, 3 commits ahead of
// origin/main (the case after saves), and diverged (3 ahead, 2 behind), which reads both
// histories in full.
func BenchmarkUpstream(b *testing.B) {
	dir := b.TempDir()
	run := func(stdin string, args ...string) {
		cmd := testutil.GitCommand(dir, nil, args...)
		cmd.Stdin = strings.NewReader(stdin)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("", "init", "-q", "-b", "main")
	var fi strings.Builder
	for i := 1; i <= 20000; i++ {
		fmt.Fprintf(&fi, "commit refs/heads/main\ncommitter K <k@example.no> %d +0000\ndata 2\nc\n", 1700000000+i)
		if i == 1 {
			fmt.Fprintf(&fi, "M 644 inline content/x.md\ndata 2\nx\n")
		}
		fmt.Fprintf(&fi, "\n")
	}
	run(fi.String(), "fast-import", "--quiet")
	run("", "update-ref", "refs/remotes/origin/main", "main~3")
	run("", "update-ref", "refs/remotes/origin/side", "main~5")
	run("", "remote", "add", "origin", "https://example.invalid/x.git")
	repo, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("ahead", func(b *testing.B) {
		for b.Loop() {
			if u, err := repo.Upstream(); err != nil || u.Ahead != 3 {
				b.Fatalf("%+v %v", u, err)
			}
		}
	})
	// Diverged: origin/main gets two commits of its own on top of main~5.
	run("commit refs/remotes/origin/main\ncommitter K <k@example.no> 1800000000 +0000\ndata 2\nr\nfrom refs/remotes/origin/side\n\n"+
		"commit refs/remotes/origin/main\ncommitter K <k@example.no> 1800000001 +0000\ndata 2\ns\n\n", "fast-import", "--quiet", "--force")
	b.Run("diverged", func(b *testing.B) {
		for b.Loop() {
			if u, err := repo.Upstream(); err != nil || u.Ahead != 5 || u.Behind != 2 {
				b.Fatalf("%+v %v", u, err)
			}
		}
	})
}
