package tracker

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/samvirke/samvirke/internal/testutil"
)

// treeChanges builds a repository whose commits change trees in the awkward ways: nested
// directories, a file replaced by a directory and back, names that sort differently as
// file and as directory ("a", "a-b", "a.b", "a/", "a0"), mode changes, deletions, a side branch and a
// merge, and changes outside content/.
func treeChanges(t *testing.T) string {
	t.Helper()
	dir := testutil.GitRepo(t)
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commit := func(msg string) {
		testutil.Git(t, dir, "add", "-A")
		testutil.Git(t, dir, "commit", "-q", "--allow-empty", "-m", msg)
	}
	for i := range 40 {
		write(fmt.Sprintf("content/measures/T%02d.md", i), fmt.Sprintf("measure %d\n", i))
	}
	write("content/a", "file a\n")
	write("content/a-b", "file a-b\n")
	write("content/a.b", "file a.b\n")
	write("content/a0", "file a0\n")
	write("content/inputs/x/1.md", "one\n")
	write("README.md", "readme\n")
	commit("first")
	write("content/measures/T07.md", "changed\n")
	commit("one measure")
	os.Remove(filepath.Join(dir, "content/a"))
	write("content/a/inner.md", "a is a directory now\n")
	commit("file to directory")
	write("content/a-b", "changed a-b\n")
	write("content/a/inner.md", "changed inner\n")
	write("content/inputs/x/deep/2.md", "two\n")
	commit("nested")
	os.Remove(filepath.Join(dir, "content/a.b"))
	write("content/a/inner.md", "changed inner again\n")
	commit("delete a.b, change a/")
	os.Chmod(filepath.Join(dir, "content/measures/T03.md"), 0o755)
	commit("mode")
	write("README.md", "outside content\n")
	commit("outside")
	testutil.Git(t, dir, "checkout", "-q", "-b", "side")
	write("content/measures/T39.md", "side change\n")
	os.Remove(filepath.Join(dir, "content/measures/T00.md"))
	commit("side")
	testutil.Git(t, dir, "checkout", "-q", "main")
	os.RemoveAll(filepath.Join(dir, "content/a"))
	write("content/a", "a is a file again\n")
	commit("directory to file")
	testutil.Git(t, dir, "merge", "-q", "--no-ff", "-m", "merge side", "side")
	commit("empty")
	return dir
}

// gitChanges returns what git reports per commit: the files under content/ each commit
// changed against its first parent, as "<old blob> <new blob> <path>" (0 for no blob,
// or for an entry that is not a regular file).
func gitChanges(t *testing.T, dir string) map[string][]string {
	out := testutil.Git(t, dir, "log", "--all", "--raw", "--no-abbrev", "--no-renames", "--diff-merges=first-parent", "--format=@%H", "--", "content")
	got := map[string][]string{}
	var cur string
	blob := func(mode, hash string) string {
		if mode != "100644" && mode != "100755" {
			return "0"
		}
		return hash
	}
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "@"):
			cur = line[1:]
			got[cur] = []string{}
		case strings.HasPrefix(line, ":"):
			// :<old mode> <new mode> <old> <new> <status>\t<path>
			meta, p, _ := strings.Cut(line[1:], "\t")
			f := strings.Fields(meta)
			got[cur] = append(got[cur], blob(f[0], f[2])+" "+blob(f[1], f[3])+" "+p)
		}
	}
	for _, v := range got {
		slices.SortFunc(v, func(a, b string) int {
			return strings.Compare(a[strings.LastIndexByte(a, ' ')+1:], b[strings.LastIndexByte(b, ' ')+1:])
		})
	}
	return got
}

func indexChanges(t *testing.T, dir string, fresh bool) map[string][]string {
	if fresh {
		os.Remove(filepath.Join(dir, ".git", indexFile))
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := r.changes()
	if err != nil {
		t.Fatal(err)
	}
	blob := func(h plumbing.Hash) string {
		if h.IsZero() {
			return "0"
		}
		return h.String()
	}
	got := map[string][]string{}
	for _, e := range idx.entries {
		for i, p := range e.Paths {
			got[e.Hash.String()] = append(got[e.Hash.String()], blob(e.Blobs[i].old)+" "+blob(e.Blobs[i].new)+" "+p)
		}
	}
	return got
}

// TestIndexMatchesGit checks the change index against git log, with the objects loose,
// packed, and packed with deep delta chains.
func TestIndexMatchesGit(t *testing.T) {
	dir := treeChanges(t)
	for _, step := range []struct {
		name string
		args []string
	}{
		{"loose", nil},
		{"packed", []string{"gc", "-q"}},
		{"deep deltas", []string{"repack", "-q", "-a", "-d", "-f", "--depth=250", "--window=250"}},
		{"extended", []string{"commit", "-q", "--allow-empty", "-m", "x"}},
	} {
		t.Run(step.name, func(t *testing.T) {
			fresh := true
			if step.name == "extended" {
				// New loose commits on top of packed ones, added to the existing index.
				os.WriteFile(filepath.Join(dir, "content/measures/T05.md"), []byte("new\n"), 0o644)
				os.MkdirAll(filepath.Join(dir, "content/new"), 0o755)
				os.WriteFile(filepath.Join(dir, "content/new/x.md"), []byte("x\n"), 0o644)
				testutil.Git(t, dir, "add", "-A")
				fresh = false
			}
			if step.args != nil {
				testutil.Git(t, dir, step.args...)
			}
			want := gitChanges(t, dir)
			if len(want) < 8 {
				t.Fatalf("git reports %d commits changing content/; the fixture is broken", len(want))
			}
			got := indexChanges(t, dir, fresh)
			for h, w := range want {
				if !slices.Equal(got[h], w) {
					t.Errorf("commit %s: index has %q, git log %q", h[:7], got[h], w)
				}
			}
			for h, g := range got {
				if _, ok := want[h]; !ok {
					t.Errorf("commit %s: index has %q, git log nothing", h[:7], g)
				}
			}
		})
	}
}

// TestIndexOddPaths: paths with a tab, a line break, a leading double quote, spaces and
// æøå survive the index file, and an index in the old format without blobs is replaced.
func TestIndexOddPaths(t *testing.T) {
	dir := testutil.GitRepo(t)
	names := []string{"content/\"sitat.md", "content/a\tb.md", "content/blå bær.md", "content/linje\nskift.md", "content/x \\ y.md"}
	for _, n := range names {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, n)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, n), []byte(n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	testutil.Git(t, dir, "add", "-A")
	testutil.Git(t, dir, "commit", "-q", "-m", "odd")
	os.MkdirAll(filepath.Join(dir, ".git", "samvirke"), 0o755)
	old := filepath.Join(dir, ".git", oldIndexFile)
	os.WriteFile(old, []byte("tip 0000000000000000000000000000000000000000\n"), 0o644)

	indexChanges(t, dir, true)
	idx, err := readIndex(filepath.Join(dir, ".git", indexFile))
	if err != nil {
		t.Fatalf("read the index back: %v", err)
	}
	if len(idx.entries) != 1 || !slices.Equal(idx.entries[0].Paths, names) {
		t.Errorf("index read back = %+v, want one commit with %q", idx.entries, names)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the old index %s is still there (%v)", oldIndexFile, err)
	}
}
