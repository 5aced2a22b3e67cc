package measures

import "testing"

// TestDirectiveBody: the text after a ::: tiltak line is its body only up to a line that
// is only «:::», and only when no other ::: tiltak line (outside code fences) comes first.
func TestDirectiveBody(t *testing.T) {
	tests := []struct {
		name, rest string
		body       string
		end        int
		ok         bool
	}{
		{"a body", "- Kapittelets ordlyd\n:::\nEtter.\n", "- Kapittelets ordlyd\n", 25, true},
		{"a body at the end of the text", "Tekst\n:::", "Tekst\n", 9, true},
		{"an indented closing line", "Tekst\n  :::  \n", "Tekst\n", 14, true},
		{"no closing line: stands alone", "Tekst\n\nMer tekst\n", "", 0, false},
		{"another directive first", "Tekst\n::: tiltak T02\nEgen\n:::\n", "", 0, false},
		{"a closing line in a fence does not count", "```\n:::\n```\n", "", 0, false},
		{"a directive in a fence does not stop it", "```\n::: tiltak T02\n```\n:::\n", "```\n::: tiltak T02\n```\n", 27, true},
		{"::::", "Tekst\n::::\n", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, end, ok := DirectiveBody(tt.rest)
			if body != tt.body || end != tt.end || ok != tt.ok {
				t.Errorf("DirectiveBody(%q) = %q, %d, %v; want %q, %d, %v", tt.rest, body, end, ok, tt.body, tt.end, tt.ok)
			}
		})
	}
}
