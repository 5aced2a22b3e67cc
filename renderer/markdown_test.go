package renderer

import (
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
)

func TestEscapeHostileText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"><img src=x onerror=alert(1)>`, `"&gt;&lt;img src=x onerror=alert(1)&gt;`},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"[x](javascript:alert(1))", `\[x\](javascript:alert(1))`},
		{"a | b\nc *d* _e_", `a \| b c \*d\* \_e\_`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMeasureMarkdown(t *testing.T) {
	p := 40
	c := &measures.Content{Owners: []measures.Owner{{ID: "hdir", Name: "Helsedirektoratet"}, {ID: "nav", Name: "Arbeids- og velferdsdirektoratet"}}}
	c.Replace(&measures.Measure{ID: "T14", Title: `Tittel "><img src=x>`, Kind: measures.KindMeasure, Owners: []string{"nav", "hdir"},
		Status: measures.InProgress, Progress: &p, Text: "Teksten.",
		Log: []measures.LogEntry{{Date: measures.Date{Year: 2026, Month: 3, Day: 1}, Status: measures.InProgress, Note: "[x](javascript:alert(1))", By: "Kari"}}})
	var b strings.Builder
	MeasureMarkdown(&b, c, c.Measure("T14"))
	got := b.String()
	for _, want := range []string{"## T14 Tittel \"&gt;&lt;img src=x&gt;\n", "| Status | pågår |", "| Framdrift | 40 % |",
		"| Eiere | Arbeids- og velferdsdirektoratet (ansvarlig), Helsedirektoratet |", "- **1. mars 2026 – status: pågår (Kari)**: \\[x\\](javascript:alert(1))"} {
		if !strings.Contains(got, want) {
			t.Errorf("MeasureMarkdown lacks %q:\n%s", want, got)
		}
	}
}
