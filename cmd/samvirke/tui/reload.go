package tui

import (
	"hash/fnv"
	"io/fs"
	"path/filepath"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// Outside changes (another process commits, «samvirke sync» pulls, an editor saves a
// file) are found by polling: every few seconds a cheap signature of HEAD and of the
// names, sizes and modification times of the content files is compared with the last.

type tickMsg struct{}

type signatureMsg struct{ sig string }

type reloadedMsg struct {
	c   *measures.Content
	err error
}

// extrasMsg carries what comes from git: the last change per measure and the latest log.
type extrasMsg struct {
	last map[string]time.Time
	log  []tracker.Change
}

func (m *Model) tick() tea.Cmd {
	return tea.Tick(m.opts.Poll, func(time.Time) tea.Msg { return tickMsg{} })
}

func (m *Model) signatureCmd() tea.Cmd {
	dir, repo, mu := m.opts.Dir, m.opts.Repo, m.repoMu
	return func() tea.Msg {
		h := fnv.New64a()
		if repo != nil {
			mu.Lock()
			h.Write([]byte(repo.Head()))
			mu.Unlock()
		}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			h.Write([]byte(p))
			h.Write([]byte(strconv.FormatInt(info.Size(), 10)))
			h.Write([]byte(strconv.FormatInt(info.ModTime().UnixNano(), 10)))
			return nil
		})
		return signatureMsg{sig: strconv.FormatUint(h.Sum64(), 16)}
	}
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
	repo, mu := m.opts.Repo, m.repoMu
	if repo == nil {
		return nil
	}
	return func() tea.Msg {
		mu.Lock()
		defer mu.Unlock()
		last, _ := repo.LastChanged()
		log, _ := repo.Log(8)
		return extrasMsg{last: last, log: log}
	}
}

func (m *Model) applyReload(msg reloadedMsg) {
	if msg.c == nil {
		m.flashErr("Kunne ikke lese innholdet på nytt: %v", msg.err)
		return
	}
	m.setContent(msg.c)
	if es := measures.AsErrors(msg.err); es != nil {
		m.flashErr("Innholdet ble endret utenfra og har %d feil; kjør «samvirke validate».", len(es))
	} else if !m.statusErr && m.status == "" {
		m.flash("Innholdet ble endret utenfra og er lest på nytt.")
	}
}
