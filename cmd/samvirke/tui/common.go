package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// common is what the model and every component share: the options, the content and its
// search index, the styles and the key map, the store and the program's context, and
// what came from git. The parent owns it; components read it and talk back to the
// parent only by sending messages (see events.go).
type common struct {
	ctx   context.Context // the program's: saves, undo and sync run under it
	opts  Options
	c     *measures.Content
	index *searchIndex
	keys  keyMap
	st    Styles
	store lockedStore // opts.Repo, one goroutine at a time

	lastChanged map[string]time.Time // from git: the last change per measure
	log         []tracker.Change     // from git: the latest changes
	branch      string               // the branch HEAD is on, "" when detached
	baseline    baseline             // the strategy baseline of the detail's b (baseline.go)

	glamour    *glamour.TermRenderer
	glamourKey string

	outbox []tea.Msg // messages sent to the parent, handled in the same Update

	readOnlyOverride bool // tests: draw the screens as if editable, without a repository
}

// send hands msg to the parent. The parent handles it in the Update that is running,
// after the component returns and in the order sent: a tea.Cmd would deliver it only
// after keys already typed, which would then reach a picker that should have closed.
func (c *common) send(msg tea.Msg) { c.outbox = append(c.outbox, msg) }

// flash asks the parent to show a message on the status line.
func (c *common) flash(format string, a ...any) { c.send(statusMsg{text: sprintf(format, a...)}) }

// flashErr asks the parent to show an error on the status line.
func (c *common) flashErr(format string, a ...any) {
	c.send(statusMsg{text: sprintf(format, a...), err: true})
}

// refuseReadOnly explains why an edit key does nothing.
func (c *common) refuseReadOnly() { c.flashErr(msgReadOnly, c.opts.ReadOnly) }

func (c *common) readOnly() bool { return c.opts.Repo == nil && !c.readOnlyOverride }

// today is the date for new log entries.
func (c *common) today() measures.Date { return measures.DateOf(c.opts.Now()) }

// markdown renders Markdown for the terminal with glamour, in a style for the
// background (plain without colour). The renderer is kept for the width.
func (c *common) markdown(text string, w int) string {
	style := styles.DarkStyle
	switch {
	case c.st.NoColor:
		style = styles.NoTTYStyle
	case !c.st.Dark:
		style = styles.LightStyle
	}
	key := style + "/" + strconv.Itoa(w)
	if c.glamourKey != key || c.glamour == nil {
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(max(w-4, 20)))
		if err != nil {
			return text + "\n"
		}
		c.glamour, c.glamourKey = r, key
	}
	text = shown(text)
	out, err := c.glamour.Render(text)
	if err != nil {
		return text + "\n"
	}
	return strings.Trim(out, "\n") + "\n"
}
