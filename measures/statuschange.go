package measures

import "strings"

// RecordChange is the status-change rule, the one samvirke's set, accept and the TUI
// follow: a new status (status not "" and not the measure's) or a note appends one log
// entry dated today, by by. The entry of a status change carries the status, and when
// note is empty its note is [StatusNote]'s. The note is trimmed. Nothing is appended
// when neither the status changes nor a note is given. Like [Measure.AddLog] it refuses
// (an [*Error] wrapping [ErrFutureDate]) when the log has an entry dated after today, so
// a new entry is never dated before the last one.
func (m *Measure) RecordChange(status Status, note, by string, today Date) error {
	changed := status != "" && status != m.Status
	e := LogEntry{Date: today, Note: strings.TrimSpace(note), By: by}
	if changed {
		e.Status = status
		if e.Note == "" {
			e.Note = StatusNote(status)
		}
	}
	if e.Note == "" {
		return nil
	}
	if err := m.AddLog(e, today); err != nil {
		return err
	}
	if changed {
		m.Status = status
	}
	return nil
}
