package tracker

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/google/renameio/v2/maybe"
)

// A save changes three things that git cannot change in one step: the file in the working
// tree, the branch ref and the index. Before touching any of them, Save writes a journal
// under .git/ naming the new commit; the next writer (under the lock) finds an unfinished
// journal and rolls the save forward. So a writer killed at any point leaves the repository
// and the file as before the save (nothing visible done yet) or, once recovered, as after.

const journalName = "samvirke-save.json"

type journal struct {
	Ref string `json:"ref"` // branch, e.g. refs/heads/main
	Old string `json:"old"` // commit before the save
	New string `json:"new"` // the save's commit
	// Paths are the files the save changes, as paths in the tree; a path the new commit
	// lacks is deleted. Path is the single file of journals written before Paths existed.
	Paths []string `json:"paths,omitempty"`
	Path  string   `json:"path,omitempty"`
}

// faultHook is called after each step of a save; tests set it to kill the writer there.
var faultHook = func(step string) {}

func (r *Repo) writeJournal(gitDir string, j journal) error {
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	return maybe.WriteFile(filepath.Join(gitDir, journalName), data, 0o644)
}

// recoverSave finishes a save that a killed writer left half done. It must run under the
// repository's lock.
func (r *Repo) recoverSave(gitDir string) error {
	p := filepath.Join(gitDir, journalName)
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil {
		return os.Remove(p) // a torn journal: written before any visible step
	}
	ref, err := r.git.Reference(plumbing.ReferenceName(j.Ref), false)
	if err != nil {
		return fmt.Errorf("recover save: %w", err)
	}
	newHash, oldHash := plumbing.NewHash(j.New), plumbing.NewHash(j.Old)
	switch ref.Hash() {
	case oldHash, newHash:
	default:
		// The branch moved elsewhere (e.g. by git): nothing of ours to finish.
		return os.Remove(p)
	}
	commit, err := r.git.CommitObject(newHash)
	if err != nil {
		return os.Remove(p) // the commit was never written: nothing visible happened
	}
	tree, err := commit.Tree()
	if err != nil {
		return err
	}
	paths := j.Paths
	if j.Path != "" {
		paths = append(paths, j.Path)
	}
	type written struct {
		rel, abs string
		data     []byte // nil: deleted
	}
	var files []written
	for _, rel := range paths {
		abs := filepath.Join(r.worktreeRoot(), filepath.FromSlash(rel))
		f, err := tree.File(rel)
		if errors.Is(err, object.ErrFileNotFound) {
			if err := os.Remove(abs); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			files = append(files, written{rel: rel, abs: abs})
			continue
		}
		if err != nil {
			return err
		}
		content, err := f.Contents()
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return err
		}
		if err := maybe.WriteFile(abs, []byte(content), 0o644); err != nil {
			return err
		}
		files = append(files, written{rel: rel, abs: abs, data: []byte(content)})
	}
	if ref.Hash() == oldHash {
		if err := r.git.Storer.CheckAndSetReference(plumbing.NewHashReference(ref.Name(), newHash), ref); err != nil {
			return err
		}
	}
	for _, f := range files {
		if f.data == nil {
			err = r.removeFromIndex(f.rel)
		} else {
			err = r.updateIndex(f.rel, f.abs, f.data)
		}
		if err != nil {
			return err
		}
	}
	return os.Remove(p)
}

func (r *Repo) worktreeRoot() string {
	if wt, err := r.git.Worktree(); err == nil {
		return wt.Filesystem.Root()
	}
	return r.Root
}
