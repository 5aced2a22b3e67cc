package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileContentInARealTerminal runs the real binary in tmux on hostile content: the
// window title stays, no clipboard buffer is written (OSC 52, with tmux accepting it),
// the screen is not cleared, and the table fits tmux's 100 columns while a piped copy
// is not cut.
func TestHostileContentInARealTerminal(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	dir := hostileRepo(t)
	wide := wideRepo(t)
	piped := filepath.Join(t.TempDir(), "list.txt")
	script := "sleep 1; printf 'before-output\\n'; " + bin + " show T02; " + bin + " inputs --unaddressed; " + bin + " log; " +
		bin + " --repo " + wide + " list; " + bin + " --repo " + wide + " list > " + piped + "; echo done-$?; sleep 30"
	s := startTmux(t, dir, []string{"TERM=xterm-256color", "NO_COLOR=1"}, "sh", "-c", script)
	s.tmux("set-option", "-g", "set-clipboard", "on")
	s.tmux("set-option", "-g", "history-limit", "5000")
	s.waitFor("done-0")
	if title := strings.TrimSpace(s.tmux("display-message", "-p", "-t", "e2e", "#{pane_title}")); strings.Contains(title, "pwned") || strings.Contains(title, "tittel") {
		t.Errorf("content set the window title to %q", title)
	}
	if bufs := strings.TrimSpace(s.tmux("list-buffers")); bufs != "" {
		t.Errorf("content wrote the clipboard (OSC 52): %s", bufs)
	}
	all := s.tmux("capture-pane", "-p", "-t", "e2e", "-S", "-", "-E", "-")
	for _, want := range []string{"before-output", `Avklare \x1b]52;c;ZWNobyBoYWNr\x07 roller`, `Tverr\x1b]52;c;aGFjaw==\x07faglige`} {
		if !strings.Contains(all, want) {
			t.Errorf("the terminal lacks %q (cleared, or not shown as text):\n%s", want, all)
		}
	}
	for _, line := range strings.Split(all, "\n") {
		if strings.HasPrefix(line, "T03 ") && !strings.HasSuffix(strings.TrimRight(line, " "), "…") {
			t.Errorf("the CJK title is not cut to the terminal: %q", line)
		}
	}
	data, err := os.ReadFile(piped)
	if err != nil || !strings.Contains(string(data), "协调卫生与劳动服务的长期合作计划以及相关的评估与跟踪工作安排") || strings.Contains(string(data), "…") {
		t.Errorf("piped list is cut or missing: %q, %v", data, err)
	}
}
