package renderer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/samvirke/samvirke/measures"
)

// FuzzMarkdownSafe: whatever a text holds, the Markdown samvirke writes out from it,
// read back by a renderer that keeps raw HTML and every link, holds no script, no
// event handler, no image or embedded frame and no unsafe link.
//
//	go test ./renderer -run - -fuzz FuzzMarkdownSafe
func FuzzMarkdownSafe(f *testing.F) {
	files, _ := filepath.Glob("testdata/hostile/content/*/*.md")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"[a]: javascript:x\n\n[a]", "<javascript:x>", "![x](https://e/x.png)", "Hei\\![a](https://e)",
		"a\n[^1]\\: b\n\n[^1]: c", "| a |\n|---|\n| `x\\|<b>` |", "- <img src=x onerror=y>\n\n  > <script>", "&lt;script&gt;",
		"[x](&#106;avascript:y)", "[x](java\tscript:y)", "<a href=\"javascript:x\">a</a>", "`` ` `` <b>"} {
		f.Add(s)
	}
	c := &measures.Content{}
	md := newMarkdown(c, nil)
	f.Fuzz(func(t *testing.T, text string) {
		out := parse(md, text, newHeadingIDs(), "").markdown(mdHooks{footnote: "f-]\n<b>"})
		if bad := unsafeParts(dom(t, markdownAsHTML(t, out))); len(bad) > 0 {
			t.Errorf("markdown(%q) = %q has unsafe parts %q", text, out, bad)
		}
	})
}
