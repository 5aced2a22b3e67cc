package measures

// The rules of what the fagråd is told to look at first. Each is a pure function of a
// measure and the day it is judged on, so the report, the CLI and the TUI agree.

// DefaultStaleMonths is how long an open measure may go without a log note before it is
// stale: six months.
const DefaultStaleMonths = 6

// Stale reports whether m is open (not closed and assessed) and its newest log note is
// more than months months before today, or it has no note at all. A measure not yet
// assessed is not stale: it is counted as not assessed.
func (m *Measure) Stale(today Date, months int) bool {
	if m.Status.Closed() || m.Status == NotAssessed || m.Status == "" {
		return false
	}
	last := m.LastLog()
	return last == nil || last.Date.Before(StaleCutoff(today, months))
}

// StaleCutoff is the day before which a last note makes a measure stale: today less
// months months.
func StaleCutoff(today Date, months int) Date {
	return DateOf(today.Time().AddDate(0, -months, 0))
}

// IsDelayed reports whether m has the status forsinket.
func (m *Measure) IsDelayed() bool { return m.Status == Delayed }

// MissingOwner reports whether an open measure has no owner.
func (m *Measure) MissingOwner() bool { return !m.Status.Closed() && len(m.Owners) == 0 }

// MissingDue reports whether an open measure has no due date.
func (m *Measure) MissingDue() bool { return !m.Status.Closed() && m.Due == nil }

// NotYetAssessed reports whether m has the status ikke vurdert.
func (m *Measure) NotYetAssessed() bool { return m.Status == NotAssessed }

// Attention sorts the measures the fagråd should look at first; a measure may be in more
// than one list. Each list is in content order.
type Attention struct {
	Overdue, Delayed, Stale, NoOwner, NoDue, NotAssessed []*Measure
}

// NeedsAttention applies the rules to every measure of c on today, with a measure stale
// after staleMonths months without a note.
func NeedsAttention(c *Content, today Date, staleMonths int) Attention {
	var a Attention
	add := func(list *[]*Measure, m *Measure, ok bool) {
		if ok {
			*list = append(*list, m)
		}
	}
	for _, m := range c.Measures {
		add(&a.Overdue, m, m.Overdue(today))
		add(&a.Delayed, m, m.IsDelayed())
		add(&a.Stale, m, m.Stale(today, staleMonths))
		add(&a.NoOwner, m, m.MissingOwner())
		add(&a.NoDue, m, m.MissingDue())
		add(&a.NotAssessed, m, m.NotYetAssessed())
	}
	return a
}
