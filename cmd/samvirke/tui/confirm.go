package tui

import (
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// confirmSave asks before the first save of a session in a repository that was not
// made by «samvirke init» (Options.AskFirst), such as samvirke's own source checkout:
// there a keystroke must not commit onto the code's branch unawares.
type confirmSave struct {
	*common
	box
	id   string
	run  tea.Cmd // the save, run on yes
	kept string  // on no: where typed text was kept, e.g. the editor's file
}

// Update takes the answer: j saves (and the session asks no more), n does not.
func (c *confirmSave) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(kp, c.keys.Yes):
		c.send(closeModalMsg{c})
		c.send(confirmedMsg{c.run})
	case key.Matches(kp, c.keys.No):
		c.send(closeModalMsg{c})
		c.flash(msgDeclined, c.kept)
	}
	return nil
}

// View asks, naming the branch and the repository the save goes to.
func (c *confirmSave) View() string {
	w := c.w
	repo, branch := filepath.Base(c.opts.RepoDir), c.branch
	if branch == "" {
		branch = "(ingen gren)"
	}
	paras := []string{
		c.opts.AskFirst,
		"Lagringen av " + c.id + " blir en commit på grenen " + branch + " i " + repo + " (" + c.opts.RepoDir + ").",
		"Vil du prøve samvirke uten å endre dette repoet, svar n, avslutt og kjør «samvirke demo».",
		c.st.Error.Render("Lagre? j = ja, lagre (spør ikke igjen i denne økten), n = nei"),
	}
	for i, p := range paras {
		paras[i] = ansi.Wordwrap(p, max(w-2, 20), "")
	}
	return c.st.Title.Render("Lagre i dette repoet?") + "\n\n" + strings.Join(paras, "\n\n")
}

// ShortHelp is the key line of the question.
func (c *confirmSave) ShortHelp() []key.Binding {
	yes, no := c.keys.Yes, c.keys.No
	yes.SetHelp("j", "ja, lagre")
	no.SetHelp("n/esc", "nei")
	return []key.Binding{yes, no}
}

// FullHelp is the question's keys.
func (c *confirmSave) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }
