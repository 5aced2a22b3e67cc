package tracker

// StrategyTagPrefix is the namespace of the tags that mark a strategy text as the
// baseline of a comparison (samvirke strategy --compare): refs/tags/strategi/<name>.
const StrategyTagPrefix = "strategi/"

// FirstStrategyTag is the name init gives the embedded 2016 text: strategi/2016.
const FirstStrategyTag = "2016"

// TagStrategy makes the annotated tag strategi/<name> on HEAD, by author ("Name
// <email>", or "" for the git config), to mark the strategy text as the baseline of the
// next comparison. Errors: as TagReport.
func (r *Repo) TagStrategy(name, author string) (*ReportTag, error) {
	return r.tagHead(StrategyTagPrefix, name, "Sammenligningsgrunnlag for strategiteksten "+name, author)
}

// LatestStrategyTag returns the newest strategi/ tag (the tagger's date, ties broken by
// name), or ErrNoReportTag when there is none.
func (r *Repo) LatestStrategyTag() (*ReportTag, error) { return r.latestTag(StrategyTagPrefix) }
