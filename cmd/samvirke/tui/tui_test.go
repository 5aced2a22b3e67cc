package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

const fixture = "../../../measures/testdata/content"

// clock is the fixed time of the tests: 23 November 2026.
func clock() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }

func loadFixture(t testing.TB) *measures.Content {
	t.Helper()
	c, err := measures.Load(os.DirFS(fixture))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newTestModel is a TUI on the fixture at 80×24 without colour. With repo, it edits a
// fresh repository made by tracker.Init; without, it is read-only.
func newTestModel(t testing.TB, withRepo bool) (*Model, string) {
	t.Helper()
	opts := Options{Now: clock, NoColor: true, Dark: true, Poll: -1}
	var dir string
	if withRepo {
		dir = filepath.Join(t.TempDir(), "repo")
		repo, _, err := tracker.Init(dir, os.DirFS(fixture), testAuthor)
		if err != nil {
			t.Fatal(err)
		}
		opts.Repo, opts.RepoDir, opts.Author = repo, repo.Root, testAuthor
		opts.FS = os.DirFS(filepath.Join(dir, "content"))
		opts.Dir = filepath.Join(dir, "content")
	} else {
		opts.ReadOnly = "innebygd innhold (skrivebeskyttet)."
	}
	c, err := measures.Load(os.DirFS(fixture))
	if err != nil {
		t.Fatal(err)
	}
	opts.Content = c
	m := New(opts)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return m, dir
}

const testAuthor = "Kari Nordmann <kari@example.no>"

// press sends keys to the model and runs the commands they return to completion, as
// the Bubble Tea runtime would (without ticks and terminal queries).
func press(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		run(t, m, cmd)
	}
}

func run(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	if cmd == nil {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			run(t, m, c)
		}
	case savedMsg, reloadedMsg, extrasMsg, historyMsg, editorMsg, signatureMsg, baselineMsg:
		_, next := m.Update(msg)
		run(t, m, next)
	}
}

// keyMsg builds a key press from its name: "enter", "esc", "ctrl+s", "shift+tab", "å".
func keyMsg(k string) tea.KeyPressMsg {
	special := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "space": tea.KeySpace, "backspace": tea.KeyBackspace, "pgdown": tea.KeyPgDown}
	var mod tea.KeyMod
	if rest, ok := strings.CutPrefix(k, "ctrl+"); ok {
		mod, k = tea.ModCtrl, rest
	}
	if rest, ok := strings.CutPrefix(k, "shift+"); ok {
		mod, k = tea.ModShift, rest
	}
	if code, ok := special[k]; ok {
		msg := tea.KeyPressMsg{Code: code, Mod: mod}
		if code == tea.KeySpace {
			msg.Text = " "
		}
		return msg
	}
	r := []rune(k)[0]
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	return tea.KeyPressMsg{Code: r, Text: k}
}

// search starts a picker's search with /, types query and goes back to the list with
// enter, so that the next enter saves the item under the cursor.
func search(t testing.TB, m *Model, query string) {
	t.Helper()
	press(t, m, "/")
	typeText(t, m, query)
	press(t, m, "enter")
}

// typeText presses one key per letter.
func typeText(t testing.TB, m *Model, s string) {
	t.Helper()
	for _, r := range s {
		if r == ' ' {
			press(t, m, "space")
			continue
		}
		press(t, m, string(r))
	}
}

// screen is the current frame without ANSI styles.
func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// golden compares got with testdata/NAME.golden (testutil.Golden; -update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name+".golden"), got)
}
