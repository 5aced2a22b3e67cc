package tui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// savedMsg reports a save or a revert.
type savedMsg struct {
	id     string
	saved  *tracker.Saved
	err    error
	revert bool
}

type historyMsg struct {
	id      string
	changes []tracker.Change
	err     error
}

// requestSave asks the parent to save change to the measure id.
func (c *common) requestSave(id string, change func(*measures.Measure, string) error) {
	c.send(saveMsg{id: id, change: change})
}

// saveThen is save with done called, off the event loop, with the save's outcome.
func (m *Model) saveThen(id string, change func(*measures.Measure, string) error, done func(error)) tea.Cmd {
	if m.readOnly() {
		m.refuseReadOnly()
		return nil
	}
	store, ctx, opts := m.store, m.ctx, tracker.SaveOptions{Author: m.opts.Author, Now: m.opts.Now()}
	run := func() tea.Msg {
		msg := savedMsg{id: id}
		store.with(func(s Store) { msg.saved, msg.err = s.Save(ctx, id, change, opts) })
		if done != nil {
			done(msg.err)
		}
		return msg
	}
	if m.opts.AskFirst != "" && !m.confirmed {
		return m.open(&confirmSave{common: m.common, id: id, run: run})
	}
	m.saving = true
	return run
}

// undoLast reverts this session's last save with a new commit.
func (m *Model) undoLast() tea.Cmd {
	if m.readOnly() {
		m.refuseReadOnly()
		return nil
	}
	if len(m.undo) == 0 {
		m.flashErr(msgNothingToUndo)
		return nil
	}
	last := m.undo[len(m.undo)-1]
	store, ctx, opts := m.store, m.ctx, tracker.SaveOptions{Author: m.opts.Author, Now: m.opts.Now()}
	m.saving = true
	return func() tea.Msg {
		msg := savedMsg{id: last.id, revert: true}
		store.with(func(s Store) { msg.saved, msg.err = s.Revert(ctx, last.hash, opts) })
		return msg
	}
}

func (m *Model) applySaved(msg savedMsg) tea.Cmd {
	m.saving = false
	if m.quitting {
		return tea.Quit
	}
	if msg.err != nil {
		m.flashErr(msgNotSaved, m.explain(msg))
		if _, ok := errors.AsType[changeError](msg.err); ok {
			return m.reloadCmd() // show what changed elsewhere at once
		}
		return nil
	}
	short := msg.saved.Hash.String()[:7]
	m.commits = append(m.commits, short+" "+msg.saved.Message)
	if msg.revert {
		m.undo = m.undo[:len(m.undo)-1]
		m.flash(msgUndone, short, msg.saved.Message)
	} else {
		m.undo = append(m.undo, savedEntry{id: msg.id, hash: msg.saved.Hash.String(), message: msg.saved.Message})
		m.flash(msgSaved, short, msg.saved.Message)
	}
	// Read the content again at once rather than waiting for the poll.
	cmds := []tea.Cmd{m.reloadCmd(), m.extrasCmd()}
	if m.detail != nil && m.detail.id == msg.id {
		cmds = append(cmds, m.historyCmd(msg.id))
	}
	return tea.Batch(cmds...)
}

func (m *Model) explain(msg savedMsg) string {
	switch {
	case errors.Is(msg.err, tracker.ErrChanged):
		return "tiltaket er endret etter lagringen som skulle angres; angre den siste endringen først, eller endre tiltaket direkte."
	case errors.Is(msg.err, tracker.ErrNotRevertible):
		return "denne commiten kan ikke angres automatisk."
	}
	var ce changeError
	if errors.As(msg.err, &ce) {
		return string(ce)
	}
	return strings.ReplaceAll(m.opts.Explain(msg.id, msg.err).Error(), "\n", " ")
}

// changedElsewhere refuses a save whose field changed since the editor opened on it.
func changedElsewhere(id, field, now string) error {
	return changeError(id + ": " + field + " er endret et annet sted (nå " + now + ") siden du begynte. Se den nye verdien og prøv igjen.")
}

// changeError is a refusal by the change function itself, already in Norwegian.
type changeError string

func (e changeError) Error() string { return string(e) }

func (m *Model) historyCmd(id string) tea.Cmd {
	if m.opts.Repo == nil {
		return nil
	}
	store := m.store
	return func() tea.Msg {
		msg := historyMsg{id: id}
		store.with(func(s Store) { msg.changes, msg.err = s.History(id) })
		return msg
	}
}

// setStatus saves a new status with a dated log entry, as «samvirke set --status» does.
// from is the status the user saw; when another change set a third one meanwhile, it is
// not overwritten unseen.
func (c *common) setStatus(id string, from, st measures.Status) {
	today := c.today()
	c.requestSave(id, func(ms *measures.Measure, by string) error {
		if ms.Status == st {
			return tracker.ErrNoChange
		}
		if ms.Status != from {
			return changedElsewhere(id, "statusen", "«"+ms.Status.Label()+"»")
		}
		return ms.RecordChange(st, "", by, today)
	})
}

// addNote saves a log note dated today.
func (c *common) addNote(id, note string) {
	today := c.today()
	c.requestSave(id, func(ms *measures.Measure, by string) error {
		return ms.RecordChange("", note, by, today)
	})
}
