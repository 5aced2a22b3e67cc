package feed

import (
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// CalendarName is the calendar's name in Outlook and Google Calendar, in bokmål (the
// nynorsk one is in renderer/lang).
var CalendarName = lang.NB.Texts().Feed.CalendarName

// UID is the stable UID of the event of a measure's due date: the same measure gives the
// same UID in every export, so a calendar that subscribes updates the event instead of
// adding a second one.
func UID(id string, l Links) string { return "frist-" + id + "@" + l.host() }

// WriteCalendar writes one all-day event per measure with a due date: on the due date,
// titled «Frist: T14 Tittel», with the status, the lead owner, the progress and a link
// to the measure's page. changed gives each measure's last change (its DTSTAMP and
// LAST-MODIFIED; a measure without one gets the Unix epoch), so that an export where one
// due date moved differs from the one before in that event only.
func WriteCalendar(w io.Writer, c *measures.Content, changed map[string]time.Time, l Links) error {
	cal := ics.NewCalendarFor("samvirke")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(l.Lang.Texts().Feed.CalendarName)
	cal.SetXWRTimezone("Europe/Oslo")
	for _, m := range c.Measures {
		if m.Due == nil {
			continue
		}
		e := cal.AddEvent(UID(m.ID, l))
		stamp := changed[m.ID]
		if stamp.IsZero() {
			stamp = time.Unix(0, 0)
		}
		e.SetDtStampTime(stamp)
		e.SetLastModifiedAt(stamp)
		e.SetAllDayStartAt(m.Due.Time())
		e.SetAllDayEndAt(m.Due.AddDays(1).Time())
		e.SetSummary(plain(lang.F(l.Lang.Texts().Feed.DueF, m.ID, m.Title)))
		e.SetDescription(eventText(c, m, l))
		e.SetURL(l.Measure(m.ID))
		e.SetTimeTransparency(ics.TransparencyTransparent)
		if m.Status == measures.Cancelled {
			e.SetStatus(ics.ObjectStatusCancelled)
		} else {
			e.SetStatus(ics.ObjectStatusConfirmed)
		}
	}
	if err := cal.SerializeTo(w); err != nil {
		return fmt.Errorf("write calendar: %w", err)
	}
	return nil
}

// eventText is the event's description in plain Norwegian.
func eventText(c *measures.Content, m *measures.Measure, l Links) string {
	tx := l.Lang.Texts()
	t := &tx.Feed
	lines := []string{plain(m.Title), lang.F(t.StatusF, tx.Status(m.Status))}
	if lead := m.Lead(); lead != "" {
		lines = append(lines, lang.F(t.LeadF, plain(c.OwnerName(lead))))
	}
	if m.Progress != nil {
		lines = append(lines, lang.F(t.ProgressF, *m.Progress))
	}
	lines = append(lines, lang.F(t.MoreAboutF, l.Measure(m.ID)))
	return strings.Join(lines, "\n")
}
