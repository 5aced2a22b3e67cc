package tui

import "testing"

func TestPlainEditorWindows(t *testing.T) {
	if d := defaultEditor(); len(d.args) != 1 || d.args[0] != "notepad.exe" || d.back == "" {
		t.Errorf("defaultEditor() = %+v", d)
	}
}
