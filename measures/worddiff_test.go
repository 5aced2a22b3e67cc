package measures

import (
	"slices"
	"strings"
	"testing"
)

// render writes spans as [-deleted-]{+inserted+}, as git diff --word-diff does.
func renderSpans(spans []WordSpan) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case OpInsert:
			b.WriteString("{+" + s.Text + "+}")
		case OpDelete:
			b.WriteString("[-" + s.Text + "-]")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"norwegian words whole", "Økt årsverk på sykehus", []string{"Økt", " ", "årsverk", " ", "på", " ", "sykehus"}},
		{"punctuation apart", "tiltak, «NAV»!", []string{"tiltak", ",", " ", "«", "NAV", "»", "!"}},
		{"hyphenated word whole", "e-helse og Arbeids- og", []string{"e-helse", " ", "og", " ", "Arbeids", "-", " ", "og"}},
		{"NFC", "a\u030a", []string{"å"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"same", "Et tiltak.", "Et tiltak.", "Et tiltak."},
		{"one word", "Økt innsats i NAV.", "Økt samarbeid i NAV.", "Økt [-innsats-]{+samarbeid+} i NAV."},
		{"phrase rewritten as one change", "Vi skal styrke arbeidet raskt.", "Vi skal bygge ut tilbudet raskt.",
			"Vi skal [-styrke arbeidet-]{+bygge ut tilbudet+} raskt."},
		{"punctuation only", "tiltak.", "tiltak!", "tiltak[-.-]{+!+}"},
		{"NFC equal", "på", "pa\u030a", "på"},
		{"from nothing", "", "Nytt.", "{+Nytt.+}"},
		{"to nothing", "Borte.", "", "[-Borte.-]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderSpans(WordDiff(tt.old, tt.new)); got != tt.want {
				t.Errorf("WordDiff(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
			}
		})
	}
}

func renderBlocks(bs []Block) string {
	var out []string
	for _, b := range bs {
		prefix := ""
		switch b.Move {
		case MovedHere:
			prefix = "(moved here) "
		case MovedAway:
			prefix = "(moved away) "
		}
		out = append(out, prefix+renderSpans(b.Spans))
	}
	return strings.Join(out, " | ")
}

func TestTextDiff(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"rewritten sentence", "Første avsnitt.\n\nDet gamle andre.", "Første avsnitt.\n\nDet nye andre.",
			"Første avsnitt. | Det [-gamle-]{+nye+} andre."},
		{"moved paragraph", "A a.\n\nB b.\n\nC c.", "B b.\n\nC c.\n\nA a.",
			"(moved away) [-A a.-] | B b. | C c. | (moved here) A a."},
		{"new paragraph", "A a.", "A a.\n\nNy tekst her.", "A a. | {+Ny tekst her.+}"},
		{"paragraph split", "En to. Tre fire.", "En to.\n\nTre fire.", "En to.[- -] | Tre fire."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderBlocks(TextDiff(tt.old, tt.new)); got != tt.want {
				t.Errorf("TextDiff(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
			}
		})
	}
}
