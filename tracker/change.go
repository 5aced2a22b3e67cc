package tracker

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/google/renameio/v2/maybe"
	"github.com/samvirke/samvirke/measures"
)

// Edit is a set of content files written or deleted together in one commit, e.g. a
// proposal renumbered by accept: its new file, the old one deleted and every file that
// referred to it. Paths are as in measures errors: from the repository root, starting
// with content/ (content/measures/T37.md).
type Edit struct {
	Message string
	Write   map[string][]byte // path → new content
	Delete  []string          // paths to remove
}

// Paths returns the changed paths, sorted.
func (ch *Edit) Paths() []string {
	ps := slices.Collect(maps.Keys(ch.Write))
	ps = append(ps, ch.Delete...)
	slices.Sort(ps)
	return slices.Compact(ps)
}

// Committed describes a commit made by Apply.
type Committed struct {
	Hash    plumbing.Hash
	Message string
	Paths   []string // the changed paths, from the repository root
}

// ErrOutsideContent: an Edit names a path that is not a file under content/.
var ErrOutsideContent = errors.New("path outside the content directory")

// Apply commits a multi-file edit to the content with the same guarantees as Save:
// under the repository's lock it re-reads the content from the working tree and calls
// build with it (and the committer's name) to get the change; it refuses when any file
// the change touches has uncommitted changes (or, for a new file, when an untracked file
// is in the way), validates the whole content as it would be after the change, writes
// the files atomically, deletes the removed ones and commits only those paths, with a
// journal that lets the next writer roll a killed save forward. It returns the errors of
// Save, and ErrOutsideContent.
func (r *Repo) Apply(ctx context.Context, build func(c *measures.Content, by string) (*Edit, error), opts SaveOptions) (*Committed, error) {
	tx, err := r.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer tx.unlock()
	base := os.DirFS(filepath.Join(r.Root, measures.Dir))
	c, err := measures.Load(base)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	ch, err := build(c, tx.sig.Name)
	if err != nil {
		return nil, err
	}
	if len(ch.Write)+len(ch.Delete) == 0 {
		return nil, ErrNoChange
	}
	over := overlayFS{base: base, files: fstest.MapFS{}, deleted: map[string]bool{}}
	for p, data := range ch.Write {
		name, err := contentName(p)
		if err != nil {
			return nil, err
		}
		over.files[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	for _, p := range ch.Delete {
		name, err := contentName(p)
		if err != nil {
			return nil, err
		}
		if _, ok := over.files[name]; ok {
			return nil, fmt.Errorf("%s is both written and deleted: %w", p, ErrInvalid)
		}
		over.deleted[name] = true
	}
	if _, err := measures.Load(over); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	files := make([]fileChange, 0, len(ch.Write)+len(ch.Delete))
	for _, p := range ch.Paths() {
		name, _ := contentName(p)
		data, write := ch.Write[p]
		files = append(files, fileChange{name: name, data: data, remove: !write})
	}
	if err := tx.commit(files, ch.Message); err != nil {
		return nil, err
	}
	return &Committed{Hash: tx.newHash, Message: ch.Message, Paths: ch.Paths()}, nil
}

// contentName turns content/measures/T37.md into measures/T37.md (a name in the content FS).
func contentName(p string) (string, error) {
	name, ok := strings.CutPrefix(p, measures.Dir+"/")
	if !ok || !fs.ValidPath(name) || name == "." {
		return "", fmt.Errorf("%s: %w", p, ErrOutsideContent)
	}
	return name, nil
}

// fileChange is one file of a save: name is relative to the content directory; remove
// deletes it, else data is its new content.
type fileChange struct {
	name   string
	data   []byte
	remove bool
}

// saveTx is a save in progress: the lock is held and HEAD is a branch.
type saveTx struct {
	r       *Repo
	gitDir  string
	sig     object.Signature
	head    *plumbing.Reference
	commitH *object.Commit
	unlock  func()
	newHash plumbing.Hash
}

// begin checks the repository's state, takes the lock and finishes an interrupted save.
func (r *Repo) begin(ctx context.Context, opts SaveOptions) (*saveTx, error) {
	if _, err := r.git.Worktree(); err != nil {
		return nil, fmt.Errorf("bare repository: %w", ErrBadState)
	}
	gitDir, err := r.gitDir()
	if err != nil {
		return nil, err
	}
	for _, f := range []string{"MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "rebase-merge", "rebase-apply"} {
		if _, err := os.Stat(filepath.Join(gitDir, f)); err == nil {
			return nil, fmt.Errorf("%s in progress: %w", f, ErrBadState)
		}
	}
	sig, err := identity(r.git, opts.Author)
	if err != nil {
		return nil, err
	}
	if !opts.Now.IsZero() {
		sig.When = opts.Now
	}
	unlock, err := lockRepo(ctx, gitDir)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*saveTx, error) { unlock(); return nil, err }
	if err := r.recoverSave(gitDir); err != nil {
		return fail(fmt.Errorf("finish an interrupted save: %w", err))
	}
	head, err := r.git.Head()
	if err != nil {
		return fail(fmt.Errorf("no commit yet: %w", ErrBadState))
	}
	if !head.Name().IsBranch() {
		return fail(fmt.Errorf("detached HEAD: %w", ErrBadState))
	}
	hc, err := r.git.CommitObject(head.Hash())
	if err != nil {
		return fail(err)
	}
	return &saveTx{r: r, gitDir: gitDir, sig: sig, head: head, commitH: hc, unlock: unlock}, nil
}

// commit checks that every file is clean, then writes the commit, the journal, the files,
// the branch and the index, in that order (see journal.go).
func (tx *saveTx) commit(files []fileChange, msg string) error {
	r := tx.r
	cp, err := r.contentPath()
	if err != nil {
		return err
	}
	rels := make([]string, len(files))
	for i, f := range files {
		rels[i] = path.Join(cp, f.name)
		abs := filepath.Join(r.Root, measures.Dir, filepath.FromSlash(f.name))
		if err := r.checkCleanOrAbsent(tx.commitH, rels[i], abs); err != nil {
			return err
		}
	}
	s := r.git.Storer
	tree, err := tx.commitH.Tree()
	if err != nil {
		return err
	}
	treeHash := tree.Hash
	for i, f := range files {
		blob := plumbing.ZeroHash
		if !f.remove {
			if blob, err = r.writeBlob(f.data); err != nil {
				return err
			}
		}
		t, err := object.GetTree(s, treeHash)
		if err != nil {
			return err
		}
		if treeHash, err = r.replaceInTree(t, splitPath(rels[i]), blob); err != nil {
			return err
		}
	}
	c := &object.Commit{Author: tx.sig, Committer: tx.sig, Message: msg, TreeHash: treeHash, ParentHashes: []plumbing.Hash{tx.head.Hash()}}
	obj := s.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return err
	}
	commit, err := s.SetEncodedObject(obj)
	if err != nil {
		return err
	}
	if err := syncFS(tx.gitDir); err != nil {
		return fmt.Errorf("flush the new objects to disk: %w", err)
	}
	faultHook("objects")
	j := journal{Ref: tx.head.Name().String(), Old: tx.head.Hash().String(), New: commit.String(), Paths: rels}
	if err := r.writeJournal(tx.gitDir, j); err != nil {
		return fmt.Errorf("write save journal: %w", err)
	}
	faultHook("journal")
	for i, f := range files {
		abs := filepath.Join(r.Root, measures.Dir, filepath.FromSlash(f.name))
		if f.remove {
			if err := os.Remove(abs); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("remove %s: %w", rels[i], err)
			}
		} else {
			if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
				return err
			}
			if err := maybe.WriteFile(abs, f.data, 0o644); err != nil {
				return fmt.Errorf("write %s: %w", rels[i], err)
			}
		}
		if i == 0 && len(files) > 1 {
			faultHook("first-file")
		}
	}
	faultHook("file")
	newRef := plumbing.NewHashReference(tx.head.Name(), commit)
	if err := s.CheckAndSetReference(newRef, tx.head); err != nil {
		return fmt.Errorf("update %s: %w", tx.head.Name(), err)
	}
	if err := syncFS(tx.gitDir); err != nil {
		return fmt.Errorf("flush %s to disk: %w", tx.head.Name(), err)
	}
	faultHook("ref")
	for i, f := range files {
		abs := filepath.Join(r.Root, measures.Dir, filepath.FromSlash(f.name))
		if f.remove {
			err = r.removeFromIndex(rels[i])
		} else {
			err = r.updateIndex(rels[i], abs, f.data)
		}
		if err != nil {
			return err
		}
	}
	faultHook("index")
	if err := os.Remove(filepath.Join(tx.gitDir, journalName)); err != nil {
		return err
	}
	tx.newHash = commit
	return nil
}

func (r *Repo) writeBlob(data []byte) (plumbing.Hash, error) {
	s := r.git.Storer
	blob := s.NewEncodedObject()
	blob.SetType(plumbing.BlobObject)
	w, err := blob.Writer()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if _, err := w.Write(data); err != nil {
		return plumbing.ZeroHash, err
	}
	if err := w.Close(); err != nil {
		return plumbing.ZeroHash, err
	}
	return s.SetEncodedObject(blob)
}

// checkCleanOrAbsent refuses when a file that HEAD has differs on disk or in the index,
// and when a file that HEAD lacks exists on disk or in the index.
func (r *Repo) checkCleanOrAbsent(head *object.Commit, rel, abs string) error {
	tree, err := head.Tree()
	if err != nil {
		return err
	}
	if _, err := tree.FindEntry(rel); err == nil {
		onDisk, err := os.ReadFile(abs)
		if err != nil {
			return fmt.Errorf("%s is deleted in the working tree: %w", rel, ErrDirty)
		}
		return r.checkClean(head, rel, onDisk)
	}
	if _, err := os.Lstat(abs); err == nil {
		return fmt.Errorf("%s exists but is not committed: %w", rel, ErrDirty)
	}
	idx, err := r.git.Storer.Index()
	if err != nil {
		return err
	}
	if _, err := idx.Entry(rel); err == nil {
		return fmt.Errorf("%s (staged): %w", rel, ErrDirty)
	}
	return nil
}

// removeFromIndex drops rel from the index, if it is there.
func (r *Repo) removeFromIndex(rel string) error {
	idx, err := r.git.Storer.Index()
	if err != nil {
		return err
	}
	if _, err := idx.Remove(rel); err != nil {
		return nil // not in the index
	}
	return r.git.Storer.SetIndex(idx)
}

// overlayFS is the content directory as it would be after a change: base with some
// files replaced or added (files) and some removed (deleted).
type overlayFS struct {
	base    fs.FS
	files   fstest.MapFS
	deleted map[string]bool
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if o.deleted[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if _, ok := o.files[name]; ok {
		return o.files.Open(name)
	}
	f, err := o.base.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		f, err = o.files.Open(name) // a directory that only new files are in
	}
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil || !fi.IsDir() {
		return f, err
	}
	f.Close()
	entries, err := o.ReadDir(name)
	if err != nil {
		return nil, err
	}
	return &overlayDir{fi: fi, entries: entries}, nil
}

// overlayDir is an open directory of an overlayFS, listing the overlay's entries.
type overlayDir struct {
	fi      fs.FileInfo
	entries []fs.DirEntry
}

func (d *overlayDir) Stat() (fs.FileInfo, error) { return d.fi, nil }
func (d *overlayDir) Close() error               { return nil }
func (d *overlayDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.fi.Name(), Err: fs.ErrInvalid}
}

func (d *overlayDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.entries))
	out := d.entries[:n]
	d.entries = d.entries[n:]
	return out, nil
}

// Lstat and ReadLink keep the base's symbolic links visible, so Load still refuses them.
func (o overlayFS) Lstat(name string) (fs.FileInfo, error) {
	if o.deleted[name] {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
	}
	if _, ok := o.files[name]; ok {
		return o.files.Stat(name)
	}
	var fi fs.FileInfo
	var err error
	if l, ok := o.base.(fs.ReadLinkFS); ok {
		fi, err = l.Lstat(name)
	} else {
		fi, err = fs.Stat(o.base, name)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return o.files.Stat(name) // a directory that only new files are in
	}
	return fi, err
}

func (o overlayFS) ReadLink(name string) (string, error) {
	if l, ok := o.base.(fs.ReadLinkFS); ok && !o.deleted[name] {
		if _, replaced := o.files[name]; !replaced {
			return l.ReadLink(name)
		}
	}
	return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
}

func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	seen := map[string]bool{}
	out := entries[:0:0]
	for _, e := range entries {
		p := path.Join(name, e.Name())
		if o.deleted[p] {
			continue
		}
		if _, ok := o.files[p]; ok {
			continue
		}
		seen[e.Name()] = true
		out = append(out, e)
	}
	for p := range o.files {
		rest, ok := strings.CutPrefix(p, name+"/")
		if name == "." {
			rest, ok = p, true
		}
		if !ok {
			continue
		}
		child, _, _ := strings.Cut(rest, "/") // a file here, or the directory that holds it
		if seen[child] {
			continue
		}
		seen[child] = true
		fi, err := o.files.Stat(path.Join(name, child))
		if err != nil {
			return nil, err
		}
		out = append(out, fs.FileInfoToDirEntry(fi))
	}
	if err != nil && len(out) == 0 {
		return nil, err
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
