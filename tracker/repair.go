package tracker

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// Older versions of samvirke wrote the index and the branch in place through go-git, and a
// writer killed in the middle left .git/index or refs/heads/<branch> empty: git then
// refuses to work and so did every later save. A save repairs both before it starts.

const indexRebuiltMsg = "Git-indeksen (.git/index) var skadet, trolig etter en avbrutt lagring, og er bygget opp igjen fra siste commit. Endringer som var lagt til med «git add», må legges til på nytt; filene selv er ikke endret."

// report passes a Norwegian message about a repair to whoever opened the repository.
func (r *Repo) report(msg string) {
	if r.OnRepair != nil {
		r.OnRepair(msg)
	}
}

// repair mends an empty or damaged branch file and index, holding the locks l.
func (r *Repo) repair(ctx context.Context, gitDir string, l *txLocks, branch plumbing.ReferenceName) error {
	var head plumbing.Hash
	if branch != "" {
		st, err := readBranch(gitDir, branch)
		if err != nil {
			return err
		}
		head = st.hash
		if st.broken {
			if head, err = r.repairBranch(ctx, gitDir, l, branch); err != nil {
				return err
			}
		}
	}
	if _, err := readGitIndex(gitDir); !errors.Is(err, errIndexCorrupt) {
		return err
	}
	if head.IsZero() {
		return fmt.Errorf("%w and there is no commit to rebuild it from: %w", errIndexCorrupt, ErrBadState)
	}
	c, err := r.git.CommitObject(head)
	if err != nil {
		return fmt.Errorf("read %s: %w", short(head), err)
	}
	idx, err := indexFromTree(c)
	if err != nil {
		return err
	}
	if err := r.commitIndex(ctx, gitDir, l, idx); err != nil {
		return err
	}
	r.report(indexRebuiltMsg)
	return nil
}

// repairBranch sets a branch whose file is empty to its last known value: the one in
// packed-refs, else the newest in its reflog.
func (r *Repo) repairBranch(ctx context.Context, gitDir string, l *txLocks, branch plumbing.ReferenceName) (plumbing.Hash, error) {
	h, err := packedRef(gitDir, branch)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	from := "packed-refs"
	if h.IsZero() {
		h, from = lastReflogHash(gitDir, branch), "reflog"
	}
	if _, err := r.git.CommitObject(h); h.IsZero() || err != nil {
		return plumbing.ZeroHash, fmt.Errorf("%s is empty and no earlier value is known: %w", refFile(gitDir, branch), ErrBadState)
	}
	if err := l.ref.write([]byte(h.String() + "\n")); err != nil {
		return plumbing.ZeroHash, err
	}
	if err := l.ref.commit(); err != nil {
		return plumbing.ZeroHash, err
	}
	relocked, err := acquireGitLock(ctx, l.tmpDir, l.ref.target, false)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	l.ref = relocked
	r.report(fmt.Sprintf("Grenen %s var tom, trolig etter en avbrutt lagring, og er satt tilbake til %s (fra %s).", branch.Short(), short(h), from))
	return h, nil
}

// commitIndex replaces the index with idx through index.lock and takes the lock again
// for the save that follows.
func (r *Repo) commitIndex(ctx context.Context, gitDir string, l *txLocks, idx *index.Index) error {
	data, err := encodeIndex(idx)
	if err != nil {
		return err
	}
	if err := l.index.write(data); err != nil {
		return err
	}
	if err := l.index.commit(); err != nil {
		return err
	}
	relocked, err := acquireGitLock(ctx, l.tmpDir, l.index.target, false)
	if err != nil {
		return err
	}
	l.index = relocked
	return nil
}
