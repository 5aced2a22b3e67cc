package renderer

import (
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// The changes as the fagråd reads them: owners and areas by name, Norwegian dates,
// «ikke satt» where there was or is nothing. The CLI's phrases (measures.FieldChange's
// Summary) stay as they are: they are commit messages and terminal output.

// plainChange says what one field change was, for a reader of the report.
func plainChange(t *lang.Texts, c *measures.Content, f measures.FieldChange) string {
	ct, notSet := t.Changes, t.Doc.NotSet
	switch f.Field {
	case measures.FieldProgress:
		return lang.F(ct.ProgressF, progressText(f.From, notSet), progressText(f.To, notSet))
	case measures.FieldDue:
		return lang.F(ct.DueF, dueText(f.From, notSet), dueText(f.To, notSet))
	case measures.FieldLead:
		return lang.F(ct.LeadF, ownerText(c, f.From, notSet), ownerText(c, f.To, notSet))
	case measures.FieldOwners:
		var parts []string
		if len(f.Added) > 0 {
			parts = append(parts, lang.F(ct.OwnerAddedF, ownerList(t, c, f.Added)))
		}
		if len(f.Removed) > 0 {
			parts = append(parts, lang.F(ct.OwnerRemovedF, ownerList(t, c, f.Removed)))
		}
		return strings.Join(parts, ", ")
	case measures.FieldArea:
		return lang.F(ct.AreaF, areaText(c, f.From, notSet), areaText(c, f.To, notSet))
	case measures.FieldRevision:
		from, _ := f.From.(measures.Revision)
		to, _ := f.To.(measures.Revision)
		return lang.F(ct.RevisionF, t.Revision(from), t.Revision(to))
	case measures.FieldInputs:
		var parts []string
		if n := len(f.Added); n > 0 {
			parts = append(parts, lang.F(ct.InputsAddedF, t.Doc.Input.N(n)))
		}
		if n := len(f.Removed); n > 0 {
			parts = append(parts, lang.F(ct.InputsGoneF, t.Doc.Input.N(n)))
		}
		return strings.Join(parts, ", ")
	case measures.FieldTitle:
		if s, ok := f.From.(string); ok {
			return lang.F(ct.NewTitleF, s)
		}
	}
	return f.Summary
}

func progressText(v any, notSet string) string {
	if p, ok := v.(*int); ok && p != nil {
		return strconv.Itoa(*p) + "\u00a0%"
	}
	return notSet
}

func dueText(v any, notSet string) string {
	if d, ok := v.(*measures.Date); ok && d != nil {
		return nbsp(d.Norwegian())
	}
	return notSet
}

func ownerText(c *measures.Content, v any, notSet string) string {
	if id, ok := v.(string); ok && id != "" {
		return ownerName(c, id)
	}
	return notSet
}

func ownerList(t *lang.Texts, c *measures.Content, ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = ownerName(c, id)
	}
	return join(names)
}

func areaText(c *measures.Content, v any, notSet string) string {
	id, _ := v.(string)
	if a := c.Area(id); a != nil {
		return areaHeading(a)
	}
	if id == "" {
		return notSet
	}
	return id
}
