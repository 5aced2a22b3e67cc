package measures

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
	"golang.org/x/text/unicode/norm"
)

// Op is what a span of a word diff is: text in both versions, only in the new one, or
// only in the old one.
type Op int8

// The ops of a [WordSpan].
const (
	OpEqual Op = iota
	OpInsert
	OpDelete
)

// WordSpan is a run of text of one [Op] in a word diff.
type WordSpan struct {
	Op   Op
	Text string
}

// Tokens splits s (in NFC) into words, whitespace runs and single punctuation marks:
// «e-helse» and «NAV-kontor» stay one word, «tiltak,» is a word and a comma.
func Tokens(s string) []string {
	s = norm.NFC.String(s)
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		switch {
		case isWordRune(rs[i]):
			for j < len(rs) && (isWordRune(rs[j]) || isJoiner(rs, j)) {
				j++
			}
		case unicode.IsSpace(rs[i]):
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// isJoiner reports whether rs[j] is a hyphen or apostrophe inside a word.
func isJoiner(rs []rune, j int) bool {
	return (rs[j] == '-' || rs[j] == '\'' || rs[j] == '’') && j+1 < len(rs) && isWordRune(rs[j+1])
}

// WordDiff marks how new differs from old word by word: go-diff on the [Tokens] of both
// mapped to runes, cleaned up so a rewritten phrase reads as one deletion and one
// insertion rather than alternating words. Deletions come before insertions.
func WordDiff(old, new string) []WordSpan {
	a, b := Tokens(old), Tokens(new)
	var tc tokenCoder
	ra, rb := string(tc.runes(a)), string(tc.runes(b))
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMain(ra, rb, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	var out []WordSpan
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			sb.WriteString(tc.token(r))
		}
		out = appendSpan(out, WordSpan{Op: opOf(d.Type), Text: sb.String()})
	}
	return orderChanges(out)
}

func opOf(t diffmatchpatch.Operation) Op {
	switch t {
	case diffmatchpatch.DiffInsert:
		return OpInsert
	case diffmatchpatch.DiffDelete:
		return OpDelete
	}
	return OpEqual
}

// appendSpan appends s, joining it with the last span of the same op.
func appendSpan(out []WordSpan, s WordSpan) []WordSpan {
	if s.Text == "" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].Op == s.Op {
		out[n-1].Text += s.Text
		return out
	}
	return append(out, s)
}

// orderChanges joins each run of changes between equal text into one deletion followed
// by one insertion; equal whitespace between two changes joins them, so «a b» → «c d» is
// one replacement, not two.
func orderChanges(spans []WordSpan) []WordSpan {
	for i := 1; i+1 < len(spans); i++ {
		if spans[i].Op == OpEqual && strings.TrimSpace(spans[i].Text) == "" && spans[i-1].Op != OpEqual && spans[i+1].Op != OpEqual {
			sp := spans[i].Text
			spans = append(spans[:i], append([]WordSpan{{OpDelete, sp}, {OpInsert, sp}}, spans[i+1:]...)...)
			i++
		}
	}
	var out []WordSpan
	var del, ins strings.Builder
	flush := func() {
		out = appendSpan(out, WordSpan{OpDelete, del.String()})
		out = appendSpan(out, WordSpan{OpInsert, ins.String()})
		del.Reset()
		ins.Reset()
	}
	for _, s := range spans {
		switch s.Op {
		case OpDelete:
			del.WriteString(s.Text)
		case OpInsert:
			ins.WriteString(s.Text)
		default:
			flush()
			out = appendSpan(out, s)
		}
	}
	flush()
	return out
}

// WordCounts returns how many words (tokens that are not whitespace) were inserted,
// deleted and kept.
func WordCounts(spans []WordSpan) (inserted, deleted, kept int) {
	for _, s := range spans {
		n := 0
		for _, t := range Tokens(s.Text) {
			if strings.TrimSpace(t) != "" {
				n++
			}
		}
		switch s.Op {
		case OpInsert:
			inserted += n
		case OpDelete:
			deleted += n
		default:
			kept += n
		}
	}
	return
}

// Similarity is the share of the words of both versions that the diff keeps, 0 to 1.
func Similarity(spans []WordSpan) float64 {
	ins, del, kept := WordCounts(spans)
	if ins+del+kept == 0 {
		return 1
	}
	return float64(2*kept) / float64(2*kept+ins+del)
}

var paragraphBreak = regexp.MustCompile(`\n[ \t]*\n\s*`)
