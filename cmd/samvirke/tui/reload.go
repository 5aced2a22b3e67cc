package tui

import (
	"errors"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// Outside changes (another process commits, «samvirke sync» pulls, an editor saves a
// file) are found by polling. Every few seconds a quick signature is taken: HEAD and the
// modification times of the content directories, which catches commits, pulls and files
// added, removed or replaced. A full signature adds the name, size and time of every
// content file, for edits made in place; it is taken on every poll for small content
// and on every fifteenth for large content, where it costs a noticeable fraction of a
// second.

type tickMsg struct{}

// signatureMsg carries the quick signature and, when it was taken, the full one.
type signatureMsg struct{ quick, full string }

// fullEvery is how many polls pass between full signatures for content of n measures.
func fullEvery(n int) int {
	if n < 2000 {
		return 1
	}
	return 15
}

type reloadedMsg struct {
	c   *measures.Content
	err error
}

// extrasMsg carries what comes from git: the last change per measure and the latest log.
type extrasMsg struct {
	last     map[string]time.Time
	log      []tracker.Change
	branch   string
	upstream tracker.Upstream
	err      error // what could not be read, kept so the status line can say why
}

func (m *Model) tick() tea.Cmd {
	return tea.Tick(m.opts.Poll, func(time.Time) tea.Msg { return tickMsg{} })
}

func (m *Model) signatureCmd() tea.Cmd {
	dir, store, repo := m.opts.Dir, m.store, m.opts.Repo != nil
	m.polls++
	full := m.polls%fullEvery(len(m.c.Measures)) == 0
	return func() tea.Msg {
		h := fnv.New64a()
		if repo {
			store.with(func(s Store) { h.Write([]byte(s.Head())) })
		}
		stamp := func(p string, info fs.FileInfo) {
			h.Write([]byte(p))
			h.Write([]byte(strconv.FormatInt(info.Size(), 10)))
			h.Write([]byte(strconv.FormatInt(info.ModTime().UnixNano(), 10)))
		}
		dirs := []string{dir, filepath.Join(dir, measures.MeasuresDir), filepath.Join(dir, measures.InputsDir), filepath.Join(dir, measures.StrategyDir)}
		if events, err := os.ReadDir(filepath.Join(dir, measures.InputsDir)); err == nil {
			for _, e := range events {
				dirs = append(dirs, filepath.Join(dir, measures.InputsDir, e.Name()))
			}
		}
		for _, d := range dirs {
			if info, err := os.Stat(d); err == nil {
				stamp(d, info)
			}
		}
		msg := signatureMsg{quick: strconv.FormatUint(h.Sum64(), 16)}
		if !full {
			return msg
		}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if info, err := d.Info(); err == nil {
				stamp(p, info)
			}
			return nil
		})
		msg.full = strconv.FormatUint(h.Sum64(), 16)
		return msg
	}
}

// changed records a signature and reports whether it differs from the last of its kind.
func (m *Model) changed(msg signatureMsg) bool {
	changed := m.sigQuick != "" && msg.quick != m.sigQuick
	m.sigQuick = msg.quick
	if msg.full != "" {
		changed = changed || (m.sigFull != "" && msg.full != m.sigFull)
		m.sigFull = msg.full
	}
	return changed
}

func (m *Model) reloadCmd() tea.Cmd {
	fsys := m.opts.FS
	if fsys == nil {
		return nil
	}
	return func() tea.Msg {
		c, err := measures.Load(fsys)
		return reloadedMsg{c: c, err: err}
	}
}

func (m *Model) extrasCmd() tea.Cmd {
	if m.opts.Repo == nil {
		return nil
	}
	store := m.store
	return func() tea.Msg {
		var msg extrasMsg
		store.with(func(s Store) {
			last, errLast := s.LastChanged()
			log, errLog := s.Log(8)
			up, errUp := s.Upstream()
			msg = extrasMsg{last: last, log: log, branch: s.Branch(), upstream: up, err: errors.Join(errLast, errLog, errUp)}
		})
		return msg
	}
}

func (m *Model) applyReload(msg reloadedMsg) {
	if msg.c == nil {
		m.flashErr(msgReloadFailed, msg.err)
		return
	}
	m.setContent(msg.c)
	if es := measures.AsErrors(msg.err); es != nil {
		m.flashErr(msgReloadedWithErrors, len(es))
	} else if !m.statusErr && m.status == "" {
		m.flash(msgReloaded)
	}
}
