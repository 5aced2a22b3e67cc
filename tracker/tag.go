package tracker

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// ReportTagPrefix is the namespace of the tags that mark a report's baseline:
// refs/tags/rapport/<name>.
const ReportTagPrefix = "rapport/"

var (
	// ErrNoReportTag: the repository has no rapport/ tag yet.
	ErrNoReportTag = errors.New("no report tag")
	// ErrTagExists: a tag of that name already exists.
	ErrTagExists = errors.New("tag already exists")
	// ErrBadTagName: the name cannot be a tag name.
	ErrBadTagName = errors.New("invalid tag name")
)

// ReportTag is a report baseline: an annotated tag under rapport/.
type ReportTag struct {
	Name   string // without the prefix, e.g. 2026-11
	Ref    string // the full tag name, e.g. rapport/2026-11
	Commit *object.Commit
	When   time.Time // when the tag was made (the tagger's date)
}

var tagNameRe = regexp.MustCompile(`^[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._-]*$`)

// TagReport makes the annotated tag rapport/<name> on HEAD, by author ("Name <email>",
// or "" for the git config), to mark the commit a report was made from as the baseline
// of the next one. It returns the tag. Errors: ErrBadTagName, ErrTagExists,
// ErrNoIdentity, ErrUnknownRef (no HEAD).
func (r *Repo) TagReport(name, author string) (*ReportTag, error) {
	return r.tagHead(ReportTagPrefix, name, "Sammenligningsgrunnlag for rapporten "+name, author)
}

// tagHead makes the annotated tag prefix+name on HEAD with message by author.
func (r *Repo) tagHead(prefix, name, message, author string) (*ReportTag, error) {
	if !tagNameRe.MatchString(name) || strings.Contains(name, "..") || strings.HasSuffix(name, ".lock") || strings.HasSuffix(name, ".") {
		return nil, fmt.Errorf("%q: %w", name, ErrBadTagName)
	}
	ref := prefix + name
	if _, err := r.git.Reference(plumbing.NewTagReferenceName(ref), false); err == nil {
		return nil, fmt.Errorf("%s: %w", ref, ErrTagExists)
	}
	head, err := r.git.Head()
	if err != nil {
		return nil, fmt.Errorf("HEAD: %w", ErrUnknownRef)
	}
	sig, err := identity(r.git, author)
	if err != nil {
		return nil, err
	}
	_, err = r.git.CreateTag(ref, head.Hash(), &git.CreateTagOptions{Tagger: &sig, Message: message})
	if errors.Is(err, git.ErrTagExists) {
		return nil, fmt.Errorf("%s: %w", ref, ErrTagExists)
	}
	if err != nil {
		return nil, fmt.Errorf("create tag %s: %w", ref, err)
	}
	c, err := r.git.CommitObject(head.Hash())
	if err != nil {
		return nil, err
	}
	return &ReportTag{Name: name, Ref: ref, Commit: c, When: sig.When}, nil
}

// LatestReportTag returns the newest rapport/ tag: the one made last (the tagger's date;
// for a lightweight tag, its commit's date), ties broken by name. It returns
// ErrNoReportTag when there is none.
func (r *Repo) LatestReportTag() (*ReportTag, error) { return r.latestTag(ReportTagPrefix) }

// latestTag is the newest tag under prefix (the last of tagsUnder), or ErrNoReportTag.
func (r *Repo) latestTag(prefix string) (*ReportTag, error) {
	tags, err := r.tagsUnder(prefix)
	if err != nil {
		return nil, err
	}
	if len(tags) == 0 {
		return nil, ErrNoReportTag
	}
	return tags[len(tags)-1], nil
}

// ContentChanged reports whether the working tree's content/ differs from HEAD:
// modified, added, deleted or untracked files.
func (r *Repo) ContentChanged() (bool, error) {
	wt, err := r.git.Worktree()
	if err != nil {
		return false, err
	}
	st, err := wt.Status()
	if err != nil {
		return false, fmt.Errorf("git status: %w", err)
	}
	cp, err := r.contentPath()
	if err != nil {
		return false, err
	}
	for file, s := range st {
		if strings.HasPrefix(file, cp+"/") && (s.Worktree != git.Unmodified || s.Staging != git.Unmodified) {
			return true, nil
		}
	}
	return false, nil
}
