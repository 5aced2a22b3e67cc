// Command samvirke follows up the strategy «Arbeid og helse – et tettere samvirke»: it lists,
// shows, validates and formats the measures and inputs kept as plain files under content/.
package main

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"
)

func main() {
	streams := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutTTY: term.IsTerminal(int(os.Stdout.Fd())), Getenv: os.Getenv}
	root := NewRootCmd(streams)
	if err := root.Execute(); err != nil {
		var ex *exitError
		if errors.As(err, &ex) {
			os.Exit(ex.code)
		}
		fmt.Fprintln(os.Stderr, "samvirke:", userMessage(err))
		os.Exit(1)
	}
}

// exitError ends the program with a code after the command has printed its own message.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }
