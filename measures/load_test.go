package measures

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// copyFixture copies testdata/content into a fresh directory and returns its path.
func copyFixture(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dst, os.DirFS("testdata/content")); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestLoadRefusesSymlinks moves a part of a real content directory elsewhere and puts a
// symbolic link in its place: Load must name the link and read nothing through it.
func TestLoadRefusesSymlinks(t *testing.T) {
	tests := []struct {
		name, path string
		gone       func(c *Content) bool // what must not have been read through the link
	}{
		{"measures directory", "measures", func(c *Content) bool { return len(c.Measures) == 0 }},
		{"inputs directory", "inputs", func(c *Content) bool { return len(c.Groups) == 0 }},
		{"event directory", "inputs/aa2020", func(c *Content) bool { return len(c.Groups) == 0 }},
		{"strategy directory", "strategy", func(c *Content) bool { return len(c.Strategy) == 0 }},
		{"measure file", "measures/T01.md", func(c *Content) bool { return c.Measure("T01") == nil }},
		{"owners file", "owners.yaml", func(c *Content) bool { return len(c.Owners) == 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyFixture(t)
			outside := filepath.Join(t.TempDir(), "outside")
			if err := os.Rename(filepath.Join(dir, tt.path), outside); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, filepath.Join(dir, tt.path)); err != nil {
				t.Skip(err)
			}
			c, err := Load(os.DirFS(dir))
			if c == nil {
				t.Fatalf("Load = %v, want content errors, not a failure", err)
			}
			if !hasError(err, ErrSymlink, "content/"+tt.path) {
				t.Errorf("Load = %v\nwant a symlink error for content/%s", err, tt.path)
			}
			if !tt.gone(c) {
				t.Errorf("content/%s was followed: files outside content/ were read", tt.path)
			}
		})
	}
}

func TestLoadRefusesSymlinkedRoot(t *testing.T) {
	dir := copyFixture(t)
	link := filepath.Join(t.TempDir(), "content")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip(err)
	}
	c, err := Load(os.DirFS(link))
	if !hasError(err, ErrSymlink, "content") {
		t.Errorf("Load of a symlinked content/ = %v, want a symlink error for content", err)
	}
	if c != nil && len(c.Measures) > 0 {
		t.Errorf("a symlinked content/ was read: %d measures", len(c.Measures))
	}
}

func TestLoadDirectoryThatIsAFile(t *testing.T) {
	for _, name := range []string{MeasuresDir, InputsDir, StrategyDir} {
		t.Run(name, func(t *testing.T) {
			dir := copyFixture(t)
			if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(os.DirFS(dir))
			if !hasError(err, ErrFileName, "content/"+name) {
				t.Errorf("Load with content/%s a file = %v, want a named file-name error", name, err)
			}
		})
	}
}

func hasError(err error, kind error, file string) bool {
	for _, e := range AsErrors(err) {
		if errors.Is(e, kind) && e.File == file {
			return true
		}
	}
	return false
}

func timeAfter() <-chan time.Time { return time.After(5 * time.Second) }
