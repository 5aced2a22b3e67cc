package tui

import (
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

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
	m.layout()
	body := m.front().View()
	if m.showHelp {
		body = m.helpPage.View()
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
	repo := filepath.Base(m.opts.RepoDir)
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
