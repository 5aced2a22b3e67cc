package tracker

import (
	"errors"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// TestResolveKeepsTheCause: an unknown ref is ErrUnknownRef, with go-git's cause kept
// behind it and the message as before.
func TestResolveKeepsTheCause(t *testing.T) {
	r, err := Open(history(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Resolve("no-such-branch")
	if !errors.Is(err, ErrUnknownRef) || !errors.Is(err, plumbing.ErrReferenceNotFound) {
		t.Errorf("Resolve(no-such-branch) = %v; want ErrUnknownRef wrapping plumbing.ErrReferenceNotFound", err)
	}
	if got, want := err.Error(), `"no-such-branch": `+ErrUnknownRef.Error(); got != want {
		t.Errorf("message %q, want %q", got, want)
	}
}
