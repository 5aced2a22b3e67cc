package measures

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// hunk is one change of a side against the base: the base tokens [start, end) replaced
// by repl.
type hunk struct {
	start, end int
	repl       []string
	side       int // 0 ours, 1 theirs
}

// hunks diffs base against side token by token (go-diff on tokens mapped to runes).
func hunks(base, side []string, which int) []hunk {
	var tc tokenCoder
	a, b := tc.runes(base), tc.runes(side)
	diffs := diffmatchpatch.New().DiffMainRunes(a, b, false)
	var out []hunk
	i, j := 0, 0 // positions in base and side
	var cur *hunk
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			if cur != nil {
				out = append(out, *cur)
				cur = nil
			}
			i, j = i+n, j+n
			continue
		}
		if cur == nil {
			cur = &hunk{start: i, end: i, side: which}
		}
		if d.Type == diffmatchpatch.DiffDelete {
			i += n
			cur.end = i
		} else {
			cur.repl = append(cur.repl, side[j:j+n]...)
			j += n
		}
	}
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

// tokenConflict is a region both sides changed differently, in base token positions.
type tokenConflict struct {
	start, end    int
	ours, theirs  []string
	oursFirstLine int // 1-based index of the region's first token in ours
}

// merge3Tokens merges two edits of base token-wise: changes of one side are taken,
// identical changes once; changes of both sides to the same region (overlapping, or
// inserting at the same place) are conflicts, for which ours is kept in the result.
func merge3Tokens(base, ours, theirs []string) ([]string, []tokenConflict) {
	if equalTokens(ours, theirs) || equalTokens(base, theirs) {
		return ours, nil
	}
	if equalTokens(base, ours) {
		return theirs, nil
	}
	all := mergeHunks(hunks(base, ours, 0), hunks(base, theirs, 1))
	var out []string
	var conflicts []tokenConflict
	pos := 0
	for len(all) > 0 {
		lo, hi, n := all[0].start, all[0].end, 1
		for n < len(all) && (all[n].start < hi || all[n].start == all[n-1].start) {
			hi = max(hi, all[n].end)
			n++
		}
		cluster := all[:n]
		all = all[n:]
		out = append(out, base[pos:lo]...)
		pos = hi
		o, ok0 := applySide(base, lo, hi, cluster, 0)
		t, ok1 := applySide(base, lo, hi, cluster, 1)
		switch {
		case !ok1 || equalTokens(o, t):
			out = append(out, o...)
		case !ok0:
			out = append(out, t...)
		default:
			conflicts = append(conflicts, tokenConflict{start: lo, end: hi, ours: o, theirs: t, oursFirstLine: len(out) + 1})
			out = append(out, o...)
		}
	}
	return append(out, base[pos:]...), conflicts
}

// mergeHunks orders the hunks of both sides by position, insertions before replacements
// at the same place.
func mergeHunks(a, b []hunk) []hunk {
	out := make([]hunk, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || (i < len(a) && (a[i].start < b[j].start || (a[i].start == b[j].start && a[i].end <= b[j].end))) {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

// applySide returns base[lo:hi] with side's hunks of the cluster applied, and whether
// the side had any.
func applySide(base []string, lo, hi int, cluster []hunk, side int) ([]string, bool) {
	var out []string
	pos, any := lo, false
	for _, h := range cluster {
		if h.side != side {
			continue
		}
		any = true
		out = append(out, base[pos:h.start]...)
		out = append(out, h.repl...)
		pos = h.end
	}
	return append(out, base[pos:hi]...), any
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// splitLines splits text into lines; "" is no lines.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// MergeText merges two edits of base line by line: edits to different lines are both
// taken; the line ranges both sides changed differently are returned as conflicts, and
// ours is kept there in the result.
func MergeText(base, ours, theirs string) (string, []TextConflict) {
	out, tcs := merge3Tokens(splitLines(base), splitLines(ours), splitLines(theirs))
	var conflicts []TextConflict
	for _, tc := range tcs {
		conflicts = append(conflicts, TextConflict{
			BaseLine: tc.start + 1, Lines: tc.end - tc.start,
			Ours: strings.Join(tc.ours, "\n"), Theirs: strings.Join(tc.theirs, "\n"),
		})
	}
	return strings.Join(out, "\n"), conflicts
}

// TextConflict is a range of lines both sides of a text merge changed differently.
type TextConflict struct {
	BaseLine     int    // 1-based first line of the range in the base
	Lines        int    // the number of base lines in the range (0: both inserted there)
	Ours, Theirs string // the range as each side has it
}
