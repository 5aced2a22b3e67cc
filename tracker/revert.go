package tracker

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/measures"
)

// ErrChanged: the file a revert would restore has changed since the commit being reverted.
var ErrChanged = errors.New("file changed since the commit")

// ErrNotRevertible: the commit is not a single-measure change that Revert can undo (a
// merge, the first commit, a commit that created, deleted or touched several files).
var ErrNotRevertible = errors.New("commit cannot be reverted")

// Revert undoes a commit that changed one measure file (as Save makes them) with a new
// commit that restores the file to the commit's parent's version; history is never
// rewritten. It takes the same path as Save: under the repository's lock, with the
// journal, refusing a dirty file, validating the whole content, writing the file
// atomically and committing only it (the transaction Save and Apply share). The message is «Angre «<subject>»». It refuses with
// ErrChanged when the file at HEAD is no longer what the commit made it, and returns
// ErrNotRevertible, ErrUnknownRef, ErrDirty, ErrInvalid, ErrLocked, ErrBadState or
// ErrNoIdentity.
func (r *Repo) Revert(ctx context.Context, commit string, opts SaveOptions) (*Saved, error) {
	target, err := r.Resolve(commit)
	if err != nil {
		return nil, err
	}
	if target.NumParents() != 1 {
		return nil, fmt.Errorf("%s has %d parents: %w", short(target.Hash), target.NumParents(), ErrNotRevertible)
	}
	parent, err := target.Parent(0)
	if err != nil {
		return nil, err
	}
	rel, err := r.singleMeasureFile(parent, target)
	if err != nil {
		return nil, err
	}
	wantNow, err := blobAt(target, rel)
	if err != nil {
		return nil, err
	}
	restored, err := blobContents(parent, rel)
	if err != nil {
		return nil, err
	}

	cp, err := r.contentPath()
	if err != nil {
		return nil, err
	}
	name := strings.TrimPrefix(rel, cp+"/")
	m, err := measures.ParseMeasure(path.Join(measures.Dir, name), restored)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	subject, _, _ := strings.Cut(strings.TrimSpace(target.Message), "\n")
	msg := fmt.Sprintf("Angre «%s»\n\nDette angrer commit %s.\n", subject, target.Hash)
	done, err := r.transact(ctx, opts, func(tx *saveTx, _ *measures.Content) (*Edit, error) {
		if now, err := blobAt(tx.commitH, rel); err != nil || now != wantNow {
			return nil, fmt.Errorf("%s since %s: %w", rel, short(target.Hash), ErrChanged)
		}
		return &Edit{Message: msg, Write: map[string][]byte{path.Join(measures.Dir, name): restored}}, nil
	})
	if err != nil {
		return nil, err
	}
	return &Saved{Hash: done.Hash, Message: firstLine(msg), Measure: m}, nil
}

// singleMeasureFile returns the one measure file that differs between parent and c, or
// ErrNotRevertible.
func (r *Repo) singleMeasureFile(parent, c *object.Commit) (string, error) {
	changes, err := object.DiffTree(mustTree(parent), mustTree(c))
	if err != nil {
		return "", err
	}
	cp, err := r.contentPath()
	if err != nil {
		return "", err
	}
	dir := path.Join(cp, measures.MeasuresDir) + "/"
	if len(changes) != 1 {
		return "", fmt.Errorf("%s changes %d files: %w", short(c.Hash), len(changes), ErrNotRevertible)
	}
	ch := changes[0]
	if ch.From.Name != ch.To.Name || !strings.HasPrefix(ch.To.Name, dir) {
		return "", fmt.Errorf("%s does not change one existing measure: %w", short(c.Hash), ErrNotRevertible)
	}
	return ch.To.Name, nil
}

func mustTree(c *object.Commit) *object.Tree {
	t, err := c.Tree()
	if err != nil {
		return &object.Tree{}
	}
	return t
}

func blobAt(c *object.Commit, rel string) (plumbing.Hash, error) {
	t, err := c.Tree()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	e, err := t.FindEntry(rel)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("%s at %s: %w", rel, short(c.Hash), ErrNotRevertible)
	}
	return e.Hash, nil
}

func blobContents(c *object.Commit, rel string) ([]byte, error) {
	t, err := c.Tree()
	if err != nil {
		return nil, err
	}
	f, err := t.File(rel)
	if err != nil {
		return nil, fmt.Errorf("%s at %s: %w", rel, short(c.Hash), ErrNotRevertible)
	}
	s, err := f.Contents()
	return []byte(s), err
}

func short(h plumbing.Hash) string { return h.String()[:7] }
