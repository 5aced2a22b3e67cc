// Package repotemplate holds the files a strategy repository has beside content/: the CI
// workflows for GitHub and GitLab (validate with annotations, check-pr, the diff summary
// as a comment, the report and the strategy from main), the contributor guide in
// Norwegian, pull and merge request templates, CODEOWNERS and .gitattributes.
// `samvirke init` writes them into a new repository's first commit; the project's own
// repository has the same files at its root (see TestProjectFilesMatch).
package repotemplate

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed all:files
var files embed.FS

// placeholder in the workflows stands for what `go install` installs.
const placeholder = "@@SAMVIRKE_INSTALL@@"

// Module is the package path of the samvirke command, for `go install`.
const Module = "github.com/samvirke/samvirke/cmd/samvirke"

// InstallFor returns what a repository's CI should `go install` to get the samvirke of
// version: that release, or the latest one when version is not a release (a development
// build).
func InstallFor(version string) string {
	if !strings.HasPrefix(version, "v") || strings.Contains(version, "devel") {
		return Module + "@latest"
	}
	return Module + "@" + version
}

// Files returns the template's files by slash-separated path from the repository root,
// with install (a module@version or a package path such as ./cmd/samvirke) as what the
// workflows `go install`.
func Files(install string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(files, "files", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		out[strings.TrimPrefix(p, "files/")] = []byte(strings.ReplaceAll(string(data), placeholder, install))
		return nil
	})
	return out, err
}
