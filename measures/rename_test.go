package measures

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestRewriteRefs(t *testing.T) {
	fsys := fixture(t)
	// T02's text refers to T01, and a fenced block mentions [[T01]] that must stay.
	t02 := string(fsys["measures/T02.md"].Data)
	fsys["measures/T02.md"] = &fstest.MapFile{Data: []byte(strings.TrimRight(t02, "\n") + "\n\nSe [[T01]].\n\n```\n[[T01]]\n```\n")}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	got := c.RewriteRefs("T01", "T40")
	if len(got) != 3 {
		t.Fatalf("RewriteRefs changed %d files, want T02, T10 and the summary chapter: %v", len(got), keys(got))
	}
	tests := []struct{ file, want, notWant string }{
		{"content/measures/T10.md", "revision: merged:T40\n", "merged:T01"},
		{"content/measures/T02.md", "Se [[T40]].\n\n```\n[[T01]]\n```\n", "Se [[T01]]"},
		{"content/strategy/01-summary.md", "foreslår [[T40]] og dette:\n\n::: tiltak T40 T02\n", "T01"},
	}
	for _, tt := range tests {
		data := string(got[tt.file])
		if !strings.Contains(data, tt.want) || strings.Contains(data, tt.notWant) {
			t.Errorf("%s after RewriteRefs(T01, T40):\n%s\nwant %q and no %q", tt.file, data, tt.want, tt.notWant)
		}
	}
	if _, ok := got["content/measures/T01.md"]; ok {
		t.Error("RewriteRefs rewrote the renamed measure's own file")
	}
	if len(c.RewriteRefs("T99", "T40")) != 0 {
		t.Error("RewriteRefs of an id nobody refers to changed files")
	}
}

func TestValidateDuplicateNumber(t *testing.T) {
	fsys := fixture(t)
	t02 := string(fsys["measures/T02.md"].Data)
	fsys["measures/T002.md"] = &fstest.MapFile{Data: []byte(strings.Replace(t02, "id: T02", "id: T002", 1))}
	_, err := Load(fsys)
	es := AsErrors(err)
	if len(es) != 1 || es[0].File != "content/measures/T02.md" || !strings.Contains(es[0].Msg, "nummeret 2 brukes også i content/measures/T002.md") {
		t.Fatalf("T002 and T02: errors = %v, want one duplicate number", err)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
