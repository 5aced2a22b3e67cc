// Command samvirke follows up the strategy «Arbeid og helse – et tettere samvirke»: it lists,
// shows, validates and formats the measures and inputs kept as plain files under content/.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second signal ends the program at once
	}()
	code := execute(ctx, SystemIOStreams(), os.Args[1:])
	stop()
	os.Exit(code)
}

// execute runs the command line args on the streams and returns the exit code. The
// commands get ctx from cmd.Context(): SIGINT and SIGTERM cancel it, so a network wait, a
// save or a PDF stops cleanly, and a command that fails then ends with 130, the code of a
// program killed by SIGINT.
func execute(ctx context.Context, s *IOStreams, args []string) int {
	root := NewRootCmd(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	var ex *exitError
	switch {
	case err == nil:
		return 0
	case ctx.Err() != nil:
		// What failed after the signal failed because of it (a lock no longer waited
		// for reads as held by another process): say only that it was interrupted.
		fmt.Fprintln(s.ErrOut, msgInterrupted)
		return 130
	case errors.As(err, &ex):
		return ex.code
	}
	fmt.Fprintln(s.ErrOut, errorLine(err))
	return 1
}

// errorLine is how an error is shown: inert, since it may quote content.
func errorLine(err error) string { return "samvirke: " + plain(userMessage(err)) }

// exitError ends the program with a code after the command has printed its own message.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// userError is a message for people (Norwegian) that still matches its cause with
// errors.Is, without the cause's English text appended.
type userError struct {
	msg   string
	cause error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.cause }

func userErrorf(cause error, format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...), cause: cause}
}
