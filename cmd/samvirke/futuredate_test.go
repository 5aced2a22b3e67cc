package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samvirke/samvirke/measures"
)

// commitLog gives the measure file name a log with one entry dated on day and commits
// it with the git CLI.
func commitLog(t *testing.T, dir, name string, day measures.Date) {
	t.Helper()
	p := filepath.Join(dir, "content", "measures", name+".md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if i := strings.Index(s, "log:\n"); i >= 0 { // replace the log written before
		j := strings.Index(s[i:], "\n---\n")
		s = s[:i] + s[i+j+1:]
	}
	entry := "log:\n  - date: " + day.String() + "\n    note: Et notat skrevet for tidlig.\n    by: Kari Nordmann\n"
	s = strings.Replace(s, "\n---\n", "\n"+entry+"---\n", 1)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "commit", "-q", "-a", "-m", name+": logg datert "+day.String())
}

func TestFutureLogEntry(t *testing.T) {
	dir := strategyRepo(t)
	today := measures.DateOf(time.Now())
	next := measures.DateOf(time.Now().AddDate(1, 0, 0))
	commitLog(t, dir, "T14", next)
	head := git(t, dir, "rev-parse", "HEAD")

	// validate names the entry: file, line, key.
	out, _, err := run(t, false, nil, "--repo", dir, "validate")
	want := "content/measures/T14.md:14:11: log[0].date: datoen " + next.String() + " er etter i dag (" + today.String() + ")"
	if exitCode(err) != 1 || !strings.Contains(out, want) {
		t.Errorf("validate with a log entry dated next year: exit %d,\n%s\nwant a line %q", exitCode(err), out, want)
	}
	out, _, _ = run(t, false, nil, "--repo", dir, "validate", "--format", "json")
	if !strings.Contains(out, `"code": "future-date"`) {
		t.Errorf("validate --format json lacks the future-date code:\n%s", out)
	}

	// set --note does not date the note on that future day: it refuses and writes nothing.
	_, _, err = run(t, false, nil, "--repo", dir, "set", "T14", "--note", "Nytt notat.", "--author", contribAuthor)
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "rett datoen før du legger til et nytt notat") {
		t.Errorf("set --note after a future entry: err = %v, want it to name the entry", err)
	}
	if got := git(t, dir, "rev-parse", "HEAD"); got != head {
		t.Errorf("set committed %s after a future entry", got)
	}
	if st := git(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("git status after the refused set: %q", st)
	}
	_, _, err = run(t, false, nil, "--repo", dir, "set", "T14", "--status", "pågår", "--author", contribAuthor)
	if err == nil || !strings.Contains(err.Error(), "log[0].date") {
		t.Errorf("set --status after a future entry: err = %v", err)
	}

	// Once the date is right, the next note is dated today.
	commitLog(t, dir, "T14", measures.DateOf(time.Now().AddDate(0, -1, 0)))
	if _, _, err := run(t, false, nil, "--repo", dir, "set", "T14", "--note", "Nytt notat.", "--author", contribAuthor); err != nil {
		t.Fatal(err)
	}
	out, _, _ = run(t, false, nil, "--repo", dir, "show", "T14", "--format", "json")
	var m measures.Measure
	if err := json.Unmarshal([]byte(out), &m); err != nil || len(m.Log) != 2 || m.Log[1].Date != today || m.Log[1].Note != "Nytt notat." {
		t.Errorf("T14's log after set --note = %+v (%v), want the new note dated %s", m.Log, err, today)
	}
}

func TestAcceptRefusesAfterAFutureLogEntry(t *testing.T) {
	dir := strategyRepo(t)
	propose(t, dir, "Felles kurs", "--commit")
	id := "P-felles-kurs"
	commitLog(t, dir, id, measures.DateOf(time.Now().AddDate(0, 0, 3)))
	head := git(t, dir, "rev-parse", "HEAD")
	_, _, err := run(t, false, nil, "--repo", dir, "accept", id, "--author", contribAuthor)
	if err == nil || !strings.Contains(err.Error(), "content/measures/"+id+".md:") || !strings.Contains(err.Error(), "log[0].date: datoen") {
		t.Errorf("accept after a future entry: err = %v", err)
	}
	if got := git(t, dir, "rev-parse", "HEAD"); got != head {
		t.Errorf("accept committed %s after a future entry", got)
	}
}

func TestSetRefusesAControlCharacterInANote(t *testing.T) {
	dir := strategyRepo(t)
	head := git(t, dir, "rev-parse", "HEAD")
	_, _, err := run(t, false, nil, "--repo", dir, "set", "T14", "--note", "a\x1b]0;x\x07b", "--author", contribAuthor)
	if err == nil || !strings.Contains(errorLine(err), "content/measures/T14.md:15:11: log[0].note: inneholder styretegnet U+001B (ESC)") {
		t.Errorf("set --note with ESC: err = %v", err)
	}
	if git(t, dir, "rev-parse", "HEAD") != head || git(t, dir, "status", "--porcelain") != "" {
		t.Error("a refused note changed the repository")
	}
}
