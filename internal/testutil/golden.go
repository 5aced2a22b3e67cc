package testutil

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// update is the -update flag. A test binary that links charmbracelet/x/exp/golden (the
// TUI's, through teatest) has it declared there already, and that package is initialized
// first (its import path sorts before this one), so the flag is looked up before it is
// declared: one -update rewrites both kinds of golden files.
var update = func() *flag.Flag {
	if f := flag.Lookup("update"); f != nil {
		return f
	}
	flag.Bool("update", false, "rewrite the golden files in testdata/")
	return flag.Lookup("update")
}()

// Updating reports whether the tests run with -update, to rewrite their golden files.
func Updating() bool { return update.Value.String() == "true" }

// Golden compares got with the golden file at path (relative to the package, as a rule
// under testdata/), or with -update writes got there first, making its folders. A
// difference fails the test with the lines that differ and the command that refreshes
// the file.
func Golden[T string | []byte](t testing.TB, path string, got T) {
	t.Helper()
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run %s to create it)", err, refresh(t))
	}
	if !bytes.Equal([]byte(got), want) {
		t.Errorf("%s differs from the golden file (- golden, + got):\n%s(run %s if the change is right)",
			path, lineDiff(string(want), string(got)), refresh(t))
	}
}

// lineDiff lists the lines of want and got that differ, «-» for want and «+» for got,
// quoted, with the unchanged lines between them shortened to «…».
func lineDiff(want, got string) string {
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(want, got)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
	var out strings.Builder
	for _, d := range diffs {
		mark := "+"
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out.WriteString("  …\n")
			continue
		case diffmatchpatch.DiffDelete:
			mark = "-"
		}
		for _, l := range strings.Split(strings.TrimSuffix(d.Text, "\n"), "\n") {
			fmt.Fprintf(&out, "%s %q\n", mark, l)
		}
		if !strings.HasSuffix(d.Text, "\n") {
			out.WriteString("  (no newline at the end)\n")
		}
	}
	return out.String()
}

// refresh is the go test command that rewrites the failing test's golden files, with
// the package named from the module's root.
func refresh(t testing.TB) string {
	name, _, _ := strings.Cut(t.Name(), "/")
	return fmt.Sprintf("«go test ./%s -run '^%s$' -update»", packageDir(), name)
}

// packageDir is the directory the test runs in (its package's), relative to the
// nearest folder above it with a go.mod; "." where there is none.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for root := wd; ; root = filepath.Dir(root) {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			rel, err := filepath.Rel(root, wd)
			if err != nil || rel == "." {
				return "."
			}
			return filepath.ToSlash(rel)
		}
		if filepath.Dir(root) == root {
			return "."
		}
	}
}
