package tracker

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// remoteTagsPrefix is where a fetch puts the remote's rapport/ and strategi/ tags, to compare them
// with the local ones before any is created here.
func remoteTagsPrefix(remote string) string { return "refs/samvirke/tags/" + remote + "/" }

// seenRef records the remote branch's tip as the last sync left it, to notice a
// force-push.
func seenRef(remote, branch string) plumbing.ReferenceName {
	return plumbing.ReferenceName("refs/samvirke/seen/" + remote + "/" + branch)
}

// fetch fetches the remote's branches and its rapport/ and strategi/ tags within opts.Timeout.
func (r *Repo) fetch(ctx context.Context, opts SyncOptions, url string, auth transport.AuthMethod) error {
	opts.step("fetch")
	tctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	specs := []config.RefSpec{config.RefSpec(fmt.Sprintf("+refs/heads/*:refs/remotes/%s/*", opts.Remote))}
	for _, prefix := range SharedTagPrefixes {
		specs = append(specs, config.RefSpec(fmt.Sprintf("+refs/tags/%s*:%s%s*", prefix, remoteTagsPrefix(opts.Remote), prefix)))
	}
	err := r.git.FetchContext(tctx, &git.FetchOptions{RemoteName: opts.Remote, RemoteURL: url, RefSpecs: specs,
		Auth: auth, Tags: git.NoTags, Progress: opts.Progress, Prune: true})
	if err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate) && !errors.Is(err, transport.ErrEmptyRemoteRepository) {
		return networkError("fetch", url, opts, tctx, err)
	}
	return nil
}

// push pushes specs within opts.Timeout.
func (r *Repo) push(ctx context.Context, opts SyncOptions, url string, auth transport.AuthMethod, specs ...config.RefSpec) error {
	tctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	err := r.git.PushContext(tctx, &git.PushOptions{RemoteName: opts.Remote, RemoteURL: url, RefSpecs: specs, Auth: auth, Progress: opts.Progress})
	if err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate) {
		return networkError("push", url, opts, tctx, err)
	}
	return nil
}

// networkError wraps err, as ErrTimeout when the deadline passed.
func networkError(op, url string, opts SyncOptions, ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "Client.Timeout") {
		return fmt.Errorf("%s %s: no answer within %s: %w", op, redact(url), opts.Timeout, ErrTimeout)
	}
	return fmt.Errorf("%s %s: %w", op, redact(url), err)
}

// redact drops a password from an URL.
func redact(url string) string {
	scheme, rest, ok := strings.Cut(url, "://")
	if !ok {
		return url
	}
	if at := strings.LastIndex(rest, "@"); at >= 0 && at < strings.Index(rest+"/", "/") {
		user, _, _ := strings.Cut(rest[:at], ":")
		return scheme + "://" + user + "@" + rest[at+1:]
	}
	return url
}

// lastSeen returns the remote branch's tip as the last sync saw it: the seen ref, else
// the remote-tracking branch before this fetch; zero when neither exists.
func (r *Repo) lastSeen(remote, branch string) plumbing.Hash {
	for _, name := range []plumbing.ReferenceName{seenRef(remote, branch), plumbing.NewRemoteReferenceName(remote, branch)} {
		if ref, err := r.git.Reference(name, true); err == nil {
			return ref.Hash()
		}
	}
	return plumbing.ZeroHash
}

// markSeen records the remote-tracking branch's tip after a sync.
func (r *Repo) markSeen(remote, branch string) error {
	ref, err := r.git.Reference(plumbing.NewRemoteReferenceName(remote, branch), true)
	if err != nil {
		return nil
	}
	return r.git.Storer.SetReference(plumbing.NewHashReference(seenRef(remote, branch), ref.Hash()))
}

// RewrittenError says which commit the remote's branch no longer has.
type RewrittenError struct {
	Remote, Branch string
	Seen, Now      string // the tip as last seen and as fetched now ("" when the branch is gone)
	Lost           int    // commits of the old tip the new one lacks
}

func (e *RewrittenError) Error() string {
	return fmt.Sprintf("%s/%s: %d commits seen before are gone (was %s, now %q)", e.Remote, e.Branch, e.Lost, e.Seen[:7], e.Now)
}

func (e *RewrittenError) Unwrap() error { return ErrRewritten }

// checkNotRewritten refuses when the remote's branch no longer contains the tip seen
// before: someone force-pushed.
func (r *Repo) checkNotRewritten(st *syncState, seen plumbing.Hash) error {
	if seen.IsZero() {
		return nil
	}
	old, err := r.git.CommitObject(seen)
	if err != nil {
		return nil // pruned or never fetched: nothing to compare
	}
	e := &RewrittenError{Remote: st.opts.Remote, Branch: st.branch, Seen: seen.String()}
	if st.theirs != nil {
		if st.theirs.Hash == seen {
			return nil
		}
		if ok, err := old.IsAncestor(st.theirs); err != nil || ok {
			return err
		}
		e.Now = st.theirs.Hash.String()[:7]
	}
	e.Lost = r.lostCommits(old, st.theirs)
	return e
}

// lostCommits counts the first-parent commits of old that now are not in the new tip.
func (r *Repo) lostCommits(old, now *object.Commit) int {
	n := 0
	for c := old; c != nil && n < 1000; n++ {
		if now != nil {
			if ok, _ := c.IsAncestor(now); ok || c.Hash == now.Hash {
				return n
			}
		}
		if c.NumParents() == 0 {
			return n + 1
		}
		p, err := c.Parent(0)
		if err != nil {
			return n + 1
		}
		c = p
	}
	return n
}

// AheadBehind says how far the current branch is from its counterpart on remote as the
// last fetch saw it (no network): the commits each side has that the other lacks. ok is
// false when there is no remote-tracking branch (never fetched, or the remote lacks the
// branch).
func (r *Repo) AheadBehind(remote string) (ahead, behind int, ok bool, err error) {
	st, err := r.state(withDefaults(SyncOptions{Remote: remote}))
	if err != nil || st.theirs == nil {
		return 0, 0, false, err
	}
	if st.local.Hash == st.theirs.Hash {
		return 0, 0, true, nil
	}
	bases, err := st.local.MergeBase(st.theirs)
	if err != nil || len(bases) == 0 {
		return 0, 0, false, err
	}
	return countSince(st.local, bases[0]), countSince(st.theirs, bases[0]), true, nil
}
