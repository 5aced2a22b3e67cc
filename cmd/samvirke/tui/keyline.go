package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// shortHelp is the help line for what is on screen now. Keys that would change a
// measure are left out when the content is read-only.
func (m *Model) shortHelp() []key.Binding {
	keys := m.front().ShortHelp()
	if m.readOnly() {
		keys = withoutEditKeys(m.keys, keys)
	}
	return keys
}

func withoutEditKeys(k keyMap, keys []key.Binding) []key.Binding {
	edit := append(k.editKeys(), k.Undo, k.Sync)
	var out []key.Binding
	for _, b := range keys {
		if !containsBinding(edit, b) {
			out = append(out, b)
		}
	}
	return out
}

func containsBinding(bs []key.Binding, b key.Binding) bool {
	for _, x := range bs {
		if x.Help() == b.Help() && strings.Join(x.Keys(), " ") == strings.Join(b.Keys(), " ") {
			return true
		}
	}
	return false
}

// helpLine is the short help fitted to the width: when it is too wide, keys are dropped
// from the middle, so the last ones (? hjelp, q avslutt, esc avbryt) always show.
func (m *Model) helpLine() string {
	keys := m.shortHelp()
	tail := 0
	for i := len(keys) - 1; i >= 0 && tail < 2 && isTailKey(m.keys, keys[i]); i-- {
		tail++
	}
	head := keys[:len(keys)-tail]
	hm := m.help
	hm.SetWidth(0) // measure untruncated
	for n := len(head); n >= 0; n-- {
		line := hm.ShortHelpView(append(head[:n:n], keys[len(keys)-tail:]...))
		if ansiWidth(line) <= m.width || n == 0 {
			return line
		}
	}
	return ""
}

// isTailKey reports the keys a help line never drops: help, quit, back and cancel.
func isTailKey(k keyMap, b key.Binding) bool {
	return containsBinding([]key.Binding{k.Help, k.Quit, k.Back, k.Cancel, k.HelpClose}, b) || b.Help().Key == "esc"
}
