package tracker

import (
	"errors"
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

// InitOptions change what Init does.
type InitOptions struct {
	// Force replaces files of the repository template that already exist in the
	// directory (a symbolic link among them is replaced, not followed). Without it,
	// Init refuses with an OverwriteError.
	Force bool
}

// ErrOverwrite: init would replace files that already exist; see OverwriteError.
var ErrOverwrite = errors.New("init would overwrite existing files")

// OverwriteError names what stops an init into a directory that is not empty. It
// matches ErrOverwrite with errors.Is.
type OverwriteError struct {
	Paths   []string // files init would replace (Force allows it), slash-separated from dir
	Blocked []string // symbolic links or non-directories where init needs a directory, or directories where it writes a file (Force does not help)
}

func (e *OverwriteError) Error() string {
	return fmt.Sprintf("init would overwrite %s", strings.Join(append(slices.Clone(e.Blocked), e.Paths...), ", "))
}

// Is makes an OverwriteError match ErrOverwrite.
func (e *OverwriteError) Is(target error) bool { return target == ErrOverwrite }

// InitWithFiles is Init that also writes files (by slash-separated path from the
// repository root, e.g. .github/workflows/samvirke.yml) into the first commit. They may
// not be under content/. It never overwrites a file: see InitWithOptions.
func InitWithFiles(dir string, src fs.FS, files map[string][]byte, author string) (*Repo, plumbing.Hash, error) {
	return InitWithOptions(dir, src, files, author, InitOptions{})
}

// InitWithOptions is InitWithFiles with options. It returns ErrExists when dir holds a
// repository or content/, and an OverwriteError when any of files exists there (unless
// opts.Force) or a directory on the way to one is a symbolic link or a file; then it
// writes nothing.
func InitWithOptions(dir string, src fs.FS, files map[string][]byte, author string, opts InitOptions) (*Repo, plumbing.Hash, error) {
	for p := range files {
		if !fs.ValidPath(p) || p == measures.Dir || strings.HasPrefix(p, measures.Dir+"/") || p == ".git" || strings.HasPrefix(p, ".git/") {
			return nil, plumbing.ZeroHash, fmt.Errorf("init: cannot write %q beside the content", p)
		}
	}
	files = maps.Clone(files)
	if files == nil {
		files = map[string][]byte{}
	}
	if _, ok := files[MarkerFile]; !ok {
		files[MarkerFile] = []byte(markerText)
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
	if err := checkOverwrite(abs, files, opts.Force); err != nil {
		return nil, plumbing.ZeroHash, err
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
		if err := writeNew(dst, files[p]); err != nil {
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

// checkOverwrite returns an OverwriteError when writing files under dir would replace
// an existing file (allowed with force) or go through a symbolic link or a file where a
// directory is needed, or onto a directory.
func checkOverwrite(dir string, files map[string][]byte, force bool) error {
	e := &OverwriteError{}
	blocked := map[string]bool{}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		parts := strings.Split(p, "/")
		for i := range parts {
			sub := strings.Join(parts[:i+1], "/")
			fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(sub)))
			if err != nil {
				break // missing: init makes it
			}
			last := i == len(parts)-1
			switch {
			case !last && fi.IsDir():
				continue
			case last && fi.IsDir(), !last:
				if !blocked[sub] {
					blocked[sub] = true
					e.Blocked = append(e.Blocked, sub)
				}
			default:
				e.Paths = append(e.Paths, p)
			}
			break
		}
	}
	if len(e.Blocked) > 0 || (len(e.Paths) > 0 && !force) {
		return e
	}
	return nil
}

// writeNew writes a file of the repository template, replacing (not following) whatever
// file or symbolic link is there.
func writeNew(dst string, data []byte) error {
	if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
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
