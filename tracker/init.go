package tracker

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/samvirke/samvirke/measures"
)

// InitMessage is the message of a new strategy repository's first commit.
const InitMessage = "Strategiens innhold lagt inn"

// Init creates a new strategy repository in dir: git init (branch main), the files of
// src (rooted at a content directory) under dir/content, and one first commit by author
// ("Name <email>", or "" for the git config). dir may exist but must not hold content/
// or a repository. It returns the new repository and the commit hash.
func Init(dir string, src fs.FS, author string) (*Repo, plumbing.Hash, error) {
	return InitWithFiles(dir, src, nil, author)
}

// InitWithFiles is Init that also writes files (by slash-separated path from the
// repository root, e.g. .github/workflows/samvirke.yml) into the first commit. They may
// not be under content/.
func InitWithFiles(dir string, src fs.FS, files map[string][]byte, author string) (*Repo, plumbing.Hash, error) {
	for p := range files {
		if !fs.ValidPath(p) || p == measures.Dir || strings.HasPrefix(p, measures.Dir+"/") || p == ".git" || strings.HasPrefix(p, ".git/") {
			return nil, plumbing.ZeroHash, fmt.Errorf("init: cannot write %q beside the content", p)
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, plumbing.ZeroHash, err
	}
	for _, p := range []string{filepath.Join(abs, ".git"), filepath.Join(abs, measures.Dir)} {
		if _, err := os.Lstat(p); err == nil {
			return nil, plumbing.ZeroHash, fmt.Errorf("%s: %w", p, ErrExists)
		}
	}
	sig, err := identity(nil, author)
	if err != nil {
		return nil, plumbing.ZeroHash, err
	}
	if _, err := measures.Load(src); err != nil {
		return nil, plumbing.ZeroHash, fmt.Errorf("the content to write is not valid: %w", err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, plumbing.ZeroHash, err
	}
	r, err := git.PlainInitWithOptions(abs, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	})
	if err != nil {
		return nil, plumbing.ZeroHash, fmt.Errorf("git init %s: %w", abs, err)
	}
	if err := copyFS(filepath.Join(abs, measures.Dir), src); err != nil {
		return nil, plumbing.ZeroHash, err
	}
	wt, err := r.Worktree()
	if err != nil {
		return nil, plumbing.ZeroHash, err
	}
	if err := wt.AddWithOptions(&git.AddOptions{Path: measures.Dir}); err != nil {
		return nil, plumbing.ZeroHash, fmt.Errorf("git add: %w", err)
	}
	paths := slices.Sorted(maps.Keys(files))
	for _, p := range paths {
		dst := filepath.Join(abs, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, plumbing.ZeroHash, err
		}
		if err := os.WriteFile(dst, files[p], 0o644); err != nil {
			return nil, plumbing.ZeroHash, err
		}
		if _, err := wt.Add(p); err != nil {
			return nil, plumbing.ZeroHash, fmt.Errorf("git add %s: %w", p, err)
		}
	}
	h, err := wt.Commit(InitMessage, &git.CommitOptions{Author: &sig, Committer: &sig})
	if err != nil {
		return nil, plumbing.ZeroHash, fmt.Errorf("git commit: %w", err)
	}
	if err := syncFS(abs); err != nil {
		return nil, plumbing.ZeroHash, fmt.Errorf("flush %s to disk: %w", abs, err)
	}
	return &Repo{Root: abs, git: r}, h, nil
}

// copyFS writes the regular files of src under dir. Go files (the embedding package)
// and test data are not content and are skipped.
func copyFS(dir string, src fs.FS) error {
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		switch {
		case d.IsDir() && p == "testdata":
			return fs.SkipDir
		case d.IsDir():
			return os.MkdirAll(dst, 0o755)
		case !d.Type().IsRegular() || filepath.Ext(p) == ".go":
			return nil
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
