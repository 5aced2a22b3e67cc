package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/samvirke/samvirke/measures"
)

// testStreams are streams over buffers, with no terminal and no environment; set InTTY,
// OutTTY and Width to play one.
func testStreams() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	s = &IOStreams{In: in, Out: out, ErrOut: errOut, Getenv: func(string) string { return "" }}
	return s, in, out, errOut
}

func TestIOStreams(t *testing.T) {
	tests := []struct {
		name               string
		inTTY, outTTY      bool
		width              int
		env                map[string]string
		interactive, color bool
		lineWidth          int
		terminalWidth      int
	}{
		{name: "pipes", lineWidth: 0, terminalWidth: 80},
		{name: "output a terminal", outTTY: true, width: 120, color: true, lineWidth: 120, terminalWidth: 120},
		{name: "output a terminal of unknown width", outTTY: true, color: true, lineWidth: 80, terminalWidth: 80},
		{name: "both terminals", inTTY: true, outTTY: true, width: 100, interactive: true, color: true, lineWidth: 100, terminalWidth: 100},
		{name: "NO_COLOR", outTTY: true, env: map[string]string{"NO_COLOR": "1"}, lineWidth: 80, terminalWidth: 80},
		{name: "input a terminal, output a pipe", inTTY: true, lineWidth: 0, terminalWidth: 80},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, _ := testStreams()
			s.InTTY, s.OutTTY, s.Width = tt.inTTY, tt.outTTY, tt.width
			s.Getenv = func(k string) string { return tt.env[k] }
			if got := s.IsStdinTTY(); got != tt.inTTY {
				t.Errorf("IsStdinTTY() = %v, want %v", got, tt.inTTY)
			}
			if got := s.IsStdoutTTY(); got != tt.outTTY {
				t.Errorf("IsStdoutTTY() = %v, want %v", got, tt.outTTY)
			}
			if got := s.IsInteractive(); got != tt.interactive {
				t.Errorf("IsInteractive() = %v, want %v", got, tt.interactive)
			}
			if got := s.Color(); got != tt.color {
				t.Errorf("Color() = %v, want %v", got, tt.color)
			}
			if got := s.LineWidth(); got != tt.lineWidth {
				t.Errorf("LineWidth() = %d, want %d", got, tt.lineWidth)
			}
			if got := s.TerminalWidth(); got != tt.terminalWidth {
				t.Errorf("TerminalWidth() = %d, want %d", got, tt.terminalWidth)
			}
		})
	}
}

func TestIOStreamsWithoutEnvironmentOrClock(t *testing.T) {
	s := &IOStreams{OutTTY: true}
	if !s.Color() || s.Env("NO_COLOR") != "" {
		t.Errorf("streams without Getenv: Color() = %v, Env = %q; want colour and no variables", s.Color(), s.Env("NO_COLOR"))
	}
	if got, want := s.Today(), measures.DateOf(time.Now()); got != want {
		t.Errorf("Today() without a clock = %v, want %v", got, want)
	}
	s.Now = func() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }
	if got := s.Today().String(); got != "2026-12-01" {
		t.Errorf("Today() = %s, want 2026-12-01", got)
	}
}

// TestExecute runs the command line the way main does: the exit code, and the error on
// standard error in Norwegian.
func TestExecute(t *testing.T) {
	dir := repo(t)
	tests := []struct {
		name    string
		args    []string
		code    int
		wantOut string
		wantErr string
	}{
		{"success", []string{"--repo", dir, "show", "T01"}, 0, "T01", ""},
		{"error", []string{"--repo", dir, "show", "T999"}, 1, "", "samvirke: fant ikke tiltaket «T999»"},
		{"exit code of the command", []string{"--repo", dir, "validate", "--format", "json"}, 0, `"valid": true`, ""},
		{"unknown flag", []string{"list", "--stauts", "x"}, 1, "", "samvirke: ukjent flagg --stauts; mente du «--status»?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, out, errOut := testStreams()
			code := execute(context.Background(), s, tt.args)
			if code != tt.code || !strings.Contains(out.String(), tt.wantOut) || !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("samvirke %s = %d\nout: %s\nerr: %s\nwant %d, out with %q, err with %q",
					strings.Join(tt.args, " "), code, out, errOut, tt.code, tt.wantOut, tt.wantErr)
			}
		})
	}
}

// TestExecuteInterrupted: a command whose context is cancelled (SIGINT or SIGTERM in
// main) stops and ends with «samvirke: avbrutt» and code 130.
func TestExecuteInterrupted(t *testing.T) {
	dir := strategyRepo(t)
	root := t.TempDir()
	remote := root + "/remote.git"
	git(t, root, "init", "-q", "--bare", "-b", "main", remote)
	git(t, dir, "remote", "add", "origin", remote)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s, _, out, errOut := testStreams()
	if code := execute(ctx, s, []string{"--repo", dir, "sync"}); code != 130 || !strings.HasSuffix(errOut.String(), "\nsamvirke: avbrutt\n") {
		t.Errorf("interrupted sync = %d\nout: %s\nerr: %s\nwant 130 and «samvirke: avbrutt»", code, out, errOut)
	}
	if got := git(t, remote, "for-each-ref"); got != "" {
		t.Errorf("the interrupted sync pushed: %s", got)
	}
}
