package renderer

import (
	"fmt"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// writeMarkdown writes the report as GFM: the same sections as the HTML, charts as
// tables. Every value from content is escaped; anchors are <a id> so #T14 works.
func (r *Report) writeMarkdown(b *strings.Builder) {
	p := func(format string, a ...any) { fmt.Fprintf(b, format, a...) }
	tr := &r.t.Report
	writeMasthead(b, tr.Title, Escape(r.t.Doc.StrategyTitle), r.opts.DocOptions)
	p("%s\n\n%s\n\n", Escape(dataText(r.opts.DocOptions)), Escape(r.baselineText()))
	r.attentionMarkdown(p)
	r.summaryMarkdown(p)
	p("<a id=\"endringer\"></a>\n\n## %s\n\n", tr.Changes) // the id the attention list links to, as in the HTML
	r.changesMarkdown(p)
	r.areasMarkdown(p)
	r.coverageMarkdown(p)
	r.appendicesMarkdown(p)
}

// summaryMarkdown is the chapter «Sammendrag»: the counts and the tables of status and
// progress by area, by owner and over the reports.
func (r *Report) summaryMarkdown(p func(string, ...any)) {
	t, tr := r.t, &r.t.Report
	p("## %s\n\n", tr.Summary)
	p("%s\n\n", lang.F(tr.SummaryLeadF, len(r.c.Measures), len(r.overdue), r.linked, r.items, percent(r.linked, r.items)))
	for _, e := range r.eventTexts() {
		p("%s\n\n", Escape(e))
	}
	p("**%s**\n\n| %s | %s |\n|---|--:|\n", tr.ChartStatus, tr.ColStatus, tr.ColCount)
	for _, row := range r.byStatus {
		p("| %s | %d |\n", Escape(row.Label), row.N)
	}
	p("\n")
	p("### %s\n\n", tr.StatusByArea)
	statusTableMarkdown(t, p, tr.ColArea, r.areaStatus)
	p("### %s\n\n%s\n\n", tr.ProgressByArea, tr.ProgressLead)
	p("| %s | %s | %s |\n|---|--:|--:|\n", tr.ColArea, tr.ColWithProgress, tr.ColAverage)
	for _, pr := range r.progress {
		avg := tr.NoneGiven
		if pr.HasAvg {
			avg = pr.AvgText
		}
		p("| %s | %s | %s |\n", Escape(pr.Label), pr.With, avg)
	}
	p("\n### %s\n\n", tr.StatusByOwner)
	statusTableMarkdown(t, p, tr.ColOwner, r.ownerStatus)
	p("### %s\n\n", tr.Trend)
	if len(r.trend) > 1 {
		p("%s\n\n", tr.TrendLead)
		statusTableMarkdown(t, p, tr.ColReport, r.trend)
	} else {
		p("%s\n\n", tr.TrendNone)
	}
}

// areasMarkdown is the chapter of every measure, by action area.
func (r *Report) areasMarkdown(p func(string, ...any)) {
	tr := &r.t.Report
	p("## %s\n\n", tr.ByArea)
	for _, a := range r.areas {
		p("### %s\n\n", escapeHeading(a.Heading))
		if len(a.Measures) == 0 {
			p("%s\n\n", tr.NoMeasures)
		}
		for _, m := range a.Measures {
			r.measureMarkdown(p, m)
		}
	}
}

// coverageMarkdown is the chapter on how many of the Åpen arena inputs a measure answers.
func (r *Report) coverageMarkdown(p func(string, ...any)) {
	tr := &r.t.Report
	p("## %s\n\n", tr.Coverage)
	p("%s\n\n", lang.F(tr.CoverageLeadF, r.linked, r.items, percent(r.linked, r.items)))
	p("| %s | %s | %s | %s | %s |\n|---|---|--:|--:|--:|\n", tr.ColGroup, tr.ColTheme, tr.ColLinked, tr.ColOf, tr.ColShare)
	for _, g := range r.coverage {
		p("| %s | %s | %d | %d | %s |\n", Escape(g.ID), Escape(g.Title), g.Linked, g.Total, g.Share)
	}
	p("\n")
	if len(r.unaddressed) > 0 {
		p("%s[%s](#ubesvarte)%s\n\n", lang.F(tr.CoverageRestF, len(r.unaddressed)), tr.CoverageRestLink, tr.CoverageRestEnd)
	} else {
		p("%s\n\n", tr.CoverageAll)
	}
}

// appendicesMarkdown is the table of all measures and the inputs no measure answers yet.
func (r *Report) appendicesMarkdown(p func(string, ...any)) {
	t, tr := r.t, &r.t.Report
	p("## %s\n\n", tr.AppendixAll)
	p("| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|--:|\n", tr.ColMeasure, tr.ColTitle, tr.ColStatus, tr.ColOwner, tr.ColDue, tr.ColProgress)
	for _, m := range r.c.Measures {
		f := r.facts(m)
		p("| [%s](#%s) | %s | %s | %s | %s | %s |\n", Escape(m.ID), anchorOf(m), Escape(m.Title), Escape(t.Status(m.Status)),
			Escape(ownerName(r.c, m.Lead())), f.Due, f.Progress)
	}
	if len(r.unaddressed) == 0 {
		return
	}
	p("\n<a id=\"ubesvarte\"></a>\n\n## %s\n\n%s\n\n", tr.AppendixUnanswered, lang.F(tr.UnansweredLeadF, len(r.unaddressed), r.items))
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
	rc, t, tc, tr := r.changes, r.t, &r.t.Changes, &r.t.Report
	p("%s %s\n\n", Escape(r.baselineText()), rc.summary(t))
	if len(rc.Status) > 0 {
		p("### %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", tc.StatusHead, tr.ColMeasure, tr.ColTitle, tc.ColFrom, tc.ColTo)
		for _, s := range rc.Status {
			p("| [%s](#%s) | %s | %s | %s |\n", Escape(s.ID), s.Anchor, Escape(s.Title), Escape(t.Status(s.From)), Escape(t.Status(s.To)))
		}
		p("\n")
	}
	if len(rc.New)+len(rc.Removed)+len(rc.Renamed)+len(rc.Retired) > 0 {
		p("### %s\n\n", tc.NewRemoved)
		for _, m := range rc.New {
			p("- %s: [%s](#%s) %s (%s)\n", tc.NewF, Escape(m.ID), anchorOf(m), Escape(m.Title), Escape(t.Status(m.Status)))
		}
		for _, m := range rc.Removed {
			p("- %s: %s %s\n", tc.RemovedF, Escape(m.ID), Escape(m.Title))
		}
		for _, rn := range rc.Renamed {
			p("- %s: %s → [%s](#%s)\n", tc.NewID, Escape(rn.From), Escape(rn.To), anchorOfID(rn.To))
		}
		for _, m := range rc.Retired {
			p("- %s: [%s](#%s) %s\n", Escape(m.Text), Escape(m.ID), m.Anchor, Escape(m.Title))
		}
		p("\n")
	}
	if len(rc.Notes) > 0 {
		p("### %s\n\n", tc.NotesHead)
		for _, n := range rc.Notes {
			p("- [%s](#%s) %s – **%s**: %s\n", Escape(n.ID), n.Anchor, Escape(n.Title), Escape(logLine(t, n.Entry)), Escape(n.Entry.Note))
		}
		p("\n")
	}
	if len(rc.Other) > 0 {
		p("### %s\n\n| %s | %s | %s |\n|---|---|---|\n", tc.OtherHead, tr.ColMeasure, tr.ColTitle, tc.ColChanged)
		for _, o := range rc.Other {
			p("| [%s](#%s) | %s | %s |\n", Escape(o.ID), o.Anchor, Escape(o.Title), Escape(o.Text))
		}
		p("\n")
	}
	if len(rc.Groups) > 0 {
		p("### %s\n\n", tc.GroupsHead)
		for _, g := range rc.Groups {
			p("- %s %s: %s\n", Escape(g.ID), Escape(g.Title), groupState(t, g))
		}
		p("\n")
	}
}

func groupState(t *lang.Texts, g measures.GroupChange) string {
	switch {
	case g.New:
		return lang.F(t.Changes.GroupNewF, g.Items)
	case g.Removed:
		return t.Changes.GroupRemoved
	}
	return lang.F(t.Changes.GroupChangedF, g.Items)
}

func (r *Report) measureMarkdown(p func(string, ...any), m *measures.Measure) {
	f, t, tr := r.facts(m), r.t, &r.t.Report
	p("<a id=\"%s\"></a>\n\n#### %s %s\n\n", anchorOf(m), escapeHeading(m.ID), escapeHeading(m.Title))
	due := f.Due
	if f.Overdue {
		due += " (**" + tr.OverdueParen + "**)"
	}
	p("**%s:** %s · **%s:** %s · **%s:** %s · **%s:** %s\n\n", tr.ColStatus, Escape(t.Status(m.Status)), tr.Owners, Escape(f.Owners), tr.Due, due, tr.Progress, f.Progress)
	if notes := latestNotes(m, notesShown); len(notes) > 0 {
		p("%s:\n\n", tr.LatestNotes)
		for _, e := range notes {
			p("- **%s**: %s\n", Escape(logLine(t, e)), Escape(e.Note))
		}
		p("\n")
	}
	if len(m.Inputs) > 0 {
		p("%s:\n\n", tr.AnswersInputs)
		for _, in := range m.Inputs {
			p("- %s: %s\n", Escape(in), Escape(itemText(t, r.c, in)))
		}
		p("\n")
	}
}

// attentionMarkdown writes «Til fagrådets oppmerksomhet»: the same sentences, list and
// tables as the HTML.
func (r *Report) attentionMarkdown(p func(string, ...any)) {
	at, t := r.attention, r.t
	p("## %s\n\n", t.Attention.Heading)
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
			p("- [**%d** %s](#endringer)%s\n", c.N, c.Word, t.Attention.SinceLastReport)
		} else {
			p("- **0** %s%s\n", c.Word, t.Attention.SinceLastReport)
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
		tr := &t.Report
		p("| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n", tr.ColMeasure, tr.ColTitle, tr.ColStatus, tr.ColOwner, tr.ColDue, tr.ColLastNote)
		for _, m := range g.Measures {
			row := r.row(m, false)
			lead, due := row.Lead, row.Due
			if lead == "" {
				lead = t.Doc.NotSet
			}
			if due == "" {
				due = t.Doc.NotSet
			}
			p("| [%s](#%s) | %s | %s | %s | %s | %s |\n", Escape(m.ID), row.Anchor, Escape(m.Title), Escape(row.StatusLabel), Escape(lead), due, row.LastNote)
		}
		p("\n")
	}
}

// statusTableMarkdown writes rows of status counts as a table, a column per status in
// use, like the HTML's table beside the chart.
func statusTableMarkdown(t *lang.Texts, p func(string, ...any), head string, rows []stackedRow) {
	c := newStacked(t, "", "", head, rows)
	p("| %s |", head)
	for _, s := range c.Statuses {
		p(" %s |", s.Label)
	}
	p(" %s |\n|---|", t.Report.ColTotal)
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
