package tracker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/http"
)

// ErrConflict: the local and the remote commits changed the same files; sync stops and
// leaves everything as it was.
var ErrConflict = errors.New("local and remote changed the same files")

// SyncResult says what Sync did.
type SyncResult struct {
	Action string   // up-to-date, fast-forward, pushed, rebased
	Pulled int      // remote commits taken in
	Pushed int      // local commits sent
	Files  []string // on ErrConflict: the files both sides changed
}

// Sync brings the current branch and its counterpart on remote together: fetch; fast-
// forward when behind; push when ahead; when both have new commits, replay the local
// commits on top of the remote's if they touch other files, then push. It never
// force-pushes and never drops a local commit: before replaying, the old head is kept as
// refs/samvirke/pre-sync. Conflicting changes return ErrConflict with the files.
func (r *Repo) Sync(ctx context.Context, remote string) (*SyncResult, error) {
	gitDir, err := r.gitDir()
	if err != nil {
		return nil, err
	}
	locks, err := r.lockForWrite(ctx, gitDir)
	if err != nil {
		return nil, err
	}
	defer locks.release()
	head, err := r.git.Head()
	if err != nil || !head.Name().IsBranch() {
		return nil, fmt.Errorf("detached HEAD or no commit: %w", ErrBadState)
	}
	branch := head.Name().Short()
	rem, err := r.git.Remote(remote)
	if err != nil {
		return nil, fmt.Errorf("remote %q: %w", remote, err)
	}
	auth, err := authFor(rem.Config().URLs[0])
	if err != nil {
		return nil, err
	}
	err = r.git.FetchContext(ctx, &git.FetchOptions{RemoteName: remote, Auth: auth})
	if err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate) && !errors.Is(err, transport.ErrEmptyRemoteRepository) {
		return nil, fmt.Errorf("fetch %s: %w", remote, err)
	}
	push := func(n int, action string) (*SyncResult, error) {
		spec := config.RefSpec(fmt.Sprintf("refs/heads/%s:refs/heads/%s", branch, branch))
		err := r.git.PushContext(ctx, &git.PushOptions{RemoteName: remote, RefSpecs: []config.RefSpec{spec}, Auth: auth})
		if err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate) {
			return nil, fmt.Errorf("push to %s: %w", remote, err)
		}
		return &SyncResult{Action: action, Pushed: n}, nil
	}
	remoteRef, err := r.git.Reference(plumbing.NewRemoteReferenceName(remote, branch), true)
	if err != nil {
		return push(-1, "pushed") // the remote has no such branch yet
	}
	local, err := r.git.CommitObject(head.Hash())
	if err != nil {
		return nil, err
	}
	theirs, err := r.git.CommitObject(remoteRef.Hash())
	if err != nil {
		return nil, err
	}
	if local.Hash == theirs.Hash {
		return &SyncResult{Action: "up-to-date"}, nil
	}
	bases, err := local.MergeBase(theirs)
	if err != nil || len(bases) == 0 {
		return nil, fmt.Errorf("no common history with %s: %w", remote, ErrConflict)
	}
	base := bases[0]
	ours, err := firstParentSince(local, base.Hash)
	if err != nil {
		return nil, err
	}
	remoteFiles, err := r.diffTrees(base.TreeHash, theirs.TreeHash, "", "")
	if err != nil {
		return nil, err
	}
	if err := r.checkWorktreeClean(local, remoteFiles); err != nil {
		return nil, err
	}
	switch {
	case base.Hash == theirs.Hash: // ahead
		return push(len(ours), "pushed")
	case base.Hash == local.Hash: // behind
		n, _ := firstParentSince(theirs, base.Hash)
		if err := r.moveTo(gitDir, locks, head, theirs.Hash); err != nil {
			return nil, err
		}
		return &SyncResult{Action: "fast-forward", Pulled: len(n)}, nil
	}
	// Diverged: replay ours on theirs when the files do not overlap.
	var overlap []string
	for _, c := range ours {
		if c.NumParents() > 1 {
			return nil, fmt.Errorf("local merge commit %s: %w", c.Hash.String()[:7], ErrConflict)
		}
		parent, err := c.Parent(0)
		if err != nil {
			return nil, err
		}
		files, err := r.diffTrees(parent.TreeHash, c.TreeHash, "", "")
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if slices.Contains(remoteFiles, f) && !slices.Contains(overlap, f) {
				overlap = append(overlap, f)
			}
		}
	}
	if len(overlap) > 0 {
		return &SyncResult{Files: overlap}, fmt.Errorf("%s: %w", strings.Join(overlap, ", "), ErrConflict)
	}
	if err := r.git.Storer.SetReference(plumbing.NewHashReference("refs/samvirke/pre-sync", local.Hash)); err != nil {
		return nil, err
	}
	tip := theirs
	for _, c := range ours {
		if tip, err = r.replay(c, tip); err != nil {
			return nil, err
		}
	}
	if err := r.moveTo(gitDir, locks, head, tip.Hash); err != nil {
		return nil, err
	}
	res, err := push(len(ours), "rebased")
	if res != nil {
		pulled, _ := firstParentSince(theirs, base.Hash)
		res.Pulled = len(pulled)
	}
	return res, err
}

// firstParentSince lists the commits from c back to (not including) base, oldest first.
func firstParentSince(c *object.Commit, base plumbing.Hash) ([]*object.Commit, error) {
	var out []*object.Commit
	for c.Hash != base {
		out = append([]*object.Commit{c}, out...)
		if c.NumParents() == 0 {
			break
		}
		p, err := c.Parent(0)
		if err != nil {
			return nil, err
		}
		c = p
	}
	return out, nil
}

// replay applies the files c changed against its parent onto onto, keeping c's author
// and message.
func (r *Repo) replay(c, onto *object.Commit) (*object.Commit, error) {
	parent, err := c.Parent(0)
	if err != nil {
		return nil, err
	}
	files, err := r.diffTrees(parent.TreeHash, c.TreeHash, "", "")
	if err != nil {
		return nil, err
	}
	ctree, err := c.Tree()
	if err != nil {
		return nil, err
	}
	treeHash := onto.TreeHash
	for _, f := range files {
		tree, err := object.GetTree(r.git.Storer, treeHash)
		if err != nil {
			return nil, err
		}
		blob, mode := plumbing.ZeroHash, filemode.Regular
		if e, err := ctree.FindEntry(f); err == nil {
			blob, mode = e.Hash, e.Mode
		}
		if treeHash, err = r.replaceInTree(tree, splitPath(f), blob, mode); err != nil {
			return nil, err
		}
	}
	nc := &object.Commit{Author: c.Author, Committer: c.Committer, Message: c.Message, TreeHash: treeHash, ParentHashes: []plumbing.Hash{onto.Hash}}
	obj := r.git.Storer.NewEncodedObject()
	if err := nc.Encode(obj); err != nil {
		return nil, err
	}
	h, err := r.git.Storer.SetEncodedObject(obj)
	if err != nil {
		return nil, err
	}
	return r.git.CommitObject(h)
}

// checkWorktreeClean refuses when a file the remote changed has uncommitted changes here.
func (r *Repo) checkWorktreeClean(head *object.Commit, files []string) error {
	for _, f := range files {
		data, err := os.ReadFile(r.worktreeRoot() + "/" + f)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		// A file the remote changed must match HEAD here; an untracked file in the way
		// of one the remote added is refused too, so nothing uncommitted is overwritten.
		if err := r.checkClean(head, f, data); err != nil {
			return err
		}
	}
	return nil
}

// authFor returns credentials for an https remote from SAMVIRKE_GIT_USERNAME and
// SAMVIRKE_GIT_PASSWORD or from git's credential helper; other remotes use go-git's
// defaults (the SSH agent for ssh URLs, none for local paths).
func authFor(rawURL string) (transport.AuthMethod, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, nil
	}
	if user := os.Getenv("SAMVIRKE_GIT_USERNAME"); user != "" {
		return &http.BasicAuth{Username: user, Password: os.Getenv("SAMVIRKE_GIT_PASSWORD")}, nil
	}
	if u.User != nil {
		p, _ := u.User.Password()
		return &http.BasicAuth{Username: u.User.Username(), Password: p}, nil
	}
	cmd := exec.Command("git", "credential", "fill")
	cmd.Stdin = strings.NewReader(fmt.Sprintf("protocol=%s\nhost=%s\npath=%s\n\n", u.Scheme, u.Host, strings.TrimPrefix(u.Path, "/")))
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0")
	out, err := cmd.Output()
	if err != nil {
		return nil, nil // no helper or no stored credentials: try without
	}
	var a http.BasicAuth
	for _, line := range bytes.Split(out, []byte("\n")) {
		k, v, _ := strings.Cut(string(line), "=")
		switch k {
		case "username":
			a.Username = v
		case "password":
			a.Password = v
		}
	}
	if a.Username == "" {
		return nil, nil
	}
	return &a, nil
}
