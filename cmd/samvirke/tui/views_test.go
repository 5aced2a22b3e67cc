package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/tracker"
)

// fixedLog is a git log for the golden views, with fixed hashes and dates.
var fixedLog = []tracker.Change{
	{Commit: "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", Date: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), Author: "Kari Nordmann", Subject: "T01: status ikke startet → pågår"},
	{Commit: "0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e", Date: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), Author: "Ola Nordmann", Subject: "Add strategy content"},
}

func TestGoldenViews(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, m *Model)
	}{
		{"measures", func(t *testing.T, m *Model) {}},
		{"measures-filter", func(t *testing.T, m *Model) { press(t, m, "/"); typeText(t, m, "oke") }},
		{"measures-filter-kept", func(t *testing.T, m *Model) { press(t, m, "/"); typeText(t, m, "sektor"); press(t, m, "enter") }},
		{"measures-sort-title", func(t *testing.T, m *Model) { press(t, m, "o") }},
		{"measures-quick-filter", func(t *testing.T, m *Model) {
			press(t, m, "f", "/")
			typeText(t, m, "pågår")
			press(t, m, "space", "enter", "enter")
		}},
		{"quick-filter-picker", func(t *testing.T, m *Model) { press(t, m, "f") }},
		{"overview", func(t *testing.T, m *Model) {
			m.Update(extrasMsg{log: fixedLog})
			press(t, m, "1")
		}},
		{"inputs", func(t *testing.T, m *Model) { press(t, m, "3", "down", "down") }},
		{"inputs-unanswered", func(t *testing.T, m *Model) { press(t, m, "3", "f") }},
		{"owners", func(t *testing.T, m *Model) { press(t, m, "4", "j") }},
		{"detail", func(t *testing.T, m *Model) {
			press(t, m, "enter")
			m.Update(historyMsg{id: "T01", changes: []tracker.Change{{Commit: fixedLog[0].Commit, Date: fixedLog[0].Date,
				Author: "Kari Nordmann", Changes: []string{"status ikke startet → pågår", "notat lagt til"}}}})
		}},
		{"detail-end", func(t *testing.T, m *Model) {
			press(t, m, "enter")
			m.Update(historyMsg{id: "T01", changes: []tracker.Change{{Commit: fixedLog[0].Commit, Date: fixedLog[0].Date,
				Author: "Kari Nordmann", Changes: []string{"status ikke startet → pågår", "notat lagt til"}}}})
			press(t, m, "G")
		}},
		{"help", func(t *testing.T, m *Model) { press(t, m, "?") }},
		{"status-picker", func(t *testing.T, m *Model) { press(t, m, "j", "s") }},
		{"status-picker-typed", func(t *testing.T, m *Model) { press(t, m, "j", "s", "/"); typeText(t, m, "gjen") }},
		{"note-editor", func(t *testing.T, m *Model) { press(t, m, "n"); typeText(t, m, "Møte med NAV") }},
		{"note-confirm-drop", func(t *testing.T, m *Model) { press(t, m, "n"); typeText(t, m, "Utkast"); press(t, m, "esc") }},
		{"owners-picker", func(t *testing.T, m *Model) { press(t, m, "w", "down", "space") }},
		{"due-editor-invalid", func(t *testing.T, m *Model) { press(t, m, "d", "ctrl+u"); typeText(t, m, "2026-13-40") }},
		{"due-editor-valid", func(t *testing.T, m *Model) { press(t, m, "d", "ctrl+u"); typeText(t, m, "2027-06-30") }},
		{"progress-editor", func(t *testing.T, m *Model) { press(t, m, "p", "ctrl+u"); typeText(t, m, "40") }},
		{"link-picker", func(t *testing.T, m *Model) { press(t, m, "l", "/"); typeText(t, m, "tidlig") }},
		{"wide-120x30", func(t *testing.T, m *Model) { m.Update(tea.WindowSizeMsg{Width: 120, Height: 30}) }},
		{"narrow-60x20", func(t *testing.T, m *Model) { m.Update(tea.WindowSizeMsg{Width: 60, Height: 20}) }},
		{"detail-narrow-40x20", func(t *testing.T, m *Model) {
			m.Update(tea.WindowSizeMsg{Width: 40, Height: 20})
			press(t, m, "enter")
		}},
		{"overview-narrow-60x20", func(t *testing.T, m *Model) {
			m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
			m.Update(extrasMsg{log: fixedLog})
			press(t, m, "1")
		}},
		{"inputs-narrow-60x20", func(t *testing.T, m *Model) {
			m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
			press(t, m, "3")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := newTestModel(t, false)
			m.opts.Repo = nil
			m.opts.ReadOnly = ""
			m.readOnlyOverride = true
			tt.setup(t, m)
			golden(t, tt.name, screen(m))
			assertFits(t, m)
		})
	}
}

// assertFits checks that the frame has exactly the terminal's height and no line is wider.
func assertFits(t *testing.T, m *Model) {
	t.Helper()
	lines := strings.Split(screen(m), "\n")
	if len(lines) != m.height {
		t.Errorf("frame has %d lines, terminal %d", len(lines), m.height)
	}
	for i, l := range lines {
		if w := ansiWidth(l); w > m.width {
			t.Errorf("line %d is %d cells wide, terminal %d: %q", i+1, w, m.width, l)
		}
	}
}

func TestReadOnly(t *testing.T) {
	m, _ := newTestModel(t, false)
	press(t, m, "s")
	if m.modal != nil {
		t.Fatal("s opened an editor on read-only content")
	}
	golden(t, "read-only", screen(m))
	for _, k := range []string{"n", "w", "d", "p", "l", "e", "u"} {
		m.status = ""
		press(t, m, k)
		if m.modal != nil || !strings.Contains(m.status, "Kan ikke endre") {
			t.Errorf("%s on read-only content: modal %v, status %q", k, m.modal, m.status)
		}
	}
}

func TestFilterFoldsNorwegianLetters(t *testing.T) {
	tests := []struct{ query, want string }{
		{"oke", "T01"},   // Øke
		{"ærlig", "T10"}, // exact letter
		{"aerlig", "T10"},
		{"apne", "D01"},               // Åpne
		{"t10", "T10"},                // id, any case
		{"piloter", "T10"},            // title word
		{"effekter av tiltak", "T01"}, // words of the text
	}
	for _, tt := range tests {
		m, _ := newTestModel(t, false)
		press(t, m, "/")
		typeText(t, m, tt.query)
		if got := m.list.selectedID(); got != tt.want {
			t.Errorf("filter %q selects %q, want %q (rows %d)", tt.query, got, tt.want, len(m.list.rows))
		}
	}
	m, _ := newTestModel(t, false)
	press(t, m, "/")
	typeText(t, m, "zzzz")
	if len(m.list.rows) != 0 || !strings.Contains(screen(m), "Ingen tiltak passer filteret") {
		t.Errorf("filter zzzz: %d rows", len(m.list.rows))
	}
	press(t, m, "esc")
	if len(m.list.rows) != 4 || m.list.filtering {
		t.Errorf("esc: %d rows, filtering %v; want all 4 and the filter closed", len(m.list.rows), m.list.filtering)
	}
}

func TestNavigation(t *testing.T) {
	m, _ := newTestModel(t, false)
	press(t, m, "tab")
	if m.view != viewInputs {
		t.Errorf("tab from Tiltak: view %d", m.view)
	}
	press(t, m, "shift+tab", "shift+tab")
	if m.view != viewOverview {
		t.Errorf("shift+tab twice: view %d", m.view)
	}
	press(t, m, "2", "j", "j", "k")
	if got := m.list.selectedID(); got != "T02" {
		t.Errorf("j j k selects %s, want T02", got)
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if got := m.list.selectedID(); got != "D01" {
		t.Errorf("wheel down selects %s, want D01 (three rows on, clamped at the end)", got)
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if got := m.list.selectedID(); got != "T01" {
		t.Errorf("wheel up selects %s, want T01", got)
	}
	press(t, m, "enter")
	if m.detail == nil || m.detail.id != "T01" {
		t.Fatal("enter did not open the detail of T01")
	}
	press(t, m, "q")
	if m.detail != nil {
		t.Error("q in the detail did not go back")
	}
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("q on the list did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q on the list did not quit")
	}
	if _, cmd := m.Update(keyMsg("ctrl+c")); cmd == nil {
		t.Error("ctrl+c did not quit")
	}
}

func TestColour(t *testing.T) {
	c := loadFixture(t)
	plain := New(Options{Content: c, Now: clock, NoColor: true}).View().Content
	if strings.Contains(plain, "38;") || strings.Contains(plain, "48;") {
		t.Errorf("NO_COLOR frame has colour codes:\n%q", plain)
	}
	for _, dark := range []bool{true, false} {
		m := New(Options{Content: c, Now: clock})
		m.Update(tea.BackgroundColorMsg{Color: map[bool]colorRGB{true: {0, 0, 0}, false: {255, 255, 255}}[dark]})
		frame := m.View().Content
		if !strings.Contains(frame, "38;") {
			t.Errorf("dark=%v: no colour in the frame", dark)
		}
		if !strings.Contains(frame, "pågår") {
			t.Errorf("dark=%v: status not written as text", dark)
		}
		if m.st.Dark != dark {
			t.Errorf("background message: Dark = %v, want %v", m.st.Dark, dark)
		}
	}
}

type colorRGB [3]uint8

func (c colorRGB) RGBA() (r, g, b, a uint32) {
	return uint32(c[0]) * 0x101, uint32(c[1]) * 0x101, uint32(c[2]) * 0x101, 0xffff
}

func TestExplainErrors(t *testing.T) {
	m, _ := newTestModel(t, false)
	m.opts.Explain = func(id string, err error) error { return errors.New("forklart: " + id) }
	m.saving = true
	m.applySaved(savedMsg{id: "T01", err: tracker.ErrLocked})
	if !m.statusErr || m.status != "Ikke lagret: forklart: T01" || m.saving {
		t.Errorf("status %q (error %v)", m.status, m.statusErr)
	}
	m.applySaved(savedMsg{id: "T01", err: tracker.ErrChanged, revert: true})
	if !strings.Contains(m.status, "endret etter lagringen") {
		t.Errorf("revert refused: status %q", m.status)
	}
}
