package renderer

import (
	"io"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// reportPage is the data of the report's HTML template.
type reportPage struct {
	Title, Strategy, Date, Origin, Baseline, NoBaseline string
	DocTitle                                            string
	MeasureCount, Linked, Items                         int
	LinkedShare                                         string
	ByStatus                                            chart
	AreaStatus, OwnerStatus, Trend                      stacked
	Progress                                            []progressRow
	Events                                              []string
	Overdue                                             []measureRow
	Attention                                           *attentionPage
	Changes                                             *changesPage
	Areas                                               []areaPage
	Coverage                                            []groupCoverage
	Unaddressed                                         []*measures.Item
	All                                                 []measureRow
}

type attentionPage struct {
	*attention
	Groups []attentionGroupPage
}

type attentionGroupPage struct {
	attentionGroup
	Rows    []measureRow
	Compact bool // too many for a table: the ids only, each a link
}

type changesPage struct {
	*reportChanges
	Summary string
}

type areaPage struct {
	ID, Heading string
	Cards       []measureRow
}

// measureRow is a measure as the report shows it, in a table row or a card.
type measureRow struct {
	ID, Anchor, Title, Lead, Due string
	Status                       measures.Status
	StatusSlug, StatusLabel      string
	Facts                        measureFacts
	LastNote                     string // date of the newest log entry, «ingen notater»
	Notes                        []noteRow
	Inputs                       []inputRow
}

type inputRow struct{ ID, Text string }

type noteRow struct{ Line, Note string }

func (r *Report) row(m *measures.Measure, full bool) measureRow {
	row := measureRow{ID: m.ID, Anchor: anchorOf(m), Title: m.Title, Lead: ownerName(r.c, m.Lead()), Status: m.Status,
		StatusSlug: string(m.Status), StatusLabel: r.t.Status(m.Status), Facts: r.facts(m)}
	if m.Due != nil {
		row.Due = nbsp(m.Due.Norwegian())
	}
	row.LastNote = r.t.Report.NoNotes
	if e := m.LastLog(); e != nil {
		row.LastNote = nbsp(e.Date.Norwegian())
	}
	if full {
		for _, e := range latestNotes(m, notesShown) {
			row.Notes = append(row.Notes, noteRow{logLineHTML(r.t, e), e.Note})
		}
		for _, in := range m.Inputs {
			row.Inputs = append(row.Inputs, inputRow{in, itemText(r.t, r.c, in)})
		}
	}
	return row
}

// HTML writes the report as one self-contained HTML page.
func (r *Report) HTML(w io.Writer) error {
	t := r.t
	pg := reportPage{Title: t.Report.Title, DocTitle: docTitle(t.Report.Title, r.opts.DocOptions), Strategy: t.Doc.StrategyTitle, Date: nbsp(r.opts.Date.Norwegian()), Origin: dataText(r.opts.DocOptions),
		Baseline: r.baselineText(), NoBaseline: r.opts.NoBaseline, MeasureCount: len(r.c.Measures),
		Linked: r.linked, Items: r.items, LinkedShare: percent(r.linked, r.items),
		ByStatus:    newChart("chart-status", t.Report.ChartStatus, r.byStatus),
		AreaStatus:  newStacked(t, "chart-area-status", t.Report.StatusByArea, t.Report.ColArea, r.areaStatus),
		OwnerStatus: newStacked(t, "chart-owner-status", t.Report.StatusByOwner, t.Report.ColOwner, r.ownerStatus),
		Progress:    r.progress, Coverage: r.coverage, Unaddressed: r.unaddressed, Events: r.eventTexts()}
	if len(r.trend) > 1 {
		pg.Trend = newStacked(t, "chart-trend", t.Report.TrendChart, t.Report.ColReport, r.trend)
	}
	pg.Attention = &attentionPage{attention: r.attention}
	for _, g := range r.attention.Groups {
		gp := attentionGroupPage{attentionGroup: g, Compact: len(g.Measures) > attentionTableMax}
		for _, m := range g.Measures {
			gp.Rows = append(gp.Rows, r.row(m, false))
		}
		pg.Attention.Groups = append(pg.Attention.Groups, gp)
	}
	if r.changes != nil {
		pg.Changes = &changesPage{r.changes, r.changes.summary(t)}
	}
	for _, m := range r.overdue {
		pg.Overdue = append(pg.Overdue, r.row(m, false))
	}
	for _, a := range r.areas {
		ap := areaPage{ID: a.ID, Heading: a.Heading}
		for _, m := range a.Measures {
			ap.Cards = append(ap.Cards, r.row(m, true))
		}
		pg.Areas = append(pg.Areas, ap)
	}
	for _, m := range r.c.Measures {
		pg.All = append(pg.All, r.row(m, false))
	}
	return execute(w, r.opts.Lang, "report.html.tmpl", pg)
}

// logLineHTML is LogLine with the date held together by non-breaking spaces, for pages
// that wrap lines (a phone's screen).
func logLineHTML(t *lang.Texts, e measures.LogEntry) string {
	return strings.Replace(logLine(t, e), e.Date.Norwegian(), nbsp(e.Date.Norwegian()), 1)
}
