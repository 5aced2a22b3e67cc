package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// baselineRepo is a repository made by tracker.Init from the fixture and tagged
// strategi/2016, then revised in one commit: T01's title and text reworded and a
// paragraph added, T02 renumbered T05 (git mv, its id changed), and T20 added.
func baselineRepo(t *testing.T) (*tracker.Repo, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "repo")
	repo, _, err := tracker.Init(dir, os.DirFS(fixture), testAuthor)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := repo.TagStrategy(tracker.FirstStrategyTag, testAuthor); err != nil {
		t.Fatal(err)
	}
	edit := func(name, from, to string) {
		t.Helper()
		p := filepath.Join(dir, "content", "measures", name)
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), from) {
			t.Fatalf("%s has no %q (%v)", name, from, err)
		}
		os.WriteFile(p, []byte(strings.Replace(string(data), from, to, 1)), 0o644)
	}
	edit("T01.md", "title: Øke kunnskapen om effekter", "title: Øke kunnskapen om virkninger")
	edit("T01.md", "Styrke kunnskapsgrunnlaget om effekter av tiltak.",
		"Styrke kunnskapsgrunnlaget om effekter av alle tiltak.\n\nDele funnene med kommunene.")
	git(t, dir, "mv", "content/measures/T02.md", "content/measures/T05.md")
	edit("T05.md", "id: T02", "id: T05")
	edit("../strategy/01-summary.md", "::: tiltak T01 T02", "::: tiltak T01 T05")
	data, _ := os.ReadFile(filepath.Join(dir, "content", "measures", "T10.md"))
	src := strings.Replace(strings.Replace(string(data), "id: T10", "id: T20", 1), "revision: merged:T01", "revision: new", 1)
	src = src[:strings.LastIndex(src, "---\n")+4] + "Et helt nytt tiltak om samarbeid.\n"
	os.WriteFile(filepath.Join(dir, "content", "measures", "T20.md"), []byte(src), 0o644)
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "Revisjon")
	return repo, dir
}

// openBaseline opens the detail of id in m and presses b, running what it starts.
func openBaseline(t *testing.T, m *Model, id string) {
	t.Helper()
	m.detail = nil
	run(t, m, m.openDetail(id))
	press(t, m, "b")
}

// TestDetailAgainstBaseline: b in the detail shows the measure's title and text against
// the newest strategi/ tag, marked word by word without colour; a renumbered measure is
// compared with its old self, a new one says so, and b again shows the text. The
// baseline is read once: b and a reload do not read it again.
func TestDetailAgainstBaseline(t *testing.T) {
	repo, dir := baselineRepo(t)
	c, err := measures.Load(os.DirFS(filepath.Join(dir, "content")))
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Content: c, Repo: repo, FS: os.DirFS(filepath.Join(dir, "content")), Now: clock, NoColor: true, Dark: true, Poll: -1})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	openBaseline(t, m, "T01")
	got := strings.Join(strings.Fields(screen(m)), " ")
	for _, want := range []string{
		"── Mot grunnlaget strategi/2016 ─",
		"Revidert siden grunnlaget strategi/2016: 8 ord satt inn, 2 ord strøket.",
		"Tittel: Øke kunnskapen om [-effekter-]{+virkninger+}",
		"Styrke kunnskapsgrunnlaget om effekter av [-tiltak-]{+alle tiltak.+}",
		"{+Dele funnene med kommunene+}.",
		"Tegnforklaring: [-strøket-] {+satt inn+}",
		"b grunnlaget",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("T01 against the baseline lacks %q:\n%s", want, screen(m))
		}
	}
	old := m.baseline.old
	if old == nil || m.baseline.tag == nil || m.baseline.tag.Ref != "strategi/2016" {
		t.Fatalf("baseline = %+v", m.baseline)
	}
	press(t, m, "b")
	if s := screen(m); !strings.Contains(s, "── Tekst") || strings.Contains(s, "{+") {
		t.Errorf("b again does not show the text:\n%s", s)
	}
	if _, cmd := m.Update(keyMsg("b")); cmd != nil {
		t.Error("b on the same content starts reading the baseline again")
	}
	press(t, m, "b")
	openBaseline(t, m, "T05")
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "Uendret siden grunnlaget strategi/2016. Het T02 i grunnlaget.") ||
		!strings.Contains(s, "Tittel: Avklare roller mellom sektorene") {
		t.Errorf("the renumbered T05 is not compared with T02:\n%s", screen(m))
	}
	openBaseline(t, m, "T10")
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "Slått sammen med T01; teksten er uendret siden grunnlaget strategi/2016.") {
		t.Errorf("the merged T10 does not say so:\n%s", screen(m))
	}
	openBaseline(t, m, "T20")
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "Nytt siden grunnlaget strategi/2016.") ||
		!strings.Contains(s, "Et helt nytt tiltak om samarbeid.") || strings.Contains(s, "{+") {
		t.Errorf("the new T20 does not say it is new (unmarked):\n%s", screen(m))
	}
	// An outside change is compared again, from the baseline already read.
	p := filepath.Join(dir, "content", "measures", "T20.md")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(data), "om samarbeid", "om tett samarbeid", 1)), 0o644)
	run(t, m, m.reloadCmd())
	if m.baseline.old != old || m.baseline.of != m.c {
		t.Errorf("after a reload: old %p (was %p), compared with the current content %v", m.baseline.old, old, m.baseline.of == m.c)
	}
	if s := screen(m); !strings.Contains(s, "Et helt nytt tiltak om tett samarbeid.") {
		t.Errorf("the comparison does not follow the reload:\n%s", s)
	}
}

// TestBaselineWithoutTag: with no strategi/ tag and outside git, b says why there is
// nothing to compare with.
func TestBaselineWithoutTag(t *testing.T) {
	m, _ := newTestModel(t, true) // tracker.Init makes no tag; «samvirke init» does
	press(t, m, "enter", "b")
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "Fant ingen strategi/-tagg å sammenligne med.") {
		t.Errorf("b without a strategi/ tag:\n%s", screen(m))
	}
	m, _ = newTestModel(t, false)
	press(t, m, "enter", "b")
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "Ingen sammenligning: innholdet er ikke i et git-repo") {
		t.Errorf("b on read-only content:\n%s", screen(m))
	}
}

// fixedBaseline is the comparison of the model's content with old, as baselineCmd
// would make it, from a tag with a fixed commit and date.
func fixedBaseline(m *Model, old *measures.Content) baselineMsg {
	when := time.Date(2016, 6, 1, 12, 0, 0, 0, time.UTC)
	tag := &tracker.ReportTag{Name: "2016", Ref: "strategi/2016", When: when,
		Commit: &object.Commit{Hash: plumbing.NewHash("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"), Committer: object.Signature{When: when}}}
	return baselineMsg{tag: tag, old: old, oldAt: tag.Commit.Hash, diff: measures.CompareStrategy(old, m.c), of: m.c}
}

// TestBaselineGolden: the comparison as it is drawn at 80×24, and the marks and the
// control characters of hostile text in it.
func TestBaselineGolden(t *testing.T) {
	m, _ := newTestModel(t, false)
	m.opts.ReadOnly, m.readOnlyOverride = "", true
	old := loadFixture(t)
	t01 := old.Measure("T01")
	t01.Title, t01.Text = "Øke kunnskapen om virkninger", "Et avsnitt som flyttes.\n\nStyrke kunnskapsgrunnlaget om tiltak.\n\nEt tredje avsnitt."
	cur := loadFixture(t) // a fresh load: the model's own is being indexed for search
	cur.Measure("T01").Text = "Styrke kunnskapsgrunnlaget om effekter av tiltak.\n\nEt tredje avsnitt.\n\nEt avsnitt som flyttes."
	m.setContent(cur)
	press(t, m, "enter", "b")
	m.Update(fixedBaseline(m, old))
	golden(t, "detail-baseline", screen(m))
	assertFits(t, m)
	for _, want := range []string{"Flyttet hit:", "Flyttet herfra: [-Et avsnitt som flyttes.-]", "om {+effekter av +}tiltak."} {
		if !strings.Contains(screen(m), want) {
			t.Errorf("the comparison lacks %q", want)
		}
	}
	// Hostile text: the control characters are shown as escapes, never sent raw.
	spans := []measures.WordSpan{{Op: measures.OpEqual, Text: "a \x1b]0;tittel\x07 b "}, {Op: measures.OpInsert, Text: "ny\x1b[2J \u202etekst"}}
	for _, noColor := range []bool{true, false} {
		m.st = DefaultStyles(true, noColor)
		out := m.spans(spans, true)
		if plain := ansiStrip(out); plain != `a \x1b]0;tittel\x07 b {+ny\x1b[2J \u202etekst+}` {
			t.Errorf("noColor %v: spans = %q", noColor, plain)
		}
		if strings.ContainsFunc(sgr.ReplaceAllString(out, ""), measures.UnsafeRune) {
			t.Errorf("noColor %v: a control character is sent raw: %q", noColor, out)
		}
		if styled := strings.Contains(out, "\x1b[4") || strings.Contains(out, ";4m") || strings.Contains(out, ";4;"); styled == noColor {
			t.Errorf("noColor %v: underline %v in %q", noColor, styled, out)
		}
	}
}

// sgr matches the styles the TUI itself writes.
var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")
