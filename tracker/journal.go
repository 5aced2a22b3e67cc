package tracker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// A save changes three things that git cannot change in one step: the files in the work
// tree, the branch and the index. Before touching any of them, the save writes a journal
// under .git/ naming the new commit; the next writer (under the locks) finds an
// unfinished journal and rolls the save forward when its commit is there, or back when
// it is not. So a writer killed at any point leaves the repository and the files as
// before the save or, once recovered, as after.

const journalName = "samvirke-save.json"

type journal struct {
	Ref string `json:"ref"` // branch, e.g. refs/heads/main
	Old string `json:"old"` // commit before the save
	New string `json:"new"` // the save's commit
	// Paths are the files the save changes, as paths in the tree; a path the new commit
	// lacks is deleted. Path is the single file of journals written before Paths existed.
	Paths []string `json:"paths,omitempty"`
	Path  string   `json:"path,omitempty"`
	// Locks: the save held git's lock files (index.lock, the ref's lock) and may have
	// written into them; journals of older versions did not.
	Locks bool `json:"locks,omitempty"`
}

// faultHook is called after each step of a save; tests set it to kill the writer there.
var faultHook = func(step string) {}

// failHook is called where a save can fail after it wrote files; tests make it fail
// there to see the files put back.
var failHook = func(step string) error { return nil }

func (r *Repo) writeJournal(gitDir, tmpDir string, j journal) error {
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	return writeFileAtomic(tmpDir, filepath.Join(gitDir, journalName), data)
}

// readJournal returns the journal of an unfinished save, or nil. A torn journal (cut
// short before the rename that publishes it cannot happen; an older version wrote it in
// place) was written before any visible step, and is dropped.
func readJournal(gitDir string) (*journal, error) {
	p := filepath.Join(gitDir, journalName)
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the save journal: %w", err)
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil || !plumbing.IsHash(j.Old) || !plumbing.IsHash(j.New) {
		return nil, removeJournal(gitDir)
	}
	if j.Path != "" {
		j.Paths = append(j.Paths, j.Path)
	}
	return &j, nil
}

func removeJournal(gitDir string) error {
	err := os.Remove(filepath.Join(gitDir, journalName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// recoverSave finishes a save that a killed writer left half done, holding the locks l
// and ref (the lock of the journal's branch). It decides where the branch must end up:
// at the save's commit when that was written (the commit is flushed before the journal,
// so it normally is), at the old commit when it was not, and where it is when something
// else moved it since. It then makes the journal's files, their index entries and the
// branch agree with that commit.
func (r *Repo) recoverSave(ctx context.Context, gitDir string, l *txLocks, ref *gitLock, j *journal) error {
	name := plumbing.ReferenceName(j.Ref)
	cur, err := readBranch(gitDir, name)
	if err != nil {
		return err
	}
	oldH, newH := plumbing.NewHash(j.Old), plumbing.NewHash(j.New)
	newC, newErr := r.git.CommitObject(newH)
	target, undone := cur.hash, false
	switch {
	case cur.hash == newH:
	case cur.hash == oldH || cur.hash.IsZero():
		target = newH
		if newErr != nil {
			target, undone = oldH, true
		}
	}
	if target.IsZero() {
		return fmt.Errorf("%s has no commit and the save's commits are gone: %w", name.Short(), ErrBadState)
	}
	tc, err := r.git.CommitObject(target)
	if err != nil {
		return fmt.Errorf("read %s: %w", short(target), err)
	}
	var ours *object.Commit // the files the save wrote, when the branch moved elsewhere
	if target != newH && target != oldH && newErr == nil {
		ours = newC
	}
	if err := r.restoreFiles(l.tmpDir, j.Paths, tc, ours); err != nil {
		return err
	}
	if err := r.restoreIndex(ctx, gitDir, l, j.Paths, tc); err != nil {
		return err
	}
	if ref != nil && (cur.hash != target || cur.broken) {
		if err := ref.write([]byte(target.String() + "\n")); err != nil {
			return err
		}
		if err := ref.commit(); err != nil {
			return err
		}
		if err := syncFS(gitDir); err != nil {
			return err
		}
		relocked, err := acquireGitLock(ctx, l.tmpDir, ref.target, false)
		if err != nil {
			return err
		}
		*ref = *relocked
	}
	if err := removeJournal(gitDir); err != nil {
		return err
	}
	switch subject := firstLine(tc.Message); {
	case undone:
		r.report("En lagring som ble avbrutt før den var ferdig, er angret; filene er som før.")
	case target == newH:
		r.report(fmt.Sprintf("En lagring som ble avbrutt, er fullført: %s", subject))
	default:
		r.report(fmt.Sprintf("En avbrutt lagring ble forkastet fordi %s er endret siden; filene er som i siste commit.", name.Short()))
	}
	return nil
}

// restoreFiles makes the files at paths match commit c: written from it, or removed
// when c lacks them. With ours set (the branch moved past the save), only files that
// still hold what the save wrote are restored; anything else is someone's later work.
func (r *Repo) restoreFiles(tmpDir string, paths []string, c, ours *object.Commit) error {
	tree, err := c.Tree()
	if err != nil {
		return err
	}
	for _, rel := range paths {
		abs := filepath.Join(r.worktreeRoot(), filepath.FromSlash(rel))
		onDisk, diskErr := os.ReadFile(abs)
		if ours != nil && !r.holds(ours, rel, onDisk, diskErr) {
			continue
		}
		e, err := tree.FindEntry(rel)
		if err != nil {
			if err := os.Remove(abs); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			continue
		}
		if diskErr == nil && plumbing.ComputeHash(plumbing.BlobObject, r.cleanForGit(rel, onDisk)) == e.Hash {
			continue // already right (in the file's own line endings)
		}
		data, err := blobContents(c, rel)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return err
		}
		if err := writeFileAtomic(tmpDir, abs, data); err != nil {
			return err
		}
	}
	return nil
}

// holds says whether the file on disk is rel as commit c has it (absent when c lacks it).
func (r *Repo) holds(c *object.Commit, rel string, onDisk []byte, diskErr error) bool {
	h, err := blobAt(c, rel)
	if err != nil {
		return errors.Is(diskErr, fs.ErrNotExist)
	}
	return diskErr == nil && plumbing.ComputeHash(plumbing.BlobObject, r.cleanForGit(rel, onDisk)) == h
}

// restoreIndex sets the index entries of paths to commit c's blobs and writes the index
// through index.lock, which it then takes again for the save that follows.
func (r *Repo) restoreIndex(ctx context.Context, gitDir string, l *txLocks, paths []string, c *object.Commit) error {
	idx, err := readGitIndex(gitDir)
	if errors.Is(err, errIndexCorrupt) {
		if idx, err = indexFromTree(c); err == nil {
			r.report(indexRebuiltMsg)
		}
	}
	if err != nil {
		return err
	}
	tree, err := c.Tree()
	if err != nil {
		return err
	}
	for _, rel := range paths {
		if e, err := tree.FindEntry(rel); err == nil {
			setIndexEntry(idx, rel, filepath.Join(r.worktreeRoot(), filepath.FromSlash(rel)), e.Hash, e.Mode)
		} else {
			removeIndexEntry(idx, rel)
		}
	}
	return r.commitIndex(ctx, gitDir, l, idx)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func (r *Repo) worktreeRoot() string {
	if wt, err := r.git.Worktree(); err == nil {
		return wt.Filesystem.Root()
	}
	return r.Root
}
