package tracker

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
)

func TestHistoryAndLog(t *testing.T) {
	r, dir := newRepo(t)
	ctx := context.Background()
	if _, err := r.Save(ctx, "T02", setStatus(measures.InProgress, "I gang."), SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
	}
	// A commit by plain git that touches no content, and one that edits T02's text.
	os.WriteFile(filepath.Join(dir, "NOTES"), []byte("x"), 0o644)
	gitCmd(t, dir, nil, "add", "NOTES")
	gitCmd(t, dir, nil, "commit", "-q", "-m", "notes")
	if _, err := r.Save(ctx, "T02", func(m *measures.Measure, _ string) error {
		m.Owners = append(m.Owners, "nav")
		m.Text += " Mer."
		return nil
	}, SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
	}
	hist, err := r.History("T02")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hist {
		got = append(got, strings.Join(h.Changes, ", "))
	}
	want := []string{"eiere +nav, tekst endret", "status ikke vurdert → pågår, notat lagt til", "opprettet"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("History(T02) = %q, want %q", got, want)
	}
	gitLog := strings.Split(gitCmd(t, dir, nil, "log", "--format=%H", "--", "content/measures/T02.md"), "\n")
	for i, h := range hist {
		if i >= len(gitLog) || h.Commit != gitLog[i] {
			t.Errorf("History commit %d = %s, git log says %v", i, h.Commit, gitLog)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", indexFile)); err != nil {
		t.Errorf("no change index written: %v", err)
	}
	log, err := r.Log(10)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 3 || log[0].Subject != "T02: eiere +nav, tekst endret" || log[2].Subject != InitMessage {
		t.Errorf("Log = %+v, want the 3 content commits (not «notes»)", log)
	}

	// Rewrite history: drop the last commit. The index tip is no longer reachable and
	// the index is rebuilt; deleting it is harmless too.
	gitCmd(t, dir, nil, "reset", "-q", "--hard", "HEAD~1")
	if hist, _ := r.History("T02"); len(hist) != 2 {
		t.Errorf("after reset: %d history entries, want 2", len(hist))
	}
	os.Remove(filepath.Join(dir, ".git", indexFile))
	if hist, _ := r.History("T02"); len(hist) != 2 {
		t.Errorf("after deleting the index: %d history entries, want 2", len(hist))
	}
	// Extend incrementally.
	if _, err := r.Save(ctx, "T01", setStatus(measures.Done, "Ferdig."), SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
	}
	if hist, _ := r.History("T01"); len(hist) != 2 || hist[0].Changes[0] != "status pågår → gjennomført" {
		t.Errorf("History(T01) after an incremental update = %+v", hist)
	}
}

func TestHistoryFollowsRename(t *testing.T) {
	r, dir := newRepo(t)
	ctx := context.Background()
	if _, err := r.Save(ctx, "T02", setStatus(measures.InProgress, "I gang."), SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
	}
	// Renumber T02 as T37 the way accept will: new file, same text, old file removed.
	old := filepath.Join(dir, "content/measures/T02.md")
	data, _ := os.ReadFile(old)
	os.WriteFile(filepath.Join(dir, "content/measures/T37.md"), []byte(strings.Replace(string(data), "id: T02", "id: T37", 1)), 0o644)
	gitCmd(t, dir, nil, "rm", "-q", "content/measures/T02.md")
	gitCmd(t, dir, nil, "add", "content/measures/T37.md")
	gitCmd(t, dir, nil, "commit", "-q", "-m", "T02 → T37")
	hist, err := r.History("T37")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hist {
		got = append(got, strings.Join(h.Changes, ", "))
	}
	want := "fil omdøpt fra T02.md | status ikke vurdert → pågår, notat lagt til | opprettet"
	if strings.Join(got, " | ") != want {
		t.Errorf("History(T37) = %q, want %q", strings.Join(got, " | "), want)
	}
}
