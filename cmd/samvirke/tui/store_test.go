package tui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// fakeStore is a Store in memory: Save applies the change to its own copy of the
// content, as tracker.Save applies it to the content re-read under its lock, and records
// what was saved. err, when set, is what Save and Revert return instead.
type fakeStore struct {
	c       *measures.Content
	err     error
	saves   []*measures.Measure // the measures as saved, in order
	reverts []string            // the commits reverted
	ctxs    []context.Context   // the context of every write
}

var _ Store = (*fakeStore)(nil)

func (f *fakeStore) Save(ctx context.Context, id string, change func(*measures.Measure, string) error, _ tracker.SaveOptions) (*tracker.Saved, error) {
	f.ctxs = append(f.ctxs, ctx)
	old := f.c.Measure(id)
	if old == nil {
		return nil, fmt.Errorf("%s: %w", id, tracker.ErrNotFound)
	}
	ms := old.Clone()
	if err := change(ms, "Kari Nordmann"); err != nil {
		return nil, err
	}
	if f.err != nil {
		return nil, f.err
	}
	msg := measures.CommitMessage(old, ms)
	*old = *ms.Clone()
	f.saves = append(f.saves, ms)
	return &tracker.Saved{Hash: fakeHash(len(f.saves)), Message: msg, Measure: ms}, nil
}

func (f *fakeStore) Revert(ctx context.Context, commit string, _ tracker.SaveOptions) (*tracker.Saved, error) {
	f.ctxs = append(f.ctxs, ctx)
	if f.err != nil {
		return nil, f.err
	}
	f.reverts = append(f.reverts, commit)
	return &tracker.Saved{Hash: fakeHash(100 + len(f.reverts)), Message: "Angre"}, nil
}

// fakeHash is the fake's commit hash number n: abc0…n.
func fakeHash(n int) plumbing.Hash { return plumbing.NewHash(fmt.Sprintf("abc%037x", n)) }

func (f *fakeStore) History(string) ([]tracker.Change, error)   { return nil, nil }
func (f *fakeStore) Log(int) ([]tracker.Change, error)          { return nil, nil }
func (f *fakeStore) LastChanged() (map[string]time.Time, error) { return map[string]time.Time{}, nil }
func (f *fakeStore) Head() string                               { return "" }
func (f *fakeStore) LatestStrategyTag() (*tracker.ReportTag, error) {
	return nil, tracker.ErrNoReportTag
}
func (f *fakeStore) ContentFS(string) (fs.FS, *object.Commit, error) {
	return nil, nil, errors.New("fakeStore: no content at commits")
}
func (f *fakeStore) Branch() string { return "main" }
func (f *fakeStore) Upstream() (tracker.Upstream, error) {
	return tracker.Upstream{Branch: "main"}, nil
}

// newFakeModel is a TUI at 80×24 on the fixture that saves into a fakeStore holding its
// own copy of the fixture: no git, no files.
func newFakeModel(t *testing.T) (*Model, *fakeStore) {
	t.Helper()
	store := &fakeStore{c: loadFixture(t)}
	m := New(Options{Content: loadFixture(t), Repo: store, RepoDir: "/strategi", Author: testAuthor,
		Now: clock, NoColor: true, Dark: true, Poll: -1})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return m, store
}

func TestStatusPickerSavesThroughTheStore(t *testing.T) {
	m, store := newFakeModel(t)
	type ctxKey struct{}
	m.ctx = context.WithValue(t.Context(), ctxKey{}, "program")
	press(t, m, "j", "s") // T02, ikke vurdert
	search(t, m, "pågår")
	press(t, m, "enter")
	if len(store.saves) != 1 {
		t.Fatalf("%d saves, want 1 (status %q)", len(store.saves), m.status)
	}
	got := store.saves[0]
	if got.ID != "T02" || got.Status != measures.InProgress {
		t.Errorf("saved %s with status %s, want T02 pågår", got.ID, got.Status)
	}
	if e := got.LastLog(); e == nil || e.Status != measures.InProgress || e.Date != measures.DateOf(clock()) || e.By != "Kari Nordmann" {
		t.Errorf("log entry %+v, want one dated today with the new status", e)
	}
	if store.ctxs[0].Value(ctxKey{}) != "program" {
		t.Error("the save did not run under the program's context")
	}
	if want := "✓ Lagret abc0000 T02: status ikke vurdert → pågår"; m.status != want || m.statusErr {
		t.Errorf("status line %q, want %q", m.status, want)
	}
	press(t, m, "u")
	if len(store.reverts) != 1 || store.reverts[0] != fakeHash(1).String() {
		t.Errorf("u reverted %q, want the save's commit", store.reverts)
	}
}

func TestFailedSaveChangesNothing(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(m *Model, store *fakeStore)
		want    string
	}{
		{"changed elsewhere", func(_ *Model, store *fakeStore) {
			store.c.Measure("T02").Status = measures.Delayed // a colleague's commit
		}, "Ikke lagret: T02: statusen er endret et annet sted (nå «forsinket») siden du begynte. Se den nye verdien og prøv igjen."},
		{"lock held", func(m *Model, store *fakeStore) {
			store.err = fmt.Errorf("save: %w", tracker.ErrLocked)
			m.opts.Explain = func(_ string, err error) error {
				if errors.Is(err, tracker.ErrLocked) {
					return errors.New("en annen samvirke-prosess skriver til repoet")
				}
				return err
			}
		}, "Ikke lagret: en annen samvirke-prosess skriver til repoet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, store := newFakeModel(t)
			tt.prepare(m, store)
			before := m.c.Measure("T02").Status
			press(t, m, "j", "s")
			search(t, m, "pågår")
			press(t, m, "enter")
			if m.status != tt.want || !m.statusErr {
				t.Errorf("status line %q, want the error %q", m.status, tt.want)
			}
			if len(store.saves) != 0 || len(m.commits) != 0 || len(m.undo) != 0 {
				t.Errorf("saves %d, session commits %q, undo %d: want none", len(store.saves), m.commits, len(m.undo))
			}
			if got := m.c.Measure("T02").Status; got != before || m.modal != nil || m.saving {
				t.Errorf("after the refusal: status %s (want %s), modal %v, saving %v", got, before, m.modal, m.saving)
			}
			if frame := screen(m); !strings.Contains(frame, "Ikke lagret") {
				t.Errorf("the screen does not show the refusal:\n%s", frame)
			}
		})
	}
}
