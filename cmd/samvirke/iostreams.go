package main

import (
	"io"
	"os"
	"time"

	"github.com/samvirke/samvirke/measures"
	"golang.org/x/term"
)

// IOStreams are a command's input and outputs and what it knows about them: whether each
// is a terminal, the terminal's width, the environment (NO_COLOR, EDITOR) and the clock.
// main builds them from the process's (SystemIOStreams); tests build them over buffers
// and say themselves whether to play a terminal, so commands never look at *os.File.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	InTTY  bool // In is a terminal
	OutTTY bool // Out is a terminal
	Width  int  // the terminal's columns when Out is one; 0 when unknown
	Getenv func(string) string
	Now    func() time.Time // the clock, for today's date; nil means time.Now
}

// SystemIOStreams are the process's standard input, output and error, with whether
// standard input and output are terminals and the output terminal's width.
func SystemIOStreams() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InTTY: term.IsTerminal(int(os.Stdin.Fd())), OutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		Getenv: os.Getenv, Now: time.Now}
	if s.OutTTY {
		s.Width, _, _ = term.GetSize(int(os.Stdout.Fd()))
	}
	return s
}

// IsStdinTTY reports whether input comes from a terminal (a person who can answer).
func (s *IOStreams) IsStdinTTY() bool { return s.InTTY }

// IsStdoutTTY reports whether output goes to a terminal rather than a pipe or a file.
func (s *IOStreams) IsStdoutTTY() bool { return s.OutTTY }

// IsInteractive reports whether both input and output are terminals.
func (s *IOStreams) IsInteractive() bool { return s.InTTY && s.OutTTY }

// Env is the environment variable k, "" when unset or when the streams have no
// environment.
func (s *IOStreams) Env(k string) string {
	if s.Getenv == nil {
		return ""
	}
	return s.Getenv(k)
}

// Color reports whether output may use colour: a terminal, and NO_COLOR unset.
func (s *IOStreams) Color() bool { return s.OutTTY && s.Env("NO_COLOR") == "" }

// TerminalWidth is the output terminal's width in columns, 80 when it does not say.
func (s *IOStreams) TerminalWidth() int {
	if s.Width > 0 {
		return s.Width
	}
	return defaultWidth
}

// LineWidth is the width plain-text output is cut to: the terminal's (80 when it does
// not say), or 0, no cut, when the output is a pipe or a file, so scripts get every
// character.
func (s *IOStreams) LineWidth() int {
	if !s.OutTTY {
		return 0
	}
	return s.TerminalWidth()
}

// Today is today's date by the streams' clock.
func (s *IOStreams) Today() measures.Date { return measures.DateOf(s.clock()()) }

// clock is the streams' clock, time.Now when they have none.
func (s *IOStreams) clock() func() time.Time {
	if s.Now == nil {
		return time.Now
	}
	return s.Now
}
