package renderer

import (
	"testing"
)

func TestMarkdownRewrite(t *testing.T) {
	c := fixture(t)
	hooks := mdHooks{
		ref:       func(n *MeasureRef) string { return "<" + n.ID + ">" },
		directive: func(n *MeasureList) string { return "LISTE" },
		shift:     1,
		footnote:  "k2-",
	}
	tests := []struct{ name, in, want string }{
		{"reference", "Se [[T01]].", "Se <T01>."},
		{"directive", "A\n\n::: tiltak T01\n\nB", "A\n\nLISTE\n\nB"},
		{"heading moved down", "## Tittel\n\n### Under", "### Tittel\n\n#### Under"},
		{"footnotes kept apart", "Tekst[^1].\n\n[^1]: Note.", "Tekst[^k2-1].\n\n[^k2-1]: Note."},
		{"inline raw html escaped", "a <b onclick=x>b</b>", "a &lt;b onclick=x&gt;b&lt;/b&gt;"},
		{"html block escaped whole", "<div>\n[x](javascript:y)\n</div>", "&lt;div&gt;\n\\[x\\](javascript:y)\n&lt;/div&gt;"},
		{"unsafe link loses its syntax", "[x](javascript:alert(1))", `\[x](javascript:alert(1))`},
		{"unsafe image too", "![x](data:text/html,y)", `!\[x](data:text/html,y)`},
		{"unsafe autolink", "<javascript:alert(1)>", `\<javascript:alert(1)>`},
		{"safe image becomes a link", "![kart](https://example.com/k.png)", "[kart](https://example.com/k.png)"},
		{"safe link kept", "[NAV](https://www.nav.no)", "[NAV](https://www.nav.no)"},
		{"code untouched", "`<b>[[T01]]</b>`", "`<b>[[T01]]</b>`"},
	}
	md := newMarkdown(c, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parse(md, tt.in, newHeadingIDs(), "").markdown(hooks); got != tt.want {
				t.Errorf("markdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
