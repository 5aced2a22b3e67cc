package tracker

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/measures"
)

// Every write to a strategy repository (Save, Revert, Apply and through them set, link,
// accept, new --commit and the TUI) is one transaction, in this order:
//
//  1. take samvirke's lock (.git/samvirke.lock), then git's own lock files, index.lock
//     and the branch's refs/heads/<name>.lock (gitlock.go), so no other samvirke and no
//     git process writes the index or the branch until the save is done;
//  2. finish or undo a save that a killed writer left behind, and repair an index or
//     branch file that an older samvirke or a crash left empty (recover.go);
//  3. read the content from the work tree and build the edit;
//  4. refuse when a file the edit touches has uncommitted changes, and validate the whole
//     content as it will be;
//  5. write the blobs, trees and commit, flush them, and write the journal that names
//     the commit (journal.go);
//  6. write the files (each atomically), the new index into index.lock and the new hash
//     into the ref's lock file;
//  7. rename the ref's lock file over the branch: the commit point;
//  8. rename index.lock over the index and remove the journal.
//
// A failure before 7 puts every file back as it was and releases the locks; a kill at
// any instant leaves locks and a journal that the next writer uses to finish or undo the
// save. So the repository and every file are as before the save or as after it.

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

// ErrBranchMoved: the branch changed while the save held git's lock on it (a program
// that ignores git's lock files). Nothing was saved and every file is as it was.
var ErrBranchMoved = errors.New("branch changed during the save")

// Apply commits a multi-file edit to the content: under the locks it re-reads the
// content from the working tree and calls build with it (and the committer's name) to get
// the change; it refuses when any file the change touches has uncommitted changes (or,
// for a new file, when an untracked file is in the way), validates the whole content as
// it would be after the change, and commits only those paths (see the order above). It
// returns the errors of Save, and ErrOutsideContent.
func (r *Repo) Apply(ctx context.Context, build func(c *measures.Content, by string) (*Edit, error), opts SaveOptions) (*Committed, error) {
	return r.transact(ctx, opts, func(tx *saveTx, c *measures.Content) (*Edit, error) {
		return build(c, tx.sig.Name)
	})
}

// transact runs one write transaction: build gets the content under the locks.
func (r *Repo) transact(ctx context.Context, opts SaveOptions, build func(tx *saveTx, c *measures.Content) (*Edit, error)) (*Committed, error) {
	tx, err := r.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer tx.release()
	c, err := measures.Load(os.DirFS(filepath.Join(r.Root, measures.Dir)))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	ch, err := build(tx, c)
	if err != nil {
		return nil, err
	}
	if len(ch.Write)+len(ch.Delete) == 0 {
		return nil, ErrNoChange
	}
	files, err := changedFiles(ch)
	if err != nil {
		return nil, err
	}
	if err := validateAfter(c, files, os.DirFS(filepath.Join(r.Root, measures.Dir))); err != nil {
		return nil, err
	}
	if err := tx.commit(files, ch.Message); err != nil {
		return nil, err
	}
	return &Committed{Hash: tx.newHash, Message: ch.Message, Paths: ch.Paths()}, nil
}

// changedFiles turns an edit into the files of a save, refusing paths outside content/.
func changedFiles(ch *Edit) ([]fileChange, error) {
	files := make([]fileChange, 0, len(ch.Write)+len(ch.Delete))
	for _, p := range ch.Paths() {
		name, err := contentName(p)
		if err != nil {
			return nil, err
		}
		data, write := ch.Write[p]
		if write && slices.Contains(ch.Delete, p) {
			return nil, fmt.Errorf("%s is both written and deleted: %w", p, ErrInvalid)
		}
		files = append(files, fileChange{name: name, data: data, remove: !write})
	}
	return files, nil
}

// validateAfter checks the content as it will be after the save. An edit of measure
// files only is checked by putting the parsed measures into c; any other file (inputs,
// strategy, owners) by loading the content directory with the edit laid over it.
func validateAfter(c *measures.Content, files []fileChange, base fs.FS) error {
	measuresOnly := true
	for _, f := range files {
		dir, file := path.Split(f.name)
		measuresOnly = measuresOnly && dir == measures.MeasuresDir+"/" && strings.HasSuffix(file, ".md")
	}
	if !measuresOnly {
		over := overlayFS{base: base, files: fstest.MapFS{}, deleted: map[string]bool{}}
		for _, f := range files {
			if f.remove {
				over.deleted[f.name] = true
			} else {
				over.files[f.name] = &fstest.MapFile{Data: f.data, Mode: 0o644}
			}
		}
		if _, err := measures.Load(over); err != nil {
			return fmt.Errorf("%w: %w", ErrInvalid, err)
		}
		return nil
	}
	for _, f := range files {
		if f.remove {
			c.Remove(strings.TrimSuffix(path.Base(f.name), ".md"))
		}
	}
	var edited []*measures.Measure
	for _, f := range files {
		if f.remove {
			continue
		}
		m, err := measures.ParseMeasure(path.Join(measures.Dir, f.name), f.data)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrInvalid, err)
		}
		edited = append(edited, m)
	}
	// With indexes once: an import of thousands of measures is not quadratic.
	if err := c.With(edited...).Validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return nil
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
// deletes it, else data is its new content (LF line endings, as measures encodes it).
type fileChange struct {
	name   string
	data   []byte
	remove bool
}

// saveTx is a save in progress: the locks are held and HEAD is a branch.
type saveTx struct {
	r       *Repo
	gitDir  string
	tmpDir  string // .git/samvirke-tmp: temporary files of atomic writes
	sig     object.Signature
	head    *plumbing.Reference
	commitH *object.Commit
	locks   *txLocks
	newHash plumbing.Hash
}

func (tx *saveTx) release() { tx.locks.release() }

// begin checks the repository's state, takes the locks and finishes an interrupted save.
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
	locks, err := r.lockForWrite(ctx, gitDir)
	if err != nil {
		return nil, err
	}
	tx := &saveTx{r: r, gitDir: gitDir, tmpDir: locks.tmpDir, sig: sig, locks: locks}
	fail := func(err error) (*saveTx, error) { locks.release(); return nil, err }
	head, err := r.git.Head()
	if err != nil {
		return fail(fmt.Errorf("no commit yet: %w", ErrBadState))
	}
	if !head.Name().IsBranch() {
		return fail(fmt.Errorf("detached HEAD: %w", ErrBadState))
	}
	if tx.commitH, err = r.git.CommitObject(head.Hash()); err != nil {
		return fail(fmt.Errorf("read %s: %w", head.Name().Short(), err))
	}
	tx.head = head
	return tx, nil
}

// written is one file of a save as the transaction handles it.
type written struct {
	fileChange
	rel, abs string
	disk     []byte        // what goes on disk: data in the old file's line endings and BOM
	blob     plumbing.Hash // zero for a removed file
	mode     filemode.FileMode
	old      []byte // the file before the save (nil: it did not exist)
}

// commit checks that every file is clean, then makes the commit (see the order above).
func (tx *saveTx) commit(changes []fileChange, msg string) error {
	files, err := tx.prepare(changes)
	if err != nil {
		return err
	}
	commit, err := tx.writeCommit(files, msg)
	if err != nil {
		return err
	}
	faultHook("objects")
	return tx.land(files, commit)
}

// land publishes a commit that is written and flushed, with its files: the journal,
// then steps 6 to 8. It is how a save ends, and how sync moves the branch.
func (tx *saveTx) land(files []written, commit plumbing.Hash) error {
	j := journal{Ref: tx.head.Name().String(), Old: tx.head.Hash().String(), New: commit.String(), Locks: true}
	for _, f := range files {
		j.Paths = append(j.Paths, f.rel)
	}
	if err := tx.r.writeJournal(tx.gitDir, tx.tmpDir, j); err != nil {
		return fmt.Errorf("write save journal: %w", err)
	}
	faultHook("journal")
	if err := tx.publish(files, commit); err != nil {
		if rerr := tx.rollback(files); rerr != nil {
			return fmt.Errorf("%w (and putting the files back failed: %v; the next save finishes it)", err, rerr)
		}
		return err
	}
	// The branch has moved: from here on the save is finished, never undone.
	tx.newHash = commit
	if err := syncFS(tx.gitDir); err != nil {
		return fmt.Errorf("flush %s to disk: %w", tx.head.Name(), err)
	}
	faultHook("ref")
	if err := tx.locks.index.commit(); err != nil {
		return fmt.Errorf("%w (the commit is made; the next save updates the index)", err)
	}
	faultHook("index")
	return removeJournal(tx.gitDir)
}

// advanceTo moves HEAD's branch from head to commit to (a descendant), bringing the files
// that differ and their index entries along, in the same steps and with the same journal
// as a save, holding the locks l: how sync fast-forwards and lands a replay. The caller
// has checked that those files have no uncommitted changes.
func (r *Repo) advanceTo(gitDir string, l *txLocks, head *plumbing.Reference, to plumbing.Hash) error {
	from, err := r.git.CommitObject(head.Hash())
	if err != nil {
		return err
	}
	target, err := r.git.CommitObject(to)
	if err != nil {
		return err
	}
	paths, err := r.diffTrees(from.TreeHash, target.TreeHash, "", "")
	if err != nil {
		return err
	}
	tree, err := target.Tree()
	if err != nil {
		return err
	}
	files := make([]written, 0, len(paths))
	for _, rel := range paths {
		f := written{rel: rel, abs: filepath.Join(r.worktreeRoot(), filepath.FromSlash(rel)), mode: filemode.Regular}
		if old, err := os.ReadFile(f.abs); err == nil {
			f.old = old
		}
		e, err := tree.FindEntry(rel)
		if err != nil {
			f.remove = true
		} else if f.disk, err = blobContents(target, rel); err != nil {
			return err
		} else {
			f.blob, f.mode = e.Hash, e.Mode
		}
		files = append(files, f)
	}
	tx := &saveTx{r: r, gitDir: gitDir, tmpDir: l.tmpDir, head: head, commitH: from, locks: l}
	return tx.land(files, to)
}

// prepare reads the files as they are, refuses dirty ones and works out what to write.
func (tx *saveTx) prepare(changes []fileChange) ([]written, error) {
	r := tx.r
	cp, err := r.contentPath()
	if err != nil {
		return nil, err
	}
	idx, err := readGitIndex(tx.gitDir)
	if err != nil {
		return nil, err
	}
	files := make([]written, len(changes))
	for i, ch := range changes {
		f := written{fileChange: ch, rel: path.Join(cp, ch.name), abs: filepath.Join(r.Root, measures.Dir, filepath.FromSlash(ch.name)), mode: filemode.Regular}
		if f.old, err = r.checkCleanOrAbsent(tx.commitH, idx, f.rel, f.abs); err != nil {
			return nil, err
		}
		if !f.remove {
			f.disk = restyle(f.data, f.old)
			if f.blob, err = r.writeBlob(r.cleanForGit(f.rel, f.disk)); err != nil {
				return nil, err
			}
		}
		files[i] = f
	}
	return files, nil
}

// writeCommit writes the trees and the commit and flushes them to disk.
func (tx *saveTx) writeCommit(files []written, msg string) (plumbing.Hash, error) {
	r, s := tx.r, tx.r.git.Storer
	tree, err := tx.commitH.Tree()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	treeHash := tree.Hash
	for _, f := range files {
		t, err := object.GetTree(s, treeHash)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if treeHash, err = r.replaceInTree(t, splitPath(f.rel), f.blob); err != nil {
			return plumbing.ZeroHash, err
		}
	}
	c := &object.Commit{Author: tx.sig, Committer: tx.sig, Message: msg, TreeHash: treeHash, ParentHashes: []plumbing.Hash{tx.head.Hash()}}
	obj := s.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	commit, err := s.SetEncodedObject(obj)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if err := syncFS(tx.gitDir); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("flush the new objects to disk: %w", err)
	}
	return commit, nil
}

// publish writes the files and the new index and moves the branch: steps 6 and 7. On
// an error the branch has not moved.
func (tx *saveTx) publish(files []written, commit plumbing.Hash) error {
	for i, f := range files {
		if err := tx.writeWorkFile(f); err != nil {
			return err
		}
		if i == 0 && len(files) > 1 {
			faultHook("first-file")
		}
	}
	faultHook("file")
	if err := failHook("file"); err != nil {
		return err
	}
	idx, err := readGitIndex(tx.gitDir)
	if err != nil {
		return err
	}
	for _, f := range files {
		if f.remove {
			removeIndexEntry(idx, f.rel)
		} else {
			setIndexEntry(idx, f.rel, f.abs, f.blob, f.mode)
		}
	}
	data, err := encodeIndex(idx)
	if err != nil {
		return err
	}
	if err := tx.locks.index.write(data); err != nil {
		return err
	}
	if err := tx.locks.ref.write([]byte(commit.String() + "\n")); err != nil {
		return err
	}
	now, err := readBranch(tx.gitDir, tx.head.Name())
	if err != nil {
		return err
	}
	if now.hash != tx.head.Hash() {
		return fmt.Errorf("%s: %w", tx.head.Name().Short(), ErrBranchMoved)
	}
	return tx.locks.ref.commit()
}

// writeWorkFile puts one file of the save in the work tree.
func (tx *saveTx) writeWorkFile(f written) error {
	if f.remove {
		if err := os.Remove(f.abs); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", f.rel, err)
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(f.abs), 0o755); err != nil {
		return err
	}
	switch f.mode {
	case filemode.Symlink: // only sync brings one, outside content/
		os.Remove(f.abs)
		return os.Symlink(string(f.disk), f.abs)
	case filemode.Executable:
		if err := writeFileAtomic(tx.tmpDir, f.abs, f.disk); err != nil {
			return err
		}
		return os.Chmod(f.abs, 0o755)
	}
	return writeFileAtomic(tx.tmpDir, f.abs, f.disk)
}

// rollback puts every file back as it was before the save and drops the journal. The
// branch has not moved (a failure after it moved is finished, not undone).
func (tx *saveTx) rollback(files []written) error {
	var errs []error
	for _, f := range files {
		var err error
		if f.old == nil {
			err = os.Remove(f.abs)
			if errors.Is(err, fs.ErrNotExist) {
				err = nil
			}
		} else {
			err = writeFileAtomic(tx.tmpDir, f.abs, f.old)
		}
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return removeJournal(tx.gitDir)
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
