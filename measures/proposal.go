package measures

import (
	"strconv"
	"strings"
)

// MaxSlug bounds the name part of a proposal id, so file names stay readable.
const MaxSlug = 48

// ProposalSlug makes the name part of a proposal id from a title: the title folded
// with Fold (æ → ae, ø → o, å → a, other accents dropped), then lower-case ASCII letters
// and digits, words joined by single hyphens, at most MaxSlug characters, cut at a
// word boundary where possible. It is "" when the title has no letters or digits.
func ProposalSlug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(title) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	out := b.String()
	if len(out) > MaxSlug {
		out = out[:MaxSlug]
		if i := strings.LastIndexByte(out, '-'); i > MaxSlug/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}

// ProposalID returns the first of P-<slug>, P-<slug>-2, P-<slug>-3 … that taken does
// not report as taken (by a measure, an id in the history or a file on disk).
func ProposalID(slug string, taken func(id string) bool) string {
	for n := 1; ; n++ {
		id := "P-" + slug
		if n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		if !taken(id) {
			return id
		}
	}
}
