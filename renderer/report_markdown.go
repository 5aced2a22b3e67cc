package renderer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
)

// writeMarkdown writes the report as GFM: the same sections as the HTML, charts as
// tables. Every value from content is escaped; anchors are <a id> so #T14 works.
func (r *Report) writeMarkdown(b *strings.Builder) {
	p := func(format string, a ...any) { fmt.Fprintf(b, format, a...) }
	writeMasthead(b, reportTitle, Escape(StrategyTitle), r.opts.DocOptions)
	p("%s\n\n%s\n\n", Escape(dataText(r.opts.DocOptions)), Escape(r.baselineText()))
	r.attentionMarkdown(p)
	r.summaryMarkdown(p)
	p("## Endringer siden forrige rapport\n\n")
	r.changesMarkdown(p)
	r.areasMarkdown(p)
	r.coverageMarkdown(p)
	r.appendicesMarkdown(p)
}

// summaryMarkdown is the chapter «Sammendrag»: the counts and the tables of status and
// progress by area, by owner and over the reports.
func (r *Report) summaryMarkdown(p func(string, ...any)) {
	p("## Sammendrag\n\n")
	p("%d tiltak og anbefalinger, %s av dem forfalt. %d av %d innspill fra Åpen arena (%s) er knyttet til minst ett tiltak.\n\n",
		len(r.c.Measures), strconv.Itoa(len(r.overdue)), r.linked, r.items, percent(r.linked, r.items))
	for _, e := range r.eventTexts() {
		p("%s\n\n", Escape(e))
	}
	p("**Tiltak etter status**\n\n| Status | Antall |\n|---|--:|\n")
	for _, row := range r.byStatus {
		p("| %s | %d |\n", Escape(row.Label), row.N)
	}
	p("\n")
	p("### Status etter innsatsområde\n\n")
	statusTableMarkdown(p, "Innsatsområde", r.areaStatus)
	p("### Framdrift etter innsatsområde\n\nGjennomsnittet av framdriften for tiltakene som har oppgitt den.\n\n")
	p("| Innsatsområde | Med oppgitt framdrift | Gjennomsnitt |\n|---|--:|--:|\n")
	for _, pr := range r.progress {
		avg := "ingen oppgitt"
		if pr.HasAvg {
			avg = pr.AvgText
		}
		p("| %s | %s | %s |\n", Escape(pr.Label), pr.With, avg)
	}
	p("\n### Status etter ansvarlig eier\n\n")
	statusTableMarkdown(p, "Ansvarlig eier", r.ownerStatus)
	p("### Utviklingen over rapportene\n\n")
	if len(r.trend) > 1 {
		p("Antall tiltak og anbefalinger etter status ved hver rapport som er merket som sammenligningsgrunnlag, og nå.\n\n")
		statusTableMarkdown(p, "Rapport", r.trend)
	} else {
		p("Ingen tidligere rapporter å vise utviklingen over ennå.\n\n")
	}
}

// areasMarkdown is the chapter of every measure, by action area.
func (r *Report) areasMarkdown(p func(string, ...any)) {
	p("## Tiltakene etter innsatsområde\n\n")
	for _, a := range r.areas {
		p("### %s\n\n", escapeHeading(a.Heading))
		if len(a.Measures) == 0 {
			p("Ingen tiltak.\n\n")
		}
		for _, m := range a.Measures {
			r.measureMarkdown(p, m)
		}
	}
}

// coverageMarkdown is the chapter on how many of the Åpen arena inputs a measure answers.
func (r *Report) coverageMarkdown(p func(string, ...any)) {
	p("## Dekning av innspillene fra Åpen arena\n\n")
	p("%d av %d innspill (%s) er knyttet til minst ett tiltak.\n\n", r.linked, r.items, percent(r.linked, r.items))
	p("| Gruppe | Tema | Knyttet | Av | Andel |\n|---|---|--:|--:|--:|\n")
	for _, g := range r.coverage {
		p("| %s | %s | %d | %d | %s |\n", Escape(g.ID), Escape(g.Title), g.Linked, g.Total, g.Share)
	}
	p("\n")
	if len(r.unaddressed) > 0 {
		p("Tabellen viser hvor mange av hver gruppes innspill som er knyttet til et tiltak. Alle de %d innspillene som ingen tiltak svarer på ennå, står i [vedlegget](#ubesvarte).\n\n", len(r.unaddressed))
	} else {
		p("Alle innspillene er knyttet til minst ett tiltak.\n\n")
	}
}

// appendicesMarkdown is the table of all measures and the inputs no measure answers yet.
func (r *Report) appendicesMarkdown(p func(string, ...any)) {
	p("## Vedlegg: Alle tiltak\n\n")
	p("| Tiltak | Tittel | Status | Ansvarlig eier | Frist | Framdrift |\n|---|---|---|---|---|--:|\n")
	for _, m := range r.c.Measures {
		f := r.facts(m)
		p("| [%s](#%s) | %s | %s | %s | %s | %s |\n", Escape(m.ID), anchorOf(m), Escape(m.Title), Escape(m.Status.Label()),
			Escape(ownerName(r.c, m.Lead())), f.Due, f.Progress)
	}
	if len(r.unaddressed) == 0 {
		return
	}
	p("\n<a id=\"ubesvarte\"></a>\n\n## Vedlegg: Innspill som ingen tiltak svarer på ennå\n\n%d av %d innspill, etter gruppe.\n\n", len(r.unaddressed), r.items)
	for _, g := range r.coverage {
		if len(g.Unaddressed) == 0 {
			continue
		}
		p("### %s %s\n\n", Escape(g.ID), Escape(g.Title))
		for _, it := range g.Unaddressed {
			p("- %s: %s\n", Escape(it.ID), Escape(it.Text))
		}
		p("\n")
	}
}

func ownerName(c *measures.Content, id string) string {
	if o := c.Owner(id); o != nil {
		return o.Name
	}
	return id
}

func (r *Report) changesMarkdown(p func(string, ...any)) {
	if r.changes == nil {
		p("%s\n\n", Escape(r.opts.NoBaseline))
		return
	}
	rc := r.changes
	p("%s %s\n\n", Escape(r.baselineText()), rc.summary())
	if len(rc.Status) > 0 {
		p("### Statusendringer\n\n| Tiltak | Tittel | Fra | Til |\n|---|---|---|---|\n")
		for _, s := range rc.Status {
			p("| [%s](#%s) | %s | %s | %s |\n", Escape(s.ID), s.Anchor, Escape(s.Title), Escape(s.From.Label()), Escape(s.To.Label()))
		}
		p("\n")
	}
	if len(rc.New)+len(rc.Removed)+len(rc.Renamed)+len(rc.Retired) > 0 {
		p("### Nye, fjernede og utgåtte tiltak\n\n")
		for _, m := range rc.New {
			p("- Nytt: [%s](#%s) %s (%s)\n", Escape(m.ID), anchorOf(m), Escape(m.Title), Escape(m.Status.Label()))
		}
		for _, m := range rc.Removed {
			p("- Fjernet: %s %s\n", Escape(m.ID), Escape(m.Title))
		}
		for _, rn := range rc.Renamed {
			p("- Ny id: %s → [%s](#%s)\n", Escape(rn.From), Escape(rn.To), anchorOfID(rn.To))
		}
		for _, m := range rc.Retired {
			p("- %s: [%s](#%s) %s\n", Escape(m.Text), Escape(m.ID), m.Anchor, Escape(m.Title))
		}
		p("\n")
	}
	if len(rc.Notes) > 0 {
		p("### Nye notater\n\n")
		for _, n := range rc.Notes {
			p("- [%s](#%s) %s – **%s**: %s\n", Escape(n.ID), n.Anchor, Escape(n.Title), Escape(LogLine(n.Entry)), Escape(n.Entry.Note))
		}
		p("\n")
	}
	if len(rc.Other) > 0 {
		p("### Andre endringer\n\n| Tiltak | Tittel | Endret |\n|---|---|---|\n")
		for _, o := range rc.Other {
			p("| [%s](#%s) | %s | %s |\n", Escape(o.ID), o.Anchor, Escape(o.Title), Escape(o.Text))
		}
		p("\n")
	}
	if len(rc.Groups) > 0 {
		p("### Innspillsgrupper\n\n")
		for _, g := range rc.Groups {
			p("- %s %s: %s\n", Escape(g.ID), Escape(g.Title), groupState(g))
		}
		p("\n")
	}
}

func groupState(g measures.GroupChange) string {
	switch {
	case g.New:
		return fmt.Sprintf("ny, %d innspill", g.Items)
	case g.Removed:
		return "fjernet"
	}
	return fmt.Sprintf("endret, %d innspill", g.Items)
}

func (r *Report) measureMarkdown(p func(string, ...any), m *measures.Measure) {
	f := r.facts(m)
	p("<a id=\"%s\"></a>\n\n#### %s %s\n\n", anchorOf(m), escapeHeading(m.ID), escapeHeading(m.Title))
	due := f.Due
	if f.Overdue {
		due += " (**forfalt**)"
	}
	p("**Status:** %s · **Eiere:** %s · **Frist:** %s · **Framdrift:** %s\n\n", Escape(m.Status.Label()), Escape(f.Owners), due, f.Progress)
	if notes := latestNotes(m, notesShown); len(notes) > 0 {
		p("Siste notater:\n\n")
		for _, e := range notes {
			p("- **%s**: %s\n", Escape(LogLine(e)), Escape(e.Note))
		}
		p("\n")
	}
	if len(m.Inputs) > 0 {
		p("Svarer på innspill fra Åpen arena:\n\n")
		for _, in := range m.Inputs {
			p("- %s: %s\n", Escape(in), Escape(ItemText(r.c, in)))
		}
		p("\n")
	}
}

// attentionMarkdown writes «Til fagrådets oppmerksomhet»: the same sentences, list and
// tables as the HTML.
func (r *Report) attentionMarkdown(p func(string, ...any)) {
	at := r.attention
	p("## Til fagrådets oppmerksomhet\n\n")
	if at.Period != "" {
		p("%s\n\n", at.Period)
	}
	p("%s\n\n", at.Sentences)
	for _, g := range at.Groups {
		if len(g.Measures) > 0 {
			p("- [**%d** %s](#%s): %s.\n", len(g.Measures), g.Label, g.ID, g.Rule)
		} else {
			p("- **0** %s: %s.\n", g.Label, g.Rule)
		}
	}
	if c := at.Changes; c != nil {
		if c.N > 0 {
			p("- [**%d** %s](#endringer) siden forrige rapport.\n", c.N, c.Word)
		} else {
			p("- **0** %s siden forrige rapport.\n", c.Word)
		}
	}
	p("\n")
	for _, g := range at.Groups {
		if len(g.Measures) == 0 {
			continue
		}
		p("<a id=\"%s\"></a>\n\n### %s\n\n", g.ID, g.Heading)
		if len(g.Measures) > attentionTableMax {
			for i, m := range g.Measures {
				if i > 0 {
					p(", ")
				}
				p("[%s](#%s)", Escape(m.ID), anchorOf(m))
			}
			p(".\n\n")
			continue
		}
		p("| Tiltak | Tittel | Status | Ansvarlig eier | Frist | Siste notat |\n|---|---|---|---|---|---|\n")
		for _, m := range g.Measures {
			row := r.row(m, false)
			lead, due := row.Lead, row.Due
			if lead == "" {
				lead = notSet
			}
			if due == "" {
				due = notSet
			}
			p("| [%s](#%s) | %s | %s | %s | %s | %s |\n", Escape(m.ID), row.Anchor, Escape(m.Title), Escape(row.StatusLabel), Escape(lead), due, row.LastNote)
		}
		p("\n")
	}
}

// statusTableMarkdown writes rows of status counts as a table, a column per status in
// use, like the HTML's table beside the chart.
func statusTableMarkdown(p func(string, ...any), head string, rows []stackedRow) {
	c := newStacked("", "", head, rows)
	p("| %s |", head)
	for _, s := range c.Statuses {
		p(" %s |", s.Label)
	}
	p(" I alt |\n|---|")
	for range c.Statuses {
		p("--:|")
	}
	p("--:|\n")
	for _, r := range c.Rows {
		p("| %s |", Escape(r.Label))
		for _, n := range r.Counts {
			p(" %d |", n)
		}
		p(" %d |\n", r.Total)
	}
	p("\n")
}
