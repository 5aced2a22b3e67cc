package tracker

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
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

// Save changes one measure and commits it: under the locks it re-reads the content from
// the working tree, refuses if the measure's file has uncommitted changes, applies change
// to a copy, validates the whole content, writes the file atomically and commits only
// that file (other uncommitted changes, staged or not, are left alone), in the one write
// transaction (tx.go). The commit message says what changed, in Norwegian
// (measures.CommitMessage). change gets the committer's name for log entries. It returns
// ErrNotFound, ErrDirty, ErrInvalid (wrapping the content errors), ErrLocked,
// ErrGitLocked, ErrBadState, ErrNoIdentity or ErrNoChange.
func (r *Repo) Save(ctx context.Context, id string, change func(m *measures.Measure, by string) error,
	opts SaveOptions) (*Saved, error) {
	var m *measures.Measure
	done, err := r.transact(ctx, opts, func(tx *saveTx, c *measures.Content) (*Edit, error) {
		old := c.Measure(id)
		if old == nil {
			return nil, fmt.Errorf("%s: %w", id, ErrNotFound)
		}
		if err := tx.checkMeasureClean(old); err != nil {
			return nil, err
		}
		m = old.Clone()
		if err := change(m, tx.sig.Name); err != nil {
			return nil, err
		}
		data := m.Encode()
		if string(data) == string(old.Encode()) {
			return nil, ErrNoChange
		}
		return &Edit{Message: measures.CommitMessage(old, m), Write: map[string][]byte{old.File: data}}, nil
	})
	if err != nil {
		return nil, err
	}
	return &Saved{Hash: done.Hash, Message: done.Message, Measure: m}, nil
}

// checkMeasureClean refuses a measure whose file has uncommitted changes before the
// change is built (the transaction checks again before it writes).
func (tx *saveTx) checkMeasureClean(m *measures.Measure) error {
	cp, err := tx.r.contentPath()
	if err != nil {
		return err
	}
	name := strings.TrimPrefix(m.File, measures.Dir+"/")
	idx, err := readGitIndex(tx.gitDir)
	if err != nil {
		return err
	}
	_, err = tx.r.checkCleanOrAbsent(tx.commitH, idx, path.Join(cp, name), filepath.Join(tx.r.Root, measures.Dir, filepath.FromSlash(name)))
	return err
}

func (r *Repo) gitDir() (string, error) {
	if fs, ok := r.git.Storer.(*filesystem.Storage); ok {
		return fs.Filesystem().Root(), nil
	}
	return "", fmt.Errorf("cannot locate the .git directory: %w", ErrBadState)
}

// checkClean refuses when the file rel (with onDisk its content in the work tree) differs
// from HEAD on disk or in the index.
func (r *Repo) checkClean(head *object.Commit, rel string, onDisk []byte) error {
	gitDir, err := r.gitDir()
	if err != nil {
		return err
	}
	idx, err := readGitIndex(gitDir)
	if err != nil {
		return err
	}
	tree, err := head.Tree()
	if err != nil {
		return err
	}
	e, err := tree.FindEntry(rel)
	if err != nil {
		return fmt.Errorf("%s is not committed: %w", rel, ErrDirty)
	}
	return r.sameAsCommitted(idx, e.Hash, rel, onDisk)
}

// sameAsCommitted refuses when onDisk (as git compares it: after its line ending
// conversion) or the index entry of rel is not blob.
func (r *Repo) sameAsCommitted(idx *index.Index, blob plumbing.Hash, rel string, onDisk []byte) error {
	if plumbing.ComputeHash(plumbing.BlobObject, onDisk) != blob &&
		plumbing.ComputeHash(plumbing.BlobObject, r.cleanForGit(rel, onDisk)) != blob {
		return fmt.Errorf("%s: %w", rel, ErrDirty)
	}
	if ie, err := idx.Entry(rel); err == nil && ie.Hash != blob {
		return fmt.Errorf("%s (staged): %w", rel, ErrDirty)
	}
	return nil
}

// checkCleanOrAbsent returns the file's content on disk (nil when it does not exist). It
// refuses when a file that HEAD has differs on disk (as git compares it: after its line
// ending conversion) or in the index, and when a file that HEAD lacks exists on disk or
// in the index.
func (r *Repo) checkCleanOrAbsent(head *object.Commit, idx *index.Index, rel, abs string) ([]byte, error) {
	tree, err := head.Tree()
	if err != nil {
		return nil, err
	}
	e, err := tree.FindEntry(rel)
	if err != nil {
		if _, err := os.Lstat(abs); err == nil {
			return nil, fmt.Errorf("%s exists but is not committed: %w", rel, ErrDirty)
		}
		if _, err := idx.Entry(rel); err == nil {
			return nil, fmt.Errorf("%s (staged): %w", rel, ErrDirty)
		}
		return nil, nil
	}
	onDisk, err := os.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("%s is deleted in the working tree: %w", rel, ErrDirty)
	}
	if err := r.sameAsCommitted(idx, e.Hash, rel, onDisk); err != nil {
		return nil, err
	}
	return onDisk, nil
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
