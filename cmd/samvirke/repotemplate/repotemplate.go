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

// placeholder in the workflows stands for the samvirke version they install.
const placeholder = "@@SAMVIRKE_VERSION@@"

// Module is the package path of the samvirke command, for `go install`.
const Module = "github.com/samvirke/samvirke/cmd/samvirke"

// Releases is where the release archives and their checksums file are downloaded from:
// Releases + "/download/v1.2.0/checksums.txt", Releases + "/latest/download/…".
const Releases = "https://github.com/samvirke/samvirke/releases"

// InstallFor returns the SAMVIRKE_VERSION a repository's CI installs to get the samvirke
// of version: that version (v1.2.0), or "latest" when version is not one a release or
// `go install` can fetch (a development build or a snapshot). The workflows download
// the release archive of that version and check it against the release's checksums
// file; only when the version has no release do they `go install` Module at it.
func InstallFor(version string) string {
	if !strings.HasPrefix(version, "v") || strings.Contains(version, "devel") || strings.Contains(version, "snapshot") {
		return "latest"
	}
	return version
}

// Files returns the template's files by slash-separated path from the repository root,
// with install (a version from InstallFor, or a package path such as ./cmd/samvirke to
// build from the checkout's source) as the SAMVIRKE_VERSION the workflows install.
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
