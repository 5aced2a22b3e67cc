package tui

import (
	"errors"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
)

// The e key opens the measure's title and text in the user's editor: a temporary file
// whose first line is «# Tittel» and the rest the text. When the editor exits, the file
// is read back, checked and saved through tracker.Save like any other edit.

type editorMsg struct {
	id, file string
	err      error
}

// editorCommand returns the editor to run: opts.Editor, $VISUAL, $EDITOR or vi.
func (m *Model) editorCommand() []string {
	for _, e := range []string{m.opts.Editor, os.Getenv("VISUAL"), os.Getenv("EDITOR")} {
		if f := strings.Fields(e); len(f) > 0 {
			return f
		}
	}
	return []string{"vi"}
}

func (m *Model) runEditor(ms *measures.Measure) tea.Cmd {
	f, err := os.CreateTemp("", "samvirke-"+ms.ID+"-*.md")
	if err != nil {
		m.flashErr("Kunne ikke lage en midlertidig fil: %v", err)
		return nil
	}
	f.WriteString(editorText(ms.Title, ms.Text))
	f.Close()
	args := append(m.editorCommand(), f.Name())
	id, file := ms.ID, f.Name()
	return tea.ExecProcess(exec.Command(args[0], args[1:]...), func(err error) tea.Msg {
		return editorMsg{id: id, file: file, err: err}
	})
}

func editorText(title, text string) string { return "# " + title + "\n\n" + text + "\n" }

var errNoTitle = errors.New("første linje må være «# Tittel»")

// parseEdited reads back the editor file: «# Tittel», then the text.
func parseEdited(s string) (title, text string, err error) {
	s = strings.TrimLeft(strings.ReplaceAll(s, "\r\n", "\n"), "\n \t")
	first, rest, _ := strings.Cut(s, "\n")
	if !strings.HasPrefix(first, "# ") || strings.TrimSpace(first[2:]) == "" {
		return "", "", errNoTitle
	}
	text = strings.TrimSpace(rest)
	if text == "" {
		return "", "", errors.New("teksten kan ikke være tom")
	}
	return strings.TrimSpace(first[2:]), text, nil
}

func (m *Model) applyEditor(msg editorMsg) tea.Cmd {
	defer os.Remove(msg.file)
	if msg.err != nil {
		m.flashErr("Redigeringsprogrammet avsluttet med feil (%v); ingenting er lagret.", msg.err)
		return nil
	}
	data, err := os.ReadFile(msg.file)
	if err != nil {
		m.flashErr("Kunne ikke lese filen fra redigeringsprogrammet: %v", err)
		return nil
	}
	title, text, err := parseEdited(string(data))
	if err != nil {
		m.flashErr("Ikke lagret: %v.", err)
		return nil
	}
	if ms := m.c.Measure(msg.id); ms != nil && ms.Title == title && ms.Text == text {
		m.flash("Ingen endring i tittel eller tekst.")
		return nil
	}
	return m.save(msg.id, func(ms *measures.Measure, _ string) error {
		ms.Title, ms.Text = title, text
		return nil
	})
}
