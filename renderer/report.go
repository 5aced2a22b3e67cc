package renderer

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// ReportOptions are the report's date and origin and what it compares with.
type ReportOptions struct {
	DocOptions
	// Baseline is what the changes section compares with; nil for no changes section.
	Baseline *Baseline
	// NoBaseline says, in Norwegian, why there is no baseline (shown instead of changes).
	NoBaseline string
	// StaleMonths is how long an open measure may go without a log note before the
	// report lists it as stale; 0 for measures.DefaultStaleMonths.
	StaleMonths int
	// Trend are the earlier reports (the rapport/ tags) for the trend across reports.
	Trend []TrendPoint
}

// Baseline is the snapshot a report compares with and the difference to it.
type Baseline struct {
	// Label names it for readers: «rapporten av 20. oktober 2026 (versjon 1a2b3c4)».
	Label string
	// Date is the baseline's date (its report tag's, or its commit's): the reporting
	// period runs from it to the report's date. Zero when unknown.
	Date measures.Date
	Diff *measures.Diff
}

// Report is the fagråd's status report: a cover, a summary with charts, the changes
// since the baseline, every measure by area, the Åpen arena coverage and an appendix
// table of all measures. It is computed once by NewReport and written as HTML or
// Markdown.
type Report struct {
	c    *measures.Content
	opts ReportOptions
	t    *lang.Texts // the catalogue of opts.Lang

	byStatus, byArea, byOwner []countRow
	overdue                   []*measures.Measure
	areas                     []areaMeasures
	coverage                  []groupCoverage
	linked, items             int
	unaddressed               []*measures.Item
	changes                   *reportChanges
	attention                 *attention
	areaStatus, ownerStatus   []stackedRow
	trend                     []stackedRow
	progress                  []progressRow
}

// countRow is one bar of a chart and one row of its table.
type countRow struct {
	Label string
	Class string // CSS class of the bar (status slug)
	N     int
}

type areaMeasures struct {
	ID, Heading string
	Measures    []*measures.Measure
}

type groupCoverage struct {
	ID, Title     string
	Linked, Total int
	Share         string // «67 %»
	Unaddressed   []*measures.Item
}

// NewReport computes the report on c.
func NewReport(c *measures.Content, opts ReportOptions) *Report {
	r := &Report{c: c, opts: opts, t: opts.T()}
	status := map[measures.Status]int{}
	area := map[string]int{}
	owner := map[string]int{}
	for _, m := range c.Measures {
		status[m.Status]++
		area[m.Area]++
		owner[m.Lead()]++
		if m.Overdue(opts.Date) {
			r.overdue = append(r.overdue, m)
		}
	}
	for _, s := range measures.Statuses {
		r.byStatus = append(r.byStatus, countRow{Label: r.t.Status(s), Class: "s-" + string(s), N: status[s]})
	}
	for s, n := range status {
		if !s.Valid() {
			r.byStatus = append(r.byStatus, countRow{Label: r.t.Status(s), Class: "s-unknown", N: n})
		}
	}
	seen := map[string]bool{}
	for _, a := range c.Areas {
		r.byArea = append(r.byArea, countRow{Label: areaHeading(&a), N: area[a.ID]})
		r.areas = append(r.areas, areaMeasures{ID: "område-" + a.ID, Heading: areaHeading(&a)})
		seen[a.ID] = true
	}
	var other areaMeasures
	for _, m := range c.Measures {
		i := slices.IndexFunc(c.Areas, func(a measures.Area) bool { return a.ID == m.Area })
		if i < 0 {
			other.Measures = append(other.Measures, m)
			continue
		}
		r.areas[i].Measures = append(r.areas[i].Measures, m)
	}
	if len(other.Measures) > 0 {
		other.ID, other.Heading = "område-ukjent", r.t.Report.UnknownArea
		r.areas = append(r.areas, other)
		r.byArea = append(r.byArea, countRow{Label: other.Heading, N: len(other.Measures)})
	}
	col := measures.NewCollator()
	for id, n := range owner {
		name := id
		if o := c.Owner(id); o != nil {
			name = o.Name
		} else if id == "" {
			name = r.t.Doc.NoOwnerParen
		}
		r.byOwner = append(r.byOwner, countRow{Label: name, N: n})
	}
	slices.SortFunc(r.byOwner, func(a, b countRow) int {
		if a.N != b.N {
			return cmp.Compare(b.N, a.N)
		}
		return col.CompareString(a.Label, b.Label)
	})
	measures.Sort(r.overdue, measures.ByDue, c)
	for _, g := range c.Groups {
		gc := groupCoverage{ID: g.ID, Title: g.Title, Total: len(g.Items)}
		for i := range g.Items {
			if len(g.Items[i].Measures) > 0 {
				gc.Linked++
			} else {
				gc.Unaddressed = append(gc.Unaddressed, &g.Items[i])
			}
		}
		gc.Share = percent(gc.Linked, gc.Total)
		r.linked += gc.Linked
		r.items += gc.Total
		r.unaddressed = append(r.unaddressed, gc.Unaddressed...)
		r.coverage = append(r.coverage, gc)
	}
	if opts.Baseline != nil {
		r.changes = newReportChanges(r.t, c, opts.Baseline.Diff)
	}
	r.attention = r.newAttention()
	r.overview()
	return r
}

func areaHeading(a *measures.Area) string { return strconv.Itoa(a.Number) + ". " + a.Title }

// percent formats n of total the Norwegian way: «66,7 %», «100 %», «–» for no total.
func percent(n, total int) string {
	if total == 0 {
		return "–"
	}
	p := float64(n) * 100 / float64(total)
	s := strconv.FormatFloat(p, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1) + "\u00a0%"
}

// reportChanges sorts a diff into what the fagråd asks about.
type reportChanges struct {
	Status  []statusChange
	New     []*measures.Measure
	Removed []*measures.Measure
	Renamed []measures.Rename
	Retired []measureLine // now retired or merged
	Notes   []noteLine
	Other   []measureLine
	Groups  []measures.GroupChange
}

type statusChange struct {
	ID, Anchor, Title string
	From, To          measures.Status
}

type measureLine struct{ ID, Anchor, Title, Text string }

type noteLine struct {
	ID, Anchor, Title string
	Entry             measures.LogEntry
}

func newReportChanges(t *lang.Texts, c *measures.Content, d *measures.Diff) *reportChanges {
	rc := &reportChanges{New: d.Added, Removed: d.Removed, Renamed: d.Renamed, Groups: d.Groups}
	for _, ch := range d.Changed {
		anchor := anchorOfID(ch.ID)
		if ch.NewStatus != "" {
			rc.Status = append(rc.Status, statusChange{ch.ID, anchor, ch.Title, ch.OldStatus, ch.NewStatus})
		}
		for _, e := range ch.NewLog {
			rc.Notes = append(rc.Notes, noteLine{ch.ID, anchor, ch.Title, e})
		}
		var other []string
		retiredNow := false
		if m := c.Measure(ch.ID); m != nil && retired(m) {
			retiredNow = true
		}
		for _, f := range ch.Fields {
			switch {
			case f.Field == measures.FieldStatus, f.Field == measures.FieldNote:
			case f.Field == measures.FieldRevision && retiredNow:
				label, _ := revisionBadge(t, c.Measure(ch.ID))
				rc.Retired = append(rc.Retired, measureLine{ch.ID, anchor, ch.Title, label})
			default:
				other = append(other, plainChange(t, c, f))
			}
		}
		if len(other) > 0 {
			rc.Other = append(rc.Other, measureLine{ch.ID, anchor, ch.Title, capitalize(strings.Join(other, "; "))})
		}
	}
	slices.SortStableFunc(rc.Notes, func(a, b noteLine) int { return a.Entry.Date.Compare(b.Entry.Date) })
	return rc
}

// Summary of the changes in one sentence: «2 statusendringer, ingen nye tiltak, …».
func (rc *reportChanges) summary(t *lang.Texts) string {
	parts := []string{
		t.Changes.StatusChanges.N(len(rc.Status)),
		t.Changes.NewMeasures.N(len(rc.New)),
		t.Changes.Removed.N(len(rc.Removed)),
		t.Changes.Retiring.N(len(rc.Retired)),
		t.Changes.NewNotes.N(len(rc.Notes)),
	}
	return capitalize(join(parts)) + "."
}

// measureFacts are the fields a measure card shows.
type measureFacts struct {
	Owners, Due, Progress string
	ProgressPct           int
	HasProgress, Overdue  bool
}

func (r *Report) facts(m *measures.Measure) measureFacts {
	notSet := r.t.Doc.NotSet
	f := measureFacts{Owners: ownerNames(r.t, r.c, m.Owners), Due: notSet}
	if f.Owners == "" {
		f.Owners = notSet
	}
	if m.Due != nil {
		f.Due = nbsp(m.Due.Norwegian())
		f.Overdue = m.Overdue(r.opts.Date)
	}
	if m.Progress != nil {
		f.HasProgress, f.ProgressPct = true, min(max(*m.Progress, 0), 100)
		f.Progress = strconv.Itoa(*m.Progress) + "\u00a0%"
	} else {
		f.Progress = notSet
	}
	return f
}

// latestNotes returns up to n of m's newest log entries, newest first.
func latestNotes(m *measures.Measure, n int) []measures.LogEntry {
	var out []measures.LogEntry
	for i := len(m.Log) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, m.Log[i])
	}
	return out
}

// notesShown is how many of a measure's newest notes the report shows.
const notesShown = 2

// baselineText is the cover's line on what the report is compared with.
func (r *Report) baselineText() string {
	if r.opts.Baseline != nil {
		return lang.F(r.t.Doc.ComparedWithF, r.opts.Baseline.Label)
	}
	return r.opts.NoBaseline
}

// Markdown writes the report as GFM.
func (r *Report) Markdown(w io.Writer) error {
	var b strings.Builder
	r.writeMarkdown(&b)
	_, err := io.WriteString(w, withMarkdownTOC(b.String(), r.t.Report.Contents, func(h2 string) bool { return h2 == r.t.Report.ByArea }))
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
