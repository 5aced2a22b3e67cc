package tracker

import (
	"container/heap"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Upstream says where the current branch stands against its counterpart on a remote, as
// of the last fetch: nothing is fetched, so it costs no network and never waits.
type Upstream struct {
	Branch string // the branch HEAD is on; "" when detached
	Remote string // the remote, "" when the repository has none
	// Ref is the remote-tracking branch compared with (origin/main); "" when the remote
	// has no such branch yet, so every local commit is only on this machine (and Ahead
	// is not counted).
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
		return u, nil // not on the remote yet
	}
	u.Ref = remote + "/" + merge.Short()
	u.Ahead, u.Behind, err = r.aheadBehind(head.Hash(), ref.Hash())
	return u, err
}

// Sides of a commit in aheadBehind: reachable from ours, from theirs, or both.
const (
	sideOurs   = 1
	sideTheirs = 2
	sideBoth   = sideOurs | sideTheirs
)

// aheadBehind counts the commits reachable only from ours and only from theirs, the way
// git does (rev-list --left-right --count): it walks down from both tips at once, newest
// commit first, marking each with the sides that reach it, and stops as soon as every
// commit still to visit is reached from both, so it reads only the commits since the two
// histories met, not the whole history.
func (r *Repo) aheadBehind(ours, theirs plumbing.Hash) (ahead, behind int, err error) {
	if ours == theirs {
		return 0, 0, nil
	}
	side := map[plumbing.Hash]int{ours: sideOurs, theirs: sideTheirs}
	q := &commitQueue{}
	for _, h := range []plumbing.Hash{ours, theirs} {
		c, err := r.git.CommitObject(h)
		if err != nil {
			return 0, 0, err
		}
		heap.Push(q, c)
	}
	for q.Len() > 0 && !q.allBoth(side) {
		c := heap.Pop(q).(*object.Commit)
		s := side[c.Hash]
		switch s {
		case sideOurs:
			ahead++
		case sideTheirs:
			behind++
		}
		for _, p := range c.ParentHashes {
			old, seen := side[p]
			if old|s == old && seen {
				continue
			}
			side[p] = old | s
			if !seen {
				pc, err := r.git.CommitObject(p)
				if err != nil {
					return 0, 0, err
				}
				heap.Push(q, pc)
			}
		}
	}
	return ahead, behind, nil
}

// commitQueue is a heap of commits, the newest (by committer time) first.
type commitQueue []*object.Commit

func (q commitQueue) Len() int { return len(q) }
func (q commitQueue) Less(i, j int) bool {
	return q[i].Committer.When.After(q[j].Committer.When)
}
func (q commitQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *commitQueue) Push(x any)   { *q = append(*q, x.(*object.Commit)) }
func (q *commitQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

// allBoth reports whether every queued commit is reached from both sides.
func (q commitQueue) allBoth(side map[plumbing.Hash]int) bool {
	for _, c := range q {
		if side[c.Hash] != sideBoth {
			return false
		}
	}
	return true
}

// HasRemote reports whether the repository has a remote called name.
func (r *Repo) HasRemote(name string) bool {
	_, err := r.git.Remote(name)
	return err == nil
}
