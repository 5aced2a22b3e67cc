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

// syncTags shares the rapport/ tags after the branch is synced: a tag only the remote
// has is created here, one only this clone has is pushed; a tag that exists on both and
// points to different objects is moved on neither side and listed in res.TagsDiffering.
func (r *Repo) syncTags(ctx context.Context, opts SyncOptions, url string, auth transport.AuthMethod, res *SyncResult) error {
	local, err := r.refsUnder("refs/tags/" + ReportTagPrefix)
	if err != nil {
		return err
	}
	remote, err := r.refsUnder(remoteTagsPrefix(opts.Remote) + ReportTagPrefix)
	if err != nil {
		return err
	}
	var push []config.RefSpec
	for name, h := range remote {
		lh, ok := local[name]
		switch {
		case !ok:
			ref := plumbing.NewHashReference(plumbing.NewTagReferenceName(ReportTagPrefix+name), h)
			if err := r.git.Storer.SetReference(ref); err != nil {
				return fmt.Errorf("create tag %s: %w", ref.Name().Short(), err)
			}
			res.TagsFetched = append(res.TagsFetched, ReportTagPrefix+name)
		case lh != h:
			res.TagsDiffering = append(res.TagsDiffering, ReportTagPrefix+name)
		}
	}
	for name := range local {
		if _, ok := remote[name]; !ok {
			full := "refs/tags/" + ReportTagPrefix + name
			push = append(push, config.RefSpec(full+":"+full))
			res.TagsPushed = append(res.TagsPushed, ReportTagPrefix+name)
		}
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
		h := local[strings.TrimPrefix(name, ReportTagPrefix)]
		ref := plumbing.NewHashReference(plumbing.ReferenceName(remoteTagsPrefix(opts.Remote)+name), h)
		if err := r.git.Storer.SetReference(ref); err != nil {
			return err
		}
	}
	return nil
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
