package measures

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
	"golang.org/x/text/unicode/norm"
)

// Move tells whether a paragraph of a text diff was moved.
type Move int8

// The moves of a [Block].
const (
	NotMoved  Move = iota
	MovedHere      // the paragraph's place in the new text; its words are equal
	MovedAway      // where the paragraph was in the old text; its words are deleted
)

// Block is one paragraph of a text diff, its words marked.
type Block struct {
	Spans []WordSpan
	Move  Move
}

// Paragraphs splits a Markdown text into its paragraphs (blocks between blank lines), in NFC.
func Paragraphs(s string) []string {
	s = strings.TrimSpace(norm.NFC.String(strings.ReplaceAll(s, "\r\n", "\n")))
	if s == "" {
		return nil
	}
	return paragraphBreak.Split(s, -1)
}

// TextDiff compares two Markdown texts paragraph by paragraph: paragraphs in both are
// kept as they are, a paragraph found unchanged elsewhere is shown as moved (where it
// went and where it was), and each run of other changed paragraphs is diffed word by word.
func TextDiff(old, new string) []Block {
	a, b := Paragraphs(old), Paragraphs(new)
	ids := map[string]rune{}
	toRunes := func(ps []string) string {
		rs := make([]rune, len(ps))
		for i, p := range ps {
			r, ok := ids[p]
			if !ok {
				r = rune(0x10000 + len(ids))
				ids[p] = r
			}
			rs[i] = r
		}
		return string(rs)
	}
	diffs := diffmatchpatch.New().DiffMainRunes([]rune(toRunes(a)), []rune(toRunes(b)), false)
	deleted, inserted := map[string]bool{}, map[string]bool{}
	i, j := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			for _, p := range a[i : i+n] {
				deleted[p] = true
			}
			i += n
		case diffmatchpatch.DiffInsert:
			for _, p := range b[j : j+n] {
				inserted[p] = true
			}
			j += n
		default:
			i, j = i+n, j+n
		}
	}
	var out []Block
	var dels, inss []string
	flush := func() {
		if len(dels)+len(inss) > 0 {
			out = append(out, splitBlocks(WordDiff(strings.Join(dels, "\n\n"), strings.Join(inss, "\n\n")))...)
		}
		dels, inss = nil, nil
	}
	i, j = 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			for _, p := range a[i : i+n] {
				if inserted[p] {
					flush()
					out = append(out, Block{Spans: []WordSpan{{OpDelete, p}}, Move: MovedAway})
				} else {
					dels = append(dels, p)
				}
			}
			i += n
		case diffmatchpatch.DiffInsert:
			for _, p := range b[j : j+n] {
				if deleted[p] {
					flush()
					out = append(out, Block{Spans: []WordSpan{{OpEqual, p}}, Move: MovedHere})
				} else {
					inss = append(inss, p)
				}
			}
			j += n
		default:
			flush()
			for _, p := range b[j : j+n] {
				out = append(out, Block{Spans: []WordSpan{{OpEqual, p}}})
			}
			i, j = i+n, j+n
		}
	}
	flush()
	return out
}

// splitBlocks cuts a word diff of joined paragraphs at the paragraph breaks of the new
// text (in equal and inserted text); a deleted break is shown as a space.
func splitBlocks(spans []WordSpan) []Block {
	var out []Block
	cur := Block{}
	for _, s := range spans {
		if s.Op == OpDelete {
			cur.Spans = appendSpan(cur.Spans, WordSpan{s.Op, paragraphBreak.ReplaceAllString(s.Text, " ")})
			continue
		}
		parts := paragraphBreak.Split(s.Text, -1)
		for k, p := range parts {
			if k > 0 {
				out = append(out, cur)
				cur = Block{}
			}
			cur.Spans = appendSpan(cur.Spans, WordSpan{s.Op, p})
		}
	}
	if len(cur.Spans) > 0 {
		out = append(out, cur)
	}
	return out
}

// BlockCounts sums [WordCounts] over the blocks; moved paragraphs count as kept.
func BlockCounts(blocks []Block) (inserted, deleted, kept int) {
	for _, b := range blocks {
		if b.Move == MovedAway {
			continue
		}
		i, d, k := WordCounts(b.Spans)
		inserted, deleted, kept = inserted+i, deleted+d, kept+k
	}
	return
}
