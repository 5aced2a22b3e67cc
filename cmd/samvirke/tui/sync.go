package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// syncedMsg is the result of a sync run from the TUI.
type syncedMsg struct {
	out string
	err error
}

// syncNow runs Options.Sync (the same sync, with the same messages, as «samvirke sync»)
// in the background, under the writer's lock, so it never runs beside a save.
func (m *Model) syncNow() tea.Cmd {
	if m.readOnly() {
		m.refuseReadOnly()
		return nil
	}
	if m.opts.Sync == nil {
		m.flashErr(msgNoSync)
		return nil
	}
	if m.saving {
		m.flashErr(msgBusy)
		return nil
	}
	m.saving = true
	m.flash(msgSyncing)
	sync, store, ctx := m.opts.Sync, m.store, m.ctx
	return func() tea.Msg {
		var msg syncedMsg
		store.with(func(Store) { msg.out, msg.err = sync(ctx) })
		return msg
	}
}

// applySynced shows what the sync did and reads the content and the remote state again.
func (m *Model) applySynced(msg syncedMsg) tea.Cmd {
	m.saving = false
	if m.quitting {
		return tea.Quit
	}
	if msg.err != nil {
		m.flashErr("%s", strings.Join(strings.Fields(msg.err.Error()), " "))
	} else {
		m.flash("✓ %s", strings.Join(strings.Fields(msg.out), " "))
	}
	return tea.Batch(m.reloadCmd(), m.extrasCmd())
}
