package renderer

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// Field is a labelled value of a measure, in Norwegian.
type Field struct{ Label, Value string }

// Fields returns the measure's fields as a reader sees them: kind, status, area, chapter,
// owners (lead marked), progress, due date, revision, source.
func Fields(c *measures.Content, m *measures.Measure) []Field {
	area := m.Area
	if a := c.Area(m.Area); a != nil {
		area = fmt.Sprintf("%d. %s", a.Number, a.Title)
	}
	fs := []Field{{"Type", m.Kind.Label()}, {"Status", m.Status.Label()}, {"Innsatsområde", area}}
	if ch := c.ChapterRef(m.Chapter); ch != nil {
		fs = append(fs, Field{"Kapittel", fmt.Sprintf("%d. %s", ch.Number, ch.Title)})
	}
	fs = append(fs, Field{"Eiere", OwnerNames(c, m.Owners)})
	if m.Progress != nil {
		fs = append(fs, Field{"Framdrift", strconv.Itoa(*m.Progress) + " %"})
	}
	if m.Due != nil {
		fs = append(fs, Field{"Frist", m.Due.Norwegian()})
	}
	if m.Revision != "" {
		fs = append(fs, Field{"Revisjon", m.Revision.Label()})
	}
	if m.Source != "" {
		fs = append(fs, Field{"Kilde", m.Source})
	}
	return fs
}

// OwnerNames lists the owners' full names, the lead marked «(ansvarlig)».
func OwnerNames(c *measures.Content, ids []string) string {
	return ownerNames(lang.NB.Texts(), c, ids)
}

func ownerNames(t *lang.Texts, c *measures.Content, ids []string) string {
	var names []string
	for i, id := range ids {
		name := id
		if o := c.Owner(id); o != nil {
			name = o.Name
		}
		if i == 0 && len(ids) > 1 {
			name += t.Doc.LeadOwner
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// ItemText returns an input item's text on one line, or «(finnes ikke)».
func ItemText(c *measures.Content, id string) string { return itemText(lang.NB.Texts(), c, id) }

func itemText(t *lang.Texts, c *measures.Content, id string) string {
	if it := c.Item(id); it != nil {
		return strings.ReplaceAll(it.Text, "\n", " ")
	}
	return t.Doc.NoSuchItem
}

// LogLine formats a log entry's heading: date, new status, author.
func LogLine(e measures.LogEntry) string { return logLine(lang.NB.Texts(), e) }

func logLine(t *lang.Texts, e measures.LogEntry) string {
	s := e.Date.Norwegian()
	if e.Status != "" {
		s += lang.F(t.Doc.LogStatusF, t.Status(e.Status))
	}
	if e.By != "" {
		s += " (" + e.By + ")"
	}
	return s
}

// MeasureMarkdown writes one measure as GFM: heading, a field table, the text, the log
// and the linked inputs with their text. The measure's own Markdown body is written out
// again from its parse tree as the strategy's is (see parsed.markdown), its headings
// under the measure's; titles, fields, notes and input texts are escaped.
func MeasureMarkdown(w io.Writer, c *measures.Content, m *measures.Measure) {
	fmt.Fprintf(w, "## %s %s\n\n", escapeHeading(m.ID), escapeHeading(m.Title))
	fmt.Fprintln(w, "| Felt | Verdi |\n|---|---|")
	for _, f := range Fields(c, m) {
		fmt.Fprintf(w, "| %s | %s |\n", f.Label, Escape(f.Value))
	}
	body := parse(newMarkdown(c, nil), m.Text, newHeadingIDs(), "")
	body.shiftHeadings(2)
	fmt.Fprintf(w, "\n%s\n", body.markdown(mdHooks{ref: func(n *MeasureRef) string { return plainRef(c, n.ID) }}))
	if len(m.Log) > 0 {
		fmt.Fprintln(w, "\n### Logg")
		fmt.Fprintln(w)
		for _, e := range m.Log {
			fmt.Fprintf(w, "- **%s**: %s\n", Escape(LogLine(e)), Escape(e.Note))
		}
	}
	if len(m.Inputs) > 0 {
		fmt.Fprintln(w, "\n### Innspill fra Åpen arena")
		fmt.Fprintln(w)
		for _, id := range m.Inputs {
			fmt.Fprintf(w, "- %s %s\n", codeSpan(id), Escape(ItemText(c, id)))
		}
	}
}

// plainRef is a [[T14]] reference as text: the measure's id and title, or the
// reference as written when there is no such measure.
func plainRef(c *measures.Content, id string) string {
	if m := c.Measure(id); m != nil {
		return Escape(m.ID + " " + m.Title)
	}
	return Escape("[[" + id + "]]")
}

// DiffMarkdown writes a diff as a GFM summary for a pull-request comment; since and
// until are the revisions compared, "" for until the working tree.
func DiffMarkdown(w io.Writer, d *measures.Diff, since, until string) {
	to := "arbeidskopien"
	if until != "" {
		to = codeSpan(until)
	}
	fmt.Fprintf(w, "### Endringer fra %s til %s\n\n", codeSpan(since), to)
	if d.Empty() {
		fmt.Fprintln(w, "Ingen endringer i innholdet.")
		return
	}
	if len(d.Added)+len(d.Removed)+len(d.Renamed) > 0 {
		fmt.Fprintln(w, "| "+wordDiffKind+" | Tiltak | Tittel | Status |\n|---|---|---|---|")
		for _, m := range d.Added {
			fmt.Fprintf(w, "| nytt | %s | %s | %s |\n", Escape(m.ID), Escape(m.Title), m.Status.Label())
		}
		for _, m := range d.Removed {
			fmt.Fprintf(w, "| fjernet | %s | %s | %s |\n", Escape(m.ID), Escape(m.Title), m.Status.Label())
		}
		for _, r := range d.Renamed {
			fmt.Fprintf(w, "| ny id | %s → %s | | |\n", Escape(r.From), Escape(r.To))
		}
		fmt.Fprintln(w)
	}
	if len(d.Changed) > 0 {
		fmt.Fprintln(w, "| Tiltak | Tittel | Endringer |\n|---|---|---|")
		for _, c := range d.Changed {
			fmt.Fprintf(w, "| %s | %s | %s |\n", Escape(c.ID), Escape(c.Title), Escape(strings.Join(c.Changes, ", ")))
		}
		fmt.Fprintln(w)
	}
	for _, g := range d.Groups {
		state := "endret"
		if g.New {
			state = "ny"
		} else if g.Removed {
			state = "fjernet"
		}
		fmt.Fprintf(w, "- Innspillsgruppe %s (%s): %s\n", Escape(g.ID), state, Escape(g.Title))
	}
}
