package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTUIBaselineInTmux runs the real binary in tmux on a repository made by «samvirke
// init» (which tags strategi/2016) whose T01 was reworded after the tag: b in T01's
// detail marks the change word by word, as text without colour (NO_COLOR) and struck
// through and underlined with colour.
func TestTUIBaselineInTmux(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	dir := filepath.Join(t.TempDir(), "strategi")
	if _, _, err := run(t, false, nil, "init", dir, "--author", kari); err != nil {
		t.Fatal(err)
	}
	t01 := filepath.Join(dir, "content/measures/T01.md")
	data, _ := os.ReadFile(t01)
	os.WriteFile(t01, []byte(strings.Replace(string(data), "Snarlig sette et felles oppdrag", "Raskt gi et felles oppdrag", 1)), 0o644)
	git(t, dir, "-c", "user.name=Kari Nordmann", "-c", "user.email=kari@example.no", "commit", "-qam", "T01: ny ordlyd")
	for _, noColor := range []bool{true, false} {
		env := []string{"TERM=xterm-256color", "COLORTERM=truecolor"}
		if noColor {
			env = append(env, "NO_COLOR=1")
		}
		s := startTmux(t, dir, env, bin, "tui")
		s.waitFor("Lagrer som commits")
		s.keys("Enter")
		s.waitFor("b grunnlaget")
		s.keys("b")
		s.waitFor("[-Snarlig sette-]{+Raskt gi+} et felles oppdrag")
		s.waitFor("Revidert siden grunnlaget strategi/2016: 2 ord satt inn, 2 ord strøket.")
		styled := s.tmux("capture-pane", "-p", "-e", "-t", "e2e")
		struck := regexp.MustCompile(`\x1b\[([0-9;]*;)?9(;[0-9;]*)?m(\x1b\[[0-9;]*m)*\[-Snarlig`).MatchString(styled)
		under := regexp.MustCompile(`\x1b\[([0-9;]*;)?4(;[0-9;]*)?m(\x1b\[[0-9;]*m)*\{\+Raskt`).MatchString(styled)
		if struck == noColor || under == noColor {
			t.Errorf("NO_COLOR %v: struck through %v, underlined %v:\n%q", noColor, struck, under, styled)
		}
		s.keys("b")
		s.waitFor("── Tekst")
		s.keys("C-c")
		s.waitExit()
	}
}
