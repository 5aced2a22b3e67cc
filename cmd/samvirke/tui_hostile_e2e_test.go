package main

import (
	"strings"
	"testing"
)

// TestHostileContentInTheTUI opens the TUI in tmux on hostile content (escape sequences
// in titles, text, the log, owners and inputs, and in commit subjects and authors) and
// goes through the list, the detail, the inputs and the overview: the window title
// stays, no clipboard buffer is written (OSC 52), the screen is not cleared, and the
// escapes show as text.
func TestHostileContentInTheTUI(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	dir := hostileRepo(t)
	s := startTmux(t, dir, []string{"TERM=xterm-256color", "NO_COLOR=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"}, bin, "tui")
	s.tmux("set-option", "-g", "set-clipboard", "on")
	s.tmux("set-option", "-g", "allow-rename", "on")
	s.waitFor("T02")
	s.keys("j")
	s.keys("Enter")
	s.waitFor("Historikk i git")
	detail := s.screen()
	s.keys("G")
	s.waitFor("Historikk i git")
	detail += s.screen()
	s.keys("Escape")
	s.keys("Tab")
	s.keys("Tab")
	s.keys("Tab")
	s.keys("g")
	screens := detail + s.screen()
	if title := strings.TrimSpace(s.tmux("display-message", "-p", "-t", "e2e", "#{pane_title}")); strings.Contains(title, "pwned") || strings.Contains(title, "tittel") || title == "x" {
		t.Errorf("content set the window title to %q", title)
	}
	if bufs := strings.TrimSpace(s.tmux("list-buffers")); bufs != "" {
		t.Errorf("content wrote the clipboard (OSC 52): %s", bufs)
	}
	for _, want := range []string{`Avklare \x1b]52;c;ZWNobyBoYWNr\x07 roller`, `\u202emellom`, `\x1b]0;tittel\x07`, `Notat \x1b[31mrødt\x07`} {
		if !strings.Contains(screens, want) {
			t.Errorf("the TUI does not show %q as text:\n%s", want, screens)
		}
	}
	s.keys("q")
}
