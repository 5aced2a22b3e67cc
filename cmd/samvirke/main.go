// Command samvirke follows up the strategy «Arbeid og helse – et tettere samvirke»: it lists,
// shows, validates and formats the measures and inputs kept as plain files under content/.
package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"golang.org/x/term"
)

func main() {
	streams := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutTTY: term.IsTerminal(int(os.Stdout.Fd())), Getenv: os.Getenv, Now: time.Now}
	if streams.OutTTY {
		streams.Width, _, _ = term.GetSize(int(os.Stdout.Fd()))
	}
	root := NewRootCmd(streams)
	if err := root.Execute(); err != nil {
		var ex *exitError
		if errors.As(err, &ex) {
			os.Exit(ex.code)
		}
		fmt.Fprintln(os.Stderr, errorLine(err))
		os.Exit(1)
	}
}

// errorLine is how an error is shown: inert, since it may quote content.
func errorLine(err error) string { return "samvirke: " + plain(userMessage(err)) }

// exitError ends the program with a code after the command has printed its own message.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }
