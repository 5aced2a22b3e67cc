package tracker

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// TestCrashWriter is the writer process of TestCrashAtEachStep: it saves a change to T02
// and dies (exit 3) at the step named in SAMVIRKE_CRASH_AT.
func TestCrashWriter(t *testing.T) {
	dir := os.Getenv("SAMVIRKE_CRASH_DIR")
	if dir == "" {
		t.Skip("only run as the writer process of TestCrashAtEachStep")
	}
	step := os.Getenv("SAMVIRKE_CRASH_AT")
	faultHook = func(s string) {
		if s == step {
			os.Exit(3)
		}
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("SAMVIRKE_CRASH_EDIT") == "rename" {
		if _, err := r.Apply(context.Background(), renameT02, SaveOptions{Author: author}); err != nil {
			t.Fatal(err)
		}
		return
	}
	if _, err := r.Save(context.Background(), "T02", setStatus(measures.Done, "Ferdig."), SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
	}
}

// renameT02 renumbers T02 as T20: three files (one deleted, one new, one rewritten).
func renameT02(c *measures.Content, _ string) (*Edit, error) {
	m := c.Measure("T02").Clone()
	m.ID = "T20"
	w := c.RewriteRefs("T02", "T20")
	w["content/measures/T20.md"] = m.Encode()
	return &Edit{Message: "T20: T02 får nytt nummer", Write: w, Delete: []string{"content/measures/T02.md"}}, nil
}

// TestCrashAtEachStepMultiFile kills a writer of a three-file edit (a rename with a
// rewritten reference) after each step, including between the files it writes.
func TestCrashAtEachStepMultiFile(t *testing.T) {
	for _, tt := range []struct {
		step  string
		after bool
	}{{"objects", false}, {"journal", true}, {"first-file", true}, {"file", true}, {"ref", true}, {"index", true}, {"none", true}} {
		t.Run(tt.step, func(t *testing.T) {
			r, dir := newRepo(t)
			oldHead := testutil.Git(t, dir, "rev-parse", "HEAD")
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriter$")
			cmd.Env = append(os.Environ(), "SAMVIRKE_CRASH_DIR="+dir, "SAMVIRKE_CRASH_AT="+tt.step, "SAMVIRKE_CRASH_EDIT=rename")
			out, err := cmd.CombinedOutput()
			var ee *exec.ExitError
			if tt.step == "none" {
				if err != nil {
					t.Fatalf("writer failed: %v\n%s", err, out)
				}
			} else if !errors.As(err, &ee) || ee.ExitCode() != 3 {
				t.Fatalf("writer did not die at %s: %v\n%s", tt.step, err, out)
			}
			if err := r.Recover(context.Background()); err != nil {
				t.Fatalf("Recover: %v", err)
			}
			testutil.Git(t, dir, "fsck", "--strict")
			if st := testutil.Git(t, dir, "status", "--porcelain"); st != "" {
				t.Errorf("git status after crash at %s and recovery = %q, want clean", tt.step, st)
			}
			_, errT02 := os.Stat(filepath.Join(dir, "content/measures/T02.md"))
			_, errT20 := os.Stat(filepath.Join(dir, "content/measures/T20.md"))
			summary, _ := os.ReadFile(filepath.Join(dir, "content/strategy/01-summary.md"))
			head := testutil.Git(t, dir, "rev-parse", "HEAD")
			if !tt.after {
				if head != oldHead || errT02 != nil || errT20 == nil || !strings.Contains(string(summary), "T01 T02") {
					t.Errorf("crash at %s: want the state before the edit", tt.step)
				}
				return
			}
			if head == oldHead || errT02 == nil || errT20 != nil || !strings.Contains(string(summary), "::: tiltak T01 T20") {
				t.Errorf("crash at %s: want the state after the edit (T02 %v, T20 %v)\n%s", tt.step, errT02, errT20, summary)
			}
			if got := testutil.Git(t, dir, "show", "--no-renames", "--name-status", "--format=%s", "HEAD"); got != "T20: T02 får nytt nummer\n\nD\tcontent/measures/T02.md\nA\tcontent/measures/T20.md\nM\tcontent/strategy/01-summary.md" {
				t.Errorf("crash at %s: HEAD = %q", tt.step, got)
			}
		})
	}
}

// TestCrashAtEachStep kills a real writer process after each step of a save and checks
// that the repository and the file are then either as before or, after recovery, as after
// the save — never in between — and that git finds the repository healthy.
func TestCrashAtEachStep(t *testing.T) {
	tests := []struct {
		step  string
		after bool
	}{
		{"objects", false}, // only unreferenced objects written
		{"journal", true},
		{"file", true},
		{"ref", true},
		{"index", true},
		{"none", true}, // no crash
	}
	for _, tt := range tests {
		t.Run(tt.step, func(t *testing.T) {
			r, dir := newRepo(t)
			file := filepath.Join(dir, "content/measures/T02.md")
			before, _ := os.ReadFile(file)
			oldHead := testutil.Git(t, dir, "rev-parse", "HEAD")

			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriter$")
			cmd.Env = append(os.Environ(), "SAMVIRKE_CRASH_DIR="+dir, "SAMVIRKE_CRASH_AT="+tt.step)
			out, err := cmd.CombinedOutput()
			var ee *exec.ExitError
			if tt.step == "none" {
				if err != nil {
					t.Fatalf("writer failed: %v\n%s", err, out)
				}
			} else if !errors.As(err, &ee) || ee.ExitCode() != 3 {
				t.Fatalf("writer did not die at %s: %v\n%s", tt.step, err, out)
			}
			testutil.Git(t, dir, "fsck", "--strict")
			// A writer killed holding the locks leaves them; the TUI asks Interrupted
			// when it opens, and finishes the save.
			if got, want := r.Interrupted(), tt.step != "none"; got != want {
				t.Errorf("Interrupted() after a crash at %s = %v, want %v", tt.step, got, want)
			}

			if err := r.Recover(context.Background()); err != nil {
				t.Fatalf("Recover: %v", err)
			}
			if r.Interrupted() {
				t.Error("Interrupted() after Recover = true")
			}
			testutil.Git(t, dir, "fsck", "--strict")
			if _, err := os.Stat(filepath.Join(dir, ".git", journalName)); err == nil {
				t.Error("the save journal is still there after recovery")
			}
			if st := testutil.Git(t, dir, "status", "--porcelain"); st != "" {
				t.Errorf("git status after crash and recovery = %q, want clean", st)
			}
			now, _ := os.ReadFile(file)
			head := testutil.Git(t, dir, "rev-parse", "HEAD")
			if !tt.after {
				if head != oldHead || string(now) != string(before) {
					t.Errorf("crash at %s: want the state before the save", tt.step)
				}
				return
			}
			if msg := testutil.Git(t, dir, "log", "-1", "--format=%s"); msg != "T02: status ikke vurdert → gjennomført, notat lagt til" {
				t.Errorf("crash at %s: HEAD is %q, want the save's commit", tt.step, msg)
			}
			if committed := testutil.Git(t, dir, "show", "HEAD:content/measures/T02.md"); committed != strings.TrimSpace(string(now)) || !strings.Contains(committed, "status: done") {
				t.Errorf("crash at %s: file and commit disagree", tt.step)
			}
		})
	}
}
