package tracker

import (
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
)

// Path look-ups on the raw tree objects, for History: each tree on the way is read once
// (from the raw object cache the index walk fills) and scanned in place, never decoded
// into entry structs.

// lookupRaw returns the entry at p (slash-separated, relative to the tree) in tree root;
// ok is false when there is none. The entry's name and hash share the cached tree's
// bytes: callers must not change them.
func (r *Repo) lookupRaw(root plumbing.Hash, p string) (treeEntry, bool, error) {
	h := root
	names := strings.Split(p, "/")
	for k, name := range names {
		t, err := r.rawTree(h)
		if err != nil {
			return treeEntry{}, false, err
		}
		e, ok, err := findEntry(t, name)
		switch {
		case err != nil:
			return treeEntry{}, false, fmt.Errorf("tree %s: %w", h, err)
		case !ok:
			return treeEntry{}, false, nil
		case k == len(names)-1:
			return e, true, nil
		case e.mode != filemode.Dir:
			return treeEntry{}, false, nil // a file where a directory was looked for
		}
		copy(h[:], e.hash)
	}
	return treeEntry{}, false, nil
}

// findEntry scans raw tree t for the entry called name.
func findEntry(t []byte, name string) (treeEntry, bool, error) {
	for i := 0; i < len(t); {
		e, next, err := parseTreeEntry(t, i)
		if err != nil {
			return treeEntry{}, false, err
		}
		if string(e.name) == name {
			return e, true, nil
		}
		i = next
	}
	return treeEntry{}, false, nil
}

// removedFiles returns the files (blobs) of tree a that tree b has not under the same
// name, in git's order, by one merge of the two sorted raw trees; a or b may be the zero
// hash (no tree).
func (r *Repo) removedFiles(a, b plumbing.Hash) ([]treeEntry, error) {
	ta, err := r.rawTree(a)
	if err != nil {
		return nil, err
	}
	tb, err := r.rawTree(b)
	if err != nil {
		return nil, err
	}
	var out []treeEntry
	i, j := 0, 0
	var y treeEntry
	ny := -1 // where the entry after y starts; -1: y not parsed yet
	for i < len(ta) {
		x, nx, err := parseTreeEntry(ta, i)
		if err != nil {
			return nil, fmt.Errorf("tree %s: %w", a, err)
		}
		i = nx
		// Move b on to the first entry not before x.
		for {
			if ny < 0 && j < len(tb) {
				if y, ny, err = parseTreeEntry(tb, j); err != nil {
					return nil, fmt.Errorf("tree %s: %w", b, err)
				}
			}
			if ny < 0 || compareEntries(y, x) >= 0 {
				break
			}
			j, ny = ny, -1
		}
		if ny >= 0 && compareEntries(y, x) == 0 {
			continue
		}
		if isBlob(x.mode) {
			out = append(out, x)
		}
	}
	return out, nil
}

// isBlob tells whether a tree entry of mode m is a file with contents (not a directory,
// symbolic link or submodule).
func isBlob(m filemode.FileMode) bool {
	return m == filemode.Regular || m == filemode.Executable || m == filemode.Deprecated
}
