package tracker

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
	if _, err := r.Save(context.Background(), "T02", setStatus(measures.Done, "Ferdig."), SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
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
			oldHead := gitCmd(t, dir, nil, "rev-parse", "HEAD")

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
			gitCmd(t, dir, nil, "fsck", "--strict")

			if err := r.Recover(context.Background()); err != nil {
				t.Fatalf("Recover: %v", err)
			}
			gitCmd(t, dir, nil, "fsck", "--strict")
			if _, err := os.Stat(filepath.Join(dir, ".git", journalName)); err == nil {
				t.Error("the save journal is still there after recovery")
			}
			if st := gitCmd(t, dir, nil, "status", "--porcelain"); st != "" {
				t.Errorf("git status after crash and recovery = %q, want clean", st)
			}
			now, _ := os.ReadFile(file)
			head := gitCmd(t, dir, nil, "rev-parse", "HEAD")
			if !tt.after {
				if head != oldHead || string(now) != string(before) {
					t.Errorf("crash at %s: want the state before the save", tt.step)
				}
				return
			}
			if msg := gitCmd(t, dir, nil, "log", "-1", "--format=%s"); msg != "T02: status ikke vurdert → gjennomført, notat lagt til" {
				t.Errorf("crash at %s: HEAD is %q, want the save's commit", tt.step, msg)
			}
			if committed := gitCmd(t, dir, nil, "show", "HEAD:content/measures/T02.md"); committed != strings.TrimSpace(string(now)) || !strings.Contains(committed, "status: done") {
				t.Errorf("crash at %s: file and commit disagree", tt.step)
			}
		})
	}
}
