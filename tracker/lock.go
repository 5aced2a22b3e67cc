package tracker

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/gofrs/flock"
)

// LockTimeout is how long a save waits for another writer's lock (samvirke's or git's).
var LockTimeout = 10 * time.Second

// txLocks are the locks a write holds: samvirke's own (.git/samvirke.lock, which the
// operating system releases when the process dies), then git's index.lock and the
// branch's lock file (gitlock.go).
type txLocks struct {
	unlock func()
	tmpDir string   // .git/samvirke-tmp, emptied when the locks are taken
	index  *gitLock // .git/index.lock
	ref    *gitLock // refs/heads/<branch>.lock; nil when HEAD is not on a branch
}

// release gives up the git lock files that were not committed, then samvirke's lock.
func (l *txLocks) release() {
	l.ref.release()
	l.index.release()
	l.unlock()
}

// lockForWrite takes every lock a write needs and then finishes or undoes a save that a
// killed writer left (journal.go) and repairs a damaged index or branch file (repair.go).
func (r *Repo) lockForWrite(ctx context.Context, gitDir string) (*txLocks, error) {
	unlock, err := lockRepo(ctx, gitDir)
	if err != nil {
		return nil, err
	}
	l := &txLocks{unlock: unlock, tmpDir: filepath.Join(gitDir, "samvirke-tmp")}
	fail := func(err error) (*txLocks, error) { l.release(); return nil, err }
	// Only a writer under samvirke's lock uses the directory: what is there is left over.
	if err := os.RemoveAll(l.tmpDir); err != nil {
		return fail(fmt.Errorf("clean %s: %w", l.tmpDir, err))
	}
	if err := os.MkdirAll(l.tmpDir, 0o755); err != nil {
		return fail(fmt.Errorf("create %s: %w", l.tmpDir, err))
	}
	j, err := readJournal(gitDir)
	if err != nil {
		return fail(err)
	}
	adopt := j != nil && j.Locks
	if l.index, err = acquireGitLock(ctx, l.tmpDir, filepath.Join(gitDir, "index"), adopt); err != nil {
		return fail(err)
	}
	branch := r.headBranch()
	if j != nil && plumbing.ReferenceName(j.Ref) != branch {
		// HEAD was switched after the writer died: finish its save on its own branch.
		ref, err := acquireGitLock(ctx, l.tmpDir, refFile(gitDir, plumbing.ReferenceName(j.Ref)), adopt)
		if err != nil {
			return fail(err)
		}
		err = r.recoverSave(ctx, gitDir, l, ref, j)
		ref.release()
		if err != nil {
			return fail(err)
		}
		j = nil
	}
	if branch != "" {
		if l.ref, err = acquireGitLock(ctx, l.tmpDir, refFile(gitDir, branch), adopt); err != nil {
			return fail(err)
		}
	}
	if j != nil {
		if err := r.recoverSave(ctx, gitDir, l, l.ref, j); err != nil {
			return fail(fmt.Errorf("finish an interrupted save: %w", err))
		}
	}
	if err := r.repair(ctx, gitDir, l, branch); err != nil {
		return fail(err)
	}
	return l, nil
}

// headBranch is the branch HEAD names (refs/heads/main), or "" for a detached HEAD.
func (r *Repo) headBranch() plumbing.ReferenceName {
	h, err := r.git.Storer.Reference(plumbing.HEAD)
	if err != nil || h.Type() != plumbing.SymbolicReference || !h.Target().IsBranch() {
		return ""
	}
	return h.Target()
}

// lockRepo takes samvirke's lock, .git/samvirke.lock, waiting up to LockTimeout. The
// operating system releases it if the process dies.
func lockRepo(ctx context.Context, gitDir string) (func(), error) {
	lock := flock.New(filepath.Join(gitDir, "samvirke.lock"))
	lctx, cancel := context.WithTimeout(ctx, LockTimeout)
	defer cancel()
	ok, err := lock.TryLockContext(lctx, 50*time.Millisecond)
	switch {
	case ok:
		return func() { lock.Unlock() }, nil
	case ctx.Err() != nil: // cancelled (Ctrl-C) while waiting: not someone else's lock
		return nil, ctx.Err()
	case err != nil && lctx.Err() == nil:
		return nil, fmt.Errorf("%w: %w", ErrLocked, err)
	}
	return nil, ErrLocked
}

// Recover finishes a save that a killed writer left unfinished (see journal.go) and
// repairs a damaged index or branch file. Every save does this itself; read-only callers
// may call it to see a consistent working tree.
func (r *Repo) Recover(ctx context.Context) error {
	gitDir, err := r.gitDir()
	if err != nil {
		return err
	}
	l, err := r.lockForWrite(ctx, gitDir)
	if err != nil {
		return err
	}
	l.release()
	return nil
}

// Interrupted reports whether a write was cut short here and not yet finished: a save's
// journal, or a lock file that samvirke created, is left in .git. It only looks at the
// files, so read-only callers (the TUI when it opens) can call it cheaply and then Recover.
func (r *Repo) Interrupted() bool {
	gitDir, err := r.gitDir()
	if err != nil {
		return false
	}
	if _, err := os.Stat(filepath.Join(gitDir, journalName)); err == nil {
		return true
	}
	locks := []string{filepath.Join(gitDir, "index.lock")}
	if b := r.headBranch(); b != "" {
		locks = append(locks, refFile(gitDir, b)+".lock")
	}
	for _, p := range locks {
		if owner, err := lockFileOwner(p); err == nil && owner == ownerSamvirke {
			if _, err := os.Stat(p); err == nil {
				return true
			}
		}
	}
	return false
}
