package measures

import "fmt"

// Status is where a measure stands. It is stored as an English slug and shown with a
// Norwegian label.
type Status string

// The statuses a measure can have, in the order they are listed to users.
const (
	NotAssessed Status = "not-assessed"
	Proposed    Status = "proposed"
	NotStarted  Status = "not-started"
	InProgress  Status = "in-progress"
	Delayed     Status = "delayed"
	Done        Status = "done"
	InOperation Status = "in-operation"
	Cancelled   Status = "cancelled"
)

// Statuses lists every valid status in display order.
var Statuses = []Status{NotAssessed, Proposed, NotStarted, InProgress, Delayed, Done, InOperation, Cancelled}

var statusLabels = map[Status]string{
	NotAssessed: "ikke vurdert",
	Proposed:    "foreslått",
	NotStarted:  "ikke startet",
	InProgress:  "pågår",
	Delayed:     "forsinket",
	Done:        "gjennomført",
	InOperation: "i ordinær drift",
	Cancelled:   "avsluttet",
}

// statusLabelsNN are the nynorsk labels, for documents rendered with --lang nn.
var statusLabelsNN = map[Status]string{
	NotAssessed: "ikkje vurdert",
	Proposed:    "føreslått",
	NotStarted:  "ikkje starta",
	InProgress:  "pågår",
	Delayed:     "forseinka",
	Done:        "gjennomført",
	InOperation: "i ordinær drift",
	Cancelled:   "avslutta",
}

// String returns the stored slug.
func (s Status) String() string { return string(s) }

// Label returns the Norwegian label, or the slug itself for an unknown status.
func (s Status) Label() string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return string(s)
}

// LabelNN returns the nynorsk label, or the slug itself for an unknown status. Input is
// read in bokmål only (ParseStatus); nynorsk is for documents.
func (s Status) LabelNN() string {
	if l, ok := statusLabelsNN[s]; ok {
		return l
	}
	return string(s)
}

// Valid reports whether s is one of [Statuses].
func (s Status) Valid() bool {
	_, ok := statusLabels[s]
	return ok
}

// Closed reports whether a measure with this status needs no more follow-up, so a
// passed due date is not overdue.
func (s Status) Closed() bool {
	return s == Done || s == InOperation || s == Cancelled
}

// Rank is the position of s in [Statuses], used for sorting; unknown statuses sort last.
func (s Status) Rank() int {
	for i, v := range Statuses {
		if v == s {
			return i
		}
	}
	return len(Statuses)
}

// ParseStatus accepts a slug or a Norwegian label.
func ParseStatus(s string) (Status, error) {
	for _, v := range Statuses {
		if s == string(v) || s == v.Label() {
			return v, nil
		}
	}
	return "", fmt.Errorf("%w: unknown status %q", ErrInvalidValue, s)
}

func statusSlugs() []string {
	out := make([]string, len(Statuses))
	for i, s := range Statuses {
		out[i] = string(s)
	}
	return out
}
