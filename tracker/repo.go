package tracker

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/measures"
)

// Errors returned by the tracker; test with errors.Is.
var (
	// ErrNotRepository: the directory is not inside a git repository.
	ErrNotRepository = errors.New("not a git repository")
	// ErrNoContent: the repository has no content/ directory (at the ref asked for).
	ErrNoContent = errors.New("no content directory")
	// ErrUnknownRef: the ref or date names no commit.
	ErrUnknownRef = errors.New("unknown ref")
	// ErrExists: init into a directory that already has content or a repository.
	ErrExists = errors.New("already exists")
)

// Repo is a strategy repository: a git repository whose work tree (at Root) has content/.
type Repo struct {
	Root string // the directory that holds content/
	git  *git.Repository

	// OnRepair, when set, gets a Norwegian message for each thing a write repaired or
	// finished before it started: a save a killed writer left, an empty index or branch.
	OnRepair func(msg string)

	syncLocks *txLocks // held by a sync, for moveTo

	raw      *rawObjects // open during an index build or tree diff; a Repo is not safe for concurrent use
	indexDir string      // where the change index lives; "" for .git/samvirke (see KeepChangeIndexIn)
}

// Open opens the git repository that holds root/content. The .git directory may be in
// root or in a parent. It returns ErrNotRepository when there is none.
func Open(root string) (*Repo, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	r, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, fmt.Errorf("open %s: %w", abs, ErrNotRepository)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", abs, err)
	}
	return &Repo{Root: abs, git: r}, nil
}

// contentPath returns the path of content/ relative to the work tree root, slash-separated.
func (r *Repo) contentPath() (string, error) {
	wt, err := r.git.Worktree()
	if err != nil {
		return measures.Dir, nil // bare repository: content/ is at the top
	}
	rel, err := filepath.Rel(wt.Filesystem.Root(), filepath.Join(r.Root, measures.Dir))
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}

var dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Resolve finds the commit that at names: a commit hash (full or abbreviated), a branch,
// a tag or any revision git understands (HEAD~2), or a date YYYY-MM-DD meaning the newest
// commit on HEAD's first-parent line made on or before that day (local time).
func (r *Repo) Resolve(at string) (*object.Commit, error) {
	if dateRe.MatchString(at) {
		d, err := measures.ParseDate(at)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", at, ErrUnknownRef)
		}
		return r.commitAtDate(d)
	}
	h, err := r.git.ResolveRevision(plumbing.Revision(at))
	if err != nil {
		return nil, &refError{at: at, cause: err}
	}
	c, err := r.git.CommitObject(*h)
	if err != nil {
		// An annotated tag resolves to the tag object on some paths: peel it.
		if tag, terr := r.git.TagObject(*h); terr == nil {
			return tag.Commit()
		}
		return nil, &refError{at: at, cause: err}
	}
	return c, nil
}

func (r *Repo) commitAtDate(d measures.Date) (*object.Commit, error) {
	head, err := r.git.Head()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d, ErrUnknownRef)
	}
	end := time.Date(d.Year, d.Month, d.Day+1, 0, 0, 0, 0, time.Local)
	c, err := r.git.CommitObject(head.Hash())
	for err == nil {
		if c.Committer.When.Before(end) {
			return c, nil
		}
		if c.NumParents() == 0 {
			break
		}
		c, err = c.Parent(0)
	}
	return nil, fmt.Errorf("ingen commit på eller før %s: %w", d, ErrUnknownRef)
}

// ContentFS returns the content directory as an fs.FS: the working tree when at is "",
// else the tree of the commit at names (see Resolve).
// It returns ErrNoContent when content/ is missing or not a directory, and an error
// wrapping measures.ErrSymlink when it is a symbolic link, in the work tree or the commit.
func (r *Repo) ContentFS(at string) (fs.FS, *object.Commit, error) {
	if at == "" {
		dir := filepath.Join(r.Root, measures.Dir)
		if err := CheckContentDir(dir); err != nil {
			return nil, nil, err
		}
		return os.DirFS(dir), nil, nil
	}
	c, err := r.Resolve(at)
	if err != nil {
		return nil, nil, err
	}
	tree, err := c.Tree()
	if err != nil {
		return nil, nil, fmt.Errorf("read tree of %s: %w", c.Hash, err)
	}
	cp, err := r.contentPath()
	if err != nil {
		return nil, nil, err
	}
	short := c.Hash.String()[:7]
	if e, err := tree.FindEntry(cp); err == nil && e.Mode == filemode.Symlink {
		return nil, nil, fmt.Errorf("commit %s: %s is a symbolic link: %w", short, cp, measures.ErrSymlink)
	}
	sub, err := tree.Tree(cp)
	if err != nil {
		return nil, nil, fmt.Errorf("commit %s: %w", short, ErrNoContent)
	}
	return newTreeFS(sub), c, nil
}

// CheckContentDir checks that dir (a work tree's content/) is a directory and no
// symbolic link: it returns ErrNoContent when it is missing or not a directory, and an
// error wrapping measures.ErrSymlink when it is a link.
func CheckContentDir(dir string) error {
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: %w", dir, ErrNoContent)
	case err != nil:
		return fmt.Errorf("check %s: %w", dir, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link: %w", dir, measures.ErrSymlink)
	case !fi.IsDir():
		return fmt.Errorf("%s is not a directory: %w", dir, ErrNoContent)
	}
	return nil
}

// MergeBase returns the best common ancestor of the commits a and b name (see Resolve):
// where a branch b started from a, so that comparing it with b shows only b's changes.
func (r *Repo) MergeBase(a, b string) (*object.Commit, error) {
	ca, err := r.Resolve(a)
	if err != nil {
		return nil, err
	}
	cb, err := r.Resolve(b)
	if err != nil {
		return nil, err
	}
	bases, err := ca.MergeBase(cb)
	if err != nil {
		return nil, fmt.Errorf("merge base of %s and %s: %w", a, b, err)
	}
	if len(bases) == 0 {
		return nil, fmt.Errorf("%s and %s have no common history: %w", a, b, ErrUnknownRef)
	}
	return bases[0], nil
}

// KnownMeasureIDs returns the ids of the measure files (content/measures/<id>.md) in the
// commits of HEAD and of every local and remote-tracking branch: what a new number must
// not clash with beyond the working tree.
func (r *Repo) KnownMeasureIDs() (map[string]bool, error) {
	cp, err := r.contentPath()
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	seen := map[plumbing.Hash]bool{}
	add := func(h plumbing.Hash) error {
		if seen[h] {
			return nil
		}
		seen[h] = true
		c, err := r.git.CommitObject(h)
		if err != nil {
			return nil // a ref to something else than a commit
		}
		tree, err := c.Tree()
		if err != nil {
			return err
		}
		sub, err := tree.Tree(path.Join(cp, measures.MeasuresDir))
		if err != nil {
			return nil // no measures there
		}
		for _, e := range sub.Entries {
			if id, ok := strings.CutSuffix(e.Name, ".md"); ok {
				ids[id] = true
			}
		}
		return nil
	}
	if head, err := r.git.Head(); err == nil {
		if err := add(head.Hash()); err != nil {
			return nil, err
		}
	}
	refs, err := r.git.References()
	if err != nil {
		return nil, err
	}
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		if ref.Type() == plumbing.HashReference && (ref.Name().IsBranch() || ref.Name().IsRemote()) {
			return add(ref.Hash())
		}
		return nil
	})
	return ids, err
}

// refError is a ref Resolve could not resolve. Its message is the one of
// ErrUnknownRef; it wraps both ErrUnknownRef and go-git's cause.
type refError struct {
	at    string
	cause error
}

func (e *refError) Error() string   { return fmt.Sprintf("%q: %v", e.at, ErrUnknownRef) }
func (e *refError) Unwrap() []error { return []error{ErrUnknownRef, e.cause} }
