package tracker

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/utils/merkletrie"
)

// PathChange is one path that differs between two versions of the work tree.
type PathChange struct {
	Path      string      // from the work tree's root, slash-separated
	InContent bool        // under the content directory
	Deleted   bool        // gone in the newer version
	Added     bool        // not in the older version
	Mode      fs.FileMode // type in the newer version: 0 (regular), fs.ModeSymlink or fs.ModeIrregular (a gitlink); 0 when deleted
}

// Regular reports whether the newer version is a regular file (or the path is deleted).
func (c PathChange) Regular() bool { return c.Mode&fs.ModeType == 0 }

// ChangedPaths lists every path that differs between the commit base and head, sorted:
// head is a commit (see Resolve), or "" for the working tree, which is HEAD plus its
// staged, unstaged and untracked (not ignored) changes. Symbolic links are reported as
// such and never followed.
func (r *Repo) ChangedPaths(base *object.Commit, head string) ([]PathChange, error) {
	cp, err := r.contentPath()
	if err != nil {
		return nil, err
	}
	headRef := head
	if headRef == "" {
		headRef = "HEAD"
	}
	hc, err := r.Resolve(headRef)
	if err != nil {
		return nil, err
	}
	baseTree, err := base.Tree()
	if err != nil {
		return nil, fmt.Errorf("read tree of %s: %w", base.Hash, err)
	}
	headTree, err := hc.Tree()
	if err != nil {
		return nil, fmt.Errorf("read tree of %s: %w", hc.Hash, err)
	}
	changes, err := object.DiffTree(baseTree, headTree)
	if err != nil {
		return nil, fmt.Errorf("compare %s and %s: %w", base.Hash.String()[:7], hc.Hash.String()[:7], err)
	}
	byPath := map[string]PathChange{}
	for _, ch := range changes {
		action, err := ch.Action()
		if err != nil {
			return nil, err
		}
		pc := PathChange{Path: ch.To.Name, Added: action == merkletrie.Insert, Mode: modeOf(ch.To.TreeEntry.Mode)}
		if action == merkletrie.Delete {
			pc = PathChange{Path: ch.From.Name, Deleted: true}
		}
		byPath[pc.Path] = pc
	}
	if head == "" {
		if err := r.addWorkTreeChanges(byPath, baseTree); err != nil {
			return nil, err
		}
	}
	out := make([]PathChange, 0, len(byPath))
	for _, pc := range byPath {
		pc.InContent = pc.Path == cp || strings.HasPrefix(pc.Path, cp+"/")
		out = append(out, pc)
	}
	slices.SortFunc(out, func(a, b PathChange) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

// addWorkTreeChanges adds the work tree's uncommitted and untracked changes, each as it
// is now on disk compared with base.
func (r *Repo) addWorkTreeChanges(byPath map[string]PathChange, base *object.Tree) error {
	wt, err := r.git.Worktree()
	if err != nil {
		return nil // a bare repository has no work tree
	}
	st, err := wt.Status()
	if err != nil {
		return fmt.Errorf("git status: %w", err)
	}
	root := wt.Filesystem.Root()
	for p, s := range st {
		if s.Worktree == git.Unmodified && s.Staging == git.Unmodified {
			continue
		}
		pc, same, err := workTreeChange(root, p, base)
		if err != nil {
			return err
		}
		if same {
			delete(byPath, p) // as in base after all
			continue
		}
		byPath[p] = pc
	}
	return nil
}

// workTreeChange describes the file p on disk against its version in base; same is true
// when they are equal (or the file is in neither).
func workTreeChange(root, p string, base *object.Tree) (pc PathChange, same bool, err error) {
	entry, notInBase := base.FindEntry(p)
	full := filepath.Join(root, filepath.FromSlash(p))
	fi, err := os.Lstat(full)
	if errors.Is(err, fs.ErrNotExist) {
		return PathChange{Path: p, Deleted: true}, notInBase != nil, nil
	}
	if err != nil {
		return pc, false, fmt.Errorf("check %s: %w", p, err)
	}
	pc = PathChange{Path: p, Added: notInBase != nil}
	var data []byte
	mode := filemode.Regular
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		pc.Mode, mode = fs.ModeSymlink, filemode.Symlink
		target, err := os.Readlink(full)
		if err != nil {
			return pc, false, fmt.Errorf("read link %s: %w", p, err)
		}
		data = []byte(filepath.ToSlash(target))
	case !fi.Mode().IsRegular():
		pc.Mode = fs.ModeIrregular
		return pc, false, nil
	default:
		if fi.Mode()&0o111 != 0 {
			mode = filemode.Executable
		}
		if data, err = os.ReadFile(full); err != nil {
			return pc, false, fmt.Errorf("read %s: %w", p, err)
		}
	}
	same = notInBase == nil && entry.Mode == mode && entry.Hash == plumbing.ComputeHash(plumbing.BlobObject, data)
	return pc, same, nil
}

func modeOf(m filemode.FileMode) fs.FileMode {
	switch m {
	case filemode.Symlink:
		return fs.ModeSymlink
	case filemode.Submodule:
		return fs.ModeIrregular
	}
	return 0
}
