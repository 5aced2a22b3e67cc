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
// is read back, checked and saved through tracker.Save like any other edit. The title
// and text the editor started from go along: when the measure's title or text changed
// elsewhere meanwhile (a colleague's commit, a sync), the save is refused rather than
// overwriting it, and the file is kept so the typed text is not lost.

type editorMsg struct {
	id, file    string
	title, text string // what the editor started from
	editor      string // the program run
	said        string // what was said about it: the plain editor chosen for the user
	err         error
}

// editorCommand returns the editor to run: opts.Editor, $VISUAL, $EDITOR, or else the
// platform's plain editor, and what to say about it ("" for the user's own choice).
func (m *Model) editorCommand() (args []string, say string) {
	for _, e := range []string{m.opts.Editor, os.Getenv("VISUAL"), os.Getenv("EDITOR")} {
		if f := strings.Fields(e); len(f) > 0 {
			return f, ""
		}
	}
	d := defaultEditor()
	say = "Åpner teksten i " + d.name + " (ingen EDITOR er satt)."
	if d.back != "" {
		say += " " + d.back
	}
	return d.args, say
}

func (m *Model) runEditor(ms *measures.Measure) tea.Cmd {
	f, err := os.CreateTemp("", "samvirke-"+ms.ID+"-*.md")
	if err != nil {
		m.flashErr(msgNoTempFile, err)
		return nil
	}
	f.WriteString(editorText(ms.Title, ms.Text))
	f.Close()
	cmd, say := m.editorCommand()
	args := append(cmd, f.Name())
	base := editorMsg{id: ms.ID, file: f.Name(), title: ms.Title, text: ms.Text, editor: args[0], said: say}
	run := &editorRun{Cmd: exec.Command(args[0], args[1:]...), say: say}
	return tea.Exec(run, func(err error) tea.Msg {
		msg := base
		msg.err = err
		return msg
	})
}

func editorText(title, text string) string { return "# " + title + "\n\n" + text + "\n" }

// editorNote repeats, after the plain editor chosen for the user, which one it was.
func editorNote(msg editorMsg) string {
	if msg.said == "" {
		return ""
	}
	return " (Redigert i " + msg.editor + "; sett EDITOR for å bruke et annet program.)"
}

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

// applyEditor saves what the editor left. The file is removed once it is saved or had
// no change; whenever nothing is saved, it stays and the message says where.
func (m *Model) applyEditor(msg editorMsg) tea.Cmd {
	if errors.Is(msg.err, exec.ErrNotFound) {
		m.flashErr(msgNoEditor, msg.editor)
		os.Remove(msg.file)
		return nil
	}
	if msg.err != nil {
		why := "med en feil"
		if ee, ok := errors.AsType[*exec.ExitError](msg.err); ok {
			why = sprintf("med kode %d", ee.ExitCode())
		}
		m.flashErr(msgEditorFailed, msg.editor, why, msg.file)
		return nil
	}
	data, err := os.ReadFile(msg.file)
	if err != nil {
		m.flashErr(msgEditorUnreadable, err)
		return nil
	}
	title, text, err := parseEdited(string(data))
	if err != nil {
		m.flashErr(msgEditorInvalid, err, msg.file)
		return nil
	}
	if title == msg.title && text == msg.text {
		os.Remove(msg.file)
		m.flash(msgEditorNoChange, editorNote(msg))
		return nil
	}
	cmd := m.saveThen(msg.id, func(ms *measures.Measure, _ string) error {
		if ms.Title != msg.title || ms.Text != msg.text {
			return changeError(msg.id + ": tittelen eller teksten er endret et annet sted mens du redigerte. Teksten din ligger i " +
				msg.file + "; åpne tiltaket på nytt med e og før inn endringene dine.")
		}
		ms.Title, ms.Text = title, text
		return nil
	}, func(err error) {
		if err == nil {
			os.Remove(msg.file)
		}
	})
	if c, ok := m.modal.(*confirmSave); ok {
		c.kept = " Teksten ligger i " + msg.file + "."
	}
	return cmd
}
