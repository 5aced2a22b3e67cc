package measures

import (
	"fmt"
	"strings"
)

// validate checks everything that spans files: unique ids and resolving references.
func (c *Content) validate() Errors {
	var out Errors
	add := func(file string, p Pos, key string, kind error, format string, args ...any) {
		out = append(out, &Error{File: file, Pos: p, Key: key, Msg: fmt.Sprintf(format, args...), Kind: kind})
	}
	ownersFile, areasFile, eventsFile := Dir+"/"+OwnersFile, Dir+"/"+AreasFile, Dir+"/"+EventsFile

	seen := map[string]bool{}
	for _, o := range c.Owners {
		if o.ID != "" && seen[o.ID] {
			add(ownersFile, Pos{}, "id", ErrDuplicate, "eier-id «%s» står to ganger", o.ID)
		}
		seen[o.ID] = true
	}
	seen = map[string]bool{}
	for _, a := range c.Areas {
		if a.ID != "" && seen[a.ID] {
			add(areasFile, Pos{}, "areas.id", ErrDuplicate, "område-id «%s» står to ganger", a.ID)
		}
		seen[a.ID] = true
	}
	seen = map[string]bool{}
	for _, ch := range c.Chapters {
		if ch.ID != "" && seen[ch.ID] {
			add(areasFile, Pos{}, "chapters.id", ErrDuplicate, "kapittel-id «%s» står to ganger", ch.ID)
		}
		seen[ch.ID] = true
	}
	seen = map[string]bool{}
	for _, e := range c.Events {
		if e.ID != "" && seen[e.ID] {
			add(eventsFile, Pos{}, "id", ErrDuplicate, "arrangement-id «%s» står to ganger", e.ID)
		}
		seen[e.ID] = true
	}

	ownerIDs := make([]string, len(c.Owners))
	for i, o := range c.Owners {
		ownerIDs[i] = o.ID
	}
	areaIDs := make([]string, len(c.Areas))
	for i, a := range c.Areas {
		areaIDs[i] = a.ID
	}
	chapterIDs := make([]string, len(c.Chapters))
	for i, ch := range c.Chapters {
		chapterIDs[i] = ch.ID
	}

	firstFile := map[string]string{}
	numberFile := map[int]string{} // T37 and T037 are the same number
	for _, m := range c.Measures {
		if m.ID == "" {
			continue
		}
		if prev, dup := firstFile[m.ID]; dup {
			add(m.File, m.pos.keys["id"], "id", ErrDuplicate, "id «%s» brukes også i %s; gi tiltaket et annet, ledig nummer", m.ID, prev)
			continue
		}
		firstFile[m.ID] = m.File
		if n, ok := MeasureNumber(m.ID); ok {
			if prev, dup := numberFile[n]; dup {
				add(m.File, m.pos.keys["id"], "id", ErrDuplicate, "nummeret %d brukes også i %s; gi tiltaket et annet, ledig nummer", n, prev)
				continue
			}
			numberFile[n] = m.File
		}
		switch {
		case strings.HasPrefix(m.ID, "T") && m.Kind == KindRecommendation:
			add(m.File, m.pos.keys["kind"], "kind", ErrInvalidValue, "T-id-er er tiltak; kind må være measure")
		case strings.HasPrefix(m.ID, "D") && m.Kind == KindMeasure:
			add(m.File, m.pos.keys["kind"], "kind", ErrInvalidValue, "D-id-er er anbefalinger til departementene; kind må være recommendation")
		}
		if m.Area != "" && c.Area(m.Area) == nil {
			add(m.File, m.pos.keys["area"], "area", ErrReference, "ukjent innsatsområde «%s»; gyldige er %s%s", m.Area, strings.Join(areaIDs, ", "), didYouMean(m.Area, areaIDs))
		}
		if m.Chapter != "" && c.ChapterRef(m.Chapter) == nil {
			add(m.File, m.pos.keys["chapter"], "chapter", ErrReference, "ukjent kapittel «%s»; gyldige er %s%s", m.Chapter, strings.Join(chapterIDs, ", "), didYouMean(m.Chapter, chapterIDs))
		}
		for i, o := range m.Owners {
			if c.Owner(o) == nil {
				add(m.File, posAt(m.pos.owners, i), fmt.Sprintf("owners[%d]", i), ErrReference, "ukjent eier «%s»; gyldige er %s (se content/owners.yaml)%s", o, strings.Join(ownerIDs, ", "), didYouMean(o, ownerIDs))
			}
		}
		for i, in := range m.Inputs {
			if c.Item(in) != nil {
				continue
			}
			hint := ""
			if g, n, ok := SplitItemID(in); !ok {
				hint = "; skriv gruppe-id/nummer, f.eks. aa2020-1.3/2"
			} else if grp := c.Group(g); grp == nil {
				hint = "; gruppen «" + g + "» finnes ikke"
			} else {
				hint = fmt.Sprintf("; gruppen %s har bare %d innspill (ba om nr. %d)", g, len(grp.Items), n)
			}
			add(m.File, posAt(m.pos.inputs, i), fmt.Sprintf("inputs[%d]", i), ErrReference, "ukjent innspill «%s»%s", in, hint)
		}
		if target, ok := m.Revision.MergedInto(); ok {
			switch {
			case target == m.ID:
				add(m.File, m.pos.keys["revision"], "revision", ErrReference, "et tiltak kan ikke slås sammen med seg selv")
			case c.Measure(target) == nil:
				add(m.File, m.pos.keys["revision"], "revision", ErrReference, "merged: viser til «%s», som ikke finnes", target)
			}
		}
	}

	groupFile := map[string]string{}
	eventIDs := make([]string, len(c.Events))
	for i, e := range c.Events {
		eventIDs[i] = e.ID
	}
	for _, g := range c.Groups {
		if g.ID == "" {
			continue
		}
		if prev, dup := groupFile[g.ID]; dup {
			add(g.File, g.pos["id"], "id", ErrDuplicate, "gruppe-id «%s» brukes også i %s", g.ID, prev)
		}
		groupFile[g.ID] = g.File
		if g.Event != "" && c.Event(g.Event) == nil {
			add(g.File, g.pos["event"], "event", ErrReference, "ukjent arrangement «%s»; legg det inn i content/events.yaml%s", g.Event, didYouMean(g.Event, eventIDs))
		}
	}

	chapterFile := map[string]string{}
	for _, ch := range c.Strategy {
		if ch.ID == "" {
			continue
		}
		if prev, dup := chapterFile[ch.ID]; dup {
			add(ch.File, ch.pos["id"], "id", ErrDuplicate, "kapittel-id «%s» brukes også i %s", ch.ID, prev)
		}
		chapterFile[ch.ID] = ch.File
		ref := c.ChapterRef(ch.ID)
		switch {
		case ref == nil:
			add(ch.File, ch.pos["id"], "id", ErrReference, "kapittelet «%s» står ikke i content/areas.yaml (chapters)%s", ch.ID, didYouMean(ch.ID, chapterIDs))
		case ref.Number != ch.Number:
			add(ch.File, ch.pos["number"], "number", ErrInvalidValue, "nummeret %d stemmer ikke med content/areas.yaml (%d)", ch.Number, ref.Number)
		case ref.Title != ch.Title:
			add(ch.File, ch.pos["title"], "title", ErrInvalidValue, "tittelen «%s» stemmer ikke med content/areas.yaml («%s»)", ch.Title, ref.Title)
		}
		ch.scanRefs(func(id string, line, col int, d *Directive) {
			p := Pos{Line: line, Col: col}
			if id != "" && c.Measure(id) == nil {
				add(ch.File, p, "", ErrReference, "henvisningen til «%s» peker ikke på noe tiltak", id)
				return
			}
			if d == nil || id != "" {
				return
			}
			switch {
			case d.Area != "" && c.Area(d.Area) == nil:
				add(ch.File, p, "", ErrReference, "::: tiltak area=%s: ukjent innsatsområde%s", d.Area, didYouMean(d.Area, areaIDs))
			case d.Chapter != "" && c.ChapterRef(d.Chapter) == nil:
				add(ch.File, p, "", ErrReference, "::: tiltak chapter=%s: ukjent kapittel%s", d.Chapter, didYouMean(d.Chapter, chapterIDs))
			case len(d.IDs) == 0 && d.Area == "" && d.Chapter == "":
				add(ch.File, p, "", ErrInvalidValue, "::: tiltak trenger id-er (T02 T03), area=<id> eller chapter=<id>")
			}
		})
	}
	return out
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
