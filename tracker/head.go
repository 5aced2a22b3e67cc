package tracker

import (
	"path"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/samvirke/samvirke/measures"
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

// LastChanged returns, for every measure id whose file a commit on HEAD changed, the
// time of the newest such commit. It reads the change index (see History).
func (r *Repo) LastChanged() (map[string]time.Time, error) {
	idx, err := r.changes()
	if err != nil {
		return nil, err
	}
	cp, err := r.contentPath()
	if err != nil {
		return nil, err
	}
	dir := path.Join(cp, measures.MeasuresDir) + "/"
	out := map[string]time.Time{}
	for _, e := range idx.entries {
		for _, p := range e.Paths {
			if !strings.HasPrefix(p, dir) || !strings.HasSuffix(p, ".md") {
				continue
			}
			id := strings.TrimSuffix(p[len(dir):], ".md")
			if _, seen := out[id]; !seen {
				out[id] = time.Unix(e.When, 0)
			}
		}
	}
	return out, nil
}
