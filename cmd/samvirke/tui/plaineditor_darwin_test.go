package tui

import (
	"strings"
	"testing"
)

func TestPlainEditorDarwin(t *testing.T) {
	if d := defaultEditor(); strings.Join(d.args, " ") != "open -W -t" || !strings.Contains(d.back, "TextEdit") {
		t.Errorf("defaultEditor() = %+v", d)
	}
}
