package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// This file holds where the commands find the content and its repository: --repo or the
// nearest content/ upwards, the content as it was at --at, and the git repository that
// writing commands open.

// source is where content is read from: a repository's content/ directory or the
// content embedded in the binary.
type source struct {
	Root     string // repository root; "" when embedded
	FS       fs.FS  // rooted at the content directory
	Embedded bool
}

// errNoContent is returned when the content directory is missing or not a directory.
var errNoContent = errors.New("no content directory")

// findSource locates the content: --repo, else the nearest directory upwards from the
// working directory that has content/ with measures/ in it. Inside a git work tree the
// search ends at its root, whose content/ must then be a directory; the embedded content
// serves only outside any git repository. A content/ that is a symbolic link is refused
// wherever it is found.
func findSource(repo string) (*source, error) {
	if repo != "" {
		abs, err := filepath.Abs(repo)
		if err != nil {
			return nil, err
		}
		if err := requireContentDir(abs, "i "+abs); err != nil {
			return nil, err
		}
		return dirSource(abs), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	top := workTreeRoot(wd)
	for dir := wd; ; dir = filepath.Dir(dir) {
		found, err := hasContent(dir)
		if err != nil {
			return nil, err
		}
		if found {
			return dirSource(dir), nil
		}
		if dir == top {
			if err := requireContentDir(dir, "i git-repoet "+dir); err != nil {
				return nil, err
			}
			return dirSource(dir), nil
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return &source{FS: content.FS(), Embedded: true}, nil
}

func dirSource(root string) *source {
	return &source{Root: root, FS: os.DirFS(filepath.Join(root, measures.Dir))}
}

// hasContent reports whether root has a content/ directory with a measures/ entry (a
// symbolic link there is left to measures.Load to report). A content/ that is a symbolic
// link is an error.
func hasContent(root string) (bool, error) {
	fi, err := os.Lstat(filepath.Join(root, measures.Dir))
	switch {
	case err != nil:
		return false, nil
	case fi.Mode()&fs.ModeSymlink != 0:
		return false, symlinkedContentError(root)
	case !fi.IsDir():
		return false, nil
	}
	_, err = os.Lstat(filepath.Join(root, measures.Dir, measures.MeasuresDir))
	return err == nil, nil
}

// requireContentDir checks that root/content is a directory and no symbolic link; where
// says where root is, for the message.
func requireContentDir(root, where string) error {
	err := tracker.CheckContentDir(filepath.Join(root, measures.Dir))
	switch {
	case errors.Is(err, measures.ErrSymlink):
		return symlinkedContentError(root)
	case errors.Is(err, tracker.ErrNoContent) && isFile(filepath.Join(root, measures.Dir)):
		return userErrorf(errNoContent, msgContentNotDir, where)
	case errors.Is(err, tracker.ErrNoContent):
		return userErrorf(errNoContent, msgNoContentDir, where)
	}
	return err
}

func symlinkedContentError(root string) error {
	return userErrorf(measures.ErrSymlink, msgContentSymlink, root)
}

// workTreeRoot returns the nearest directory from dir upwards that has .git (a
// directory, or a file for a linked work tree or submodule), or "" outside any.
func workTreeRoot(dir string) string {
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

func isFile(p string) bool {
	fi, err := os.Lstat(p)
	return err == nil && !fi.IsDir()
}

// loadContent loads the content for a read command. Content errors do not stop reading
// commands: they warn and go on with what could be read.
func loadContent(g *globalOptions, s *IOStreams, strict bool) (*measures.Content, *source, error) {
	src, err := findSource(g.Repo)
	if err != nil {
		return nil, nil, err
	}
	if src.Embedded {
		if g.At != "" {
			return nil, nil, errors.New(msgAtNeedsContent)
		}
		fmt.Fprintln(s.ErrOut, msgBuiltinContent)
	}
	if g.At != "" {
		repo, err := tracker.Open(src.Root)
		if err != nil {
			return nil, nil, fmt.Errorf(msgAtNeedsRepo, err)
		}
		at, err := typedRef(g.At)
		if err != nil {
			return nil, nil, err
		}
		fsys, commit, err := contentAt(repo, at)
		if err != nil {
			return nil, nil, err
		}
		src.FS = fsys
		fmt.Fprintf(s.ErrOut, msgShowingCommit, commit.Hash.String()[:7],
			measures.DateOf(commit.Committer.When).Norwegian())
	}
	c, err := measures.Load(src.FS)
	if c != nil {
		err = withDateErrors(err, c.CheckDates(s.Today()))
	}
	if es := measures.AsErrors(err); es != nil {
		if strict {
			return c, src, err
		}
		fmt.Fprintf(s.ErrOut, msgContentErrorsWarning, len(es))
		return c, src, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf(msgReadContent, err)
	}
	return c, src, nil
}

// withDateErrors adds the errors of measures.Content.CheckDates to what Load returned.
func withDateErrors(err error, dates measures.Errors) error {
	if len(dates) == 0 {
		return err
	}
	es := measures.AsErrors(err)
	if err != nil && es == nil {
		return err
	}
	es = append(es, dates...)
	es.Sort()
	return es
}

// contentAt is repo.ContentFS(at) with its errors in Norwegian.
func contentAt(repo *tracker.Repo, at string) (fs.FS, *object.Commit, error) {
	fsys, commit, err := repo.ContentFS(at)
	switch {
	case errors.Is(err, tracker.ErrUnknownRef):
		return nil, nil, fmt.Errorf(msgNoSuchCommit, at)
	case errors.Is(err, measures.ErrSymlink):
		return nil, nil, userErrorf(err, msgContentSymlinkAt, commitShort(repo, at), at)
	case errors.Is(err, tracker.ErrNoContent):
		return nil, nil, userErrorf(err, msgNoContentAt, commitShort(repo, at), at)
	}
	return fsys, commit, err
}

// commitShort is the abbreviated hash of the commit at names, or at itself.
func commitShort(repo *tracker.Repo, at string) string {
	if c, err := repo.Resolve(at); err == nil {
		return c.Hash.String()[:7]
	}
	return at
}

// openRepo opens the strategy repository for commands that need git: writes, history.
func openRepo(g *globalOptions) (*tracker.Repo, error) {
	src, err := findSource(g.Repo)
	if err != nil {
		return nil, err
	}
	if src.Embedded {
		return nil, errors.New(msgNeedsRepo)
	}
	repo, err := tracker.Open(src.Root)
	if errors.Is(err, tracker.ErrNotRepository) {
		return nil, fmt.Errorf(msgNotRepo, src.Root, err)
	}
	if err != nil {
		return nil, fmt.Errorf(msgOpenRepoFailed, src.Root, err)
	}
	// What a write repaired or finished before it started (an interrupted save, an empty
	// index) goes to standard error, beside the command's own output.
	repo.OnRepair = func(msg string) { fmt.Fprintln(os.Stderr, "samvirke: "+msg) }
	if g.streams != nil {
		repo.OnRepair = func(msg string) { fmt.Fprintln(g.streams.ErrOut, "samvirke: "+msg) }
	}
	if g.streams != nil {
		ensureMergeDriver(repo, g.streams)
	}
	return repo, nil
}

// contentAndRepo loads the content and opens its git repository; the repository is nil
// for the embedded content or a content directory outside git.
func contentAndRepo(g *globalOptions, s *IOStreams) (*measures.Content, *tracker.Repo, error) {
	c, src, err := loadContent(g, s, false)
	if err != nil {
		return nil, nil, err
	}
	if src.Embedded {
		return c, nil, nil
	}
	repo, err := tracker.Open(src.Root)
	if errors.Is(err, tracker.ErrNotRepository) {
		return c, nil, nil
	}
	return c, repo, err
}
