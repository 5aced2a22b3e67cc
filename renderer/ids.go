package renderer

import (
	"html"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes element ids the way GitHub makes heading anchors: lower case, letters
// (æ, ø and å included) and digits kept, spaces turned into hyphens, other punctuation
// dropped, and a -1, -2 … suffix for repeats. The same ids in the HTML and on GitHub let
// a link to a heading work in both. goldmark's default generator drops every non-ASCII
// letter («Mål og økonomi» → ml-og-konomi), hence this one. It implements parser.IDs and
// is shared by every chapter of a document so ids stay unique across chapters.
type headingIDs struct{ used map[string]bool }

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// slug returns the GitHub anchor of a heading text, without the repeat suffix.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	return []byte(h.unique(slug(string(value))))
}

// Put implements parser.IDs.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// unique returns base, or base-N for the first N that is free, and marks it used.
func (h *headingIDs) unique(base string) string {
	if base == "" {
		base = "avsnitt"
	}
	id := base
	for n := 1; h.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	h.used[id] = true
	return id
}

// gitlabAnchor returns what the Markdown puts before a heading so that a link to its
// GitHub id also works on GitLab, which turns a run of hyphens into one: «Sammendrag –
// anbefalinger» is #sammendrag--anbefalinger on GitHub and #sammendrag-anbefalinger on
// GitLab. For such an id it is an <a id> with the GitHub id, as before each measure; for
// any other id, where the two agree, it is "".
func gitlabAnchor(id string) string {
	if !strings.Contains(id, "--") {
		return ""
	}
	return `<a id="` + html.EscapeString(id) + `"></a>` + "\n\n"
}
