package tracker

import (
	"github.com/go-git/go-git/v5/plumbing"
)

// Head returns the hash of the commit HEAD points at, or "" when there is none yet. It
// is cheap, for callers that poll for changes made by other processes.
func (r *Repo) Head() string {
	h, err := r.git.Head()
	if err != nil {
		return ""
	}
	return h.Hash().String()
}

// Branch returns the short name of the branch HEAD is on (main), or "" when HEAD is
// detached or there is none: where the next save would go.
func (r *Repo) Branch() string {
	h, err := r.git.Storer.Reference(plumbing.HEAD)
	if err != nil || h.Type() != plumbing.SymbolicReference || !h.Target().IsBranch() {
		return ""
	}
	return h.Target().Short()
}
