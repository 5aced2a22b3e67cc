package renderer

import (
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
)

// The changes as the fagråd reads them: owners and areas by name, Norwegian dates,
// «ikke satt» where there was or is nothing. The CLI's phrases (measures.FieldChange's
// Summary) stay as they are: they are commit messages and terminal output.

// notSet is what a document says for a value that is not there.
const notSet = "ikke\u00a0satt"

// plainChange says what one field change was, for a reader of the report.
func plainChange(c *measures.Content, f measures.FieldChange) string {
	switch f.Field {
	case measures.FieldProgress:
		return "framdrift " + progressText(f.From) + " → " + progressText(f.To)
	case measures.FieldDue:
		return "frist " + dueText(f.From) + " → " + dueText(f.To)
	case measures.FieldLead:
		return "ansvarlig eier " + ownerText(c, f.From) + " → " + ownerText(c, f.To)
	case measures.FieldOwners:
		var parts []string
		if len(f.Added) > 0 {
			parts = append(parts, "eier lagt til: "+ownerList(c, f.Added))
		}
		if len(f.Removed) > 0 {
			parts = append(parts, "eier fjernet: "+ownerList(c, f.Removed))
		}
		return strings.Join(parts, ", ")
	case measures.FieldArea:
		return "innsatsområde " + areaText(c, f.From) + " → " + areaText(c, f.To)
	case measures.FieldRevision:
		from, _ := f.From.(measures.Revision)
		to, _ := f.To.(measures.Revision)
		return "i revisjonen: " + from.Label() + " → " + to.Label()
	case measures.FieldInputs:
		var parts []string
		if n := len(f.Added); n > 0 {
			parts = append(parts, count(n, "innspill", "innspill")+" knyttet til")
		}
		if n := len(f.Removed); n > 0 {
			parts = append(parts, count(n, "innspill", "innspill")+" tatt bort")
		}
		return strings.Join(parts, ", ")
	case measures.FieldTitle:
		if s, ok := f.From.(string); ok {
			return "ny tittel (før: «" + s + "»)"
		}
	}
	return f.Summary
}

func progressText(v any) string {
	if p, ok := v.(*int); ok && p != nil {
		return strconv.Itoa(*p) + "\u00a0%"
	}
	return notSet
}

func dueText(v any) string {
	if d, ok := v.(*measures.Date); ok && d != nil {
		return nbsp(d.Norwegian())
	}
	return notSet
}

func ownerText(c *measures.Content, v any) string {
	if id, ok := v.(string); ok && id != "" {
		return ownerName(c, id)
	}
	return notSet
}

func ownerList(c *measures.Content, ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = ownerName(c, id)
	}
	return join(names)
}

func areaText(c *measures.Content, v any) string {
	id, _ := v.(string)
	if a := c.Area(id); a != nil {
		return areaHeading(a)
	}
	if id == "" {
		return notSet
	}
	return id
}
