package tui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// baseline is the strategy baseline the detail view's b compares a measure with: the
// content at the newest strategi/ tag (as «samvirke strategy --compare» takes it), read
// from git once in the background, and the comparison of the current content with it
// (measures.CompareStrategy, the renderer's comparison), made again off the event loop
// when the content was reloaded while a comparison is on screen, or before the next one
// is shown. The tag is looked up again then, so a tag that sync fetched is taken; the
// content at a tag already read is not read again.
type baseline struct {
	loading bool
	tag     *tracker.ReportTag // the newest strategi/ tag; nil before it is read, or with none
	none    bool               // the repository has no strategi/ tag
	err     error              // reading the tag or its content failed
	old     *measures.Content  // the content at tag
	oldAt   plumbing.Hash      // the commit old was read from
	diff    *measures.StrategyDiff
	of      *measures.Content // the content diff compares with old
}

// baselineMsg is what baselineCmd read and compared.
type baselineMsg struct {
	tag   *tracker.ReportTag
	none  bool
	err   error
	old   *measures.Content
	oldAt plumbing.Hash
	diff  *measures.StrategyDiff
	of    *measures.Content
}

// toggleBaseline switches the detail between the measure's text and its comparison with
// the baseline, and starts reading the baseline the first time.
func (d *detailView) toggleBaseline() tea.Cmd {
	d.compare = !d.compare
	cmd := d.baselineCmd()
	d.refresh()
	if !d.compare {
		return nil
	}
	d.jump = true
	d.scrollToComparison()
	return cmd
}

// scrollToComparison scrolls the detail to the comparison's heading after b, again when
// the comparison arrives, and not after that (the user scrolls).
func (d *detailView) scrollToComparison() {
	if !d.compare || !d.jump {
		return
	}
	for i, l := range strings.Split(ansiStrip(d.vp.GetContent()), "\n") {
		if strings.HasPrefix(l, baselineHeading) {
			d.vp.SetYOffset(i)
			break
		}
	}
	d.jump = d.baseline.loading || d.baseline.of == nil
}

// baselineCmd reads the newest strategi/ tag and, unless it is the commit read before,
// the content at it, then compares the current content with it. It is nil while a
// comparison is being made, when the last one is of the current content, and without a
// repository.
func (c *common) baselineCmd() tea.Cmd {
	bl := &c.baseline
	if c.opts.Repo == nil || bl.loading || (bl.of != nil && bl.of == c.c) {
		return nil
	}
	bl.loading = true
	cur, old, oldAt, store := c.c, bl.old, bl.oldAt, c.store
	return func() tea.Msg {
		msg := baselineMsg{of: cur, old: old, oldAt: oldAt}
		store.with(func(repo Store) {
			msg.tag, msg.err = repo.LatestStrategyTag()
			if msg.err == nil && msg.tag.Commit.Hash != oldAt {
				msg.old, msg.oldAt, msg.err = loadAt(repo, msg.tag.Commit.Hash)
			}
		})
		if errors.Is(msg.err, tracker.ErrNoReportTag) {
			msg.none, msg.err, msg.tag = true, nil, nil
		}
		if msg.err == nil && !msg.none {
			msg.diff = measures.CompareStrategy(msg.old, cur)
		}
		return msg
	}
}

// loadAt loads the content of commit h; content with errors is compared as far as it
// could be read, as «samvirke strategy --compare» does.
func loadAt(repo Store, h plumbing.Hash) (*measures.Content, plumbing.Hash, error) {
	fsys, _, err := repo.ContentFS(h.String())
	if err != nil {
		return nil, plumbing.ZeroHash, err
	}
	c, err := measures.Load(fsys)
	if measures.AsErrors(err) == nil && err != nil {
		return nil, plumbing.ZeroHash, err
	}
	return c, h, nil
}

// applyBaseline keeps what baselineCmd found and shows it; when the content was reloaded
// meanwhile, it compares again.
func (m *Model) applyBaseline(msg baselineMsg) tea.Cmd {
	m.baseline = baseline{tag: msg.tag, none: msg.none, err: msg.err,
		old: msg.old, oldAt: msg.oldAt, diff: msg.diff, of: msg.of}
	if msg.err != nil { // b again tries again
		m.baseline.old, m.baseline.oldAt, m.baseline.of = nil, plumbing.ZeroHash, nil
	}
	if m.detail != nil {
		m.detail.refresh()
		m.detail.scrollToComparison()
	}
	return m.shownBaselineCmd()
}

// shownBaselineCmd brings the comparison on screen up to date with reloaded content;
// nil when no detail shows one.
func (m *Model) shownBaselineCmd() tea.Cmd {
	if m.detail == nil || !m.detail.compare || m.baseline.err != nil {
		return nil
	}
	return m.baselineCmd()
}
