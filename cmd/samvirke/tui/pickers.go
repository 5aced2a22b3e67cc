package tui

import (
	"slices"
	"strings"

	"github.com/samvirke/samvirke/measures"
)

func newStatusPicker(c *common, ms *measures.Measure) *picker {
	var items []pickItem
	for _, st := range measures.Statuses {
		label := c.st.status(st)
		if st == ms.Status {
			label += " (nå)"
		}
		items = append(items, pickItem{id: string(st), label: label, name: st.Label(), search: measures.Fold(st.Label() + " " + string(st))})
	}
	id, from := ms.ID, ms.Status
	return newPicker(c, "Ny status for "+id, items, false, nil, func(ids []string) {
		c.setStatus(id, from, measures.Status(ids[0]))
	}).at(string(ms.Status))
}

func newOwnersPicker(c *common, ms *measures.Measure) *picker {
	var items []pickItem
	for _, o := range c.c.Owners {
		items = append(items, pickItem{id: o.ID, label: cell(oneLine(o.Short), 8) + " " + oneLine(o.Name), search: measures.Fold(o.ID + " " + o.Short + " " + o.Name)})
	}
	id, base := ms.ID, slices.Clone(ms.Owners)
	return newPicker(c, "Eiere for "+id+" (den første som beholdes, er ansvarlig)", items, true, ms.Owners,
		func(ids []string) {
			if len(ids) == 0 {
				c.flashErr(msgNoOwner)
				return
			}
			c.requestSave(id, func(ms *measures.Measure, _ string) error {
				ms.Owners = mergeChoice(base, ms.Owners, ids)
				return nil
			})
		})
}

// mergeChoice applies what the user did in a multi-select that opened on base to the
// list as it is now: the ids they unticked are removed, the ones they ticked are added
// at the end, and everything else stays as current has it, in its order (so the lead
// stays the lead, and an owner or link someone else added meanwhile is kept).
func mergeChoice(base, current, chosen []string) []string {
	var out []string
	for _, c := range current {
		if slices.Contains(chosen, c) || !slices.Contains(base, c) {
			out = append(out, c)
		}
	}
	for _, c := range chosen {
		if !slices.Contains(out, c) && !slices.Contains(base, c) {
			out = append(out, c)
		}
	}
	return out
}

func newLinkPicker(c *common, ms *measures.Measure) *picker {
	items := make([]pickItem, 0, c.c.ItemCount())
	for _, g := range c.c.Groups {
		for _, it := range g.Items {
			text := oneLine(it.Text)
			items = append(items, pickItem{id: it.ID, label: cell(it.ID, 15) + " " + text,
				search: measures.Fold(it.ID + " " + text + " " + g.Title), detail: oneLine(g.Title) + ": " + oneLine(text)})
		}
	}
	id, base := ms.ID, slices.Clone(ms.Inputs)
	return newPicker(c, "Innspill knyttet til "+id, items, true, ms.Inputs, func(ids []string) {
		c.requestSave(id, func(ms *measures.Measure, _ string) error {
			ms.Inputs = mergeChoice(base, ms.Inputs, ids)
			return nil
		})
	})
}

// newMeasurePicker links the input bullet item to a measure chosen from all measures.
func newMeasurePicker(c *common, item *measures.Item) *picker {
	items := make([]pickItem, 0, len(c.c.Measures))
	for _, ms := range c.c.Measures {
		mark := ""
		if slices.Contains(ms.Inputs, item.ID) {
			mark = " (knyttet)"
		}
		items = append(items, pickItem{id: ms.ID, label: cell(ms.ID, 6) + " " + oneLine(ms.Title) + mark, name: ms.ID,
			search: c.index.ready().head[ms]})
	}
	itemID := item.ID
	return newPicker(c, "Knytt "+itemID+" til tiltak", items, false, nil, func(ids []string) {
		c.requestSave(ids[0], func(ms *measures.Measure, _ string) error {
			if slices.Contains(ms.Inputs, itemID) {
				return changeError(itemID + " er allerede knyttet til " + ms.ID + ".")
			}
			ms.Inputs = append(ms.Inputs, itemID)
			return nil
		})
	})
}

// newQuickFilterPicker chooses Tiltak's quick filters, starting from q.
func newQuickFilterPicker(c *common, q quickFilter) *picker {
	var items []pickItem
	var chosen []string
	for _, st := range measures.Statuses {
		items = append(items, pickItem{id: "s:" + string(st), label: "Status: " + c.st.status(st), search: measures.Fold("status " + st.Label())})
		if q.status[st] {
			chosen = append(chosen, "s:"+string(st))
		}
	}
	for _, o := range c.c.Owners {
		items = append(items, pickItem{id: "o:" + o.ID, label: "Eier: " + oneLine(o.Short) + " – " + oneLine(o.Name), search: measures.Fold("eier " + o.Short + " " + o.Name)})
		if q.owner[o.ID] {
			chosen = append(chosen, "o:"+o.ID)
		}
	}
	for _, a := range c.c.Areas {
		items = append(items, pickItem{id: "a:" + a.ID, label: sprintf("Område %d: %s", a.Number, oneLine(a.Title)), search: measures.Fold("omrade " + a.Title)})
		if q.area[a.ID] {
			chosen = append(chosen, "a:"+a.ID)
		}
	}
	p := newPicker(c, "Hurtigfilter (flere valg i samme gruppe: ett av dem)", items, true, chosen, func(ids []string) {
		q := quickFilter{status: map[measures.Status]bool{}, owner: map[string]bool{}, area: map[string]bool{}}
		for _, id := range ids {
			kind, v, _ := strings.Cut(id, ":")
			switch kind {
			case "s":
				q.status[measures.Status(v)] = true
			case "o":
				q.owner[v] = true
			case "a":
				q.area[v] = true
			}
		}
		c.send(filterMsg{quick: q})
	})
	p.verb = "bruk"
	return p
}
