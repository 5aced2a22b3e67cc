// Package tui is samvirke's terminal user interface for the secretariat: browse, filter
// and edit the measures, the Åpen arena inputs and the owners. It reads through the
// measures package and writes only through its Store (tracker.Repo's Save and Revert),
// so every save is validated, atomic and one git commit. What users see is Norwegian
// bokmål.
package tui

import (
	"context"
	"io/fs"
	"slices"
	"sync"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// Options configure the TUI.
type Options struct {
	Content *measures.Content // loaded content (required)
	LoadErr error             // content errors found when loading, shown as a warning
	FS      fs.FS             // the content directory, re-read on reload; nil disables reloading
	Dir     string            // the content directory on disk, polled for outside changes; "" disables polling
	// Repo is where saves go and the history comes from: a *tracker.Repo, opened once by
	// the caller; nil for read-only content.
	Repo    Store
	RepoDir string // the repository's directory, named where the status line says where saves go
	// ReadOnly says in Norwegian why nothing can be edited; shown when Repo is nil.
	ReadOnly string
	Author   string           // "Name <email>" for commits; "" for the git config
	Now      func() time.Time // the clock, for log dates and overdue measures
	NoColor  bool             // NO_COLOR: no colour at all
	Dark     bool             // initial guess of a dark background, until the terminal tells
	Editor   string           // command for e; "" for $VISUAL, $EDITOR or vi
	// Explain turns a tracker error into a Norwegian message for people (the CLI's).
	Explain func(id string, err error) error
	Poll    time.Duration // how often to look for outside changes; 0 for 2 s
	// AskFirst, when not "", says in Norwegian why the first save of the session asks
	// before it commits: the repository was not made by «samvirke init».
	AskFirst string
	// Greeting is the status line's first message, e.g. where a demo repository is.
	Greeting string
	// Sync runs the same sync as «samvirke sync» and returns what it did, in Norwegian
	// (or an error, in Norwegian); nil when there is nothing to sync with.
	Sync func(ctx context.Context) (string, error)
}

// The views, in tab order.
const (
	viewOverview = iota
	viewMeasures
	viewInputs
	viewOwners
	numViews
)

var viewNames = [numViews]string{"Oversikt", "Tiltak", "Innspill", "Eiere"}

// Model is the TUI's Bubble Tea model: the parent of the components. It routes keys
// and messages to the component on screen, handles what the components send it
// (events.go), and owns the status line, the saves and the session.
type Model struct {
	*common
	help help.Model

	width, height int
	view          int
	showHelp      bool
	status        string
	statusErr     bool

	list     *listView
	overview *overviewView
	inputs   *inputsView
	owners   *ownersView
	helpPage *helpView
	detail   *detailView // nil: no measure open
	modal    component   // nil: no editor open

	upstream  tracker.Upstream
	undo      []savedEntry
	commits   []string // every commit of this session, «hash message»
	sigQuick  string   // see reload.go
	sigFull   string
	polls     int
	saving    bool
	confirmed bool // the user said yes to AskFirst
	quitting  bool // quit once the save in flight is done
}

// savedEntry is one of this session's saves, for u.
type savedEntry struct {
	id, hash, message string
}

// New returns the TUI's model on opts.Content, starting on the measure list.
func New(opts Options) *Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Poll == 0 {
		opts.Poll = 2 * time.Second
	}
	if opts.Explain == nil {
		opts.Explain = func(_ string, err error) error { return err }
	}
	c := &common{ctx: context.Background(), opts: opts, keys: newKeyMap(), st: DefaultStyles(opts.Dark, opts.NoColor),
		store: lockedStore{mu: &sync.Mutex{}, store: opts.Repo}}
	if opts.Repo != nil {
		c.branch = opts.Repo.Branch()
	}
	m := &Model{common: c, help: help.New(), view: viewMeasures, width: 80, height: 24,
		list: newListView(c), overview: &overviewView{common: c}, inputs: &inputsView{common: c},
		owners: &ownersView{common: c}, helpPage: &helpView{common: c}}
	m.help.Styles = helpStyles(opts.Dark, opts.NoColor)
	m.layout()
	m.setContent(opts.Content)
	if opts.Greeting != "" {
		m.flash("%s", opts.Greeting)
	}
	if es := measures.AsErrors(opts.LoadErr); es != nil {
		m.flashErr(msgContentErrors, len(es))
	}
	return m
}

// Init asks for the background colour and starts the slow reads and the polling.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.extrasCmd()}
	if m.opts.Dir != "" && m.opts.FS != nil && m.opts.Poll > 0 {
		cmds = append(cmds, m.signatureCmd()) // its answer schedules the next look
	}
	return tea.Batch(cmds...)
}

// setContent installs freshly loaded content and keeps the selections by id.
func (m *Model) setContent(c *measures.Content) {
	m.c = c
	m.index = newSearchIndex(c)
	m.list.reset()
	m.inputs.rebuild()
	m.owners.clamp()
	if m.detail != nil {
		if mm := c.Measure(m.detail.id); mm != nil {
			m.detail.refresh()
		} else {
			m.detail = nil
		}
	}
}

// flash puts a message on the status line at once (components send a statusMsg).
func (m *Model) flash(format string, a ...any) {
	m.status, m.statusErr = sprintf(format, a...), false
}

// flashErr puts an error on the status line at once.
func (m *Model) flashErr(format string, a ...any) {
	m.status, m.statusErr = sprintf(format, a...), true
}

// refuseReadOnly explains at once why an edit key does nothing.
func (m *Model) refuseReadOnly() { m.flashErr(msgReadOnly, m.opts.ReadOnly) }

// bodyHeight is the number of lines between the tab bar and the status and help lines.
func (m *Model) bodyHeight() int { return max(m.height-2-m.statusLines(), 3) }

// layout gives every component its size: the terminal's width and the body's height.
func (m *Model) layout() {
	w, h := m.width, m.bodyHeight()
	for _, c := range []component{m.list, m.overview, m.inputs, m.owners, m.helpPage} {
		c.SetSize(w, h)
	}
	if m.detail != nil {
		m.detail.SetSize(w, h)
	}
	if m.modal != nil {
		m.modal.SetSize(w, h)
	}
}

// Update handles a message, then what the components sent while handling it.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmds := []tea.Cmd{m.handle(msg)}
	for len(m.outbox) > 0 {
		next := m.outbox[0]
		m.outbox = m.outbox[1:]
		cmds = append(cmds, m.handle(next))
	}
	return m, tea.Batch(cmds...)
}

// handle is Update for one message.
func (m *Model) handle(msg tea.Msg) tea.Cmd {
	m.layout()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		m.layout()
		if m.detail != nil {
			m.detail.refresh()
		}
		m.list.clamp()
		return nil
	case tea.BackgroundColorMsg:
		m.st = DefaultStyles(msg.IsDark(), m.opts.NoColor)
		m.help.Styles = helpStyles(msg.IsDark(), m.opts.NoColor)
		if m.detail != nil {
			m.detail.refresh()
		}
		return nil
	case tea.MouseWheelMsg:
		return m.wheel(msg)
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.ForceQuit) {
			return m.quit()
		}
		return m.key(msg)
	case historyMsg:
		if m.detail != nil {
			return m.detail.Update(msg)
		}
		return nil
	}
	if cmd, ok := m.background(msg); ok {
		return cmd
	}
	if cmd, ok := m.event(msg); ok {
		return cmd
	}
	if m.modal != nil {
		return m.modal.Update(msg)
	}
	return nil
}

// background handles the answers of the work done off the event loop.
func (m *Model) background(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tickMsg:
		return m.signatureCmd(), true
	case signatureMsg:
		if !m.changed(msg) {
			return m.tick(), true
		}
		return tea.Batch(m.reloadCmd(), m.tick()), true
	case reloadedMsg:
		m.applyReload(msg)
		return tea.Batch(m.extrasCmd(), m.shownBaselineCmd()), true
	case extrasMsg:
		m.lastChanged, m.log, m.branch, m.upstream = msg.last, msg.log, msg.branch, msg.upstream
		if msg.err != nil && m.status == "" {
			m.flashErr(msgGitReadFailed, msg.err)
		}
		return nil, true
	case savedMsg:
		return m.applySaved(msg), true
	case syncedMsg:
		return m.applySynced(msg), true
	case editorMsg:
		return m.applyEditor(msg), true
	case baselineMsg:
		return m.applyBaseline(msg), true
	}
	return nil, false
}

// event handles what a component sent.
func (m *Model) event(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case statusMsg:
		m.status, m.statusErr = msg.text, msg.err
	case openDetailMsg:
		return m.openDetail(msg.id), true
	case closeDetailMsg:
		m.detail = nil
	case openHelpMsg:
		m.showHelp = true
		m.helpPage.top()
	case closeHelpMsg:
		m.showHelp = false
	case openModalMsg:
		m.modal = msg.modal
		m.layout()
		return m.modal.Init(), true
	case closeModalMsg:
		if m.modal == msg.modal {
			m.modal = nil
		}
	case editMsg:
		return m.editKey(msg.key, msg.id), true
	case undoMsg:
		return m.undoLast(), true
	case baselineToggleMsg:
		if m.detail != nil {
			return m.detail.toggleBaseline(), true
		}
	case saveMsg:
		return m.saveThen(msg.id, msg.change, msg.done), true
	case confirmedMsg:
		m.confirmed, m.saving = true, true
		return msg.run, true
	case filterMsg:
		m.list.setFilter(msg.quick, msg.clearQuery)
		m.view = viewMeasures
	default:
		return nil, false
	}
	return nil, true
}

// key routes a key press: to the editor, the help, the detail or a focused filter when
// one is open, else the keys that work everywhere, else the view on screen.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case m.modal != nil:
		return m.modal.Update(msg)
	case m.showHelp:
		return m.helpPage.Update(msg)
	case m.detail != nil:
		return m.detail.Update(msg)
	case m.view == viewMeasures && m.list.filtering: // a focused filter takes every key
		return m.list.Update(msg)
	}
	switch {
	case key.Matches(msg, m.keys.Help):
		m.showHelp = true
		m.helpPage.top()
		return nil
	case key.Matches(msg, m.keys.Quit):
		return m.quit()
	case key.Matches(msg, m.keys.Next):
		m.view = (m.view + 1) % numViews
		return nil
	case key.Matches(msg, m.keys.Prev):
		m.view = (m.view + numViews - 1) % numViews
		return nil
	case key.Matches(msg, m.keys.View1, m.keys.View2, m.keys.View3, m.keys.View4):
		m.view = slices.IndexFunc([]key.Binding{m.keys.View1, m.keys.View2, m.keys.View3, m.keys.View4},
			func(b key.Binding) bool { return key.Matches(msg, b) })
		return nil
	case key.Matches(msg, m.keys.Undo):
		return m.undoLast()
	case key.Matches(msg, m.keys.Sync):
		return m.syncNow()
	}
	return m.current().Update(msg)
}

// current is the view of the tab on screen.
func (m *Model) current() component {
	switch m.view {
	case viewOverview:
		return m.overview
	case viewInputs:
		return m.inputs
	case viewOwners:
		return m.owners
	}
	return m.list
}

// front is the component on screen: the editor, the help, the detail or the view.
func (m *Model) front() component {
	switch {
	case m.modal != nil:
		return m.modal
	case m.showHelp:
		return m.helpPage
	case m.detail != nil:
		return m.detail
	}
	return m.current()
}

// wheel scrolls what is on screen; an editor ignores the wheel.
func (m *Model) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	delta := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		delta = -3
	case tea.MouseWheelDown:
		delta = 3
	default:
		return nil
	}
	if s, ok := m.front().(interface{ scroll(int) }); ok && m.modal == nil {
		s.scroll(delta)
	}
	return nil
}

// quit ends the program, after the save in flight if there is one: a save is never cut off.
func (m *Model) quit() tea.Cmd {
	if m.saving {
		m.quitting = true
		m.flash(msgQuitAfterSave)
		return nil
	}
	return tea.Quit
}

// openDetail shows the measure id.
func (m *Model) openDetail(id string) tea.Cmd {
	if m.c.Measure(id) == nil {
		return nil
	}
	m.detail = newDetailView(m.common, id, m.width, m.bodyHeight())
	return m.historyCmd(id)
}

// Run runs the TUI on the terminal until the user quits. It returns the commits the
// session made («abc1234 T14: status …»), oldest first, for the caller to print once
// the alternate screen is gone.
func Run(ctx context.Context, opts Options, progOpts ...tea.ProgramOption) ([]string, error) {
	m := New(opts)
	m.ctx = ctx
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithContext(ctx)}, progOpts...)...)
	_, err := p.Run()
	return m.commits, err
}
