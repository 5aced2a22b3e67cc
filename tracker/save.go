package tracker

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/gofrs/flock"
	"github.com/samvirke/samvirke/measures"
)

// Errors of Save; test with errors.Is.
var (
	// ErrNotFound: no measure with that id.
	ErrNotFound = errors.New("measure not found")
	// ErrDirty: the measure's file has uncommitted changes (in the working tree or staged).
	ErrDirty = errors.New("file has uncommitted changes")
	// ErrInvalid: the content would not be valid after the change (or is not valid now).
	ErrInvalid = errors.New("content would not be valid")
	// ErrLocked: another samvirke process holds the repository's lock for too long.
	ErrLocked = errors.New("repository is locked")
	// ErrBadState: a bare repository, a detached HEAD, or a merge, rebase or cherry-pick in progress.
	ErrBadState = errors.New("repository cannot be written now")
	// ErrNoChange: the change leaves the measure as it was.
	ErrNoChange = errors.New("nothing changed")
)

// LockTimeout is how long Save waits for another writer's lock.
var LockTimeout = 10 * time.Second

// SaveOptions says who commits.
type SaveOptions struct {
	Author string    // "Name <email>"; "" for the git config
	Now    time.Time // the commit time; zero for time.Now
}

// Saved describes a commit made by Save.
type Saved struct {
	Hash    plumbing.Hash
	Message string
	Measure *measures.Measure
}

// Save changes one measure and commits it: under the repository's lock it re-reads the
// content from the working tree, refuses if the measure's file has uncommitted changes,
// applies change to a copy, validates the whole content, writes the file atomically and
// commits only that file (other uncommitted changes, staged or not, are left alone). The
// commit message says what changed, in Norwegian (measures.CommitMessage). change gets
// the committer's name for log entries. It returns ErrNotFound, ErrDirty, ErrInvalid
// (wrapping the content errors), ErrLocked, ErrBadState, ErrNoIdentity or ErrNoChange.
func (r *Repo) Save(ctx context.Context, id string, change func(m *measures.Measure, by string) error,
	opts SaveOptions) (*Saved, error) {
	tx, err := r.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer tx.unlock()

	// Everything below reads under the lock, so a concurrent writer's commit is seen.
	c, err := measures.Load(os.DirFS(filepath.Join(r.Root, measures.Dir)))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	old := c.Measure(id)
	if old == nil {
		return nil, fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	cp, err := r.contentPath()
	if err != nil {
		return nil, err
	}
	name := path.Join(measures.MeasuresDir, id+".md")
	onDisk, err := os.ReadFile(filepath.Join(r.Root, measures.Dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, err
	}
	if err := r.checkClean(tx.commitH, path.Join(cp, name), onDisk); err != nil {
		return nil, err
	}

	m := old.Clone()
	if err := change(m, tx.sig.Name); err != nil {
		return nil, err
	}
	data := m.Encode()
	if string(data) == string(old.Encode()) {
		return nil, ErrNoChange
	}
	if _, err := measures.ParseMeasure(old.File, data); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	c.Replace(m)
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}

	msg := measures.CommitMessage(old, m)
	if err := tx.commit([]fileChange{{name: name, data: data}}, msg); err != nil {
		return nil, err
	}
	return &Saved{Hash: tx.newHash, Message: msg, Measure: m}, nil
}

// lockRepo takes the repository's write lock, .git/samvirke.lock, waiting up to LockTimeout.
// The operating system releases it if the process dies.
func lockRepo(ctx context.Context, gitDir string) (func(), error) {
	lock := flock.New(filepath.Join(gitDir, "samvirke.lock"))
	lctx, cancel := context.WithTimeout(ctx, LockTimeout)
	defer cancel()
	if ok, err := lock.TryLockContext(lctx, 50*time.Millisecond); err != nil || !ok {
		return nil, fmt.Errorf("%w (%v)", ErrLocked, err)
	}
	return func() { lock.Unlock() }, nil
}

// Recover finishes a save that a killed writer left unfinished (see journal.go). Save
// does this itself; read-only callers may call it to see a consistent working tree.
func (r *Repo) Recover(ctx context.Context) error {
	gitDir, err := r.gitDir()
	if err != nil {
		return err
	}
	unlock, err := lockRepo(ctx, gitDir)
	if err != nil {
		return err
	}
	defer unlock()
	return r.recoverSave(gitDir)
}

func (r *Repo) gitDir() (string, error) {
	if fs, ok := r.git.Storer.(*filesystem.Storage); ok {
		return fs.Filesystem().Root(), nil
	}
	return "", fmt.Errorf("cannot locate the .git directory: %w", ErrBadState)
}

// checkClean refuses when the file on disk or in the index differs from HEAD.
func (r *Repo) checkClean(head *object.Commit, rel string, onDisk []byte) error {
	tree, err := head.Tree()
	if err != nil {
		return err
	}
	e, err := tree.FindEntry(rel)
	if err != nil {
		return fmt.Errorf("%s is not committed: %w", rel, ErrDirty)
	}
	if plumbing.ComputeHash(plumbing.BlobObject, onDisk) != e.Hash {
		return fmt.Errorf("%s: %w", rel, ErrDirty)
	}
	idx, err := r.git.Storer.Index()
	if err != nil {
		return err
	}
	if ie, err := idx.Entry(rel); err == nil && ie.Hash != e.Hash {
		return fmt.Errorf("%s (staged): %w", rel, ErrDirty)
	}
	return nil
}

func splitPath(p string) []string {
	var parts []string
	for p != "." && p != "" {
		dir, file := path.Split(p)
		parts = append([]string{file}, parts...)
		p = path.Clean(dir)
		if p == "/" {
			break
		}
	}
	return parts
}

// replaceInTree returns the hash of t with the file at parts set to blob (with mode), or
// removed when blob is the zero hash; empty subtrees are dropped.
func (r *Repo) replaceInTree(t *object.Tree, parts []string, blob plumbing.Hash, mode ...filemode.FileMode) (plumbing.Hash, error) {
	fm := filemode.Regular
	if len(mode) > 0 {
		fm = mode[0]
	}
	entries := append([]object.TreeEntry(nil), t.Entries...)
	i := sort.Search(len(entries), func(i int) bool { return entries[i].Name >= parts[0] })
	found := i < len(entries) && entries[i].Name == parts[0]
	var e object.TreeEntry
	remove := false
	if len(parts) == 1 {
		e = object.TreeEntry{Name: parts[0], Mode: fm, Hash: blob}
		remove = blob.IsZero()
	} else {
		sub := &object.Tree{}
		if found && entries[i].Mode == filemode.Dir {
			var err error
			if sub, err = object.GetTree(r.git.Storer, entries[i].Hash); err != nil {
				return plumbing.ZeroHash, err
			}
		} else if blob.IsZero() {
			return t.Hash, nil // removing a file under a directory that does not exist
		}
		h, err := r.replaceInTree(sub, parts[1:], blob, fm)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		e = object.TreeEntry{Name: parts[0], Mode: filemode.Dir, Hash: h}
		remove = h.IsZero()
	}
	switch {
	case remove && found:
		entries = append(entries[:i], entries[i+1:]...)
	case remove:
	case found:
		entries[i] = e
	default:
		entries = append(entries[:i], append([]object.TreeEntry{e}, entries[i:]...)...)
	}
	if len(entries) == 0 {
		return plumbing.ZeroHash, nil
	}
	nt := &object.Tree{Entries: entries}
	obj := r.git.Storer.NewEncodedObject()
	if err := nt.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	return r.git.Storer.SetEncodedObject(obj)
}

// updateIndex records the new blob for rel in the index, so git status shows the file as
// committed; other index entries are left as they are.
func (r *Repo) updateIndex(rel, abs string, data []byte) error {
	idx, err := r.git.Storer.Index()
	if err != nil {
		return err
	}
	e, err := idx.Entry(rel)
	if err != nil {
		e = idx.Add(rel)
		e.Mode = filemode.Regular
	}
	e.Hash = plumbing.ComputeHash(plumbing.BlobObject, data)
	e.Size = uint32(len(data))
	if fi, err := os.Stat(abs); err == nil {
		e.ModifiedAt = fi.ModTime()
	}
	return r.git.Storer.SetIndex(idx)
}
