// Package feed writes the follow-up for readers and calendars: the changes to the content
// as an Atom feed (RFC 4287), one entry per commit, and the measures' due dates as an
// iCalendar file (RFC 5545), one all-day event per measure with a stable UID. Links go to
// the pages of the public site (see renderer/site): tiltak/T14/ under the site's address.
package feed
