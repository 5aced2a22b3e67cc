package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readCommands are commands that read content, each as its arguments.
var readCommands = [][]string{
	{"list"}, {}, {"validate"}, {"validate", "--format", "github"}, {"validate", "--format", "gitlab"},
	{"show", "T01"}, {"inputs"}, {"fmt", "--check"}, {"history", "T01"}, {"log"},
	{"report", "-o", "rapport.html"}, {"strategy", "-o", "strategi.html"},
	{"new", "--title", "Et forslag", "--area", "competence", "--owner", "hdir", "--text", "Tekst.", "--yes"},
	{"set", "T01", "--status", "pågår"}, {"link", "T01", "aa2020-1.1/1"},
	{"check-pr", "--base", "HEAD"}, {"diff", "--since", "HEAD"},
}

// TestNoEmbeddedContentInsideRepository: inside a git repository whose content/ is
// missing, a file or a symbolic link, every command fails and names content/; none
// falls back to the content built into samvirke.
func TestNoEmbeddedContentInsideRepository(t *testing.T) {
	tests := []struct {
		name, want string
		make       func(t *testing.T, dir string)
	}{
		{"missing", "fant ingen content/-mappe i git-repoet", func(*testing.T, string) {}},
		{"a file", "er ikke en mappe", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "content"), []byte("x"), 0o644)
		}},
		{"a symlink", "er en symbolsk lenke", func(t *testing.T, dir string) {
			if err := os.Symlink(filepath.Join(repo(t), "content"), filepath.Join(dir, "content")); err != nil {
				t.Skip(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			git(t, dir, "init", "-q", "-b", "main")
			tt.make(t, dir)
			sub := filepath.Join(dir, "docs", "notater")
			os.MkdirAll(sub, 0o755)
			for _, wd := range []string{dir, sub} {
				t.Chdir(wd)
				for _, args := range readCommands {
					_, errOut, err := run(t, false, nil, args...)
					if err == nil || exitCode(err) == 0 || !strings.Contains(err.Error(), tt.want) {
						t.Errorf("in %s, samvirke %s: err = %v, want %q", wd, strings.Join(args, " "), err, tt.want)
					}
					if strings.Contains(errOut, "bygd inn") {
						t.Errorf("in %s, samvirke %s fell back to the embedded content: %s", wd, strings.Join(args, " "), errOut)
					}
				}
			}
		})
	}
	t.Run("--repo", func(t *testing.T) {
		dir := t.TempDir()
		git(t, dir, "init", "-q", "-b", "main")
		os.WriteFile(filepath.Join(dir, "content"), []byte("x"), 0o644)
		if _, _, err := run(t, false, nil, "--repo", dir, "list"); err == nil || !strings.Contains(err.Error(), "er ikke en mappe") {
			t.Errorf("--repo with content a file: err = %v", err)
		}
	})
}

// TestEmbeddedContentOutsideRepository: outside any git repository, a directory
// without content/ still shows the embedded content.
func TestEmbeddedContentOutsideRepository(t *testing.T) {
	t.Chdir(t.TempDir())
	out, errOut, err := run(t, false, nil, "list")
	if err != nil || !strings.Contains(errOut, "bygd inn") || !strings.Contains(out, "T01") {
		t.Errorf("list outside a repository = %v, stderr %q", err, errOut)
	}
}

// linkOutside replaces dir/content/<part> by a symbolic link to a directory outside the
// repository that holds a copy of it with a marker title, and commits that with git.
func linkOutside(t *testing.T, dir, part, file string) string {
	t.Helper()
	outside := filepath.Join(t.TempDir(), "utenfor")
	src := filepath.Join(dir, "content", filepath.FromSlash(part))
	if err := os.Rename(src, outside); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(outside, filepath.FromSlash(file))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, []byte(strings.Replace(string(data), "title: ", "title: HEMMELIG UTENFOR ", 1)), 0o644)
	if err := os.Symlink(outside, src); err != nil {
		t.Skip(err)
	}
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "link "+part)
	entry := strings.TrimSuffix("content/"+part, "/")
	if got := git(t, dir, "ls-tree", "HEAD", entry); !strings.HasPrefix(got, "120000") {
		t.Fatalf("git ls-tree %s = %q, want a symlink", entry, got)
	}
	return outside
}

// TestSymlinkedDirectoriesInContent commits a content/inputs, content/strategy or
// content/measures that is a symbolic link out of the repository: validate names it
// in the working tree and at the commit, in every format, and nothing reads through it.
func TestSymlinkedDirectoriesInContent(t *testing.T) {
	tests := []struct{ part, file string }{
		{"inputs", "aa2020/1.1.md"},
		{"inputs/aa2020", "1.1.md"},
		{"strategy", "02-introduction.md"},
		{"measures", "T01.md"},
		{"measures/T01.md", ""},
	}
	for _, tt := range tests {
		t.Run(tt.part, func(t *testing.T) {
			dir := strategyRepo(t)
			linkOutside(t, dir, tt.part, tt.file)
			file := "content/" + tt.part
			for _, at := range [][]string{nil, {"--at", "HEAD"}} {
				out, _, err := run(t, false, nil, append([]string{"--repo", dir, "validate"}, at...)...)
				if exitCode(err) != 1 || !strings.Contains(out, file+": symbolske lenker følges ikke") {
					t.Errorf("validate %v: exit %d (%v), want 1 and %s named:\n%s", at, exitCode(err), err, file, out)
				}
				out, _, err = run(t, false, nil, append([]string{"--repo", dir, "validate", "--format", "github"}, at...)...)
				if exitCode(err) != 1 || !strings.Contains(out, "::error file="+file+",") {
					t.Errorf("validate --format github %v: exit %d (%v), want 1 and an annotation on %s:\n%s", at, exitCode(err), err, file, out)
				}
				// As in CI: no --repo, found from the working directory.
				t.Chdir(dir)
				out, _, err = run(t, false, nil, append([]string{"validate", "--format", "github"}, at...)...)
				if exitCode(err) != 1 || !strings.Contains(out, "::error file="+file+",") {
					t.Errorf("in the repository, validate --format github %v: exit %d (%v), want 1 and an annotation on %s:\n%s", at, exitCode(err), err, file, out)
				}
				for _, args := range [][]string{{"inputs"}, {"list"}, {"show", "T01"}, {"strategy", "--format", "md"}} {
					out, _, _ := run(t, false, nil, append(append([]string{"--repo", dir}, args...), at...)...)
					if strings.Contains(out, "HEMMELIG UTENFOR") {
						t.Errorf("samvirke %s %v read a file outside the repository through %s", strings.Join(args, " "), at, file)
					}
				}
			}
		})
	}
}

// TestSymlinkedContentInCommit: a commit whose content is a symbolic link is refused by
// --at in Norwegian, naming content.
func TestSymlinkedContentInCommit(t *testing.T) {
	dir := strategyRepo(t)
	outside := linkOutside(t, dir, "", "measures/T01.md")
	// The work tree gets a real content/ again; only the commit has the link.
	os.Remove(filepath.Join(dir, "content"))
	if err := os.Rename(outside, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	_, _, err := run(t, false, nil, "--repo", dir, "validate", "--at", "HEAD")
	if err == nil || !strings.Contains(err.Error(), "content er en symbolsk lenke i commit") {
		t.Errorf("validate --at HEAD with content a symlink: err = %v", err)
	}
}

// TestCheckPRFlagsPathsOutsideContent: a pull request that touches the CI files,
// CODEOWNERS, .gitattributes, files outside content/ or adds symbolic links (committed
// with the git CLI) is flagged by check-pr in every format, each finding naming its file.
func TestCheckPRFlagsPathsOutsideContent(t *testing.T) {
	dir := strategyRepo(t)
	git(t, dir, "switch", "-q", "-c", "pr")
	appendTo := func(p, text string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		f, err := os.OpenFile(full, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(text)
		f.Close()
	}
	appendTo(".github/workflows/samvirke.yml", "# endret\n")
	appendTo(".gitlab-ci.yml", "# endret\n")
	appendTo(".gitlab/merge_request_templates/Default.md", "endret\n")
	appendTo(".github/CODEOWNERS", "* @noen\n")
	appendTo(".gitlab/CODEOWNERS", "* @noen\n")
	appendTo(".gitattributes", "* -text\n")
	appendTo("content/.gitattributes", "* merge=union\n")
	appendTo("scripts/hent.sh", "echo hei\n")
	os.Remove(filepath.Join(dir, ".github/CONTRIBUTING.md"))
	for link, target := range map[string]string{"content/strategy/99-passord.md": "/etc/passwd", "content/etc": "/etc"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip(err)
		}
	}
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "PR")

	for _, head := range []string{"", "pr"} {
		args := []string{"--repo", dir, "check-pr", "--base", "main"}
		if head != "" {
			args = append(args, "--head", head)
		}
		out, _, err := run(t, false, nil, args...)
		if exitCode(err) != 1 {
			t.Fatalf("check-pr --head %q: exit %d, %v\n%s", head, exitCode(err), err, out)
		}
		golden(t, "check-pr-paths.txt", out)
		out, _, err = run(t, false, nil, append(args, "--format", "github")...)
		if exitCode(err) != 1 {
			t.Errorf("check-pr --format github: exit %d", exitCode(err))
		}
		golden(t, "check-pr-paths.github", out)
		out, _, err = run(t, false, nil, append(args, "--format", "gitlab")...)
		if exitCode(err) != 1 {
			t.Errorf("check-pr --format gitlab: exit %d", exitCode(err))
		}
		golden(t, "check-pr-paths.gitlab.json", out)
		out, _, err = run(t, false, nil, append(args, "--format", "json", "--allow-secretariat")...)
		var res checkPRResult
		if err != nil || json.Unmarshal([]byte(out), &res) != nil || len(res.Findings) != 11 {
			t.Errorf("check-pr --format json --allow-secretariat: %v, %d findings\n%s", err, len(res.Findings), out)
		}
	}
}

// TestCheckPRDoesNotFollowSymlinks: a PR that replaces content/inputs and owners.yaml by
// symbolic links out of the repository gets the links flagged, and nothing behind them
// (file names or text) reaches the findings, from the branch or the working tree.
func TestCheckPRDoesNotFollowSymlinks(t *testing.T) {
	dir := strategyRepo(t)
	git(t, dir, "switch", "-q", "-c", "pr")
	outside := t.TempDir()
	os.MkdirAll(filepath.Join(outside, "hemmelig-mappe"), 0o755)
	os.WriteFile(filepath.Join(outside, "hemmelig-mappe", "hemmelig-fil.md"), []byte("hemmelig\n"), 0o644)
	os.WriteFile(filepath.Join(outside, "eiere"), []byte("hemmelig\n"), 0o644)
	os.RemoveAll(filepath.Join(dir, "content/inputs"))
	os.Remove(filepath.Join(dir, "content/owners.yaml"))
	if err := os.Symlink(outside, filepath.Join(dir, "content/inputs")); err != nil {
		t.Skip(err)
	}
	os.Symlink(filepath.Join(outside, "eiere"), filepath.Join(dir, "content/owners.yaml"))
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "PR")
	for _, head := range []string{"", "pr"} {
		args := []string{"--repo", dir, "check-pr", "--base", "main", "--format", "github"}
		if head != "" {
			args = append(args, "--head", head)
		}
		out, _, err := run(t, false, nil, args...)
		if exitCode(err) != 1 {
			t.Fatalf("check-pr --head %q: exit %d, %v\n%s", head, exitCode(err), err, out)
		}
		if strings.Contains(out, "hemmelig") {
			t.Errorf("check-pr --head %q read through a symbolic link:\n%s", head, out)
		}
		for _, link := range []string{"content/inputs", "content/owners.yaml"} {
			if !strings.Contains(out, "::error file="+link+",title=samvirke check-pr::en symbolsk lenke") {
				t.Errorf("check-pr --head %q does not flag the link %s:\n%s", head, link, out)
			}
		}
	}
}
