package site

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/samvirke/samvirke/renderer/feed"
	"github.com/samvirke/samvirke/renderer/lang"
)

// statusCount is one status and how many measures have it.
type statusCount struct {
	Status measures.Status
	N      int
}

// areaRow is an area with its measures counted by status.
type areaRow struct {
	ID     string
	Counts []int // in the order of measures.Statuses
	Total  int
}

type frontData struct {
	Statuses []measures.Status
	Totals   []statusCount
	Areas    []areaRow
	Overdue  []*measures.Measure
	Latest   []latestChange
	Count    int
}

type latestChange struct {
	Commit  feed.Commit
	Measure string // the first measure it changed, "" for none
}

const latestN = 10

func (b *builder) front() error {
	d := frontData{Statuses: measures.Statuses, Count: len(b.c.Measures)}
	totals := map[measures.Status]int{}
	rows := map[string]*areaRow{}
	for _, m := range b.c.Measures {
		totals[m.Status]++
		r := rows[m.Area]
		if r == nil {
			r = &areaRow{ID: m.Area, Counts: make([]int, len(measures.Statuses))}
			rows[m.Area] = r
		}
		r.Total++
		for i, s := range measures.Statuses {
			if s == m.Status {
				r.Counts[i]++
			}
		}
		if m.Overdue(b.opts.Today) {
			d.Overdue = append(d.Overdue, m)
		}
	}
	for _, s := range measures.Statuses {
		if totals[s] > 0 {
			d.Totals = append(d.Totals, statusCount{s, totals[s]})
		}
	}
	for _, a := range b.c.Areas {
		if r := rows[a.ID]; r != nil {
			d.Areas = append(d.Areas, *r)
		}
	}
	for _, co := range b.opts.Commits[:min(latestN, len(b.opts.Commits))] {
		lc := latestChange{Commit: co}
		for _, f := range co.Files {
			if id, ok := b.fileID[f]; ok {
				lc.Measure = id
				break
			}
		}
		d.Latest = append(d.Latest, lc)
	}
	t := b.opts.Lang.Texts()
	return b.render("", lang.F(t.Site.FrontTitleF, t.Doc.StrategyTitle), "front", d)
}

func (b *builder) measureList() error {
	title := b.opts.Lang.Texts().Site.AllMeasures
	return b.render("tiltak/", title, "list", listData{Heading: title, Rows: b.rowsOf(b.c.Measures)})
}

type listData struct {
	Heading string
	Intro   string
	Rows    []row
}

// row is a measure as a line of a list, worked out once for every list it is in.
type row struct {
	M       *measures.Measure
	Href    string // "" for a measure without a page
	Overdue bool
	Lead    string
}

// rowsOf returns the rows of ms.
func (b *builder) rowsOf(ms []*measures.Measure) []row {
	out := make([]row, len(ms))
	for i, m := range ms {
		out[i] = b.rows[m]
	}
	return out
}

type measureData struct {
	M        *measures.Measure
	Text     any
	Commits  []feed.Commit
	Inputs   []*measures.Item
	Progress string
}

// measurePages renders the measures' pages on every CPU: each page depends only on its
// measure and the content, which nothing changes while the site is built.
func (b *builder) measurePages() error {
	ms := b.c.Measures
	pages := make([][]byte, len(ms))
	errs := make([]error, len(ms))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conv := renderer.NewText(b.c)
			for i := w; i < len(ms); i += workers {
				pages[i], errs[i] = b.measurePage(conv, ms[i])
			}
		}()
	}
	wg.Wait()
	for i, m := range ms {
		if errs[i] != nil {
			return errs[i]
		}
		if pages[i] != nil {
			b.files[b.MeasureHref(m.ID)+"index.html"] = pages[i]
		}
	}
	return nil
}

// measurePage renders a measure's page; nil for a measure without one.
func (b *builder) measurePage(conv *renderer.Text, m *measures.Measure) ([]byte, error) {
	href := b.MeasureHref(m.ID)
	if href == "" {
		return nil, nil
	}
	text, err := b.text(conv, href, m.Text, m.ID+"-")
	if err != nil {
		return nil, err
	}
	d := measureData{M: m, Text: text, Commits: b.byFile[pathOf(m)]}
	if m.Progress != nil {
		d.Progress = fmt.Sprintf("%d %%", *m.Progress)
	}
	for _, in := range m.Inputs {
		if it := b.c.Item(in); it != nil {
			d.Inputs = append(d.Inputs, it)
		}
	}
	return b.page(href, m.ID+" "+m.Title, "measure", d)
}

func (b *builder) areaPages() error {
	by := map[string][]*measures.Measure{}
	for _, m := range b.c.Measures {
		by[m.Area] = append(by[m.Area], m)
	}
	for _, a := range b.c.Areas {
		href := b.AreaHref(a.ID)
		if href == "" {
			continue
		}
		title := lang.F(b.opts.Lang.Texts().Site.AreaF, b.AreaTitle(a.ID))
		if err := b.render(href, title, "list", listData{Heading: title, Rows: b.rowsOf(by[a.ID])}); err != nil {
			return err
		}
	}
	return b.render("omrade/", b.opts.Lang.Texts().Site.Areas, "areas", b.c.Areas)
}

func (b *builder) ownerPages() error {
	by := map[string][]*measures.Measure{}
	for _, m := range b.c.Measures {
		for i, o := range m.Owners {
			if i == 0 || !contains(by[o], m) {
				by[o] = append(by[o], m)
			}
		}
	}
	for _, o := range b.c.Owners {
		href := b.OwnerHref(o.ID)
		if href == "" {
			continue
		}
		title := b.OwnerName(o.ID)
		if err := b.render(href, title, "list", listData{Heading: title, Intro: lang.F(b.opts.Lang.Texts().Site.OwnerIntroF, title), Rows: b.rowsOf(by[o.ID])}); err != nil {
			return err
		}
	}
	return b.render("eier/", b.opts.Lang.Texts().Site.OwnersTitle, "owners", b.c.Owners)
}

func contains(ms []*measures.Measure, m *measures.Measure) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}

type groupData struct {
	G      *measures.Group
	Linked int
}

func (b *builder) inputs() error {
	var gs []groupData
	for _, g := range b.c.Groups {
		d := groupData{G: g}
		for _, it := range g.Items {
			if len(it.Measures) > 0 {
				d.Linked++
			}
		}
		gs = append(gs, d)
	}
	return b.render("innspill/", b.opts.Lang.Texts().Site.InputsTitle, "inputs", gs)
}

// documents is the strategy text, the page the renderer makes.
func (b *builder) documents() error {
	if b.opts.Strategy != nil {
		b.files["strategi/index.html"] = b.opts.Strategy
	}
	return nil
}

func (b *builder) feeds() error {
	l := feed.Links{Base: b.opts.URL, Lang: b.opts.Lang}
	var atom, cal bytes.Buffer
	if err := feed.WriteAtom(&atom, b.c, b.opts.Commits, l); err != nil {
		return err
	}
	if err := feed.WriteCalendar(&cal, b.c, b.opts.Changed, l); err != nil {
		return err
	}
	b.files["endringer.xml"], b.files["frister.ics"] = atom.Bytes(), cal.Bytes()
	return nil
}
