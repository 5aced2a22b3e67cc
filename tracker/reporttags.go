package tracker

import (
	"fmt"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// ReportTags returns every rapport/ tag that points at a commit, oldest first (by the
// tagger's date; a lightweight tag by its commit's date), ties broken by name. It is
// the series of baselines a report shows its trend across.
func (r *Repo) ReportTags() ([]*ReportTag, error) { return r.tagsUnder(ReportTagPrefix) }

// tagsUnder returns the tags under prefix that point at a commit, oldest first, ties
// broken by name.
func (r *Repo) tagsUnder(prefix string) ([]*ReportTag, error) {
	iter, err := r.git.Tags()
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	var out []*ReportTag
	err = iter.ForEach(func(ref *plumbing.Reference) error {
		full := ref.Name().Short()
		name, ok := strings.CutPrefix(full, prefix)
		if !ok {
			return nil
		}
		t := &ReportTag{Name: name, Ref: full}
		if tag, err := r.git.TagObject(ref.Hash()); err == nil {
			c, err := tag.Commit()
			if err != nil {
				return nil // a tag of something else than a commit is no baseline
			}
			t.Commit, t.When = c, tag.Tagger.When
		} else if c, err := r.git.CommitObject(ref.Hash()); err == nil {
			t.Commit, t.When = c, c.Committer.When
		} else {
			return nil
		}
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b *ReportTag) int {
		if c := a.When.Compare(b.When); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out, nil
}
