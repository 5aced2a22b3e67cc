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
	id   string
	run  tea.Cmd // the save, run on yes
	kept string  // on no: where typed text was kept, e.g. the editor's file
}

func (c *confirmSave) update(m *Model, msg tea.Msg) (bool, tea.Cmd) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	switch {
	case key.Matches(kp, m.keys.Yes):
		m.confirmed = true
		m.saving = true
		return true, c.run
	case key.Matches(kp, m.keys.No):
		m.flash(msgDeclined, c.kept)
		return true, nil
	}
	return false, nil
}

func (c *confirmSave) view(m *Model, w, _ int) string {
	repo, branch := filepath.Base(m.opts.RepoDir), m.branch
	if branch == "" {
		branch = "(ingen gren)"
	}
	paras := []string{
		m.opts.AskFirst,
		"Lagringen av " + c.id + " blir en commit på grenen " + branch + " i " + repo + " (" + m.opts.RepoDir + ").",
		"Vil du prøve samvirke uten å endre dette repoet, svar n, avslutt og kjør «samvirke demo».",
		m.st.Error.Render("Lagre? j = ja, lagre (spør ikke igjen i denne økten), n = nei"),
	}
	for i, p := range paras {
		paras[i] = ansi.Wordwrap(p, max(w-2, 20), "")
	}
	return m.st.Title.Render("Lagre i dette repoet?") + "\n\n" + strings.Join(paras, "\n\n")
}

func (c *confirmSave) helpKeys(k keyMap) []key.Binding {
	yes, no := k.Yes, k.No
	yes.SetHelp("j", "ja, lagre")
	no.SetHelp("n/esc", "nei")
	return []key.Binding{yes, no}
}
