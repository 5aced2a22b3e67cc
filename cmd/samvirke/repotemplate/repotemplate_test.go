package repotemplate

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the project's own copies of the template files")

// TestProjectFilesMatch checks that the project's own repository has the template's files
// at its root, building samvirke from its own source (./cmd/samvirke) in CI. With
// -update it writes them.
func TestProjectFilesMatch(t *testing.T) {
	files, err := Files("./cmd/samvirke")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 8 {
		t.Errorf("the template has %d files, want 8", len(files))
	}
	for p, want := range files {
		dst := filepath.Join("..", "..", "..", filepath.FromSlash(p))
		if *update {
			os.MkdirAll(filepath.Dir(dst), 0o755)
			if err := os.WriteFile(dst, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(dst)
		if err != nil {
			t.Errorf("the project lacks %s (go test ./cmd/samvirke/repotemplate -update): %v", p, err)
			continue
		}
		if string(got) != string(want) {
			t.Errorf("the project's %s differs from the template (go test ./cmd/samvirke/repotemplate -update)", p)
		}
		if strings.Contains(string(got), placeholder) {
			t.Errorf("%s still has the placeholder", p)
		}
	}
}

func TestInstallFor(t *testing.T) {
	for _, tt := range []struct{ version, want string }{
		{"v1.2.0", Module + "@v1.2.0"},
		{"v0.0.0-20261123120000-abcdef123456", Module + "@v0.0.0-20261123120000-abcdef123456"},
		{"", Module + "@latest"},
		{"(devel)", Module + "@latest"},
	} {
		if got := InstallFor(tt.version); got != tt.want {
			t.Errorf("InstallFor(%q) = %q, want %q", tt.version, got, tt.want)
		}
	}
}
