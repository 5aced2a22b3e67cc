package tracker

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// SharedTagPrefixes are the tag namespaces sync shares: the report baselines (rapport/)
// and the strategy baselines (strategi/).
var SharedTagPrefixes = []string{ReportTagPrefix, StrategyTagPrefix}

// syncTags shares the rapport/ and strategi/ tags after the branch is synced: a tag only
// the remote has is created here, one only this clone has is pushed; a tag that exists on
// both and points to different objects is moved on neither side and listed in
// res.TagsDiffering. Names are given with their prefix (strategi/2016).
func (r *Repo) syncTags(ctx context.Context, opts SyncOptions, url string, auth transport.AuthMethod, res *SyncResult) error {
	local := map[string]plumbing.Hash{}
	var push []config.RefSpec
	for _, prefix := range SharedTagPrefixes {
		l, specs, err := r.compareTags(prefix, opts.Remote, res)
		if err != nil {
			return err
		}
		for name, h := range l {
			local[prefix+name] = h
		}
		push = append(push, specs...)
	}
	sort.Strings(res.TagsFetched)
	sort.Strings(res.TagsPushed)
	sort.Strings(res.TagsDiffering)
	if len(push) == 0 {
		return nil
	}
	opts.step("push-tags")
	if err := r.push(ctx, opts, url, auth, push...); err != nil {
		return fmt.Errorf("push tags: %w", err)
	}
	for _, name := range res.TagsPushed { // now the remote has them as here
		ref := plumbing.NewHashReference(plumbing.ReferenceName(remoteTagsPrefix(opts.Remote)+name), local[name])
		if err := r.git.Storer.SetReference(ref); err != nil {
			return err
		}
	}
	return nil
}

// compareTags compares the tags under prefix here with the remote's as fetched: it
// creates the ones only the remote has, and returns the local tags (names without the
// prefix) and the refspecs that push the ones only this clone has.
func (r *Repo) compareTags(prefix, remoteName string, res *SyncResult) (map[string]plumbing.Hash, []config.RefSpec, error) {
	local, err := r.refsUnder("refs/tags/" + prefix)
	if err != nil {
		return nil, nil, err
	}
	remote, err := r.refsUnder(remoteTagsPrefix(remoteName) + prefix)
	if err != nil {
		return nil, nil, err
	}
	for name, h := range remote {
		lh, ok := local[name]
		switch {
		case !ok:
			ref := plumbing.NewHashReference(plumbing.NewTagReferenceName(prefix+name), h)
			if err := r.git.Storer.SetReference(ref); err != nil {
				return nil, nil, fmt.Errorf("create tag %s: %w", ref.Name().Short(), err)
			}
			res.TagsFetched = append(res.TagsFetched, prefix+name)
		case lh != h:
			res.TagsDiffering = append(res.TagsDiffering, prefix+name)
		}
	}
	var push []config.RefSpec
	for name := range local {
		if _, ok := remote[name]; !ok {
			full := "refs/tags/" + prefix + name
			push = append(push, config.RefSpec(full+":"+full))
			res.TagsPushed = append(res.TagsPushed, prefix+name)
		}
	}
	return local, push, nil
}

// refsUnder maps the names under prefix (without it) to the hashes they point to.
func (r *Repo) refsUnder(prefix string) (map[string]plumbing.Hash, error) {
	iter, err := r.git.References()
	if err != nil {
		return nil, err
	}
	out := map[string]plumbing.Hash{}
	err = iter.ForEach(func(ref *plumbing.Reference) error {
		if name, ok := strings.CutPrefix(ref.Name().String(), prefix); ok && ref.Type() == plumbing.HashReference {
			out[name] = ref.Hash()
		}
		return nil
	})
	return out, err
}
