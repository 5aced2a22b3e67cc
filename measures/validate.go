package measures

import (
	"fmt"
	"strings"
)

// validate checks everything that spans files: unique ids and resolving references,
// one validator per noun and one duplicate-id check for all of them.
func (c *Content) validate() Errors {
	v := &validator{c: c,
		ownerIDs:   ids(c.Owners, func(o Owner) string { return o.ID }),
		areaIDs:    ids(c.Areas, func(a Area) string { return a.ID }),
		chapterIDs: ids(c.Chapters, func(ch ChapterRef) string { return ch.ID }),
		eventIDs:   ids(c.Events, func(e Event) string { return e.ID }),
	}
	v.listDuplicates()
	v.measures()
	v.groups()
	v.strategy()
	return v.out
}

// validator collects the errors of one validate.
type validator struct {
	c                                       *Content
	out                                     Errors
	ownerIDs, areaIDs, chapterIDs, eventIDs []string
}

func (v *validator) add(file string, p Pos, key string, kind error, format string, args ...any) {
	v.out = append(v.out, &Error{File: file, Pos: p, Key: key, Msg: fmt.Sprintf(format, args...), Kind: kind})
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

// duplicates calls dup for every item whose id (not "") an earlier item has, with the
// first such item, and returns whether each item is a duplicate.
func duplicates[T any](items []T, id func(T) string, dup func(it, first T)) []bool {
	return duplicatesOf(items, id, false, dup)
}

// duplicatesOf is duplicates, with the latest earlier item instead of the first when
// latest is set.
func duplicatesOf[T any](items []T, id func(T) string, latest bool, dup func(it, prev T)) []bool {
	first := map[string]T{}
	out := make([]bool, len(items))
	for i, it := range items {
		k := id(it)
		if k == "" {
			continue
		}
		if f, ok := first[k]; ok {
			dup(it, f)
			out[i] = true
			if latest {
				first[k] = it
			}
			continue
		}
		first[k] = it
	}
	return out
}

// listDuplicates checks the ids of the owners, areas, chapters and events files.
func (v *validator) listDuplicates() {
	c := v.c
	duplicates(c.Owners, func(o Owner) string { return o.ID }, func(o, _ Owner) {
		v.add(Dir+"/"+OwnersFile, Pos{}, "id", ErrDuplicate, "eier-id «%s» står to ganger", o.ID)
	})
	duplicates(c.Areas, func(a Area) string { return a.ID }, func(a, _ Area) {
		v.add(Dir+"/"+AreasFile, Pos{}, "areas.id", ErrDuplicate, "område-id «%s» står to ganger", a.ID)
	})
	duplicates(c.Chapters, func(ch ChapterRef) string { return ch.ID }, func(ch, _ ChapterRef) {
		v.add(Dir+"/"+AreasFile, Pos{}, "chapters.id", ErrDuplicate, "kapittel-id «%s» står to ganger", ch.ID)
	})
	duplicates(c.Events, func(e Event) string { return e.ID }, func(e, _ Event) {
		v.add(Dir+"/"+EventsFile, Pos{}, "id", ErrDuplicate, "arrangement-id «%s» står to ganger", e.ID)
	})
}

// measures checks every measure whose id is its own: the id against the kind and its
// references.
func (v *validator) measures() {
	numberFile := map[int]string{} // T37 and T037 are the same number
	dup := duplicates(v.c.Measures, func(m *Measure) string { return m.ID }, func(m, first *Measure) {
		v.add(m.File, m.pos.keys["id"], "id", ErrDuplicate, "id «%s» brukes også i %s; gi tiltaket et annet, ledig nummer", m.ID, first.File)
	})
	for i, m := range v.c.Measures {
		if m.ID == "" || dup[i] {
			continue
		}
		if n, ok := MeasureNumber(m.ID); ok {
			if prev, taken := numberFile[n]; taken {
				v.add(m.File, m.pos.keys["id"], "id", ErrDuplicate, "nummeret %d brukes også i %s; gi tiltaket et annet, ledig nummer", n, prev)
				continue
			}
			numberFile[n] = m.File
		}
		v.measure(m)
	}
}

func (v *validator) measure(m *Measure) {
	c := v.c
	switch {
	case strings.HasPrefix(m.ID, "T") && m.Kind == KindRecommendation:
		v.add(m.File, m.pos.keys["kind"], "kind", ErrInvalidValue, "T-id-er er tiltak; kind må være measure")
	case strings.HasPrefix(m.ID, "D") && m.Kind == KindMeasure:
		v.add(m.File, m.pos.keys["kind"], "kind", ErrInvalidValue, "D-id-er er anbefalinger til departementene; kind må være recommendation")
	}
	if m.Area != "" && c.Area(m.Area) == nil {
		v.add(m.File, m.pos.keys["area"], "area", ErrReference, "ukjent innsatsområde «%s»; gyldige er %s%s", m.Area, strings.Join(v.areaIDs, ", "), didYouMean(m.Area, v.areaIDs))
	}
	if m.Chapter != "" && c.ChapterRef(m.Chapter) == nil {
		v.add(m.File, m.pos.keys["chapter"], "chapter", ErrReference, "ukjent kapittel «%s»; gyldige er %s%s", m.Chapter, strings.Join(v.chapterIDs, ", "), didYouMean(m.Chapter, v.chapterIDs))
	}
	for i, o := range m.Owners {
		if c.Owner(o) == nil {
			v.add(m.File, posAt(m.pos.owners, i), fmt.Sprintf("owners[%d]", i), ErrReference, "ukjent eier «%s»; gyldige er %s (se content/owners.yaml)%s", o, strings.Join(v.ownerIDs, ", "), didYouMean(o, v.ownerIDs))
		}
	}
	for i, in := range m.Inputs {
		if c.Item(in) == nil {
			v.add(m.File, posAt(m.pos.inputs, i), fmt.Sprintf("inputs[%d]", i), ErrReference, "ukjent innspill «%s»%s", in, v.inputHint(in))
		}
	}
	m.scanRefs(func(id string, line, col int) {
		if c.Measure(id) == nil {
			v.out = append(v.out, brokenRef(m.File, id, line, col))
		}
	})
	if target, ok := m.Revision.MergedInto(); ok {
		switch {
		case target == m.ID:
			v.add(m.File, m.pos.keys["revision"], "revision", ErrReference, "et tiltak kan ikke slås sammen med seg selv")
		case c.Measure(target) == nil:
			v.add(m.File, m.pos.keys["revision"], "revision", ErrReference, "merged: viser til «%s», som ikke finnes", target)
		}
	}
}

// inputHint says why the input id in does not resolve.
func (v *validator) inputHint(in string) string {
	g, n, ok := SplitItemID(in)
	if !ok {
		return "; skriv gruppe-id/nummer, f.eks. aa2020-1.3/2"
	}
	grp := v.c.Group(g)
	if grp == nil {
		return "; gruppen «" + g + "» finnes ikke"
	}
	return fmt.Sprintf("; gruppen %s har bare %d innspill (ba om nr. %d)", g, len(grp.Items), n)
}

// groups checks the input groups: unique ids and their events.
func (v *validator) groups() {
	duplicatesOf(v.c.Groups, func(g *Group) string { return g.ID }, true, func(g, first *Group) {
		v.add(g.File, g.pos["id"], "id", ErrDuplicate, "gruppe-id «%s» brukes også i %s", g.ID, first.File)
	})
	for _, g := range v.c.Groups {
		if g.ID != "" && g.Event != "" && v.c.Event(g.Event) == nil {
			v.add(g.File, g.pos["event"], "event", ErrReference, "ukjent arrangement «%s»; legg det inn i content/events.yaml%s", g.Event, didYouMean(g.Event, v.eventIDs))
		}
	}
}

// strategy checks the strategy's chapters: unique ids, their match in areas.yaml and
// their references and directives.
func (v *validator) strategy() {
	duplicatesOf(v.c.Strategy, func(ch *Chapter) string { return ch.ID }, true, func(ch, first *Chapter) {
		v.add(ch.File, ch.pos["id"], "id", ErrDuplicate, "kapittel-id «%s» brukes også i %s", ch.ID, first.File)
	})
	for _, ch := range v.c.Strategy {
		if ch.ID != "" {
			v.chapter(ch)
		}
	}
}

func (v *validator) chapter(ch *Chapter) {
	c := v.c
	ref := c.ChapterRef(ch.ID)
	switch {
	case ref == nil:
		v.add(ch.File, ch.pos["id"], "id", ErrReference, "kapittelet «%s» står ikke i content/areas.yaml (chapters)%s", ch.ID, didYouMean(ch.ID, v.chapterIDs))
	case ref.Number != ch.Number:
		v.add(ch.File, ch.pos["number"], "number", ErrInvalidValue, "nummeret %d stemmer ikke med content/areas.yaml (%d)", ch.Number, ref.Number)
	case ref.Title != ch.Title:
		v.add(ch.File, ch.pos["title"], "title", ErrInvalidValue, "tittelen «%s» stemmer ikke med content/areas.yaml («%s»)", ch.Title, ref.Title)
	}
	ch.scanRefs(func(id string, line, col int, d *Directive) {
		p := Pos{Line: line, Col: col}
		if id != "" && c.Measure(id) == nil {
			v.out = append(v.out, brokenRef(ch.File, id, line, col))
			return
		}
		if d == nil || id != "" {
			return
		}
		switch {
		case d.Area != "" && c.Area(d.Area) == nil:
			v.add(ch.File, p, "", ErrReference, "::: tiltak area=%s: ukjent innsatsområde%s", d.Area, didYouMean(d.Area, v.areaIDs))
		case d.Chapter != "" && c.ChapterRef(d.Chapter) == nil:
			v.add(ch.File, p, "", ErrReference, "::: tiltak chapter=%s: ukjent kapittel%s", d.Chapter, didYouMean(d.Chapter, v.chapterIDs))
		case len(d.IDs) == 0 && d.Area == "" && d.Chapter == "":
			v.add(ch.File, p, "", ErrInvalidValue, "::: tiltak trenger id-er (T02 T03), area=<id> eller chapter=<id>")
		}
	})
}

func posAt(ps []Pos, i int) Pos {
	if i < len(ps) {
		return ps[i]
	}
	return Pos{}
}

// Validate re-checks everything that spans files, e.g. after [Content.Replace]. It
// returns an [Errors] or nil. Problems inside single files are found when they are parsed.
func (c *Content) Validate() error {
	es := c.validate()
	if len(es) == 0 {
		return nil
	}
	es.sort()
	return es
}
