package tracker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Git guards each file it rewrites with a lock file beside it: to change .git/index it
// creates .git/index.lock exclusively, writes the new index into it and renames it over
// the index; a branch is changed the same way through refs/heads/<name>.lock. A git
// process that finds the lock file already there gives up ("Unable to create
// '.git/index.lock': File exists"). A save takes the same lock files, so samvirke and the
// git CLI exclude each other instead of overwriting each other's index or branch.
//
// A lock file samvirke takes holds lockMarker until its new content is written, so a
// later samvirke can tell a lock that a killed samvirke left behind from one a running
// git holds. The marker is written to a temporary file first and hard-linked into place:
// the lock file appears with its marker in one step, never empty.

// lockMarker starts every lock file samvirke creates.
const lockMarker = "samvirke-lock\n"

// lockPoll is how often a save looks again at a lock file that git holds.
const lockPoll = 20 * time.Millisecond

// ErrGitLocked: a git process (not samvirke) holds a lock file a save needs, for longer
// than LockTimeout. The error is a *LockError that names the file.
var ErrGitLocked = errors.New("a git process holds the lock")

// LockError names the lock file that another process holds.
type LockError struct {
	Path string // e.g. /home/kari/strategi/.git/index.lock
}

func (e *LockError) Error() string        { return e.Path + ": " + ErrGitLocked.Error() }
func (e *LockError) Is(target error) bool { return target == ErrGitLocked }

// gitLock is a held lock file: path is target + ".lock".
type gitLock struct {
	target string
	path   string
	done   bool // committed or released: the lock file is no longer ours
}

// lockOwner says whose an existing lock file is.
type lockOwner int

const (
	ownerGit      lockOwner = iota // git's (or anyone's but samvirke's): wait for it
	ownerSamvirke                  // left by a samvirke that died: take it over
)

// acquireGitLock takes target's lock file, waiting while a git process holds it, up to
// LockTimeout. It must be called with samvirke's own lock held, so any lock file that
// carries the marker was left by a samvirke process that is gone, and is taken over.
// adopt says a lock file without the marker is also ours: an unfinished save's journal
// says it held the lock and may have written its new content into it.
func acquireGitLock(ctx context.Context, tmpDir, target string, adopt bool) (*gitLock, error) {
	l := &gitLock{target: target, path: target + ".lock"}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", filepath.Dir(target), err)
	}
	deadline := time.Now().Add(LockTimeout)
	for {
		err := createLockFile(tmpDir, l.path)
		if err == nil {
			return l, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if owner, err := lockFileOwner(l.path); err != nil {
			return nil, err
		} else if owner == ownerSamvirke || adopt {
			return l, nil
		}
		if time.Now().After(deadline) {
			return nil, &LockError{Path: l.path}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(lockPoll):
		}
	}
}

// createLockFile makes path, holding the marker, unless it exists (fs.ErrExist).
func createLockFile(tmpDir, path string) error {
	tmp, err := os.CreateTemp(tmpDir, "lock-*")
	if err != nil {
		return fmt.Errorf("create a lock file in %s: %w", tmpDir, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(lockMarker + "pid " + strconv.Itoa(os.Getpid()) + "\n")
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write a lock file: %w", err)
	}
	err = os.Link(tmp.Name(), path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	// A file system without hard links: create it exclusively (it is empty for an instant).
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(lockMarker)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// lockFileOwner reads an existing lock file's first bytes. A lock file that vanished in
// between counts as git's: the next attempt takes it.
func lockFileOwner(path string) (lockOwner, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return ownerGit, nil
	}
	if err != nil {
		return ownerGit, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	buf := make([]byte, len(lockMarker))
	n, _ := f.Read(buf)
	if bytes.Equal(buf[:n], []byte(lockMarker)) {
		return ownerSamvirke, nil
	}
	return ownerGit, nil
}

// write puts data into the lock file and flushes it to disk; commit then makes it the
// target's content.
func (l *gitLock) write(data []byte) error {
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", l.path, err)
	}
	_, err = f.Write(data)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", l.path, err)
	}
	return nil
}

// commit renames the lock file over its target, as git does: the target changes in one
// step and the lock is released.
func (l *gitLock) commit() error {
	if err := renameReplacing(l.path, l.target); err != nil {
		return fmt.Errorf("replace %s: %w", l.target, err)
	}
	l.done = true
	return nil
}

// release removes the lock file without changing the target.
func (l *gitLock) release() {
	if l != nil && !l.done {
		os.Remove(l.path)
		l.done = true
	}
}
