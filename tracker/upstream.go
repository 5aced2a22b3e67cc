package tracker

import (
	"errors"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Upstream says where the current branch stands against its counterpart on a remote, as
// of the last fetch: nothing is fetched, so it costs no network and never waits.
type Upstream struct {
	Branch string // the branch HEAD is on; "" when detached
	Remote string // the remote, "" when the repository has none
	// Ref is the remote-tracking branch compared with (origin/main); "" when the remote
	// has no such branch yet, so every local commit is only on this machine.
	Ref           string
	Ahead, Behind int // commits only on the branch, only on Ref
}

// Upstream compares the current branch with its upstream: the remote and branch the git
// config names for it (branch.<name>.remote and .merge), else the branch of the same
// name on origin, the remote «samvirke sync» uses by default. It only reads refs and
// commits.
func (r *Repo) Upstream() (Upstream, error) {
	var u Upstream
	head, err := r.git.Head()
	if err != nil || !head.Name().IsBranch() {
		return u, nil
	}
	u.Branch = head.Name().Short()
	remote, merge := "origin", head.Name()
	if cfg, err := r.git.Config(); err == nil {
		if b := cfg.Branches[u.Branch]; b != nil && b.Remote != "" && b.Merge.IsBranch() {
			remote, merge = b.Remote, b.Merge
		}
		if _, ok := cfg.Remotes[remote]; !ok {
			return u, nil
		}
	}
	u.Remote = remote
	ref, err := r.git.Reference(plumbing.NewRemoteReferenceName(remote, merge.Short()), true)
	if err != nil {
		u.Ahead, err = r.countNotIn(head.Hash(), nil)
		return u, err
	}
	u.Ref = remote + "/" + merge.Short()
	if ref.Hash() == head.Hash() {
		return u, nil
	}
	// The common cases, only ahead (after saves) or only behind (after a fetch), are
	// counted by walking from one tip down to the other; only when that walk gets past
	// it (the two have diverged) are both histories read in full.
	if n, ok, err := r.countDownTo(head.Hash(), ref.Hash()); err != nil || ok {
		u.Ahead = n
		return u, err
	}
	if n, ok, err := r.countDownTo(ref.Hash(), head.Hash()); err != nil || ok {
		u.Behind = n
		return u, err
	}
	ours, err := r.ancestors(head.Hash())
	if err != nil {
		return u, err
	}
	theirs, err := r.ancestors(ref.Hash())
	if err != nil {
		return u, err
	}
	for h := range ours {
		if !theirs[h] {
			u.Ahead++
		}
	}
	for h := range theirs {
		if !ours[h] {
			u.Behind++
		}
	}
	return u, nil
}

// countDownTo counts the commits reachable from tip without passing through stop. ok
// is true when every path from tip leads to stop, so that these are exactly the commits
// reachable from tip and not from stop; false when a walk reached a root commit instead.
func (r *Repo) countDownTo(tip, stop plumbing.Hash) (n int, ok bool, err error) {
	c, err := r.git.CommitObject(tip)
	if err != nil {
		return 0, false, err
	}
	reachedRoot := errors.New("reached a root commit")
	err = object.NewCommitPreorderIter(c, map[plumbing.Hash]bool{stop: true}, nil).ForEach(func(c *object.Commit) error {
		if c.NumParents() == 0 {
			return reachedRoot
		}
		n++
		return nil
	})
	if errors.Is(err, reachedRoot) {
		return 0, false, nil
	}
	return n, err == nil, err
}

// ancestors is the set of commits reachable from h, h included.
func (r *Repo) ancestors(h plumbing.Hash) (map[plumbing.Hash]bool, error) {
	c, err := r.git.CommitObject(h)
	if err != nil {
		return nil, err
	}
	seen := map[plumbing.Hash]bool{}
	err = object.NewCommitPreorderIter(c, nil, nil).ForEach(func(c *object.Commit) error {
		seen[c.Hash] = true
		return nil
	})
	return seen, err
}

// countNotIn counts the commits reachable from h that are not in skip.
func (r *Repo) countNotIn(h plumbing.Hash, skip map[plumbing.Hash]bool) (int, error) {
	all, err := r.ancestors(h)
	if err != nil {
		return 0, err
	}
	n := 0
	for c := range all {
		if !skip[c] {
			n++
		}
	}
	return n, nil
}
