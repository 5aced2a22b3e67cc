package main

import (
	"bytes"

	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// These tests run the real binary against a real repository and check it with the git
// CLI: a save killed with SIGKILL at a random instant, and saves racing `git commit`.

const faultAuthor = "Kari Nordmann <kari@example.no>"

// faultEnv is the environment of the binary and of git in these tests: no user config,
// a fixed identity.
func faultEnv(home string) []string {
	return append(os.Environ(), "HOME="+home, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Kari Nordmann", "GIT_AUTHOR_EMAIL=kari@example.no",
		"GIT_COMMITTER_NAME=Kari Nordmann", "GIT_COMMITTER_EMAIL=kari@example.no", "NO_COLOR=1")
}

type faultRepo struct {
	t         *testing.T
	bin, dir  string
	env       []string
	proposals int
}

func newFaultRepo(t *testing.T) *faultRepo {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("kills with SIGKILL and runs the git CLI")
	}
	home := t.TempDir()
	f := &faultRepo{t: t, bin: buildBinary(t), dir: filepath.Join(home, "strategi"), env: faultEnv(home)}
	cmd := exec.Command(f.bin, "init", f.dir, "--author", faultAuthor)
	cmd.Env = f.env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("samvirke init: %v\n%s", err, out)
	}
	return f
}

// samvirke returns the command for args in the repository.
func (f *faultRepo) samvirke(args ...string) *exec.Cmd {
	cmd := exec.Command(f.bin, args...)
	cmd.Dir, cmd.Env = f.dir, f.env
	return cmd
}

func (f *faultRepo) mustSamvirke(args ...string) string {
	f.t.Helper()
	out, err := f.samvirke(args...).CombinedOutput()
	if err != nil {
		f.t.Fatalf("samvirke %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (f *faultRepo) git(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = f.dir, f.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (f *faultRepo) mustGit(args ...string) string {
	f.t.Helper()
	out, err := f.git(args...)
	if err != nil {
		f.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// committed returns the file at HEAD ("" when HEAD lacks it).
func (f *faultRepo) committed(rel string) string {
	out, err := f.git("show", "HEAD:"+rel)
	if err != nil {
		return ""
	}
	return out
}

// killAfter starts cmd and kills it with SIGKILL after d (or lets it finish first).
func killAfter(cmd *exec.Cmd, d time.Duration) (killed bool, err error) {
	if err := cmd.Start(); err != nil {
		return false, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return false, err
	case <-time.After(d):
		cmd.Process.Kill()
		<-done
		return true, nil
	}
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// TestKilledAtRandomInstants kills saves of one file (set) and of several (accept: a
// proposal renumbered, its file deleted, a new one written, references rewritten) with
// SIGKILL after a random delay spread over a whole save, hundreds of times. After each
// kill git fsck --strict and git status must work; the next save must work (it finishes
// or undoes the killed one); after it the work tree is clean and each measure is as
// before or as after the killed save, never in between. SAMVIRKE_KILLS sets the number.
func TestKilledAtRandomInstants(t *testing.T) {
	f := newFaultRepo(t)
	kills := envInt("SAMVIRKE_KILLS", 300)
	if testing.Short() {
		kills = 40
	}
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 1))
	t.Logf("seed %d, %d kills", seed, kills)

	start := time.Now()
	f.mustSamvirke("set", "T05", "--note", "Før testen.", "--author", faultAuthor)
	full := time.Since(start)
	var landed, journals, locks int
	for i := range kills {
		multi := i%3 == 2
		var cmd *exec.Cmd
		var proposal, number string
		if multi {
			proposal, number = f.newProposal()
			cmd = f.samvirke("accept", proposal, "--id", number, "--author", faultAuthor)
		} else {
			cmd = f.samvirke("set", "T05", "--note", fmt.Sprintf("Drept %d.", i), "--author", faultAuthor)
		}
		delay := time.Duration(rng.Int64N(int64(full + full/4)))
		killed, err := killAfter(cmd, delay)
		if !killed && err != nil {
			t.Fatalf("kill %d: the save failed on its own: %v", i, err)
		}
		if killed {
			landed++
		}
		if _, err := os.Stat(filepath.Join(f.dir, ".git/samvirke-save.json")); err == nil {
			journals++
		}
		if _, err := os.Stat(filepath.Join(f.dir, ".git/index.lock")); err == nil {
			locks++
		}
		if out, err := f.git("fsck", "--strict", "--no-dangling"); err != nil {
			t.Fatalf("kill %d after %v: git fsck --strict: %v\n%s", i, delay, err, out)
		}
		if out, err := f.git("status", "--porcelain"); err != nil {
			t.Fatalf("kill %d after %v: git status: %v\n%s", i, delay, err, out)
		}
		after := fmt.Sprintf("Etter %d.", i)
		if out, err := f.samvirke("set", "T05", "--note", after, "--author", faultAuthor).CombinedOutput(); err != nil {
			t.Fatalf("kill %d after %v: the next save failed: %v\n%s", i, delay, err, out)
		}
		if st := f.mustGit("status", "--porcelain"); st != "" {
			t.Fatalf("kill %d after %v: git status after the next save = %q, want clean", i, delay, st)
		}
		t05 := f.committed("content/measures/T05.md")
		if !strings.Contains(t05, after) || strings.Count(t05, fmt.Sprintf("Drept %d.", i)) > 1 {
			t.Fatalf("kill %d: T05 after the next save:\n%s", i, t05)
		}
		if multi {
			f.checkAccepted(i, proposal, number)
		}
	}
	if out := f.mustSamvirke("validate"); !strings.Contains(out, "gyldig") {
		t.Errorf("validate after the kills: %s", out)
	}
	t.Logf("%d kills landed during a save (%d left a journal, %d left index.lock); a save takes %v", landed, journals, locks, full)
	if landed < kills/2 {
		t.Errorf("only %d of %d kills landed during a save: the delays miss the saves", landed, kills)
	}
}

// newProposal commits a new proposal and returns its id and the number accept gives it.
func (f *faultRepo) newProposal() (id, number string) {
	f.t.Helper()
	f.proposals++
	title := fmt.Sprintf("Forslag nummer %d", f.proposals)
	f.mustSamvirke("new", "--title", title, "--area", "competence", "--owner", "nav",
		"--text", "Et forslag.", "--yes", "--commit", "--author", faultAuthor)
	return "P-forslag-nummer-" + strconv.Itoa(f.proposals), "T" + strconv.Itoa(100+f.proposals)
}

// checkAccepted: a proposal is either still there, or renumbered, in HEAD and on disk.
func (f *faultRepo) checkAccepted(i int, proposal, number string) {
	f.t.Helper()
	p := "content/measures/" + proposal + ".md"
	n := "content/measures/" + number + ".md"
	inHead := [2]bool{f.committed(p) != "", f.committed(n) != ""}
	_, errP := os.Stat(filepath.Join(f.dir, p))
	_, errN := os.Stat(filepath.Join(f.dir, n))
	onDisk := [2]bool{errP == nil, errN == nil}
	if inHead[0] == inHead[1] || inHead != onDisk {
		f.t.Fatalf("kill %d: %s/%s in HEAD %v, on disk %v: want exactly one, the same in both", i, proposal, number, inHead, onDisk)
	}
}

// TestSavesBesideGitCommit runs samvirke saves while a loop of the git CLI commits other
// changes in the same repository (`git commit -a`, which takes the index lock and
// moves the branch; when git finds a lock taken it gives up, and the loop tries again,
// as a person would). Every save must succeed, no commit of either may be lost, and
// nothing may be left modified.
func TestSavesBesideGitCommit(t *testing.T) {
	f := newFaultRepo(t)
	saves := envInt("SAMVIRKE_RACE_SAVES", 40)
	if testing.Short() {
		saves = 10
	}
	notes := filepath.Join(f.dir, "notater.txt")
	os.WriteFile(notes, []byte("start\n"), 0o644)
	f.mustGit("add", "notater.txt")
	f.mustGit("commit", "-q", "-m", "notater")

	var wg sync.WaitGroup
	stop := make(chan struct{})
	var gitCommits, gitRefused int
	wg.Go(func() {
		for n := 0; ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			fh, _ := os.OpenFile(notes, os.O_APPEND|os.O_WRONLY, 0o644)
			fmt.Fprintf(fh, "linje %d\n", n)
			fh.Close()
			for {
				out, err := f.git("commit", "-q", "-a", "-m", fmt.Sprintf("git %d", n))
				if err == nil {
					gitCommits++
					break
				}
				// git refuses when another writer holds the index, and when the branch
				// moved between its reading HEAD and its locking it (as with two gits).
				if !strings.Contains(out, "index.lock") && !strings.Contains(out, "cannot lock ref") {
					t.Errorf("git commit %d: %v\n%s", n, err, out)
					return
				}
				gitRefused++
				time.Sleep(time.Millisecond)
			}
		}
	})
	var failed []string
	for i := range saves {
		out, err := f.samvirke("set", "T05", "--note", fmt.Sprintf("Lagring %d.", i), "--author", faultAuthor).CombinedOutput()
		if err != nil {
			failed = append(failed, fmt.Sprintf("save %d: %v: %s", i, err, out))
		}
	}
	close(stop)
	wg.Wait()
	if len(failed) > 0 {
		t.Fatalf("%d of %d saves failed beside git commit:\n%s", len(failed), saves, strings.Join(failed, "\n"))
	}
	if st := f.mustGit("status", "--porcelain"); st != "" {
		t.Errorf("git status = %q, want clean", st)
	}
	f.mustGit("fsck", "--strict", "--no-dangling")
	t05 := f.committed("content/measures/T05.md")
	for i := range saves {
		if !strings.Contains(t05, fmt.Sprintf("Lagring %d.", i)) {
			t.Errorf("save %d is missing from T05 at HEAD", i)
		}
	}
	subjects := f.mustGit("log", "--format=%s")
	if got := strings.Count(subjects, "\ngit ") + boolInt(strings.HasPrefix(subjects, "git ")); got != gitCommits {
		t.Errorf("%d git commits in the log, want %d", got, gitCommits)
	}
	if got := strings.Count(subjects, "T05: notat lagt til"); got != saves {
		t.Errorf("%d samvirke commits in the log, want %d", got, saves)
	}
	if data, _ := os.ReadFile(notes); !bytes.Equal(data, []byte(f.committed("notater.txt"))) {
		t.Errorf("notater.txt differs from HEAD")
	}
	t.Logf("%d samvirke saves beside %d git commits (git found the index locked %d times)", saves, gitCommits, gitRefused)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
