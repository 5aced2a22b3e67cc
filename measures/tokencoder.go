package measures

// tokenCoder gives each distinct token a rune of its own, so that go-diff, which diffs
// runes, diffs sequences of tokens (words, bullets) instead: the word diff and the
// three-way merge of texts both code their tokens with it.
type tokenCoder struct {
	ids  map[string]rune
	back []string // the token of each rune, from tokenRune0 on
}

// tokenRune0 is the first rune handed out: outside the surrogates, so every token is
// one valid rune.
const tokenRune0 = 0x10000

// runes codes ts, handing out a new rune to each token not seen before.
func (tc *tokenCoder) runes(ts []string) []rune {
	if tc.ids == nil {
		tc.ids = map[string]rune{}
	}
	rs := make([]rune, len(ts))
	for i, t := range ts {
		r, ok := tc.ids[t]
		if !ok {
			r = rune(tokenRune0 + len(tc.back))
			tc.ids[t] = r
			tc.back = append(tc.back, t)
		}
		rs[i] = r
	}
	return rs
}

// token is the token coded as r.
func (tc *tokenCoder) token(r rune) string { return tc.back[r-tokenRune0] }
