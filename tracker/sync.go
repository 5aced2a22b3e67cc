package tracker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/http"
)

// Errors of Sync.
var (
	// ErrConflict: both sides changed the same field of a record differently (see
	// SyncResult.Conflicts), or have no common history; sync leaves everything as it was.
	ErrConflict = errors.New("both sides changed the same field differently")
	// ErrRewritten: the remote's branch no longer contains commits fetched from it before
	// (it was force-pushed); sync stops.
	ErrRewritten = errors.New("the remote's history was rewritten")
	// ErrTimeout: the remote did not answer within the timeout.
	ErrTimeout = errors.New("the remote did not answer in time")
	// ErrNothingToResolve: there is no divergence with the remote to settle.
	ErrNothingToResolve = errors.New("nothing to resolve")
)

// DefaultNetworkTimeout bounds each fetch and push of Sync.
const DefaultNetworkTimeout = 60 * time.Second

// SyncOptions are the settings of Sync and ResolveSync.
type SyncOptions struct {
	Remote   string            // the remote's name; "" is origin
	Timeout  time.Duration     // for each network operation; 0 is DefaultNetworkTimeout
	Progress io.Writer         // git's progress messages during fetch and push; nil for none
	Author   string            // "Name <email>" of a merge commit; "" is the git identity
	Choices  Choices           // how to settle conflicts (ResolveSync)
	OnStep   func(step string) // told before each network step: "fetch", "push", "push-tags"
}

func (o SyncOptions) step(s string) {
	if o.OnStep != nil {
		o.OnStep(s)
	}
}

// SyncResult says what Sync did.
type SyncResult struct {
	Action    string         // up-to-date, fast-forward, pushed, rebased, merged
	Pulled    int            // remote commits taken in
	Pushed    int            // local commits sent
	Files     []string       // the files both sides changed
	Merged    []MergedFile   // the files merged by meaning (action merged)
	Conflicts []SyncConflict // on ErrConflict: each field both sides changed differently
	Commit    string         // the merge or rebased tip's hash

	TagsFetched   []string // rapport/ and strategi/ tags taken from the remote
	TagsPushed    []string // rapport/ and strategi/ tags sent
	TagsDiffering []string // rapport/ and strategi/ tags that differ here and there; neither is moved
}

// Sync brings the current branch and its counterpart on remote together, with default
// options. See SyncWith.
func (r *Repo) Sync(ctx context.Context, remote string) (*SyncResult, error) {
	return r.SyncWith(ctx, SyncOptions{Remote: remote})
}

// syncState is what a sync or resolve knows once the remote's branch is known.
type syncState struct {
	opts          SyncOptions
	branch        string
	head          *plumbing.Reference
	local, theirs *object.Commit // theirs nil: the remote has no such branch
}

// SyncWith brings the current branch and its counterpart on the remote together: fetch
// (branches and rapport/ tags); fast-forward when behind; push when ahead; when both
// have new commits, replay the local commits on the remote's if they touch other files,
// else merge the files both changed by meaning (measures.MergeFile) into a merge commit,
// validate it and push. It never force-pushes and never drops a local commit: the old
// head is kept as refs/samvirke/pre-sync. A field both sides changed differently returns
// ErrConflict with the conflicts, nothing changed; a remote whose history lost commits
// fetched before returns ErrRewritten.
func (r *Repo) SyncWith(ctx context.Context, opts SyncOptions) (*SyncResult, error) {
	opts = withDefaults(opts)
	unlock, err := r.lockForSync(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	rem, err := r.git.Remote(opts.Remote)
	if err != nil {
		return nil, fmt.Errorf("remote %q: %w", opts.Remote, err)
	}
	url := rem.Config().URLs[0]
	auth, err := authFor(url)
	if err != nil {
		return nil, err
	}
	head, err := r.git.Head()
	if err != nil || !head.Name().IsBranch() {
		return nil, fmt.Errorf("detached HEAD or no commit: %w", ErrBadState)
	}
	seen := r.lastSeen(opts.Remote, head.Name().Short())
	if err := r.fetch(ctx, opts, url, auth); err != nil {
		return nil, err
	}
	st, err := r.state(opts)
	if err != nil {
		return nil, err
	}
	if err := r.checkNotRewritten(st, seen); err != nil {
		return nil, err
	}
	res, err := r.syncBranch(ctx, st, url, auth)
	if err != nil {
		return res, err
	}
	if err := r.syncTags(ctx, opts, url, auth, res); err != nil {
		return res, err
	}
	return res, r.markSeen(opts.Remote, st.branch)
}

func withDefaults(opts SyncOptions) SyncOptions {
	if opts.Remote == "" {
		opts.Remote = "origin"
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultNetworkTimeout
	}
	return opts
}

// lockForSync takes the locks of a write (samvirke's, git's index.lock and the branch's
// lock file) and finishes an interrupted save; moveTo moves the branch under them.
func (r *Repo) lockForSync(ctx context.Context) (func(), error) {
	gitDir, err := r.gitDir()
	if err != nil {
		return nil, err
	}
	for _, f := range []string{"MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "rebase-merge", "rebase-apply"} {
		if _, err := os.Stat(filepath.Join(gitDir, f)); err == nil {
			return nil, &InProgressError{What: f}
		}
	}
	locks, err := r.lockForWrite(ctx, gitDir)
	if err != nil {
		return nil, err
	}
	r.syncLocks = locks
	return func() { r.syncLocks = nil; locks.release() }, nil
}

// InProgressError: a git merge, rebase, cherry-pick or revert is in progress, which sync
// does not touch. What is the file in .git that says so (MERGE_HEAD, rebase-merge, …).
type InProgressError struct{ What string }

func (e *InProgressError) Error() string { return e.What + " in progress" }

func (e *InProgressError) Unwrap() error { return ErrBadState }

// state reads HEAD and the remote-tracking branch.
func (r *Repo) state(opts SyncOptions) (*syncState, error) {
	head, err := r.git.Head()
	if err != nil || !head.Name().IsBranch() {
		return nil, fmt.Errorf("detached HEAD or no commit: %w", ErrBadState)
	}
	st := &syncState{opts: opts, branch: head.Name().Short(), head: head}
	if st.local, err = r.git.CommitObject(head.Hash()); err != nil {
		return nil, err
	}
	remoteRef, err := r.git.Reference(plumbing.NewRemoteReferenceName(opts.Remote, st.branch), true)
	if err != nil {
		return st, nil // the remote has no such branch yet
	}
	if st.theirs, err = r.git.CommitObject(remoteRef.Hash()); err != nil {
		return nil, err
	}
	return st, nil
}

// syncBranch does the branch part of a sync once fetched.
func (r *Repo) syncBranch(ctx context.Context, st *syncState, url string, auth transport.AuthMethod) (*SyncResult, error) {
	branch := st.branch
	push := func(n int, res *SyncResult) (*SyncResult, error) {
		spec := config.RefSpec(fmt.Sprintf("refs/heads/%s:refs/heads/%s", branch, branch))
		st.opts.step("push")
		if err := r.push(ctx, st.opts, url, auth, spec); err != nil {
			return nil, err
		}
		res.Pushed = n
		return res, nil
	}
	if st.theirs == nil {
		return push(-1, &SyncResult{Action: "pushed"})
	}
	local, theirs := st.local, st.theirs
	if local.Hash == theirs.Hash {
		return &SyncResult{Action: "up-to-date"}, nil
	}
	d, err := r.diverge(st)
	if err != nil {
		return nil, err
	}
	if err := r.checkWorktreeClean(local, d.remoteFiles); err != nil {
		return nil, err
	}
	switch {
	case d.base.Hash == theirs.Hash: // ahead
		return push(d.nOurs, &SyncResult{Action: "pushed"})
	case d.base.Hash == local.Hash: // behind
		if err := r.moveTo(theirs.Hash); err != nil {
			return nil, err
		}
		return &SyncResult{Action: "fast-forward", Pulled: d.nPulled}, nil
	}
	var res *SyncResult
	if len(d.overlap) == 0 && !d.localMerges {
		res, err = r.replayOnto(d)
	} else {
		res, err = r.mergeInto(st, d)
	}
	if err != nil {
		return res, err
	}
	return push(d.nOurs, res)
}

// divergence is how local and the remote's branch relate.
type divergence struct {
	base, local, theirs *object.Commit
	ours, pulled        []*object.Commit // first-parent commits since base on each side
	nOurs, nPulled      int              // all commits since base on each side
	remoteFiles         []string
	overlap             []string // files both sides changed
	localMerges         bool     // a local commit since base is a merge
}

func (r *Repo) diverge(st *syncState) (*divergence, error) {
	local, theirs := st.local, st.theirs
	bases, err := local.MergeBase(theirs)
	if err != nil || len(bases) == 0 {
		return nil, fmt.Errorf("no common history with %s: %w", st.opts.Remote, ErrConflict)
	}
	d := &divergence{base: bases[0], local: local, theirs: theirs}
	if d.ours, err = firstParentSince(local, d.base.Hash); err != nil {
		return nil, err
	}
	if d.pulled, err = firstParentSince(theirs, d.base.Hash); err != nil {
		return nil, err
	}
	d.nOurs, d.nPulled = countSince(local, d.base), countSince(theirs, d.base)
	if d.remoteFiles, err = r.diffTrees(d.base.TreeHash, theirs.TreeHash, "", ""); err != nil {
		return nil, err
	}
	localFiles, err := r.diffTrees(d.base.TreeHash, local.TreeHash, "", "")
	if err != nil {
		return nil, err
	}
	for _, f := range localFiles {
		if slices.Contains(d.remoteFiles, f) {
			d.overlap = append(d.overlap, f)
		}
	}
	for _, c := range d.ours {
		d.localMerges = d.localMerges || c.NumParents() > 1
	}
	return d, nil
}

// replayOnto replays the local commits on the remote's tip and moves the branch there.
func (r *Repo) replayOnto(d *divergence) (*SyncResult, error) {
	if err := r.git.Storer.SetReference(plumbing.NewHashReference(preSyncRef, d.local.Hash)); err != nil {
		return nil, err
	}
	tip := d.theirs
	var err error
	for _, c := range d.ours {
		if tip, err = r.replay(c, tip); err != nil {
			return nil, err
		}
	}
	if err := r.moveTo(tip.Hash); err != nil {
		return nil, err
	}
	return &SyncResult{Action: "rebased", Pulled: d.nPulled, Commit: tip.Hash.String()}, nil
}

const preSyncRef = "refs/samvirke/pre-sync"

// mergeInto merges the remote's tip into the local branch by meaning: validated, one
// merge commit, the branch, index and files moved to it (moveTo). Conflicts change
// nothing and return ErrConflict.
func (r *Repo) mergeInto(st *syncState, d *divergence) (*SyncResult, error) {
	tm, err := r.mergeCommits(d.base, d.local, d.theirs, st.opts.Choices)
	if err != nil {
		return nil, err
	}
	res := &SyncResult{Action: "merged", Pulled: d.nPulled, Files: d.overlap, Merged: tm.merged, Conflicts: tm.conflicts}
	if len(tm.conflicts) > 0 {
		return res, fmt.Errorf("%d conflicts: %w", len(tm.conflicts), ErrConflict)
	}
	if err := r.validateTree(tm.tree); err != nil {
		return res, err
	}
	sig, err := identity(r.git, st.opts.Author)
	if err != nil {
		return res, err
	}
	msg := mergeMessage(st.opts.Remote, st.branch, tm.merged, d.nPulled, d.nOurs)
	h, err := r.writeMergeCommit(tm.tree, sig, msg, d.local.Hash, d.theirs.Hash)
	if err != nil {
		return res, err
	}
	if err := r.git.Storer.SetReference(plumbing.NewHashReference(preSyncRef, d.local.Hash)); err != nil {
		return res, err
	}
	if err := r.moveTo(h); err != nil {
		return res, err
	}
	res.Commit = h.String()
	return res, nil
}

// ResolveSync settles the conflicts of the last sync with opts.Choices, without network:
// it merges the remote-tracking branch (as the last sync fetched it) into the current
// branch as sync would, and commits the merge locally; the next sync pushes it. Conflicts
// no choice covers return ErrConflict and change nothing.
func (r *Repo) ResolveSync(ctx context.Context, opts SyncOptions) (*SyncResult, error) {
	opts = withDefaults(opts)
	unlock, err := r.lockForSync(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	st, err := r.state(opts)
	if err != nil {
		return nil, err
	}
	if st.theirs == nil || st.theirs.Hash == st.local.Hash {
		return nil, ErrNothingToResolve
	}
	d, err := r.diverge(st)
	if err != nil {
		return nil, err
	}
	if d.base.Hash == d.theirs.Hash || d.base.Hash == d.local.Hash {
		return nil, ErrNothingToResolve
	}
	if err := r.checkWorktreeClean(d.local, d.remoteFiles); err != nil {
		return nil, err
	}
	return r.mergeInto(st, d)
}

// countSince counts the commits reachable from tip that base does not reach (as git
// rev-list --count base..tip), up to 100,000.
func countSince(tip, base *object.Commit) int {
	seen := map[plumbing.Hash]bool{}
	queue := []*object.Commit{tip}
	n := 0
	for len(queue) > 0 && n < 100000 {
		c := queue[0]
		queue = queue[1:]
		if seen[c.Hash] {
			continue
		}
		seen[c.Hash] = true
		if c.Hash == base.Hash {
			continue
		}
		if ok, err := c.IsAncestor(base); err == nil && ok {
			continue
		}
		n++
		c.Parents().ForEach(func(p *object.Commit) error {
			queue = append(queue, p)
			return nil
		})
	}
	return n
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

// moveTo moves the current branch to commit (a descendant of HEAD) and brings the files
// that differ and the index along, under the locks lockForSync took, with the journal,
// lock files and atomic writes of a save (advanceTo in tx.go); unrelated uncommitted
// changes are kept (like git reset --merge).
func (r *Repo) moveTo(commit plumbing.Hash) error {
	if r.syncLocks == nil {
		return fmt.Errorf("move the branch without the locks: %w", ErrBadState)
	}
	gitDir, err := r.gitDir()
	if err != nil {
		return err
	}
	head, err := r.git.Head()
	if err != nil {
		return err
	}
	return r.advanceTo(gitDir, r.syncLocks, head, commit)
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
