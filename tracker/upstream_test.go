package tracker

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
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
	gitCmd(t, dir, nil, "init", "-q", "--bare", bare)
	gitCmd(t, dir, nil, "remote", "add", "origin", bare)
	if u, _ := repo.Upstream(); u.Remote != "origin" || u.Ref != "" || u.Ahead != 3 {
		t.Errorf("remote without the branch: %+v, want 3 ahead and no ref", u)
	}
	gitCmd(t, dir, nil, "push", "-q", "-u", "origin", "main")
	if u, _ := repo.Upstream(); u.Ref != "origin/main" || u.Ahead != 0 || u.Behind != 0 {
		t.Errorf("pushed: %+v", u)
	}
	// Two local commits and one on the remote, fetched: 2 ahead, 1 behind.
	other := filepath.Join(t.TempDir(), "other")
	gitCmd(t, dir, nil, "clone", "-q", "-b", "main", bare, other)
	os.WriteFile(filepath.Join(other, "NOTES"), []byte("remote\n"), 0o644)
	gitCmd(t, other, nil, "add", "NOTES")
	gitCmd(t, other, nil, "commit", "-qm", "remote change")
	gitCmd(t, other, nil, "push", "-q")
	gitCmd(t, dir, nil, "fetch", "-q")
	if u, _ := repo.Upstream(); u.Ahead != 0 || u.Behind != 1 {
		t.Errorf("behind only: %+v, want 1 behind", u)
	}
	gitCmd(t, dir, nil, "commit", "-q", "--allow-empty", "-m", "one")
	gitCmd(t, dir, nil, "commit", "-q", "--allow-empty", "-m", "two")
	gitCmd(t, dir, nil, "fetch", "-q")
	u, err := repo.Upstream()
	want := strings.Fields(gitCmd(t, dir, nil, "rev-list", "--left-right", "--count", "main...origin/main"))
	if err != nil || strconv.Itoa(u.Ahead) != want[0] || strconv.Itoa(u.Behind) != want[1] || u.Ahead != 2 || u.Behind != 1 {
		t.Errorf("Upstream() = %+v, %v; git says %v", u, err, want)
	}
}
