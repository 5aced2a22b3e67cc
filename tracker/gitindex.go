package tracker

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// The index (.git/index) is read and written here rather than through go-git's storer,
// which rewrites the file in place: a writer killed in the middle left it empty, and git
// then refuses to work ("index file smaller than expected"). A save writes the new index
// into index.lock and renames it over the index (gitlock.go).

// errIndexCorrupt: .git/index cannot be read (empty, cut short or damaged).
var errIndexCorrupt = errors.New("index is damaged")

// readGitIndex reads gitDir/index. A missing index is an empty one, as for git.
func readGitIndex(gitDir string) (*index.Index, error) {
	f, err := os.Open(filepath.Join(gitDir, "index"))
	if errors.Is(err, fs.ErrNotExist) {
		return &index.Index{Version: 2}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the index: %w", err)
	}
	defer f.Close()
	idx := &index.Index{}
	if err := index.NewDecoder(bufio.NewReader(f)).Decode(idx); err != nil {
		return nil, fmt.Errorf("%w: %w", errIndexCorrupt, err)
	}
	return idx, nil
}

// encodeIndex returns the bytes of idx. go-git writes no extensions: the cached trees
// (TREE) of the old index are dropped rather than left stale, and git rebuilds them.
func encodeIndex(idx *index.Index) ([]byte, error) {
	var buf bytes.Buffer
	if err := index.NewEncoder(&buf).Encode(idx); err != nil {
		return nil, fmt.Errorf("encode the index: %w", err)
	}
	return buf.Bytes(), nil
}

// setIndexEntry records blob (of the work-tree file abs, just written) for rel.
func setIndexEntry(idx *index.Index, rel, abs string, blob plumbing.Hash, mode filemode.FileMode) {
	e, err := idx.Entry(rel)
	if err != nil {
		e = idx.Add(rel)
	}
	e.Mode = mode
	e.Hash = blob
	e.Stage = 0                           // merged; go-git's index.Merged is 1, which git reads as a conflict stage
	e.Size, e.ModifiedAt = 0, time.Time{} // unknown until stat
	if fi, err := os.Lstat(abs); err == nil {
		e.Size = uint32(fi.Size())
		e.ModifiedAt = fi.ModTime()
	}
}

// removeIndexEntry drops rel from idx, if it is there.
func removeIndexEntry(idx *index.Index, rel string) {
	idx.Remove(rel)
}

// indexFromTree is an index that matches commit c's tree, without stat data (git fills
// it in by reading the files): what `git read-tree` makes, for repairing a damaged index.
func indexFromTree(c *object.Commit) (*index.Index, error) {
	tree, err := c.Tree()
	if err != nil {
		return nil, err
	}
	idx := &index.Index{Version: 2}
	w := object.NewTreeWalker(tree, true, nil)
	defer w.Close()
	for {
		name, e, err := w.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if e.Mode == filemode.Dir {
			continue
		}
		ie := idx.Add(name)
		ie.Hash, ie.Mode = e.Hash, e.Mode
	}
	return idx, nil
}
