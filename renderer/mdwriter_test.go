package renderer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
)

func TestMarkdownRewrite(t *testing.T) {
	c := fixture(t)
	hooks := mdHooks{
		ref:       func(n *MeasureRef) string { return "<" + n.ID + ">" },
		directive: func(n *MeasureList) string { return "LISTE" },
		footnote:  "k2-",
	}
	tests := []struct{ name, in, want string }{
		{"reference", "Se [[T01]].", "Se <T01>."},
		{"directive", "A\n\n::: tiltak T01\n\nB", "A\n\nLISTE\n\nB"},
		{"heading moved down", "## Tittel\n\n### Under", "### Tittel\n\n#### Under"},
		{"setext heading moved down too", "Tittel\n======", "## Tittel"},
		{"heading text escaped", "# C# og *x* #", "## C\\# og *x*"},
		{"footnotes kept apart", "Tekst[^1].\n\n[^1]: Note.", "Tekst[^k2-1].\n\n[^k2-1]: Note."},
		{"inline raw html escaped", "a <b onclick=x>b</b>", "a &lt;b onclick=x&gt;b&lt;/b&gt;"},
		{"html block escaped whole", "<div>\n[x](javascript:y)\n</div>", "&lt;div&gt;\n\\[x\\](javascript:y)\n&lt;/div&gt;"},
		{"html block with a blank line", "<script>\n\nalert(1)\n</script>", "&lt;script&gt;\n\nalert(1)\n&lt;/script&gt;"},
		{"unsafe link becomes its text", "[x](javascript:alert(1))", "x"},
		{"unsafe image too", "![x](data:text/html,y)", "*bilde: x*"},
		{"unsafe autolink", "<javascript:alert(1)>", "javascript:alert(1)"},
		{"safe autolink", "<https://www.nav.no/a_b>", "[https://www.nav.no/a\\_b](https://www.nav.no/a_b)"},
		{"email autolink", "<post@nav.no>", "[post@nav.no](mailto:post@nav.no)"},
		{"safe image becomes a link", "![kart](https://example.com/k.png)", "[bilde: kart](https://example.com/k.png)"},
		{"safe link kept", `[NAV](https://www.nav.no "Hjem")`, `[NAV](https://www.nav.no "Hjem")`},
		{"destination escaped", "[a](<https://x.no/a b(c)?d=1&e=2>)", "[a](<https://x.no/a%20b(c)?d=1&amp;e=2>)"},
		{"reference definition dropped, link inline", "[a][r] [b][s]\n\n[r]: https://www.nav.no\n[s]: javascript:x", "[a](https://www.nav.no) b"},
		{"definition of no use dropped", "Tekst.\n\n[r]: javascript:alert(1)", "Tekst."},
		{"text escaped", "a \\* b \\_ \\[c\\] &lt;d&gt; &amp; e \\| f \\~g\\~", "a \\* b \\_ \\[c\\] &lt;d&gt; &amp; e \\| f \\~g\\~"},
		{"no line starts a block", "a\n\\- b\n\\# c\n1\\. d\n\\+ e\n\\=", "a\n\\- b\n\\# c\n1\\. d\n\\+ e\n\\="},
		{"no workflow command", "::error file=x::y", ":\\:error file=x:\\:y"},
		{"emphasis and code", "*a* **b** ~~c~~ `d|e` `` f`g ``", "*a* **b** ~~c~~ `d|e` ``f`g``"},
		{"lists", "- a\n- b\n  1. c\n  2. d\n\n* e", "- a\n- b\n  1. c\n  2. d\n\n* e"},
		{"loose list", "1) a\n\n2) b", "1) a\n\n2) b"},
		{"task list", "- [x] ferdig\n- [ ] ikke", "- [x] ferdig\n- [ ] ikke"},
		{"quote", "> a\n>\n> b", "> a\n>\n> b"},
		{"code block", "```go\nx := `y`\n<b>\n```\n\n    inn", "```go\nx := `y`\n<b>\n```\n\n```\ninn\n```"},
		{"table", "| a | b |\n|:--|--:|\n| `x\\|y` | <i>z</i> |", "| a | b |\n|:---|---:|\n| `x\\|y` | &lt;i&gt;z&lt;/i&gt; |"},
		{"footnote reference at a line's start", "a\n[^1]\\: b\n\n[^1]: c", "a\n[^k2-1]\\: b\n\n[^k2-1]: c"},
		{"no image from text and a link", "Hei\\![a](https://www.nav.no) !<https://www.nav.no>", "Hei\\![a](https://www.nav.no) \\![https://www.nav.no](https://www.nav.no)"},
		{"hard break", "a  \nb", "a\\\nb"},
		{"backslashes at a paragraph's end are text", "a\\\\\\\n\nb\\\\", "a\\\\\\\\\n\nb\\\\"},
		{"typographer", `"sitat" -- ja...`, "«sitat» – ja…"},
		{"thematic break", "a\n\n***\n\nb", "a\n\n---\n\nb"},
	}
	md := newMarkdown(c, nil)
	t.Run("directive without a hook is text", func(t *testing.T) {
		if got := parse(md, "::: tiltak T01", newHeadingIDs(), "").markdown(mdHooks{}); got != `:\:\: tiltak T01` {
			t.Errorf("markdown = %q", got)
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parse(md, tt.in, newHeadingIDs(), "")
			p.shiftHeadings(1)
			if got := p.markdown(hooks); got != tt.want {
				t.Errorf("markdown(%q) =\n%q, want\n%q", tt.in, got, tt.want)
			}
		})
	}
}

// TestMarkdownSaysWhatTheHTMLSays writes every chapter and measure text of the
// embedded content out again as Markdown and checks that it renders to the same HTML
// as the text itself: the writer escapes without changing what a reader sees.
func TestMarkdownSaysWhatTheHTMLSays(t *testing.T) {
	c, err := measures.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	md := newMarkdown(c, nil)
	texts := map[string]string{}
	for _, ch := range c.Strategy {
		texts[ch.File] = ch.Text
	}
	for _, m := range c.Measures {
		texts[m.ID] = m.Text
	}
	for i, text := range []string{"`kode\nover linjer`", "- a\n  - b\n    1. c\n\n  d\n- e", "> - a\n> - b\n>\n> c",
		"x[^1]\n\n[^1]: a\n\n    b\n\n        kode", "| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |", "1\\. ikke liste\n2) heller ikke",
		"**fet**tekst og *kursiv*, a_b_c og snake_case_ord", "C# og F#\n# Overskrift #", "&copy; &#169; &#xA9; \\& &amp;amp;",
		"linje  \nbrudd\\\nbrudd", "Tekst\n---\n\nmer\n===", "* * *\n\n___", "<https://www.nav.no/a?b=1&c=2> og post@nav.no og www.nav.no",
		"[lenke](https://www.nav.no/a_(b) \"tittel \\\" med\") [ref]\n\n[ref]: <https://x.no/a b> 'tittel'", "~~borte~~ og ~en~",
		"- [ ] a\n- [x] b", "```\n```` \n```", "    innrykk\n      mer", "Tekst med :: og :::", "+ a\n+ b\n\n- c",
		"3. tre\n4. fire", "a\n\n\n\nb", "\\[[T01]] og \\<b\\>", "«sitat» og \"sitat\" og 'enkelt'"} {
		texts[fmt.Sprintf("case %d", i)] = text
	}
	for name, text := range texts {
		want := normalHTML(t, md, text)
		hooks := mdHooks{ref: func(n *MeasureRef) string { return "[[" + n.ID + "]]" },
			directive: func(n *MeasureList) string { return text[n.Pos() : n.Pos()+n.Len] }}
		again := parse(md, text, newHeadingIDs(), "").markdown(hooks)
		// The <a id> a heading gets for GitLab is the one raw HTML the writer adds.
		got := strings.ReplaceAll(normalHTML(t, md, again), "<p><!-- raw HTML omitted --><!-- raw HTML omitted --></p>\n", "")
		if got != want {
			t.Errorf("%s: the Markdown written out renders differently:\n%s\nwant\n%s", name, firstDiff(got, want), firstDiff(want, got))
		}
	}
}

// normalHTML renders text with md and serialises the parsed DOM, so entities and
// literal characters compare equal.
func normalHTML(t *testing.T, md goldmark.Markdown, text string) string {
	t.Helper()
	h, err := parse(md, text, newHeadingIDs(), "").html(md)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := html.Render(&b, dom(t, h)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// firstDiff returns a's text around the first byte where it differs from b.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(0, i-80):min(len(a), i+80)]
}
