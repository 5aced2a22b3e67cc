package measures

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Conflict is one field that both sides of a three-way merge changed to different
// values. Values are as written in the file ("" when absent); a text conflict names the
// lines.
type Conflict struct {
	File   string `json:"file"`
	ID     string `json:"id"`    // the record: a measure, group, owner or area id
	Field  string `json:"field"` // status, owners, text (linje 3–4), …
	Base   string `json:"base"`
	Ours   string `json:"ours"`
	Theirs string `json:"theirs"`
}

func (c Conflict) String() string {
	return fmt.Sprintf("%s %s: «%s» mot «%s»", c.ID, c.Field, c.Ours, c.Theirs)
}

// merger collects the conflicts of one record's merge.
type merger struct {
	file, id  string
	conflicts []Conflict
}

// scalar merges one field: one side's change is taken, the same change once; different
// changes are a conflict and keep ours.
func (mg *merger) scalar(field, base, ours, theirs string) string {
	switch {
	case ours == theirs || theirs == base:
		return ours
	case ours == base:
		return theirs
	}
	mg.conflicts = append(mg.conflicts, Conflict{File: mg.file, ID: mg.id, Field: field, Base: base, Ours: ours, Theirs: theirs})
	return ours
}

// text merges a multi-line field line-wise.
func (mg *merger) text(field, base, ours, theirs string) string {
	out, tcs := MergeText(base, ours, theirs)
	for _, tc := range tcs {
		where := fmt.Sprintf("linje %d", tc.BaseLine)
		if tc.Lines > 1 {
			where = fmt.Sprintf("linje %d–%d", tc.BaseLine, tc.BaseLine+tc.Lines-1)
		} else if tc.Lines == 0 {
			where = fmt.Sprintf("før linje %d", tc.BaseLine)
		}
		mg.conflicts = append(mg.conflicts, Conflict{File: mg.file, ID: mg.id, Field: field + " (" + where + ")",
			Base: strings.Join(splitLines(base)[tc.BaseLine-1:tc.BaseLine-1+tc.Lines], "\n"), Ours: tc.Ours, Theirs: tc.Theirs})
	}
	return out
}

// set merges two edits of a list treated as a set: what either side added is added
// (ours' order, then theirs' additions), what either side removed is removed.
func set[T comparable](base, ours, theirs []T) []T {
	if slices.Equal(base, theirs) {
		return ours
	}
	if slices.Equal(base, ours) {
		return theirs
	}
	var out []T
	for _, v := range ours {
		if !slices.Contains(base, v) || slices.Contains(theirs, v) {
			out = append(out, v)
		}
	}
	for _, v := range theirs {
		if !slices.Contains(base, v) && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// MergeMeasures merges two versions of a measure against their common base (nil when
// both sides added it) field by field: a field changed on one side takes that change, the
// same change on both sides is taken once; owners and inputs merge as sets (the lead,
// the first owner, as a field); log entries as a set ordered by date, none lost and none
// repeated; the text line-wise. Fields both sides changed differently are returned as
// conflicts, and the result keeps ours for them.
func MergeMeasures(base, ours, theirs *Measure) (*Measure, []Conflict) {
	if base == nil {
		base = &Measure{}
	}
	mg := &merger{file: ours.File, id: ours.ID}
	m := ours.Clone()
	m.ID = mg.scalar("id", base.ID, ours.ID, theirs.ID)
	m.Title = mg.scalar("title", base.Title, ours.Title, theirs.Title)
	m.Kind = Kind(mg.scalar("kind", string(base.Kind), string(ours.Kind), string(theirs.Kind)))
	m.Area = mg.scalar("area", base.Area, ours.Area, theirs.Area)
	m.Chapter = mg.scalar("chapter", base.Chapter, ours.Chapter, theirs.Chapter)
	m.Owners = mg.owners(base.Owners, ours.Owners, theirs.Owners)
	m.Status = Status(mg.scalar("status", string(base.Status), string(ours.Status), string(theirs.Status)))
	m.Progress = parseIntPtr(mg.scalar("progress", intStr(base.Progress), intStr(ours.Progress), intStr(theirs.Progress)))
	m.Due = parseDatePtr(mg.scalar("due", dateStr(base.Due), dateStr(ours.Due), dateStr(theirs.Due)))
	m.Revision = Revision(mg.scalar("revision", string(base.Revision), string(ours.Revision), string(theirs.Revision)))
	m.Source = mg.scalar("source", base.Source, ours.Source, theirs.Source)
	m.Inputs = set(base.Inputs, ours.Inputs, theirs.Inputs)
	m.Log = mergeLog(base.Log, ours.Log, theirs.Log)
	m.Text = mg.text("text", base.Text, ours.Text, theirs.Text)
	return m, mg.conflicts
}

// owners merges the owners as a set and the lead (the first) as a field.
func (mg *merger) owners(base, ours, theirs []string) []string {
	out := set(base, ours, theirs)
	n := len(mg.conflicts)
	lead := mg.scalar("owners (ansvarlig)", first(base), first(ours), first(theirs))
	if len(mg.conflicts) > n {
		return slices.Clone(ours)
	}
	if len(out) == 0 && len(ours)+len(theirs) > 0 { // each side removed what the other kept
		mg.conflicts = append(mg.conflicts, Conflict{File: mg.file, ID: mg.id, Field: "owners",
			Base: strings.Join(base, ", "), Ours: strings.Join(ours, ", "), Theirs: strings.Join(theirs, ", ")})
		return slices.Clone(ours)
	}
	if i := slices.Index(out, lead); i > 0 {
		out = append([]string{lead}, slices.Delete(out, i, i+1)...)
	} else if i < 0 && lead != "" && len(out) > 0 {
		mg.conflicts = append(mg.conflicts, Conflict{File: mg.file, ID: mg.id, Field: "owners (ansvarlig)",
			Base: first(base), Ours: first(ours), Theirs: first(theirs)})
		return slices.Clone(ours)
	}
	return out
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// mergeLog merges log entries as a set: every entry either side added, none that either
// removed, each once, ordered by date. Entries of the same date keep the base's order,
// new ones after them in a fixed order, so both sides' merges give the same log.
func mergeLog(base, ours, theirs []LogEntry) []LogEntry {
	if slices.Equal(base, theirs) {
		return ours
	}
	if slices.Equal(base, ours) {
		return theirs
	}
	merged := set(base, ours, theirs)
	rank := func(e LogEntry) int {
		if i := slices.Index(base, e); i >= 0 {
			return i
		}
		return len(base)
	}
	slices.SortStableFunc(merged, func(a, b LogEntry) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(rank(a), rank(b)),
			strings.Compare(a.Note, b.Note), strings.Compare(a.By, b.By), strings.Compare(string(a.Status), string(b.Status)))
	})
	return merged
}

func intStr(p *int) string {
	if p == nil {
		return ""
	}
	return fmt.Sprint(*p)
}

func parseIntPtr(s string) *int {
	if s == "" {
		return nil
	}
	var n int
	fmt.Sscan(s, &n)
	return &n
}

func dateStr(d *Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func parseDatePtr(s string) *Date {
	if s == "" {
		return nil
	}
	d, err := ParseDate(s)
	if err != nil {
		return nil
	}
	return &d
}

// FieldName returns the field a conflict is about without its detail: "text" for
// "text (linje 3)", "owners" for "owners (ansvarlig)".
func FieldName(field string) string {
	name, _, _ := strings.Cut(field, " (")
	return name
}

// TakeField sets field (a front-matter key or "text") of dst to src's value; it reports
// false for a field it does not know.
func TakeField(dst, src *Measure, field string) bool {
	c := src.Clone()
	switch FieldName(field) {
	case "id":
		dst.ID = c.ID
	case "title":
		dst.Title = c.Title
	case "kind":
		dst.Kind = c.Kind
	case "area":
		dst.Area = c.Area
	case "chapter":
		dst.Chapter = c.Chapter
	case "owners":
		dst.Owners = c.Owners
	case "status":
		dst.Status = c.Status
	case "progress":
		dst.Progress = c.Progress
	case "due":
		dst.Due = c.Due
	case "revision":
		dst.Revision = c.Revision
	case "source":
		dst.Source = c.Source
	case "inputs":
		dst.Inputs = c.Inputs
	case "log":
		dst.Log = c.Log
	case "text":
		dst.Text = c.Text
	default:
		return false
	}
	return true
}
