// Package tui is samvirke's terminal user interface for the secretariat: browse, filter
// and edit the measures, the Åpen arena inputs and the owners. It reads through the
// measures package and writes only through tracker.Save and tracker.Revert, so every
// save is validated, atomic and one git commit. What users see is Norwegian bokmål.
package tui

import (
	"context"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// Options configure the TUI.
type Options struct {
	Content *measures.Content // loaded content (required)
	LoadErr error             // content errors found when loading, shown as a warning
	FS      fs.FS             // the content directory, re-read on reload; nil disables reloading
	Dir     string            // the content directory on disk, polled for outside changes; "" disables polling
	Repo    *tracker.Repo     // nil: read-only
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

// Model is the TUI's Bubble Tea model.
type Model struct {
	opts  Options
	c     *measures.Content
	keys  keyMap
	st    Styles
	help  help.Model
	index *searchIndex

	width, height int
	view          int
	showHelp      bool
	helpScroll    int
	status        string
	statusErr     bool

	list     listView
	overview overviewView
	inputs   inputsView
	owners   ownersView
	detail   *detailView
	modal    modal
	baseline baseline // the strategy baseline of the detail's b (baseline.go)

	lastChanged map[string]time.Time
	log         []tracker.Change
	branch      string // the branch HEAD is on, "" when detached
	upstream    tracker.Upstream
	undo        []savedEntry
	commits     []string // every commit of this session, «hash message»
	sigQuick    string   // see reload.go
	sigFull     string
	polls       int
	// Reads from git (history, log, the change index) and saves use separate
	// tracker.Repos, each used by one goroutine at a time: a tracker.Repo is not safe for
	// concurrent use, and a save must not wait behind a slow read such as building the
	// change index of a long history. Saves are serialized across processes by the
	// tracker's lock file.
	repoMu    *sync.Mutex
	writer    *tracker.Repo
	writerMu  *sync.Mutex
	saving    bool
	confirmed bool // the user said yes to AskFirst
	quitting  bool // quit once the save in flight is done

	glamour    *glamour.TermRenderer
	glamourKey string

	readOnlyOverride bool // tests: draw the screens as if editable, without a repository
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
	m := &Model{opts: opts, keys: newKeyMap(), st: DefaultStyles(opts.Dark, opts.NoColor),
		help: help.New(), view: viewMeasures, width: 80, height: 24, repoMu: &sync.Mutex{}, writerMu: &sync.Mutex{}}
	m.writer = opts.Repo
	if opts.Repo != nil {
		if w, err := tracker.Open(opts.Repo.Root); err == nil {
			m.writer = w
		}
	}
	if opts.Repo != nil {
		m.branch = opts.Repo.Branch()
	}
	m.help.Styles = helpStyles(opts.Dark, opts.NoColor)
	m.list = newListView()
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

func (m *Model) readOnly() bool { return m.opts.Repo == nil && !m.readOnlyOverride }

// setContent installs freshly loaded content and keeps the selections by id.
func (m *Model) setContent(c *measures.Content) {
	m.c = c
	m.index = newSearchIndex(c)
	m.list.reset(m)
	m.inputs.rebuild(m)
	m.owners.clamp(m)
	if m.detail != nil {
		if mm := c.Measure(m.detail.id); mm != nil {
			m.detail.refresh(m)
		} else {
			m.detail = nil
		}
	}
}

func (m *Model) flash(format string, a ...any) {
	m.status, m.statusErr = sprintf(format, a...), false
}

func (m *Model) flashErr(format string, a ...any) {
	m.status, m.statusErr = sprintf(format, a...), true
}

// bodyHeight is the number of lines between the tab bar and the status and help lines.
func (m *Model) bodyHeight() int { return max(m.height-2-m.statusLines(), 3) }

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		if m.detail != nil {
			m.detail.refresh(m)
		}
		m.list.clamp(m)
		return m, nil
	case tea.BackgroundColorMsg:
		m.st = DefaultStyles(msg.IsDark(), m.opts.NoColor)
		m.help.Styles = helpStyles(msg.IsDark(), m.opts.NoColor)
		if m.detail != nil {
			m.detail.refresh(m)
		}
		return m, nil
	case tickMsg:
		return m, m.signatureCmd()
	case signatureMsg:
		if !m.changed(msg) {
			return m, m.tick()
		}
		return m, tea.Batch(m.reloadCmd(), m.tick())
	case reloadedMsg:
		m.applyReload(msg)
		return m, tea.Batch(m.extrasCmd(), m.shownBaselineCmd())
	case extrasMsg:
		m.lastChanged, m.log, m.branch, m.upstream = msg.last, msg.log, msg.branch, msg.upstream
		if msg.err != nil && m.status == "" {
			m.flashErr(msgGitReadFailed, msg.err)
		}
		return m, nil
	case savedMsg:
		return m, m.applySaved(msg)
	case syncedMsg:
		return m, m.applySynced(msg)
	case historyMsg:
		if m.detail != nil && m.detail.id == msg.id {
			m.detail.history, m.detail.historyErr, m.detail.historyDone = msg.changes, msg.err, true
			m.detail.refresh(m)
		}
		return m, nil
	case editorMsg:
		return m, m.applyEditor(msg)
	case baselineMsg:
		return m, m.applyBaseline(msg)
	case tea.MouseWheelMsg:
		return m, m.wheel(msg)
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.ForceQuit) {
			return m, m.quit()
		}
		return m, m.key(msg)
	}
	if m.modal != nil {
		_, cmd := m.modal.update(m, msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if cur := m.modal; cur != nil {
		closed, cmd := cur.update(m, msg)
		if closed && m.modal == cur { // a closing editor may open the next (confirmSave)
			m.modal = nil
		}
		return cmd
	}
	if m.showHelp {
		m.helpKey(msg)
		return nil
	}
	if m.detail != nil {
		return m.detail.key(m, msg)
	}
	// A focused filter takes every key.
	if m.view == viewMeasures && m.list.filtering {
		return m.list.key(m, msg)
	}
	switch {
	case key.Matches(msg, m.keys.Help):
		m.showHelp, m.helpScroll = true, 0
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
	switch m.view {
	case viewOverview:
		return m.overview.key(m, msg)
	case viewMeasures:
		return m.list.key(m, msg)
	case viewInputs:
		return m.inputs.key(m, msg)
	case viewOwners:
		return m.owners.key(m, msg)
	}
	return nil
}

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
	switch {
	case m.modal != nil:
		return nil
	case m.showHelp:
		m.scrollHelp(delta)
	case m.detail != nil:
		if delta < 0 {
			m.detail.vp.ScrollUp(-delta)
		} else {
			m.detail.vp.ScrollDown(delta)
		}
	case m.view == viewMeasures:
		m.list.move(m, delta)
	case m.view == viewInputs:
		m.inputs.move(m, delta)
	case m.view == viewOwners:
		m.owners.move(m, delta/3)
	case m.view == viewOverview:
		m.overview.scroll = max(0, m.overview.scroll+delta)
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
	m.detail = newDetailView(m, id)
	return m.historyCmd(id)
}

// View renders the screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "samvirke"
	return v
}

// render draws the whole screen as a string of exactly height lines.
func (m *Model) render() string {
	h := m.bodyHeight()
	var body string
	switch {
	case m.showHelp:
		body = m.fullHelp(m.width, h)
	case m.modal != nil:
		body = m.modal.view(m, m.width, h)
	case m.detail != nil:
		body = m.detail.view(m, m.width, h)
	default:
		switch m.view {
		case viewOverview:
			body = m.overview.view(m, m.width, h)
		case viewMeasures:
			body = m.list.view(m, m.width, h)
		case viewInputs:
			body = m.inputs.view(m, m.width, h)
		case viewOwners:
			body = m.owners.view(m, m.width, h)
		}
	}
	var b strings.Builder
	b.WriteString(m.tabBar())
	b.WriteByte('\n')
	b.WriteString(fitLines(body, m.width, h))
	b.WriteByte('\n')
	b.WriteString(m.statusLine())
	b.WriteByte('\n')
	b.WriteString(ansi.Truncate(m.helpLine(), m.width, "…"))
	return b.String()
}

func (m *Model) tabBar() string {
	var parts []string
	for i, name := range viewNames {
		label := sprintf("%d %s", i+1, name)
		if i == m.view {
			parts = append(parts, m.st.ActiveTab.Render(label))
		} else {
			parts = append(parts, m.st.Tab.Render(label))
		}
	}
	bar := strings.Join(parts, "")
	if m.detail != nil {
		bar += " › " + m.detail.id
	}
	if m.readOnly() {
		bar += " " + m.st.Notice.Render("[skrivebeskyttet]")
	}
	if u := upstreamShort(m.upstream); u != "" && m.upstream.Branch == m.branch {
		if gap := m.width - ansi.StringWidth(bar) - ansi.StringWidth(u) - 1; gap >= 1 {
			bar += strings.Repeat(" ", gap) + m.st.Notice.Render(u)
		}
	}
	return ansi.Truncate(bar, m.width, "…")
}

// statusText is what the status line says now and its style.
func (m *Model) statusText() (string, lipgloss.Style) {
	s := m.status
	switch {
	case m.saving:
		return "Lagrer …", m.st.OK
	case s == "" && m.readOnly():
		return m.opts.ReadOnly, m.st.Notice
	case s == "":
		return m.where(), m.st.Dim
	case m.statusErr:
		return strings.ReplaceAll(s, "\n", " "), m.st.Error
	}
	return strings.ReplaceAll(s, "\n", " "), m.st.OK
}

// statusLines is how many lines the status line takes: two when its text is wider than
// the terminal, so that a message is not cut before it says what to do.
func (m *Model) statusLines() int {
	if s, _ := m.statusText(); ansi.StringWidth(s) > m.width && m.height >= 12 {
		return 2
	}
	return 1
}

// statusLine is the status text, wrapped to statusLines lines of the terminal's width.
func (m *Model) statusLine() string {
	s, style := m.statusText()
	if m.statusLines() == 1 {
		return style.Render(ansi.Truncate(s, m.width, "…"))
	}
	lines := strings.SplitN(ansi.Wordwrap(s, m.width, ""), "\n", 2)
	lines[0] = ansi.Truncate(lines[0], m.width, "…")
	if len(lines) == 2 {
		lines[1] = ansi.Truncate(strings.ReplaceAll(lines[1], "\n", " "), m.width, "…")
	}
	for i := range lines {
		lines[i] = style.Render(lines[i])
	}
	return strings.Join(lines, "\n")
}

// where says, when nothing else is on the status line, where a save goes: the repository
// and the branch, so nobody commits to the wrong place unawares.
func (m *Model) where() string {
	if m.opts.Repo == nil {
		return ""
	}
	repo := filepath.Base(m.opts.Repo.Root)
	if m.branch == "" {
		return "Repo " + repo + ", uten gren (detached HEAD): lagring er ikke mulig før du er på en gren."
	}
	if m.opts.AskFirst != "" && !m.confirmed {
		return "Spør før første lagring på grenen " + m.branch + " i " + repo + " (ikke laget med «samvirke init»)."
	}
	return "Lagrer som commits på grenen " + m.branch + " i " + repo + "."
}

// fitLines cuts or pads s to exactly h lines of at most w cells.
func fitLines(s string, w, h int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// Run runs the TUI on the terminal until the user quits. It returns the commits the
// session made («abc1234 T14: status …»), oldest first, for the caller to print once
// the alternate screen is gone.
func Run(ctx context.Context, opts Options, progOpts ...tea.ProgramOption) ([]string, error) {
	m := New(opts)
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithContext(ctx)}, progOpts...)...)
	_, err := p.Run()
	return m.commits, err
}
