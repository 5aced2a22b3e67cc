package tui

import (
	"context"
	"io/fs"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// Store is what the TUI needs of the strategy repository: the one write transaction
// (Save, Revert), the git history it shows (History, Log, LastChanged), and where the
// branch stands (Head, Branch, Upstream). *tracker.Repo satisfies it; the view tests
// use a fake, so they run without git.
type Store interface {
	// Save changes one measure and commits it (tracker.Repo.Save).
	Save(ctx context.Context, id string, change func(m *measures.Measure, by string) error, opts tracker.SaveOptions) (*tracker.Saved, error)
	// Revert undoes a commit of one measure with a new commit (tracker.Repo.Revert).
	Revert(ctx context.Context, commit string, opts tracker.SaveOptions) (*tracker.Saved, error)
	// History is the commits that changed the measure id, newest first.
	History(id string) ([]tracker.Change, error)
	// Log is the latest n commits that changed the content, newest first.
	Log(n int) ([]tracker.Change, error)
	// LastChanged is the time of the last commit that changed each measure.
	LastChanged() (map[string]time.Time, error)
	// Head is the commit HEAD points at, for noticing outside commits.
	Head() string
	// Branch is the branch HEAD is on, "" when detached.
	Branch() string
	// Upstream says how the branch stands against its remote, as of the last fetch.
	Upstream() (tracker.Upstream, error)
	// LatestStrategyTag is the newest strategi/ tag, the baseline of the detail's b
	// (tracker.ErrNoReportTag when there is none).
	LatestStrategyTag() (*tracker.ReportTag, error)
	// ContentFS is content/ as it was at a commit.
	ContentFS(at string) (fs.FS, *object.Commit, error)
}

var _ Store = (*tracker.Repo)(nil)

// lockedStore uses the one Store from one goroutine at a time: a tracker.Repo is not
// safe for concurrent use, and the TUI reads (the poll, the history, the change index)
// and writes (saves, undo, sync) off the event loop. Saves are serialized across
// processes by the tracker's lock file.
type lockedStore struct {
	mu    *sync.Mutex
	store Store
}

// with runs f with the store held; f must not keep it.
func (l lockedStore) with(f func(Store)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f(l.store)
}
