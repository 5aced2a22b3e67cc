package measures

import (
	"slices"
	"strings"
)

// Content is everything under content/: the measures, the input groups, the owners,
// areas, chapters, events and the strategy text.
type Content struct {
	Owners   []Owner
	Areas    []Area
	Chapters []ChapterRef
	Events   []Event
	Measures []*Measure // sorted by [CompareIDs]
	Groups   []*Group   // sorted by event and group number
	Strategy []*Chapter // in file-name order

	byID    map[string]*Measure
	groups  map[string]*Group
	items   map[string]*Item
	owners  map[string]*Owner
	areas   map[string]*Area
	chapter map[string]*ChapterRef
	events  map[string]*Event
}

// index sorts the records, builds the lookup maps and the item → measures back-links.
func (c *Content) index() {
	slices.SortStableFunc(c.Measures, func(a, b *Measure) int { return CompareIDs(a.ID, b.ID) })
	slices.SortStableFunc(c.Groups, func(a, b *Group) int {
		if a.Event != b.Event {
			return strings.Compare(a.Event, b.Event)
		}
		return compareDotted(a.Number(), b.Number())
	})
	c.byID = make(map[string]*Measure, len(c.Measures))
	for _, m := range c.Measures {
		if _, dup := c.byID[m.ID]; !dup {
			c.byID[m.ID] = m
		}
	}
	c.groups = make(map[string]*Group, len(c.Groups))
	c.items = make(map[string]*Item, len(c.Groups)*6)
	for _, g := range c.Groups {
		c.groups[g.ID] = g
		for i := range g.Items {
			it := &g.Items[i]
			it.Measures = nil
			c.items[it.ID] = it
		}
	}
	for _, m := range c.Measures {
		for _, in := range m.Inputs {
			if it := c.items[in]; it != nil && !slices.Contains(it.Measures, m.ID) {
				it.Measures = append(it.Measures, m.ID)
			}
		}
	}
	c.owners = byID(c.Owners, func(o *Owner) string { return o.ID })
	c.areas = byID(c.Areas, func(a *Area) string { return a.ID })
	c.chapter = byID(c.Chapters, func(ch *ChapterRef) string { return ch.ID })
	c.events = byID(c.Events, func(e *Event) string { return e.ID })
}

// byID maps the id of each element of xs to the element, in place.
func byID[T any](xs []T, id func(*T) string) map[string]*T {
	m := make(map[string]*T, len(xs))
	for i := range xs {
		m[id(&xs[i])] = &xs[i]
	}
	return m
}

// Measure returns the measure with id, or nil.
func (c *Content) Measure(id string) *Measure { return c.byID[id] }

// Group returns the input group with id, or nil.
func (c *Content) Group(id string) *Group { return c.groups[id] }

// Item returns the input item with id (e.g. aa2020-1.3/2), or nil.
func (c *Content) Item(id string) *Item { return c.items[id] }

// Owner returns the owner with id, or nil.
func (c *Content) Owner(id string) *Owner { return c.owners[id] }

// Area returns the area with id, or nil.
func (c *Content) Area(id string) *Area { return c.areas[id] }

// ChapterRef returns the chapter with id, or nil.
func (c *Content) ChapterRef(id string) *ChapterRef { return c.chapter[id] }

// Event returns the event with id, or nil.
func (c *Content) Event(id string) *Event { return c.events[id] }

// OwnerName returns the owner's short name, or the id itself when unknown.
func (c *Content) OwnerName(id string) string {
	if o := c.owners[id]; o != nil {
		return o.Short
	}
	return id
}

// ItemCount returns the number of input items.
func (c *Content) ItemCount() int { return len(c.items) }

// Replace puts m in place of the measure with the same id (or adds it) and re-indexes.
// It is how an edited measure is validated together with the rest of the content.
func (c *Content) Replace(m *Measure) {
	for i, old := range c.Measures {
		if old.ID == m.ID {
			c.Measures[i] = m
			c.index()
			return
		}
	}
	c.Measures = append(c.Measures, m)
	c.index()
}

// Remove drops the measure with id and re-indexes.
func (c *Content) Remove(id string) {
	c.Measures = slices.DeleteFunc(c.Measures, func(m *Measure) bool { return m.ID == id })
	c.index()
}

// Unaddressed returns the input items that no measure lists, in group order.
func (c *Content) Unaddressed() []*Item {
	var out []*Item
	for _, g := range c.Groups {
		for i := range g.Items {
			if len(g.Items[i].Measures) == 0 {
				out = append(out, &g.Items[i])
			}
		}
	}
	return out
}

// With returns a copy of c in which each of ms replaces the measure with its id (or is
// added), indexed once: how many edited measures are validated and compared together.
// c itself is not changed.
func (c *Content) With(ms ...*Measure) *Content {
	n := *c
	pos := make(map[string]int, len(c.Measures))
	n.Measures = slices.Clone(c.Measures)
	for i, m := range n.Measures {
		pos[m.ID] = i
	}
	for _, m := range ms {
		if i, ok := pos[m.ID]; ok {
			n.Measures[i] = m
		} else {
			pos[m.ID] = len(n.Measures)
			n.Measures = append(n.Measures, m)
		}
	}
	n.Groups = make([]*Group, len(c.Groups))
	for i, g := range c.Groups {
		cp := *g
		cp.Items = slices.Clone(g.Items)
		n.Groups[i] = &cp
	}
	n.index()
	return &n
}
