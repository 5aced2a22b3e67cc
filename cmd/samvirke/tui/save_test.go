package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// git runs the real git CLI in dir (testutil.GitWithEnv), committing as Ola Nordmann.
func git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	return testutil.GitWithEnv(t, dir, []string{"GIT_AUTHOR_NAME=Ola Nordmann", "GIT_AUTHOR_EMAIL=ola@example.no",
		"GIT_COMMITTER_NAME=Ola Nordmann", "GIT_COMMITTER_EMAIL=ola@example.no"}, args...)
}

func readMeasure(t testing.TB, dir, id string) *measures.Measure {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "content", "measures", id+".md"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := measures.ParseMeasure("content/measures/"+id+".md", data)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// lastCommit is «hash|author|subject» of HEAD and the files it changed.
func lastCommit(t testing.TB, dir string) (string, string) {
	return git(t, dir, "log", "-1", "--format=%h|%an <%ae>|%s"), git(t, dir, "show", "--name-only", "--format=", "HEAD")
}

func TestEditsCommit(t *testing.T) {
	m, dir := newTestModel(t, true)
	tests := []struct {
		name    string
		keys    func()
		subject string
		check   func(ms *measures.Measure) bool
	}{
		{"status", func() { press(t, m, "j", "s"); search(t, m, "pågår"); press(t, m, "enter") },
			"T02: status ikke vurdert → pågår",
			func(ms *measures.Measure) bool {
				e := ms.LastLog()
				return ms.Status == measures.InProgress && e != nil && e.Note == "Status endret til pågår." && e.By == "Kari Nordmann" && e.Date.String() == "2026-11-23"
			}},
		{"note", func() {
			press(t, m, "n")
			typeText(t, m, "Møte med NAV og Hdir.")
			press(t, m, "ctrl+s")
		}, "T02: notat lagt til", func(ms *measures.Measure) bool { return ms.LastLog().Note == "Møte med NAV og Hdir." }},
		{"due", func() { press(t, m, "d", "ctrl+u"); typeText(t, m, "2027-06-30"); press(t, m, "enter") },
			"T02: frist – → 2027-06-30", func(ms *measures.Measure) bool { return ms.Due != nil && ms.Due.String() == "2027-06-30" }},
		{"progress", func() { press(t, m, "p", "ctrl+u"); typeText(t, m, "40"); press(t, m, "enter") },
			"", func(ms *measures.Measure) bool { return ms.Progress != nil && *ms.Progress == 40 }},
		{"owners", func() { press(t, m, "w", "/"); typeText(t, m, "nav"); press(t, m, "space", "enter", "enter") },
			"", func(ms *measures.Measure) bool { return strings.Join(ms.Owners, ",") == "hdir,nav" }},
		{"link", func() { press(t, m, "l", "/"); typeText(t, m, "ingen"); press(t, m, "space", "enter", "enter") },
			"", func(ms *measures.Measure) bool { return strings.Join(ms.Inputs, ",") == "aa2020-1.1/1,aa2020-1.1/3" }},
	}
	for _, tt := range tests {
		before := git(t, dir, "rev-parse", "HEAD")
		tt.keys()
		if m.modal != nil {
			t.Fatalf("%s: the editor is still open; status %q", tt.name, m.status)
		}
		head, files := lastCommit(t, dir)
		if git(t, dir, "rev-parse", "HEAD") == before {
			t.Fatalf("%s: no commit; status %q", tt.name, m.status)
		}
		hash, rest, _ := strings.Cut(head, "|")
		author, subject, _ := strings.Cut(rest, "|")
		if author != testAuthor || files != "content/measures/T02.md" {
			t.Errorf("%s: commit by %q touching %q", tt.name, author, files)
		}
		if tt.subject != "" && subject != tt.subject {
			t.Errorf("%s: subject %q, want %q", tt.name, subject, tt.subject)
		}
		if want := "✓ Lagret " + hash + " " + subject; m.status != want {
			t.Errorf("%s: status line %q, want %q", tt.name, m.status, want)
		}
		if ms := readMeasure(t, dir, "T02"); !tt.check(ms) {
			t.Errorf("%s: T02 after the save: %+v", tt.name, ms)
		}
		if ms := m.c.Measure("T02"); !tt.check(ms) {
			t.Errorf("%s: the TUI did not reload T02", tt.name)
		}
		if m.list.selectedID() != "T02" {
			t.Errorf("%s: selection moved to %s", tt.name, m.list.selectedID())
		}
	}
	if got := git(t, dir, "status", "--porcelain"); got != "" {
		t.Errorf("git status after the edits = %q", got)
	}

	// u undoes the last save (the link) with a revert commit, then the one before.
	press(t, m, "u")
	head, _ := lastCommit(t, dir)
	if !strings.Contains(head, `|Angre «T02: innspill +aa2020-1.1/3»`) || !strings.HasPrefix(m.status, "✓ Angret: ") {
		t.Errorf("undo: HEAD %q, status %q", head, m.status)
	}
	if ms := readMeasure(t, dir, "T02"); strings.Join(ms.Inputs, ",") != "aa2020-1.1/1" {
		t.Errorf("undo left inputs %v", ms.Inputs)
	}
	press(t, m, "u")
	if ms := readMeasure(t, dir, "T02"); strings.Join(ms.Owners, ",") != "hdir" {
		t.Errorf("second undo left owners %v", ms.Owners)
	}
	if len(m.commits) != 8 || !strings.HasPrefix(m.commits[7], git(t, dir, "rev-parse", "--short=7", "HEAD")+" Angre ") {
		t.Errorf("session commits %q", m.commits)
	}
	if n := git(t, dir, "rev-list", "--count", "HEAD"); n != "9" {
		t.Errorf("%s commits, want 9: init, six saves, two reverts (history is never rewritten)", n)
	}
	git(t, dir, "fsck", "--strict")
}

func TestEditErrorsWriteNothing(t *testing.T) {
	m, dir := newTestModel(t, true)
	m.opts.Explain = func(id string, err error) error { return err }
	head := git(t, dir, "rev-parse", "HEAD")
	// The measure's file has uncommitted changes: refused.
	f := filepath.Join(dir, "content/measures/T01.md")
	data, _ := os.ReadFile(f)
	os.WriteFile(f, append(data, "Lokal endring.\n"...), 0o644)
	press(t, m, "s")
	search(t, m, "gjennomført")
	press(t, m, "enter")
	if !m.statusErr || !strings.Contains(m.status, "Ikke lagret") {
		t.Errorf("dirty file: status %q", m.status)
	}
	// An invalid date is not accepted by the editor at all.
	press(t, m, "j", "d", "ctrl+u")
	typeText(t, m, "2026-02-30")
	press(t, m, "enter")
	if m.modal == nil || !strings.Contains(m.status, "ikke en gyldig dato") {
		t.Errorf("invalid date: modal %v, status %q", m.modal, m.status)
	}
	press(t, m, "esc")
	// Unchanged: the same status again.
	press(t, m, "s", "enter")
	if !m.statusErr {
		t.Errorf("same status: status %q", m.status)
	}
	// Nothing to undo in this session.
	press(t, m, "u")
	if !strings.Contains(m.status, "Ingen lagring å angre") {
		t.Errorf("undo with nothing saved: %q", m.status)
	}
	if git(t, dir, "rev-parse", "HEAD") != head {
		t.Error("a refused edit made a commit")
	}
}

func TestNoteAsksBeforeDropping(t *testing.T) {
	m, dir := newTestModel(t, true)
	head := git(t, dir, "rev-parse", "HEAD")
	press(t, m, "n")
	typeText(t, m, "Utkast")
	press(t, m, "esc")
	if m.modal == nil {
		t.Fatal("esc dropped typed text without asking")
	}
	press(t, m, "n") // no: keep writing
	typeText(t, m, " to")
	if got := m.modal.(*noteEditor).area.Value(); got != "Utkast to" {
		t.Errorf("after «n»: text %q", got)
	}
	press(t, m, "esc", "j")
	if m.modal != nil {
		t.Error("«j» did not drop the note")
	}
	if git(t, dir, "rev-parse", "HEAD") != head {
		t.Error("a dropped note made a commit")
	}
}

func TestEditorRoundTrip(t *testing.T) {
	m, dir := newTestModel(t, true)
	ms := m.c.Measure("T01")
	f := filepath.Join(t.TempDir(), "T01.md")
	text := editorText(ms.Title, ms.Text)
	os.WriteFile(f, []byte(strings.Replace(text, "# Øke kunnskapen", "# Øke kunnskapen betydelig", 1)), 0o644)
	_, cmd := m.Update(editorMsg{id: "T01", file: f, title: ms.Title, text: ms.Text})
	run(t, m, cmd)
	if head, _ := lastCommit(t, dir); !strings.HasSuffix(head, "|T01: tittel endret") {
		t.Errorf("HEAD after editing the title = %q (status %q)", head, m.status)
	}
	if got := readMeasure(t, dir, "T01").Title; got != "Øke kunnskapen betydelig om effekter" {
		t.Errorf("title %q", got)
	}
	if _, err := os.Stat(f); !os.IsNotExist(err) {
		t.Error("the temporary file was not removed")
	}
	for _, bad := range []string{"Ingen overskrift\n\nTekst", "# Tittel\n\n   \n"} {
		os.WriteFile(f, []byte(bad), 0o644)
		m.Update(editorMsg{id: "T01", file: f, title: ms.Title, text: ms.Text})
		if !m.statusErr {
			t.Errorf("editor text %q accepted: %q", bad, m.status)
		}
	}
}

func TestReloadOnOutsideChange(t *testing.T) {
	m, dir := newTestModel(t, true)
	press(t, m, "j", "j") // T10
	run(t, m, m.signatureCmd())
	// Another process commits a change to T10.
	f := filepath.Join(dir, "content/measures/T10.md")
	data, _ := os.ReadFile(f)
	os.WriteFile(f, []byte(strings.Replace(string(data), "title: Ærlig evaluering av piloter", "title: Ærlig evaluering av alle piloter", 1)), 0o644)
	git(t, dir, "commit", "-qam", "T10: ny tittel")
	run(t, m, m.signatureCmd())
	if got := m.c.Measure("T10").Title; got != "Ærlig evaluering av alle piloter" {
		t.Fatalf("after an outside commit the TUI shows %q", got)
	}
	if m.list.selectedID() != "T10" {
		t.Errorf("selection %s after reload, want T10", m.list.selectedID())
	}
	if len(m.log) == 0 || m.log[0].Subject != "T10: ny tittel" {
		t.Errorf("latest changes not refreshed: %+v", m.log)
	}
	if !strings.Contains(screen(m), "Ærlig evaluering av alle") {
		t.Error("the new title is not on screen")
	}
}

func TestEditErrorsInNorwegian(t *testing.T) {
	t.Run("no identity", func(t *testing.T) {
		m, dir := newTestModel(t, true)
		home := t.TempDir()
		t.Setenv("HOME", home)
		t.Setenv("XDG_CONFIG_HOME", home)
		m.opts.Author = ""
		m.opts.Explain = func(id string, err error) error {
			if errors.Is(err, tracker.ErrNoIdentity) {
				return errors.New("fant ingen git-identitet")
			}
			return err
		}
		head := git(t, dir, "rev-parse", "HEAD")
		press(t, m, "s", "down", "enter")
		if m.status != "Ikke lagret: fant ingen git-identitet" || git(t, dir, "rev-parse", "HEAD") != head {
			t.Errorf("status %q", m.status)
		}
	})
	t.Run("lock held", func(t *testing.T) {
		m, dir := newTestModel(t, true)
		old := tracker.LockTimeout
		tracker.LockTimeout = 100 * time.Millisecond
		defer func() { tracker.LockTimeout = old }()
		lock := flock.New(filepath.Join(dir, ".git", "samvirke.lock"))
		if err := lock.Lock(); err != nil {
			t.Fatal(err)
		}
		defer lock.Unlock()
		m.opts.Explain = func(id string, err error) error {
			if errors.Is(err, tracker.ErrLocked) {
				return errors.New("en annen samvirke-prosess skriver til repoet")
			}
			return err
		}
		head := git(t, dir, "rev-parse", "HEAD")
		press(t, m, "p", "ctrl+u")
		typeText(t, m, "10")
		press(t, m, "enter")
		if !strings.Contains(m.status, "en annen samvirke-prosess") || git(t, dir, "rev-parse", "HEAD") != head {
			t.Errorf("status %q", m.status)
		}
	})
	t.Run("invalid content", func(t *testing.T) {
		m, dir := newTestModel(t, true)
		// Another file is broken: the whole content is validated, so nothing is saved.
		f := filepath.Join(dir, "content/measures/T10.md")
		data, _ := os.ReadFile(f)
		os.WriteFile(f, []byte(strings.Replace(string(data), "status: done", "status: kanskje", 1)), 0o644)
		git(t, dir, "commit", "-qam", "broken T10")
		head := git(t, dir, "rev-parse", "HEAD")
		press(t, m, "p", "ctrl+u")
		typeText(t, m, "10")
		press(t, m, "enter")
		if !m.statusErr || git(t, dir, "rev-parse", "HEAD") != head {
			t.Errorf("status %q", m.status)
		}
	})
}

func TestReloadOnUncommittedEdit(t *testing.T) {
	m, dir := newTestModel(t, true)
	run(t, m, m.signatureCmd())
	run(t, m, m.signatureCmd())
	if m.status != "" {
		t.Fatalf("no change, yet: %q", m.status)
	}
	// An editor saves T02 in place: no commit, no new file, only the file's size and time.
	f := filepath.Join(dir, "content/measures/T02.md")
	data, _ := os.ReadFile(f)
	os.WriteFile(f, []byte(strings.Replace(string(data), "status: not-assessed", "status: delayed", 1)), 0o644)
	run(t, m, m.signatureCmd())
	if got := m.c.Measure("T02").Status; got != measures.Delayed {
		t.Errorf("after an in-place edit the TUI shows %s", got)
	}
	if !strings.Contains(m.status, "endret utenfra") {
		t.Errorf("status %q", m.status)
	}
}

func TestSignatureKinds(t *testing.T) {
	if fullEvery(44) != 1 || fullEvery(10000) != 15 {
		t.Errorf("fullEvery(44) = %d, fullEvery(10000) = %d", fullEvery(44), fullEvery(10000))
	}
	m, _ := newTestModel(t, false)
	steps := []struct {
		msg  signatureMsg
		want bool
	}{
		{signatureMsg{quick: "a", full: "x"}, false}, // the first look only records
		{signatureMsg{quick: "a"}, false},
		{signatureMsg{quick: "b"}, true}, // HEAD or a directory moved
		{signatureMsg{quick: "b", full: "x"}, false},
		{signatureMsg{quick: "b", full: "y"}, true}, // a file changed in place
	}
	for i, s := range steps {
		if got := m.changed(s.msg); got != s.want {
			t.Errorf("step %d: changed(%+v) = %v, want %v", i+1, s.msg, got, s.want)
		}
	}
}

// TestGoldenAfterSave is the list after a status change: the status line names the
// commit. The hash depends on the time of the repository's first commit and is masked.
func TestGoldenAfterSave(t *testing.T) {
	m, dir := newTestModel(t, true)
	m.opts.Now = time.Now // after the first commit, which tracker.Init dates now
	press(t, m, "j", "s")
	search(t, m, "forsinket")
	press(t, m, "enter")
	hash := git(t, dir, "rev-parse", "--short=7", "HEAD")
	if got, want := m.lastChanged["T02"].Unix(), git(t, dir, "log", "-1", "--format=%ct"); strconv.FormatInt(got, 10) != want {
		t.Errorf("last change of T02 = %d, want the save's time %s", got, want)
	}
	// The other measures last changed in the first commit, made today: fix the dates.
	for id := range m.lastChanged {
		m.lastChanged[id] = clock()
	}
	frame := screen(m)
	if !strings.Contains(frame, "✓ Lagret "+hash+" T02: status ikke vurdert → forsinket") {
		t.Errorf("the status line does not name commit %s:\n%s", hash, frame)
	}
	golden(t, "after-save", strings.ReplaceAll(frame, hash, "<hash>"))
}

// TestNoSilentOverwrite: a colleague's commit lands while an editor is open on the same
// field. The save is refused in Norwegian, nothing is committed, the colleague's value
// stays, and text typed in $EDITOR is kept in its file.
func TestNoSilentOverwrite(t *testing.T) {
	// colleague commits a change to T02 as «samvirke set» in another process would.
	colleague := func(t *testing.T, dir string, change func(ms *measures.Measure)) string {
		t.Helper()
		repo, err := tracker.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		saved, err := repo.Save(t.Context(), "T02", func(ms *measures.Measure, _ string) error { change(ms); return nil },
			tracker.SaveOptions{Author: "Ola Nordmann <ola@example.no>"})
		if err != nil {
			t.Fatal(err)
		}
		return saved.Hash.String()
	}
	refused := func(t *testing.T, m *Model, dir, head, want string) {
		t.Helper()
		if got := git(t, dir, "rev-parse", "HEAD"); got != head {
			t.Errorf("a commit was made over the colleague's: HEAD %s", got)
		}
		if !m.statusErr || !strings.HasPrefix(m.status, "Ikke lagret: T02: ") || !strings.Contains(m.status, want) {
			t.Errorf("status line %q, want a refusal naming %q", m.status, want)
		}
	}

	t.Run("status", func(t *testing.T) {
		m, dir := newTestModel(t, true)
		press(t, m, "j", "s") // T02, ikke vurdert
		head := colleague(t, dir, func(ms *measures.Measure) { ms.Status = measures.Delayed })
		search(t, m, "pågår")
		press(t, m, "enter")
		refused(t, m, dir, head, "«forsinket»")
		if m.c.Measure("T02").Status != measures.Delayed {
			t.Error("the TUI does not show the colleague's status after the refusal")
		}
		if st := readMeasure(t, dir, "T02").Status; st != measures.Delayed {
			t.Errorf("status %s, want the colleague's", st)
		}
	})
	t.Run("due", func(t *testing.T) {
		m, dir := newTestModel(t, true)
		press(t, m, "j", "d") // no due date yet
		d, _ := measures.ParseDate("2027-01-31")
		head := colleague(t, dir, func(ms *measures.Measure) { ms.Due = &d })
		typeText(t, m, "2027-06-30")
		press(t, m, "enter")
		refused(t, m, dir, head, "31. januar 2027")
	})
	t.Run("editor", func(t *testing.T) {
		m, dir := newTestModel(t, true)
		ms := m.c.Measure("T02")
		f := filepath.Join(t.TempDir(), "T02.md")
		os.WriteFile(f, []byte(editorText(ms.Title+" (min versjon)", ms.Text)), 0o644)
		head := colleague(t, dir, func(ms *measures.Measure) { ms.Text += "\n\nEt nytt avsnitt fra Ola." })
		_, cmd := m.Update(editorMsg{id: "T02", file: f, title: ms.Title, text: ms.Text})
		run(t, m, cmd)
		refused(t, m, dir, head, f)
		if _, err := os.Stat(f); err != nil {
			t.Errorf("the typed text is gone: %v", err)
		}
		if got := readMeasure(t, dir, "T02"); !strings.HasSuffix(got.Text, "Et nytt avsnitt fra Ola.") || strings.Contains(got.Title, "min versjon") {
			t.Errorf("T02 after the refusal: %q / %q", got.Title, got.Text)
		}
	})
}

func TestMergeChoice(t *testing.T) {
	tests := []struct {
		name                        string
		base, current, chosen, want string
	}{
		{"nothing changed elsewhere", "hdir", "hdir", "hdir,nav", "hdir,nav"},
		{"untick keeps the order", "hdir,nav,kd", "hdir,nav,kd", "kd,hdir", "hdir,kd"},
		{"a colleague's addition stays", "hdir", "hdir,kd", "hdir,nav", "hdir,kd,nav"},
		{"a colleague's removal stays", "hdir,nav", "hdir", "hdir,nav,kd", "hdir,kd"},
		{"both remove the lead", "hdir,nav", "nav", "nav", "nav"},
		{"the colleague's new lead stays first", "hdir,nav", "nav,hdir", "hdir,nav,kd", "nav,hdir,kd"},
	}
	split := func(s string) []string { return strings.Split(s, ",") }
	for _, tt := range tests {
		if got := strings.Join(mergeChoice(split(tt.base), split(tt.current), split(tt.chosen)), ","); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestStatusLineSaysWhereSavesGo: with nothing else to say, the status line names the
// branch and the repository a save commits to, and follows a checkout.
func TestStatusLineSaysWhereSavesGo(t *testing.T) {
	m, dir := newTestModel(t, true)
	if s := screen(m); !strings.Contains(s, "Lagrer som commits på grenen main i repo.") {
		t.Errorf("status line does not say where saves go:\n%s", s)
	}
	git(t, dir, "checkout", "-q", "-b", "utkast")
	run(t, m, m.extrasCmd())
	if s := screen(m); !strings.Contains(s, "på grenen utkast i repo.") {
		t.Errorf("after a checkout:\n%s", s)
	}
	git(t, dir, "checkout", "-q", "--detach")
	run(t, m, m.extrasCmd())
	if s := screen(m); !strings.Contains(s, "uten gren (detached HEAD)") {
		t.Errorf("on a detached HEAD:\n%s", s)
	}
}

// TestAskBeforeFirstSave: in a repository not made by «samvirke init» the first save of
// the session asks, n saves nothing, j saves, and the next save does not ask again.
func TestAskBeforeFirstSave(t *testing.T) {
	m, dir := newTestModel(t, true)
	m.opts.AskFirst = "Dette repoet er ikke laget med «samvirke init»."
	head := git(t, dir, "rev-parse", "HEAD")
	press(t, m, "j", "s", "j", "enter")
	if _, ok := m.modal.(*confirmSave); !ok || git(t, dir, "rev-parse", "HEAD") != head {
		t.Fatalf("the first save did not ask: modal %T, status %q", m.modal, m.status)
	}
	if scr := screen(m); !strings.Contains(scr, "Lagre i dette repoet?") || !strings.Contains(scr, "samvirke demo") ||
		!strings.Contains(scr, "Spør før første lagring på grenen main") {
		t.Errorf("the question:\n%s", scr)
	}
	press(t, m, "n")
	if m.modal != nil || git(t, dir, "rev-parse", "HEAD") != head || !strings.Contains(m.status, "Ikke lagret") {
		t.Fatalf("n: modal %T, status %q", m.modal, m.status)
	}
	press(t, m, "s", "j", "enter", "j")
	if git(t, dir, "rev-parse", "HEAD") == head || readMeasure(t, dir, "T02").Status != measures.Proposed {
		t.Fatalf("j did not save; status %q", m.status)
	}
	head = git(t, dir, "rev-parse", "HEAD")
	press(t, m, "s", "j", "enter")
	if m.modal != nil || git(t, dir, "rev-parse", "HEAD") == head {
		t.Errorf("the second save asked again or did not save: modal %T, status %q", m.modal, m.status)
	}
}
