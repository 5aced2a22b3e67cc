package measures

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The CLI and the TUI read what people type through the functions of this file, so a
// status, an owner, a date or an id is understood the same way everywhere.

var (
	// ErrUnknownName: a typed value that names nothing.
	ErrUnknownName = errors.New("unknown value")
	// ErrAmbiguous: a typed value that could name more than one thing.
	ErrAmbiguous = errors.New("ambiguous value")
)

// What a typed value names, in [LookupError.What].
const (
	WhatStatus  = "status"
	WhatOwner   = "owner"
	WhatArea    = "area"
	WhatKind    = "kind"
	WhatMeasure = "measure"
	WhatItem    = "item"
	WhatDate    = "date"
)

// LookupError is a typed value that matched nothing ([ErrUnknownName]) or more than one
// thing ([ErrAmbiguous]).
type LookupError struct {
	What       string   // one of the What constants
	Value      string   // as typed
	Suggestion string   // the likely meant value when unknown, or ""
	Matches    []string // the candidates when ambiguous
	Valid      []string // what is accepted, for listing (empty for measures and items)
	Err        error    // ErrUnknownName or ErrAmbiguous
}

func (e *LookupError) Error() string {
	if errors.Is(e.Err, ErrAmbiguous) {
		return fmt.Sprintf("%s %q is ambiguous: %s", e.What, e.Value, strings.Join(e.Matches, ", "))
	}
	return fmt.Sprintf("unknown %s %q", e.What, e.Value)
}

func (e *LookupError) Unwrap() error { return e.Err }

// lookup finds the one value whose names (folded) equal typed, else reports what was
// probably meant. names maps each value to the names it answers to; the first name is
// the one shown to people.
func lookup(what, typed string, values []string, names func(v string) []string) (string, error) {
	q := FoldTyped(typed)
	var shown []string
	for _, v := range values {
		ns := names(v)
		shown = append(shown, ns[0])
		for _, n := range ns {
			if FoldTyped(n) == q {
				return v, nil
			}
		}
	}
	e := &LookupError{What: what, Value: typed, Valid: shown, Err: ErrUnknownName}
	best := len(q)/2 + 2
	for _, v := range values {
		for _, n := range names(v) {
			if d := editDistance(q, FoldTyped(n)); d < best {
				best, e.Suggestion = d, names(v)[0]
			}
		}
	}
	return "", e
}

// ParseStatusTyped reads a status as people type it: the slug or the Norwegian label,
// in any case, with or without æ, ø and å (pågår, Pågår, pagar, in-progress).
func ParseStatusTyped(s string) (Status, error) {
	v, err := lookup(WhatStatus, s, statusSlugs(), func(v string) []string {
		return []string{Status(v).Label(), v}
	})
	return Status(v), err
}

// ParseKindTyped reads a kind: measure or recommendation, or tiltak or anbefaling.
func ParseKindTyped(s string) (Kind, error) {
	ks := []string{string(KindMeasure), string(KindRecommendation)}
	v, err := lookup(WhatKind, s, ks, func(v string) []string { return []string{Kind(v).Label(), v} })
	return Kind(v), err
}

// ResolveOwner reads an owner: its id (nav), its short name as tables show it (NAV) or
// its full name.
func (c *Content) ResolveOwner(s string) (string, error) {
	ids := make([]string, len(c.Owners))
	for i, o := range c.Owners {
		ids[i] = o.ID
	}
	return lookup(WhatOwner, s, ids, func(id string) []string {
		o := c.Owner(id)
		return []string{o.ID, o.Short, o.Name}
	})
}

// ResolveArea reads an action area: its id, its number or its title.
func (c *Content) ResolveArea(s string) (string, error) {
	ids := make([]string, len(c.Areas))
	for i, a := range c.Areas {
		ids[i] = a.ID
	}
	return lookup(WhatArea, s, ids, func(id string) []string {
		a := c.Area(id)
		return []string{a.ID, strconv.Itoa(a.Number), a.Title}
	})
}

var numberedTypedRe = regexp.MustCompile(`^([TtDd])0*(\d+)$`)

// ResolveMeasure reads a measure id: exact in any case (t14), or an unambiguous prefix
// of a proposal id (P-zebra for P-zebra-striper). A number typed without its leading
// zero (T4) is not taken for another id but suggested (T04).
func (c *Content) ResolveMeasure(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, m := range c.Measures {
		if strings.EqualFold(m.ID, s) {
			return m.ID, nil
		}
	}
	e := &LookupError{What: WhatMeasure, Value: s, Err: ErrUnknownName}
	if mm := numberedTypedRe.FindStringSubmatch(s); mm != nil {
		n, _ := strconv.Atoi(mm[2])
		id := strings.ToUpper(mm[1]) + fmt.Sprintf("%02d", n)
		if c.Measure(id) != nil {
			e.Suggestion = id
		}
		return "", e
	}
	if len(s) > 2 {
		for _, m := range c.Measures {
			if IsProposalID(m.ID) && strings.HasPrefix(strings.ToLower(m.ID), strings.ToLower(s)) {
				e.Matches = append(e.Matches, m.ID)
			}
		}
	}
	switch len(e.Matches) {
	case 1:
		return e.Matches[0], nil
	case 0:
		ids := make([]string, len(c.Measures))
		for i, m := range c.Measures {
			ids[i] = m.ID
		}
		e.Suggestion = suggest(s, ids)
		return "", e
	}
	e.Err = ErrAmbiguous
	return "", e
}

// ResolveItem reads an input item id (aa2020-1.3/2) in any case, suggesting the nearest
// id when it names none.
func (c *Content) ResolveItem(s string) (string, error) {
	s = strings.TrimSpace(s)
	if c.Item(s) != nil {
		return s, nil
	}
	var ids []string
	for _, g := range c.Groups {
		for _, it := range g.Items {
			if strings.EqualFold(it.ID, s) {
				return it.ID, nil
			}
			ids = append(ids, it.ID)
		}
	}
	return "", &LookupError{What: WhatItem, Value: s, Suggestion: suggest(s, ids), Err: ErrUnknownName}
}

var dottedDateRe = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)

// ParseDateTyped reads a date as people type it: 2026-12-31 or the Norwegian 31.12.2026
// (also 1.2.2026). Impossible dates (31.02.2026) are errors.
func ParseDateTyped(s string) (Date, error) {
	iso := strings.TrimSpace(s)
	if m := dottedDateRe.FindStringSubmatch(iso); m != nil {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		iso = fmt.Sprintf("%s-%02d-%02d", m[3], month, day)
	}
	d, err := ParseDate(iso)
	if err != nil {
		return Date{}, &LookupError{What: WhatDate, Value: s, Err: ErrUnknownName}
	}
	return d, nil
}

// IsTypedDate reports whether s has the form of a date (2026-12-31 or 31.12.2026), valid
// or not, so that a caller can tell a date from a git revision.
func IsTypedDate(s string) bool {
	s = strings.TrimSpace(s)
	return dottedDateRe.MatchString(s) || dateOnlyRe.MatchString(s)
}

var dateOnlyRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// MeasureIDs returns the ids of the measures in content order.
func (c *Content) MeasureIDs() []string {
	ids := make([]string, len(c.Measures))
	for i, m := range c.Measures {
		ids[i] = m.ID
	}
	return slices.Clip(ids)
}
