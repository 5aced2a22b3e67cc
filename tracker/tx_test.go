package tracker

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

func TestApplyRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		edit  func(c *measures.Content, by string) (*Edit, error)
		want  error
	}{
		{"the deleted file is modified", func(t *testing.T, dir string) {
			f := filepath.Join(dir, "content/measures/T02.md")
			data, _ := os.ReadFile(f)
			os.WriteFile(f, append(data, "Mer.\n"...), 0o644)
		}, renameT02, ErrDirty},
		{"an untracked file is in the way", func(t *testing.T, dir string) {
			data, _ := os.ReadFile(filepath.Join(dir, "content/measures/T02.md"))
			os.WriteFile(filepath.Join(dir, "content/measures/T20.md"), bytes.Replace(data, []byte("id: T02"), []byte("id: T20"), 1), 0o644)
		}, renameT02, ErrDirty},
		{"the result is invalid", nil, func(c *measures.Content, by string) (*Edit, error) {
			// Deleting T02 alone leaves the strategy's ::: tiltak T01 T02 dangling.
			return &Edit{Message: "x", Delete: []string{"content/measures/T02.md"}}, nil
		}, ErrInvalid},
		{"a path outside content", nil, func(c *measures.Content, by string) (*Edit, error) {
			return &Edit{Message: "x", Write: map[string][]byte{"content/../README.md": []byte("x")}}, nil
		}, ErrOutsideContent},
		{"nothing to do", nil, func(c *measures.Content, by string) (*Edit, error) { return &Edit{}, nil }, ErrNoChange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, dir := newRepo(t)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			before := testutil.Git(t, dir, "status", "--porcelain")
			head := testutil.Git(t, dir, "rev-parse", "HEAD")
			_, err := r.Apply(context.Background(), tt.edit, SaveOptions{Author: author})
			if !errors.Is(err, tt.want) {
				t.Fatalf("Apply = %v, want %v", err, tt.want)
			}
			if testutil.Git(t, dir, "rev-parse", "HEAD") != head || testutil.Git(t, dir, "status", "--porcelain") != before {
				t.Error("a refused Apply changed the repository")
			}
		})
	}
}

func TestOverlayFS(t *testing.T) {
	base := fstest.MapFS{"measures/T01.md": {Data: []byte("a")}, "measures/T02.md": {Data: []byte("b")}, "owners.yaml": {Data: []byte("o")}}
	o := overlayFS{base: base, deleted: map[string]bool{"measures/T02.md": true}, files: fstest.MapFS{
		"measures/T01.md":  {Data: []byte("A")},
		"measures/T37.md":  {Data: []byte("n")},
		"inputs/ny/1.1.md": {Data: []byte("i")},
	}}
	if err := fstest.TestFS(o, "measures/T01.md", "measures/T37.md", "inputs/ny/1.1.md", "owners.yaml"); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.Stat(o, "measures/T02.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a deleted file is still there: %v", err)
	}
	if data, _ := fs.ReadFile(o, "measures/T01.md"); string(data) != "A" {
		t.Errorf("T01 = %q, want the overlay's", data)
	}
}
