package measures

import "fmt"

// A log entry records what happened, so it is never dated after the day it is written.
// The domain does no I/O and reads no clock: callers pass today in.

// CheckDates returns an error for every log entry dated after today, naming its file,
// line and key (log[2].date). [Load] cannot see this (it has no clock); the CLI's
// validate and read commands call it with theirs.
func (c *Content) CheckDates(today Date) Errors {
	var out Errors
	for _, m := range c.Measures {
		if e := m.futureLog(today); e != nil {
			out = append(out, e)
		}
	}
	out.sort()
	return out
}

// futureLog returns an error for the first log entry of m dated after today, or nil.
func (m *Measure) futureLog(today Date) *Error {
	for i, e := range m.Log {
		if today.Before(e.Date) {
			return &Error{File: m.File, Pos: posAt(m.pos.logs, i), Key: fmt.Sprintf("log[%d].date", i), Kind: ErrFutureDate,
				Msg: fmt.Sprintf("datoen %s er etter i dag (%s); loggen forteller hva som har skjedd, så en oppføring kan ikke være datert fram i tid", e.Date, today)}
		}
	}
	return nil
}

// AddLog appends e to the log dated today, the one rule for every note samvirke writes
// (set, accept, the TUI). It refuses with an [*Error] wrapping [ErrFutureDate] when the
// log already has an entry after today: a new note may not be dated before it (the log
// is in date order), and dating it on that future day would hide the mistake.
func (m *Measure) AddLog(e LogEntry, today Date) error {
	if err := m.futureLog(today); err != nil {
		err.Msg += "; rett datoen før du legger til et nytt notat"
		return err
	}
	e.Date = today
	m.Log = append(m.Log, e)
	return nil
}
