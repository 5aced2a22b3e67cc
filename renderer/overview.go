package renderer

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// TrendPoint is an earlier report for the trend across reports: its name (the tag
// without rapport/), its date and the content as it was then.
type TrendPoint struct {
	Name    string
	Date    measures.Date
	Content *measures.Content
}

// progressRow is one area's progress: how many measures give one, and their average.
type progressRow struct {
	Label   string
	With    string // «3 av 12»
	Avg     int
	AvgText string
	HasAvg  bool
}

// overview computes the summary's status per area and per owner, the progress per area
// and the trend across reports.
func (r *Report) overview() {
	c := r.c
	var areaKeys, areaLabels []string
	for _, a := range r.areas {
		key := a.ID
		areaKeys, areaLabels = append(areaKeys, key), append(areaLabels, a.Heading)
		pr := progressRow{Label: a.Heading}
		sum, n := 0, 0
		for _, m := range a.Measures {
			if m.Progress != nil {
				sum += min(max(*m.Progress, 0), 100)
				n++
			}
		}
		pr.With = lang.F(r.t.Report.OfF, n, len(a.Measures))
		if n > 0 {
			pr.HasAvg, pr.Avg = true, (sum+n/2)/n
			pr.AvgText = strconv.Itoa(pr.Avg) + "\u00a0%"
		}
		r.progress = append(r.progress, pr)
	}
	areaOf := func(m *measures.Measure) string {
		for _, a := range r.areas {
			if slices.Contains(a.Measures, m) {
				return a.ID
			}
		}
		return ""
	}
	r.areaStatus = statusRows(c.Measures, areaOf, areaKeys, areaLabels)

	counts := map[string]int{}
	for _, m := range c.Measures {
		counts[m.Lead()]++
	}
	var owners []string
	for id := range counts {
		owners = append(owners, id)
	}
	col := measures.NewCollator()
	slices.SortFunc(owners, func(a, b string) int {
		if counts[a] != counts[b] {
			return cmp.Compare(counts[b], counts[a])
		}
		return col.CompareString(ownerLabel(r.t, c, a), ownerLabel(r.t, c, b))
	})
	labels := make([]string, len(owners))
	for i, id := range owners {
		labels[i] = ownerLabel(r.t, c, id)
	}
	r.ownerStatus = statusRows(c.Measures, (*measures.Measure).Lead, owners, labels)

	points := slices.Clone(r.opts.Trend)
	slices.SortStableFunc(points, func(a, b TrendPoint) int { return a.Date.Compare(b.Date) })
	for _, p := range points {
		r.trend = append(r.trend, countRowOf(lang.F(r.t.Report.TrendReportF, nbsp(p.Date.Norwegian()), p.Name), p.Content.Measures))
	}
	if len(r.trend) > 0 {
		r.trend = append(r.trend, countRowOf(lang.F(r.t.Report.TrendNowF, nbsp(r.opts.Date.Norwegian())), c.Measures))
	}
}

// ownerLabel is an owner's name, or «ingen eier».
func ownerLabel(t *lang.Texts, c *measures.Content, id string) string {
	if id == "" {
		return t.Doc.NoOwner
	}
	return ownerName(c, id)
}

// eventTexts explain, where the report first names them, the events the inputs come
// from: «Åpen arena 2020 ble holdt 22. januar 2020 i Rauland …», and how an input's id is
// made.
func (r *Report) eventTexts() []string {
	var out []string
	for _, e := range r.c.Events {
		groups := 0
		example := ""
		for _, g := range r.c.Groups {
			if g.Event == e.ID {
				groups++
				if example == "" && len(g.Items) > 1 {
					example = g.Items[1].ID
				}
			}
		}
		t := r.t.Report
		s := lang.F(t.EventF, e.Title)
		if !e.Date.IsZero() {
			s += " " + nbsp(e.Date.Norwegian())
		}
		if e.Place != "" {
			s += lang.F(t.EventPlaceF, e.Place)
		}
		s += lang.F(t.EventGroupsF, t.EventGroup.N(groups))
		if example != "" {
			group, num, _ := strings.Cut(example, "/")
			s += lang.F(t.EventIDF, example, group, num)
		}
		if e.Source != "" {
			s += lang.F(t.EventSourceF, e.Source)
		}
		out = append(out, s)
	}
	return out
}
