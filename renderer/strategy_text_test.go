package renderer

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samvirke/samvirke/measures"
)

// editedFixture is the renderer's fixture content with each file of edits (a path under
// content/) changed: the first occurrence of from replaced by to.
func editedFixture(t *testing.T, edits ...[3]string) *measures.Content {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("testdata/content"), p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		old := string(m[e[0]].Data)
		if !strings.Contains(old, e[1]) {
			t.Fatalf("%s does not contain %q", e[0], e[1])
		}
		m[e[0]] = &fstest.MapFile{Data: []byte(strings.Replace(old, e[1], e[2], 1))}
	}
	c, err := measures.Load(m)
	if c == nil {
		t.Fatal(err)
	}
	return c
}

// TestStrategyRefusesUnknownRefs: a reference to a measure that does not exist, in a
// chapter or in a measure's text, fails both formats with the file, line and id, and
// nothing is written.
func TestStrategyRefusesUnknownRefs(t *testing.T) {
	tests := []struct {
		name, file, from, to, want string
	}{
		{"chapter", "strategy/01-summary.md", "[[T01]]", "[[T99]]", "content/strategy/01-summary.md:6:38: henvisningen til «T99» peker ikke på noe tiltak"},
		{"directive", "strategy/01-summary.md", "::: tiltak T02 T03", "::: tiltak T02 T77", "content/strategy/01-summary.md:8:16: henvisningen til «T77»"},
		{"measure text", "measures/T02.md", "se [[T01]]", "se [[T98]]", "content/measures/T02.md:20:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewStrategy(editedFixture(t, [3]string{tt.file, tt.from, tt.to}), DocOptions{Date: testDate})
			for format, write := range map[string]func(*strings.Builder) error{
				"html": func(b *strings.Builder) error { return s.HTML(b) },
				"md":   func(b *strings.Builder) error { return s.Markdown(b) },
			} {
				var b strings.Builder
				err := write(&b)
				if err == nil || !errors.Is(err, measures.ErrReference) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%s: err = %v, want an ErrReference naming %q", format, err, tt.want)
				}
				if b.Len() != 0 {
					t.Errorf("%s: wrote %d bytes of a document with a dead reference", format, b.Len())
				}
			}
		})
	}
}
