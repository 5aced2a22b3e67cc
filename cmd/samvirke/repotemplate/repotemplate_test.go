package repotemplate

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the project's own copies of the template files")

// projectOnly starts what the project's own copy of a template file has after the
// template's text: the release job in .gitlab-ci.yml, which strategy repositories do not
// have. The template's text before it must match; -update keeps what follows it.
const projectOnly = "\n# Bare i samvirke-prosjektet selv, ikke i malen som «samvirke init» skriver:\n"

// projectPart splits a project's copy into the template's part and its own suffix.
func projectPart(data []byte) (tmpl, own string) {
	s := string(data)
	if i := strings.Index(s, projectOnly); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

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
			old, _ := os.ReadFile(dst)
			_, own := projectPart(old)
			os.MkdirAll(filepath.Dir(dst), 0o755)
			if err := os.WriteFile(dst, append(want, own...), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(dst)
		if err != nil {
			t.Errorf("the project lacks %s (go test ./cmd/samvirke/repotemplate -update): %v", p, err)
			continue
		}
		got, _ := projectPart(data)
		if got != string(want) {
			t.Errorf("the project's %s differs from the template (go test ./cmd/samvirke/repotemplate -update)", p)
		}
		if strings.Contains(string(got), placeholder) {
			t.Errorf("%s still has the placeholder", p)
		}
	}
}

func TestInstallFor(t *testing.T) {
	for _, tt := range []struct{ version, want string }{
		{"v1.2.0", "v1.2.0"},
		{"v0.0.0-20261123120000-abcdef123456", "v0.0.0-20261123120000-abcdef123456"},
		{"v1.2.1-snapshot+0123abc", "latest"},
		{"", "latest"},
		{"(devel)", "latest"},
	} {
		if got := InstallFor(tt.version); got != tt.want {
			t.Errorf("InstallFor(%q) = %q, want %q", tt.version, got, tt.want)
		}
	}
}
