package measures

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Filter selects measures. Empty fields match everything.
type Filter struct {
	Status []Status
	Owner  string // any owner, not only the lead
	Area   string
	Kind   Kind
	Text   string // case-insensitive substring of id, title or text
}

// Match reports whether m passes the filter.
func (f Filter) Match(m *Measure) bool {
	if len(f.Status) > 0 && !slices.Contains(f.Status, m.Status) {
		return false
	}
	if f.Owner != "" && !slices.Contains(m.Owners, f.Owner) {
		return false
	}
	if f.Area != "" && m.Area != f.Area {
		return false
	}
	if f.Kind != "" && m.Kind != f.Kind {
		return false
	}
	if f.Text != "" {
		q := Fold(f.Text)
		if !strings.Contains(Fold(m.ID), q) && !strings.Contains(Fold(m.Title), q) && !strings.Contains(Fold(m.Text), q) {
			return false
		}
	}
	return true
}

// Select returns the measures that pass f, in content order.
func (c *Content) Select(f Filter) []*Measure {
	var out []*Measure
	for _, m := range c.Measures {
		if f.Match(m) {
			out = append(out, m)
		}
	}
	return out
}

// SortKey names an order for measures.
type SortKey string

// The orders measures can be listed in.
const (
	ByID     SortKey = "id"
	ByTitle  SortKey = "title"
	ByStatus SortKey = "status"
	ByDue    SortKey = "due"
	ByOwner  SortKey = "owner"
)

// SortKeys lists the valid sort orders.
var SortKeys = []SortKey{ByID, ByTitle, ByStatus, ByDue, ByOwner}

// NewCollator returns a collator with Norwegian order (… z, æ, ø, å). x/text's nb and no
// tables fall back to the root order (golang/go#59908); the nn table has the Norwegian
// letters right and serves bokmål as well. A collator is not safe for concurrent use.
func NewCollator() *collate.Collator {
	return collate.New(language.MustParse("nn"), collate.IgnoreCase)
}

// Sort orders ms in place by key, ties broken by id. Titles and owner names use
// Norwegian collation.
func Sort(ms []*Measure, key SortKey, c *Content) {
	col := NewCollator()
	byID := func(a, b *Measure) int { return CompareIDs(a.ID, b.ID) }
	var f func(a, b *Measure) int
	switch key {
	case ByTitle:
		f = func(a, b *Measure) int { return col.CompareString(a.Title, b.Title) }
	case ByStatus:
		f = func(a, b *Measure) int { return cmp.Compare(a.Status.Rank(), b.Status.Rank()) }
	case ByDue:
		f = func(a, b *Measure) int {
			switch {
			case a.Due == nil && b.Due == nil:
				return 0
			case a.Due == nil:
				return 1
			case b.Due == nil:
				return -1
			}
			return a.Due.Compare(*b.Due)
		}
	case ByOwner:
		f = func(a, b *Measure) int { return col.CompareString(c.OwnerName(a.Lead()), c.OwnerName(b.Lead())) }
	default:
		f = byID
	}
	slices.SortStableFunc(ms, func(a, b *Measure) int {
		if r := f(a, b); r != 0 {
			return r
		}
		return byID(a, b)
	})
}

// SortStrings sorts s in Norwegian order.
func SortStrings(s []string) {
	col := NewCollator()
	slices.SortStableFunc(s, func(a, b string) int { return col.CompareString(a, b) })
}
