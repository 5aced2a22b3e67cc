package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReloadRefusesSymlinks: an outside commit that makes content/inputs, or content/
// itself, a symbolic link out of the repository is picked up by the poll, and the reload
// names the link as an error instead of showing the files behind it.
func TestReloadRefusesSymlinks(t *testing.T) {
	for _, part := range []string{"inputs", "."} {
		t.Run(part, func(t *testing.T) {
			m, dir := newTestModel(t, true)
			run(t, m, m.signatureCmd())
			src := filepath.Join(dir, "content", part)
			outside := filepath.Join(t.TempDir(), "utenfor")
			if err := os.Rename(src, outside); err != nil {
				t.Fatal(err)
			}
			group := filepath.Join(outside, "aa2020", "1.1.md")
			if part == "." {
				group = filepath.Join(outside, "inputs", "aa2020", "1.1.md")
			}
			data, err := os.ReadFile(group)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(group, []byte(strings.Replace(string(data), "title: ", "title: HEMMELIG UTENFOR ", 1)), 0o644)
			if err := os.Symlink(outside, filepath.Clean(src)); err != nil {
				t.Skip(err)
			}
			git(t, dir, "add", "-A")
			git(t, dir, "commit", "-qm", "link "+part)
			run(t, m, m.signatureCmd())
			for _, g := range m.c.Groups {
				if strings.Contains(g.Title, "HEMMELIG") {
					t.Fatalf("the reload read %s through the symbolic link", g.File)
				}
			}
			if len(m.c.Groups) != 0 {
				t.Errorf("after the reload the TUI shows %d groups, want none: content/%s is a link", len(m.c.Groups), part)
			}
			if !strings.Contains(screen(m), "feil") {
				t.Errorf("the reload does not say the content has errors:\n%s", screen(m))
			}
		})
	}
}
