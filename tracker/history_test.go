package tracker

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
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
	testutil.Git(t, dir, "add", "NOTES")
	testutil.Git(t, dir, "commit", "-q", "-m", "notes")
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
	gitLog := strings.Split(testutil.Git(t, dir, "log", "--format=%H", "--", "content/measures/T02.md"), "\n")
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
	testutil.Git(t, dir, "reset", "-q", "--hard", "HEAD~1")
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
	testutil.Git(t, dir, "rm", "-q", "content/measures/T02.md")
	testutil.Git(t, dir, "add", "content/measures/T37.md")
	testutil.Git(t, dir, "commit", "-q", "-m", "T02 → T37")
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

// TestHistoryLargeCommitRename follows measures created in one commit with 2,000 measure
// files and renamed later, one alone (with other changes in the commit) and one among
// 300 renamed at once, and checks the commits against «git log --follow».
func TestHistoryLargeCommitRename(t *testing.T) {
	dir := t.TempDir()
	f := newFastImport(t, dir)
	f.commit("first")
	f.fixtureFiles()
	f.commit("2000 measures")
	for i := 1; i <= 2000; i++ {
		f.put("content/measures/"+measureID(i)+".md", fixtureMeasure(i, 0).Encode())
	}
	renamed := func(i, rev int, id string) []byte {
		m := fixtureMeasure(i, rev)
		m.ID = id
		return m.Encode()
	}
	f.commit("T42 in progress")
	f.put("content/measures/T42.md", fixtureMeasure(42, 1).Encode())
	f.commit("T42 → T2001, T43 changed, T44 removed")
	f.del("content/measures/T42.md")
	f.del("content/measures/T44.md")
	f.put("content/measures/T43.md", fixtureMeasure(43, 1).Encode())
	f.put("content/measures/T2001.md", renamed(42, 1, "T2001"))
	f.commit("T400–T699 → T2400–T2699")
	for i := 400; i < 700; i++ {
		f.del("content/measures/" + measureID(i) + ".md")
		f.put("content/measures/"+measureID(i+2000)+".md", renamed(i, 0, measureID(i+2000)))
	}
	f.commit("T2001 and T2500 changed")
	f.put("content/measures/T2001.md", renamed(42, 2, "T2001"))
	f.put("content/measures/T2500.md", renamed(500, 1, "T2500"))
	f.finish(dir)

	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id   string
		want string
	}{
		{"T2001", "status foreslått → ikke startet, notat lagt til | fil omdøpt fra T42.md | status ikke vurdert → foreslått, notat lagt til | opprettet"},
		{"T2500", "status ikke vurdert → foreslått, notat lagt til | fil omdøpt fra T500.md | opprettet"},
		{"T43", "status ikke vurdert → foreslått, notat lagt til | opprettet"},
		{"T1999", "opprettet"},
		{"T44", "slettet | opprettet"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			hist, err := r.History(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			var got, commits []string
			for _, h := range hist {
				got = append(got, strings.Join(h.Changes, ", "))
				commits = append(commits, h.Commit)
			}
			if strings.Join(got, " | ") != tt.want {
				t.Errorf("History(%s) = %q, want %q", tt.id, strings.Join(got, " | "), tt.want)
			}
			follow := testutil.Git(t, dir, "-c", "diff.renameLimit=0", "log", "--follow", "--format=%H", "--", "content/measures/"+tt.id+".md")
			if strings.Join(commits, "\n") != follow {
				t.Errorf("History(%s) commits\n%s\ngit log --follow:\n%s", tt.id, strings.Join(commits, "\n"), follow)
			}
		})
	}
}
