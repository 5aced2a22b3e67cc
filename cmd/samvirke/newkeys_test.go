package main

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// TestFormKeyMapNorwegian: every key help of the «samvirke new» form is Norwegian; a
// binding a newer huh adds without a translation fails here.
func TestFormKeyMapNorwegian(t *testing.T) {
	norwegian := map[string]bool{}
	for _, no := range formHelp {
		norwegian[no] = true
	}
	eachBinding(reflect.ValueOf(formKeyMap()).Elem(), func(b *key.Binding) {
		if d := b.Help().Desc; d != "" && !norwegian[d] {
			t.Errorf("the form's key help %q (%s) is not Norwegian", d, b.Help().Key)
		}
	})
	if km := formKeyMap(); km.Confirm.Accept.Help().Key != "j" || !key.Matches(keyPress('j'), km.Confirm.Accept) {
		t.Errorf("j does not answer yes: %+v", km.Confirm.Accept.Help())
	}
}

func keyPress(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }
