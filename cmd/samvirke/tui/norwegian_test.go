package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// english are words that would show English text on a screen of the TUI.
var english = regexp.MustCompile(`(?i)\b(the|and|next|submit|toggle|quit|help|back|select|save|saved|cancel|close|search|page|down|error|failed|loading|measures?|owners?|branch|with|please|press|yes)\b`)

// TestScreensNorwegian: no screen of the TUI (every golden frame, the question before a
// save, the whole ? help) has an English word, apart from commit subjects from the data.
func TestScreensNorwegian(t *testing.T) {
	check := func(name, s string) {
		t.Helper()
		s = strings.ReplaceAll(s, "Add strategy content", "") // a commit subject in the test log
		for i, l := range strings.Split(s, "\n") {
			if w := english.FindString(l); w != "" {
				t.Errorf("%s, line %d: English %q in %q", name, i+1, w, l)
			}
		}
	}
	goldens, _ := filepath.Glob("testdata/*.golden")
	if len(goldens) < 20 {
		t.Fatalf("only %d golden screens", len(goldens))
	}
	for _, g := range goldens {
		data, _ := os.ReadFile(g)
		check(g, string(data))
	}
	m, _ := newTestModel(t, true)
	m.opts.AskFirst = "Dette repoet er ikke laget med «samvirke init»."
	press(t, m, "s", "j", "enter")
	check("the question", screen(m))
	press(t, m, "n", "?")
	check("help", strings.Join(m.helpPage.lines(80), "\n"))
	check("session", SessionSummary([]string{"abc T01: x"}, m.upstream, nil))

	// Every message of the status line, from messages.go.
	f, err := parser.ParseFile(token.NewFileSet(), "messages.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		if lit, ok := node.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			check("messages.go", lit.Value)
			n++
		}
		return true
	})
	if n < 20 {
		t.Errorf("only %d messages in messages.go", n)
	}
}
