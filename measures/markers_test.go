package measures

import (
	"errors"
	"strings"
	"testing"
)

func TestConflictMarkers(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(mergeBase, "\n"), "\n")
	// Lines 11–19 of the file: the inputs and log as a git merge outside samvirke leaves them.
	marked := append(append([]string{}, lines[:10]...),
		"<<<<<<< HEAD", "inputs:", "  - aa2020-1.3/2", "=======", "inputs:", "  - aa2020-1.3/3", "log:", "  - date: 2026-01-10", ">>>>>>> origin/main")
	marked = append(marked, lines[12:]...)
	_, err := ParseMeasure("content/measures/T14.md", []byte(strings.Join(marked, "\n")+"\n"))
	var list Errors
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	msg := list[0].Error()
	for _, want := range []string{"T14.md:11", "git-konfliktmarkører i linje 11–19", "git merge --abort"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
	// A setext heading underline alone is no marker.
	if _, err := ParseMeasure("content/measures/T14.md", []byte(mergeBase+"Overskrift\n=======\n")); err != nil {
		t.Fatal(err)
	}
}
