package measures

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The fields a [FieldChange] names.
const (
	FieldTitle    = "title"
	FieldStatus   = "status"
	FieldProgress = "progress"
	FieldDue      = "due"
	FieldOwners   = "owners"
	FieldLead     = "lead"
	FieldArea     = "area"
	FieldRevision = "revision"
	FieldInputs   = "inputs"
	FieldNote     = "note"  // notes added to the log
	FieldLog      = "log"   // the log changed otherwise
	FieldText     = "text"  // the body
	FieldOther    = "other" // source, chapter or kind
	// The whole file, in a measure's history.
	FieldCreated = "created"
	FieldDeleted = "deleted"
	FieldRenamed = "renamed"
	FieldFormat  = "format" // the file changed but no field did
)

// FieldChange is one changed field of a measure: the field, the old and the new value
// (slugs, numbers, dates, lists; null where there was or is none), what a list gained and
// lost, the notes added, and the same in a Norwegian phrase (Summary).
type FieldChange struct {
	Field   string     `json:"field"`
	From    any        `json:"from,omitempty"`
	To      any        `json:"to,omitempty"`
	Added   []string   `json:"added,omitempty"`
	Removed []string   `json:"removed,omitempty"`
	Notes   []LogEntry `json:"notes,omitempty"`
	Summary string     `json:"summary"`
}

// FieldChanges returns what differs between two versions of a measure, one entry per
// changed field, in a fixed order.
func FieldChanges(old, new *Measure) []FieldChange {
	var out []FieldChange
	add := func(c FieldChange) { out = append(out, c) }
	if old.Title != new.Title {
		add(FieldChange{Field: FieldTitle, From: old.Title, To: new.Title, Summary: "tittel endret"})
	}
	if old.Status != new.Status {
		add(FieldChange{Field: FieldStatus, From: old.Status, To: new.Status,
			Summary: "status " + old.Status.Label() + " → " + new.Status.Label()})
	}
	if p, q := intText(old.Progress), intText(new.Progress); p != q {
		add(FieldChange{Field: FieldProgress, From: old.Progress, To: new.Progress, Summary: "framdrift " + p + " → " + q})
	}
	if d, e := dateText(old.Due), dateText(new.Due); d != e {
		add(FieldChange{Field: FieldDue, From: old.Due, To: new.Due, Summary: "frist " + d + " → " + e})
	}
	if plus, minus := setDiff(old.Owners, new.Owners); len(plus)+len(minus) > 0 {
		add(FieldChange{Field: FieldOwners, From: list(old.Owners), To: list(new.Owners), Added: plus, Removed: minus,
			Summary: "eiere " + setText(plus, minus)})
	} else if !slices.Equal(old.Owners, new.Owners) {
		add(FieldChange{Field: FieldLead, From: old.Lead(), To: new.Lead(), Summary: "ansvarlig eier " + old.Lead() + " → " + new.Lead()})
	}
	if old.Area != new.Area {
		add(FieldChange{Field: FieldArea, From: old.Area, To: new.Area, Summary: "innsatsområde " + old.Area + " → " + new.Area})
	}
	if old.Revision != new.Revision {
		add(FieldChange{Field: FieldRevision, From: old.Revision, To: new.Revision,
			Summary: "revisjon " + old.Revision.Label() + " → " + new.Revision.Label()})
	}
	if plus, minus := setDiff(old.Inputs, new.Inputs); len(plus)+len(minus) > 0 {
		add(FieldChange{Field: FieldInputs, Added: plus, Removed: minus, Summary: "innspill " + setText(plus, minus)})
	}
	if c, ok := logChange(old.Log, new.Log); ok {
		add(c)
	}
	if old.Text != new.Text {
		add(FieldChange{Field: FieldText, Summary: "tekst endret"})
	}
	if old.Source != new.Source || old.Chapter != new.Chapter || old.Kind != new.Kind {
		add(FieldChange{Field: FieldOther, Summary: "andre felt endret"})
	}
	return out
}

// logChange describes what new adds to the log old: the notes added (an entry that only
// records a status change, with [StatusNote], is part of that change and no note), or
// that the log was otherwise edited.
func logChange(old, new []LogEntry) (FieldChange, bool) {
	if len(new) >= len(old) && slices.Equal(old, new[:len(old)]) {
		var notes []LogEntry
		for _, e := range new[len(old):] {
			if !e.StatusOnly() {
				notes = append(notes, e)
			}
		}
		switch len(notes) {
		case 0:
			return FieldChange{}, false
		case 1:
			return FieldChange{Field: FieldNote, Notes: notes, Summary: "notat lagt til"}, true
		}
		return FieldChange{Field: FieldNote, Notes: notes, Summary: fmt.Sprintf("%d notater lagt til", len(notes))}, true
	}
	return FieldChange{Field: FieldLog, Summary: "logg endret"}, true
}

// StatusNote is the note of a log entry that only records a new status.
func StatusNote(s Status) string { return "Status endret til " + s.Label() + "." }

// StatusOnly reports whether e only records a status change: no note of its own.
func (e LogEntry) StatusOnly() bool { return e.Status != "" && e.Note == StatusNote(e.Status) }

// Changes describes in Norwegian what differs between two versions of a measure, one
// phrase per changed field, e.g. "status ikke vurdert → pågår" or "eiere +nav −hdir".
func Changes(old, new *Measure) []string { return Summaries(FieldChanges(old, new)) }

// Summaries returns the Norwegian phrases of changes.
func Summaries(changes []FieldChange) []string {
	var out []string
	for _, c := range changes {
		out = append(out, c.Summary)
	}
	return out
}

// CommitMessage is the commit message for a change: "T14: status ikke vurdert → pågår".
func CommitMessage(old, new *Measure) string {
	ch := Changes(old, new)
	if len(ch) == 0 {
		return new.ID + ": ingen endring"
	}
	return new.ID + ": " + strings.Join(ch, ", ")
}

func intText(p *int) string {
	if p == nil {
		return "–"
	}
	return strconv.Itoa(*p) + " %"
}

func dateText(d *Date) string {
	if d == nil {
		return "–"
	}
	return d.String()
}

// setDiff returns what b adds to a and what it removes.
func setDiff(a, b []string) (plus, minus []string) {
	for _, v := range b {
		if !slices.Contains(a, v) {
			plus = append(plus, v)
		}
	}
	for _, v := range a {
		if !slices.Contains(b, v) {
			minus = append(minus, v)
		}
	}
	return plus, minus
}

// setText is "+a +b −c".
func setText(plus, minus []string) string {
	var parts []string
	for _, v := range plus {
		parts = append(parts, "+"+v)
	}
	for _, v := range minus {
		parts = append(parts, "−"+v)
	}
	return strings.Join(parts, " ")
}

// list is s, never nil, so that JSON shows [] for an empty list.
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
