package tui

import (
	"fmt"
	"io"
	"os/exec"
)

// plainEditor is the editor e opens when neither Options.Editor, $VISUAL nor $EDITOR
// names one: the platform's plain text editor (see plaineditor_*.go), so that a user
// who never set up a terminal editor does not land in vi.
type plainEditor struct {
	args []string // the command; the file name is appended
	name string   // what it is called, for the messages
	back string   // for an editor in a window of its own: how to get back to samvirke
}

// lookPath is exec.LookPath, replaced in tests.
var lookPath = exec.LookPath

// editorRun is a tea.ExecCommand that says which editor opens, in the terminal samvirke
// has just handed over, before it runs it.
type editorRun struct {
	*exec.Cmd
	say string
}

func (e *editorRun) Run() error {
	if e.say != "" && e.Stdout != nil {
		fmt.Fprintln(e.Stdout, e.say)
	}
	return e.Cmd.Run()
}

func (e *editorRun) SetStdin(r io.Reader)  { e.Stdin = r }
func (e *editorRun) SetStdout(w io.Writer) { e.Stdout = w }
func (e *editorRun) SetStderr(w io.Writer) { e.Stderr = w }
