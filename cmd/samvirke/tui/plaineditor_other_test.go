//go:build !windows && !darwin

package tui

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestPlainEditor: without $VISUAL and $EDITOR, e opens sensible-editor where there is
// one, else nano, and says which; vi only when neither is installed.
func TestPlainEditor(t *testing.T) {
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "")
	tests := []struct {
		installed []string
		want      string
	}{
		{[]string{"sensible-editor", "nano", "vi"}, "sensible-editor"},
		{[]string{"nano", "vi"}, "nano"},
		{[]string{"vi"}, "vi"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			old := lookPath
			t.Cleanup(func() { lookPath = old })
			lookPath = func(name string) (string, error) {
				if slices.Contains(tt.installed, name) {
					return "/usr/bin/" + name, nil
				}
				return "", errors.New("not found")
			}
			m, _ := newTestModel(t, false)
			args, say := m.editorCommand()
			if strings.Join(args, " ") != tt.want || !strings.Contains(say, "Åpner teksten i "+tt.want+" (ingen EDITOR er satt)") {
				t.Errorf("editorCommand() = %q, %q", args, say)
			}
		})
	}
	t.Run("EDITOR set", func(t *testing.T) {
		t.Setenv("EDITOR", "emacs -nw")
		m, _ := newTestModel(t, false)
		if args, say := m.editorCommand(); strings.Join(args, " ") != "emacs -nw" || say != "" {
			t.Errorf("editorCommand() = %q, %q", args, say)
		}
	})
}
