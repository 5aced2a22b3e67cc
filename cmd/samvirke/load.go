package main

import (
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// contentAndChanges loads the content and opens its repository like contentAndRepo,
// and reads when each content file last changed in git (tracker.Repo.LastChanged): the
// calendar and the site date their entries by it. Both are nil for the embedded content
// or a content directory outside git.
func contentAndChanges(g *globalOptions, s *IOStreams) (*measures.Content, *tracker.Repo, map[string]time.Time, error) {
	c, repo, err := contentAndRepo(g, s)
	if err != nil || repo == nil {
		return c, repo, nil, err
	}
	changed, err := repo.LastChanged()
	if err != nil {
		return nil, nil, nil, err
	}
	return c, repo, changed, nil
}
