package measures

import (
	"slices"
)

// Diff is the semantic difference between two snapshots of the content.
type Diff struct {
	Added   []*Measure      `json:"added"`
	Removed []*Measure      `json:"removed"`
	Renamed []Rename        `json:"renamed"`
	Changed []MeasureChange `json:"changed"`
	Groups  []GroupChange   `json:"groups"`
}

// Rename is a measure that got a new id (e.g. a proposal numbered by accept).
type Rename struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// MeasureChange is what changed in one measure present in both snapshots.
type MeasureChange struct {
	ID            string        `json:"id"`
	Title         string        `json:"title"`
	Changes       []string      `json:"changes"` // Norwegian, see Changes
	Fields        []FieldChange `json:"fields"`  // the same as data, see FieldChanges
	OldStatus     Status        `json:"old_status,omitempty"`
	NewStatus     Status        `json:"new_status,omitempty"` // set when the status changed
	NewLog        []LogEntry    `json:"new_log"`
	InputsAdded   []string      `json:"inputs_added"`
	InputsRemoved []string      `json:"inputs_removed"`
}

// GroupChange is an input group that is new or whose bullets changed.
type GroupChange struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	New     bool   `json:"new"`
	Removed bool   `json:"removed"`
	Items   int    `json:"items"` // bullets now
}

// Empty reports whether nothing changed.
func (d *Diff) Empty() bool {
	return len(d.Added)+len(d.Removed)+len(d.Renamed)+len(d.Changed)+len(d.Groups) == 0
}

// Compare returns what changed from old to new.
func Compare(old, new *Content) *Diff {
	d := &Diff{}
	for _, m := range new.Measures {
		o := old.Measure(m.ID)
		if o == nil {
			d.Added = append(d.Added, m)
			continue
		}
		fields := FieldChanges(o, m)
		if len(fields) == 0 {
			continue
		}
		mc := MeasureChange{ID: m.ID, Title: m.Title, Changes: Summaries(fields), Fields: fields}
		if o.Status != m.Status {
			mc.OldStatus, mc.NewStatus = o.Status, m.Status
		}
		if len(m.Log) > len(o.Log) && slices.Equal(o.Log, m.Log[:len(o.Log)]) {
			mc.NewLog = m.Log[len(o.Log):]
		}
		for _, in := range m.Inputs {
			if !slices.Contains(o.Inputs, in) {
				mc.InputsAdded = append(mc.InputsAdded, in)
			}
		}
		for _, in := range o.Inputs {
			if !slices.Contains(m.Inputs, in) {
				mc.InputsRemoved = append(mc.InputsRemoved, in)
			}
		}
		d.Changed = append(d.Changed, mc)
	}
	for _, o := range old.Measures {
		if new.Measure(o.ID) == nil {
			d.Removed = append(d.Removed, o)
		}
	}
	// A removed and an added measure with the same text is a rename.
	for i := 0; i < len(d.Removed); i++ {
		for j := 0; j < len(d.Added); j++ {
			if d.Removed[i].Text == d.Added[j].Text {
				d.Renamed = append(d.Renamed, Rename{From: d.Removed[i].ID, To: d.Added[j].ID})
				d.Removed = slices.Delete(d.Removed, i, i+1)
				d.Added = slices.Delete(d.Added, j, j+1)
				i--
				break
			}
		}
	}
	for _, g := range new.Groups {
		o := old.Group(g.ID)
		switch {
		case o == nil:
			d.Groups = append(d.Groups, GroupChange{ID: g.ID, Title: g.Title, New: true, Items: len(g.Items)})
		case string(o.Encode()) != string(g.Encode()):
			d.Groups = append(d.Groups, GroupChange{ID: g.ID, Title: g.Title, Items: len(g.Items)})
		}
	}
	for _, o := range old.Groups {
		if new.Group(o.ID) == nil {
			d.Groups = append(d.Groups, GroupChange{ID: o.ID, Title: o.Title, Removed: true, Items: len(o.Items)})
		}
	}
	return d
}
