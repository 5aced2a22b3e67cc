package tracker

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// repairs collects what a repository reports it repaired.
func repairs(r *Repo) *[]string {
	var got []string
	r.OnRepair = func(msg string) { got = append(got, msg) }
	return &got
}

func saveNote(t *testing.T, r *Repo, id string) error {
	t.Helper()
	_, err := r.Save(context.Background(), id, setStatus(measures.InProgress, "Startet."), SaveOptions{Author: author})
	return err
}

// TestRepairsDamage starts from the damage older versions left when killed inside
// go-git's in-place writes (an empty index, an empty branch file) and from lock files a
// killed samvirke leaves: the next save repairs it, says so in Norwegian, and git is
// happy afterwards.
func TestRepairsDamage(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
		report string // a word the repair message must have; "" for none
	}{
		{"empty index", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, ".git/index"), nil, 0o644)
		}, "bygget opp igjen"},
		{"truncated index", func(t *testing.T, dir string) {
			data, _ := os.ReadFile(filepath.Join(dir, ".git/index"))
			os.WriteFile(filepath.Join(dir, ".git/index"), data[:len(data)/2], 0o644)
		}, "bygget opp igjen"},
		{"empty branch with packed-refs", func(t *testing.T, dir string) {
			testutil.Git(t, dir, "pack-refs", "--all")
			testutil.Git(t, dir, "update-ref", "refs/heads/main", "HEAD") // a loose file again
			os.WriteFile(filepath.Join(dir, ".git/refs/heads/main"), nil, 0o644)
		}, "packed-refs"},
		{"empty branch with a reflog", func(t *testing.T, dir string) {
			head := testutil.Git(t, dir, "rev-parse", "HEAD")
			os.MkdirAll(filepath.Join(dir, ".git/logs/refs/heads"), 0o755)
			os.WriteFile(filepath.Join(dir, ".git/logs/refs/heads/main"),
				[]byte(strings.Repeat("0", 40)+" "+head+" Kari Nordmann <kari@example.no> 1764600000 +0100\tcommit (initial): x\n"), 0o644)
			os.WriteFile(filepath.Join(dir, ".git/refs/heads/main"), nil, 0o644)
		}, "reflog"},
		{"samvirke's stale index.lock", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, ".git/index.lock"), []byte(lockMarker+"pid 1\n"), 0o644)
		}, ""},
		{"samvirke's stale branch lock", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, ".git/refs/heads/main.lock"), []byte(lockMarker), 0o644)
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, dir := newRepo(t)
			want := testutil.Git(t, dir, "rev-parse", "HEAD")
			tt.damage(t, dir)
			got := repairs(r)
			if err := saveNote(t, r, "T02"); err != nil {
				t.Fatalf("Save after %s: %v", tt.name, err)
			}
			if parent := testutil.Git(t, dir, "rev-parse", "HEAD~1"); parent != want {
				t.Errorf("the save's parent = %s, want the commit before the damage %s", parent, want)
			}
			testutil.Git(t, dir, "fsck", "--strict")
			if st := testutil.Git(t, dir, "status", "--porcelain"); st != "" {
				t.Errorf("git status = %q, want clean", st)
			}
			if tt.report == "" && len(*got) > 0 || tt.report != "" && !strings.Contains(strings.Join(*got, "\n"), tt.report) {
				t.Errorf("repair messages = %q, want one with %q", *got, tt.report)
			}
			for _, f := range []string{".git/index.lock", ".git/refs/heads/main.lock", ".git/" + journalName} {
				if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
					t.Errorf("%s left behind", f)
				}
			}
		})
	}
}

// TestWaitsForGitsLock: while git holds index.lock (a file without samvirke's marker), a
// save waits; when git lets go in time the save goes through, else it fails with a
// LockError naming the file, and nothing changes.
func TestWaitsForGitsLock(t *testing.T) {
	defer func(d time.Duration) { LockTimeout = d }(LockTimeout)
	LockTimeout = 400 * time.Millisecond
	for _, lock := range []string{".git/index.lock", ".git/refs/heads/main.lock"} {
		t.Run(filepath.Base(lock), func(t *testing.T) {
			r, dir := newRepo(t)
			p := filepath.Join(dir, lock)
			os.WriteFile(p, []byte("git's\n"), 0o644)
			before := testutil.Git(t, dir, "rev-parse", "HEAD")
			err := saveNote(t, r, "T02")
			var le *LockError
			if !errors.Is(err, ErrGitLocked) || !errors.As(err, &le) || le.Path != p {
				t.Fatalf("Save while git holds %s: %v, want a LockError naming it", lock, err)
			}
			if after := testutil.Git(t, dir, "rev-parse", "HEAD"); after != before {
				t.Errorf("HEAD moved to %s", after)
			}
			if data, _ := os.ReadFile(p); string(data) != "git's\n" {
				t.Errorf("git's lock file was changed: %q", data)
			}
			if st := testutil.Git(t, dir, "status", "--porcelain"); st != "" {
				t.Errorf("git status = %q, want clean", st)
			}
			go func() { time.Sleep(100 * time.Millisecond); os.Remove(p) }()
			if err := saveNote(t, r, "T02"); err != nil {
				t.Fatalf("Save after git let go: %v", err)
			}
		})
	}
}

// TestFailedSavePutsFilesBack: a save that fails after it wrote the files (here: made to
// fail by a hook) leaves every file, the index and the branch as they were.
func TestFailedSavePutsFilesBack(t *testing.T) {
	defer func() { failHook = func(string) error { return nil } }()
	failHook = func(step string) error { return errors.New("injected failure") }
	for _, edit := range []string{"one file", "rename"} {
		t.Run(edit, func(t *testing.T) {
			r, dir := newRepo(t)
			before := testutil.Git(t, dir, "rev-parse", "HEAD")
			var err error
			if edit == "rename" {
				_, err = r.Apply(context.Background(), renameT02, SaveOptions{Author: author})
			} else {
				err = saveNote(t, r, "T02")
			}
			if err == nil || !strings.Contains(err.Error(), "injected failure") {
				t.Fatalf("save = %v, want the injected failure", err)
			}
			if after := testutil.Git(t, dir, "rev-parse", "HEAD"); after != before {
				t.Errorf("HEAD moved to %s", after)
			}
			if st := testutil.Git(t, dir, "status", "--porcelain", "--untracked-files=all"); st != "" {
				t.Errorf("git status = %q, want clean: the files must be put back", st)
			}
			for _, f := range []string{".git/index.lock", ".git/refs/heads/main.lock", ".git/" + journalName} {
				if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
					t.Errorf("%s left behind", f)
				}
			}
		})
	}
}

// TestWindowsLineEndings: a measure file saved on Windows with CRLF and a byte order
// mark. With the template's .gitattributes (eol=lf) git stores it with LF and calls it
// clean; without, git stores the CRLF. Either way a save must accept it, keep its line
// endings and BOM on disk, and change only the lines that changed.
func TestWindowsLineEndings(t *testing.T) {
	for _, attrs := range []bool{true, false} {
		name := map[bool]string{true: "eol=lf", false: "no attributes"}[attrs]
		t.Run(name, func(t *testing.T) {
			r, dir := newRepo(t)
			testutil.Git(t, dir, "rm", "-q", "--cached", "--ignore-unmatch", ".gitattributes")
			os.Remove(filepath.Join(dir, ".gitattributes"))
			if attrs {
				os.WriteFile(filepath.Join(dir, ".gitattributes"), []byte("content/** text eol=lf\n"), 0o644)
				testutil.Git(t, dir, "add", ".gitattributes")
			}
			p := filepath.Join(dir, "content/measures/T02.md")
			data, _ := os.ReadFile(p)
			windows := append([]byte("\ufeff"), []byte(strings.ReplaceAll(string(data), "\n", "\r\n"))...)
			os.WriteFile(p, windows, 0o644)
			testutil.Git(t, dir, "add", "content/measures/T02.md")
			testutil.Git(t, dir, "commit", "-q", "-m", "T02 fra Windows")
			if st := testutil.Git(t, dir, "status", "--porcelain"); st != "" {
				t.Fatalf("git status before the save = %q, want clean", st)
			}
			if err := saveNote(t, r, "T02"); err != nil {
				t.Fatalf("Save of a CRLF file with a BOM: %v", err)
			}
			if st := testutil.Git(t, dir, "status", "--porcelain"); st != "" {
				t.Errorf("git status = %q, want clean", st)
			}
			now, _ := os.ReadFile(p)
			if !strings.HasPrefix(string(now), "\ufeff") || strings.Count(string(now), "\n") != strings.Count(string(now), "\r\n") {
				t.Errorf("the file lost its BOM or CRLF line endings:\n%q", now)
			}
			stat := testutil.Git(t, dir, "diff", "--numstat", "HEAD~1", "HEAD")
			var added, removed int
			for _, line := range strings.Split(stat, "\n") {
				f := strings.Fields(line)
				if len(f) == 3 {
					added += atoi(f[0])
					removed += atoi(f[1])
				}
			}
			if removed > 1 || added > 6 {
				t.Errorf("the save changed %d and removed %d lines, want only the changed ones:\n%s", added, removed,
					testutil.Git(t, dir, "diff", "HEAD~1", "HEAD"))
			}
		})
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// TestLockWaitCancelled: a save cancelled (Ctrl-C) while another writer holds the lock
// says it was cancelled, not that someone else is writing.
func TestLockWaitCancelled(t *testing.T) {
	gitDir := t.TempDir()
	unlock, err := lockRepo(context.Background(), gitDir)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	_, err = lockRepo(ctx, gitDir)
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrLocked) {
		t.Errorf("lockRepo cancelled while waiting = %v, want context.Canceled and not ErrLocked", err)
	}
}
