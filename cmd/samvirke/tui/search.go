package tui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/sahilm/fuzzy"
	"github.com/samvirke/samvirke/measures"
)

// searchIndex holds the folded search text of every measure, computed once per load so
// a keystroke in the filter only compares strings. It is built in the background: the
// first frame does not need it, and with 10,000 measures folding their texts takes
// longer than drawing the list. Every reader waits for it through ready.
type searchIndex struct {
	done chan struct{}                // closed when head and text are filled
	head map[*measures.Measure]string // id and title, matched fuzzily
	text map[*measures.Measure]string // the full text, matched word by word
}

func newSearchIndex(c *measures.Content) *searchIndex {
	ix := &searchIndex{done: make(chan struct{}),
		head: make(map[*measures.Measure]string, len(c.Measures)),
		text: make(map[*measures.Measure]string, len(c.Measures))}
	ms := c.Measures
	go func() {
		defer close(ix.done)
		for _, m := range ms {
			ix.head[m] = measures.Fold(m.ID + " " + m.Title)
			ix.text[m] = measures.Fold(oneLine(m.Text))
		}
	}()
	return ix
}

// ready waits until the index is built and returns it.
func (ix *searchIndex) ready() *searchIndex {
	<-ix.done
	return ix
}

type headSource struct {
	ix *searchIndex
	ms []*measures.Measure
}

func (s headSource) String(i int) string { return s.ix.head[s.ms[i]] }
func (s headSource) Len() int            { return len(s.ms) }

// match returns the measures of cands that match query: fuzzy matches on id and title
// first, best first, then measures whose text holds every word of the query, in the
// order of cands.
func (ix *searchIndex) match(query string, cands []*measures.Measure) []*measures.Measure {
	q := measures.Fold(strings.TrimSpace(query))
	if q == "" {
		return cands
	}
	ix.ready()
	hits := fuzzy.FindFromNoSort(q, headSource{ix, cands})
	sortMatches(hits)
	out := make([]*measures.Measure, 0, len(hits))
	seen := make([]bool, len(cands))
	for _, h := range hits {
		out = append(out, cands[h.Index])
		seen[h.Index] = true
	}
	words := strings.Fields(q)
	for i, m := range cands {
		if seen[i] {
			continue
		}
		t := ix.text[m]
		all := true
		for _, w := range words {
			if !strings.Contains(t, w) {
				all = false
				break
			}
		}
		if all {
			out = append(out, m)
		}
	}
	return out
}

// sortMatches orders fuzzy matches by score, best first, keeping the list order on ties.
func sortMatches(ms fuzzy.Matches) {
	slices.SortFunc(ms, func(a, b fuzzy.Match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
}
