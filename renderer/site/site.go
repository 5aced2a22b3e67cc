package site

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/samvirke/samvirke/renderer/feed"
	"github.com/samvirke/samvirke/renderer/lang"
)

//go:embed templates
var templates embed.FS

// pageTmpl parses the pages the first time a site is built, not when a command starts;
// each language gets a clone whose T and label write its texts.
var pageTmpl = sync.OnceValue(func() map[lang.Lang]*template.Template {
	base := template.Must(template.New("").Funcs(template.FuncMap{
		"date": func(d *measures.Date) string {
			if d == nil {
				return ""
			}
			return d.Norwegian()
		},
		"day":   func(t time.Time) string { return measures.DateOf(t).Norwegian() },
		"iso":   func(t time.Time) string { return t.UTC().Format(time.DateOnly) },
		"label": func(s measures.Status) string { return s.Label() },
		"T":     lang.NB.Texts,
		"f":     lang.F,
	}).ParseFS(templates, "templates/*.tmpl"))
	out := map[lang.Lang]*template.Template{}
	for _, l := range lang.All {
		t := l.Texts()
		out[l] = template.Must(base.Clone()).Funcs(template.FuncMap{
			"T":     func() *lang.Texts { return t },
			"label": t.Status,
		})
	}
	return out
})

// Options are what the site needs beside the content.
type Options struct {
	// URL is the site's address (https://eksempel.github.io/strategi/), for the sitemap
	// and the feeds; "" leaves the sitemap out and the feeds' links relative.
	URL string
	// Today is the day overdue is judged on.
	Today measures.Date
	// Commits are the commits that changed content, newest first (the feed, the latest
	// changes and each measure's timeline).
	Commits []feed.Commit
	// Changed is each measure's last change, for the calendar.
	Changed map[string]time.Time
	// Strategy is the strategy text as an HTML page; nil leaves the page out.
	Strategy []byte
	// Reports are the fagråd's reports, the latest first, then the earlier ones (one per
	// rapport/ tag), newest first; none leaves the report page out.
	Reports []Report
	// Origin says where the content comes from: «commit 1a2b3c4 (1. desember 2026)».
	Origin string
	// Lang is the language of the pages' fixed texts: lang.NB (the zero value) or lang.NN.
	Lang lang.Lang
}

// Site is the set of files of the site by slash-separated path.
type Site struct {
	Files map[string][]byte
}

// Build makes every file of the site.
func Build(c *measures.Content, opts Options) (*Site, error) {
	b := &builder{c: c, opts: opts, files: map[string][]byte{}, byFile: map[string][]feed.Commit{}, fileID: map[string]string{}}
	b.rows = make(map[*measures.Measure]row, len(c.Measures))
	for _, m := range c.Measures {
		href := b.MeasureHref(m.ID)
		if href != "" {
			b.fileID[pathOf(m)] = m.ID
		}
		b.rows[m] = row{M: m, Href: href, Overdue: m.Overdue(opts.Today), Lead: c.OwnerName(m.Lead())}
	}
	for _, co := range opts.Commits {
		for _, f := range co.Files {
			b.byFile[f] = append(b.byFile[f], co)
		}
	}
	steps := []func() error{b.front, b.measureList, b.measurePages, b.areaPages, b.ownerPages, b.inputs, b.documents, b.reports, b.feeds}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	b.sitemap()
	return &Site{Files: b.files}, nil
}

// segment matches what may stand as one segment of a page's path: ids of measures,
// areas and owners as validate accepts them. Anything else (content with errors) gets
// no page of its own, so no id can name a path outside the site.
var segment = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

type builder struct {
	c      *measures.Content
	opts   Options
	files  map[string][]byte
	byFile map[string][]feed.Commit
	fileID map[string]string // measure file → id, for measures with a page
	rows   map[*measures.Measure]row
}

// page is what every page's layout gets.
type page struct {
	Title string
	Root  string // the relative path to the site's root: "../../"
	Path  string // the page's own path: "tiltak/T14/"
	Data  any
	Nav   []navLink
	Site  *builder
}

type navLink struct{ Href, Label string }

func (b *builder) render(p string, title, tmpl string, data any) error {
	out, err := b.page(p, title, tmpl, data)
	if err == nil {
		b.files[p+"index.html"] = out
	}
	return err
}

// page renders the page at p; it is safe to call from several goroutines.
func (b *builder) page(p string, title, tmpl string, data any) ([]byte, error) {
	depth := strings.Count(p, "/")
	pg := page{Title: title, Root: strings.Repeat("../", depth), Path: p, Data: data, Site: b}
	var buf bytes.Buffer
	tm := pageTmpl()[b.opts.Lang]
	if tm == nil {
		tm = pageTmpl()[lang.NB]
	}
	if err := tm.ExecuteTemplate(&buf, tmpl, pg); err != nil {
		return nil, fmt.Errorf("render %s: %w", p, err)
	}
	return buf.Bytes(), nil
}

// MeasureHref is the path of a measure's page from the site's root, "" when it has none.
func (b *builder) MeasureHref(id string) string {
	if !segment.MatchString(id) || b.c.Measure(id) == nil {
		return ""
	}
	return "tiltak/" + id + "/"
}

// AreaHref and OwnerHref are the paths of an area's and an owner's page.
func (b *builder) AreaHref(id string) string {
	if !segment.MatchString(id) || b.c.Area(id) == nil {
		return ""
	}
	return "omrade/" + id + "/"
}

func (b *builder) OwnerHref(id string) string {
	if !segment.MatchString(id) || b.c.Owner(id) == nil {
		return ""
	}
	return "eier/" + id + "/"
}

// AreaTitle and OwnerName name an area and an owner as readers know them.
func (b *builder) AreaTitle(id string) string {
	if a := b.c.Area(id); a != nil {
		return fmt.Sprintf("%d %s", a.Number, a.Title)
	}
	return id
}

func (b *builder) OwnerName(id string) string { return b.c.OwnerName(id) }

// Overdue reports whether m is overdue today.
func (b *builder) Overdue(m *measures.Measure) bool { return m.Overdue(b.opts.Today) }

// CSS is the stylesheet every page carries in its head, so each page is one file.
func (b *builder) CSS() template.CSS { return template.CSS(style) }

func (b *builder) HasReport() bool   { return len(b.opts.Reports) > 0 }
func (b *builder) HasStrategy() bool { return b.opts.Strategy != nil }
func (b *builder) Origin() string    { return b.opts.Origin }

func (b *builder) sitemap() {
	if b.opts.URL == "" {
		return
	}
	var names []string
	for p := range b.files {
		if strings.HasSuffix(p, "index.html") {
			names = append(names, strings.TrimSuffix(p, "index.html"))
		}
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(a, b) })
	var s strings.Builder
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	base := strings.TrimSuffix(b.opts.URL, "/") + "/"
	for _, n := range names {
		var esc bytes.Buffer
		template.HTMLEscape(&esc, []byte(base+n))
		fmt.Fprintf(&s, "  <url><loc>%s</loc></url>\n", esc.String())
	}
	s.WriteString("</urlset>\n")
	b.files["sitemap.xml"] = []byte(s.String())
}

// text renders a measure's or a group's Markdown for a page at p with conv.
func (b *builder) text(conv *renderer.Text, p, src, prefix string) (template.HTML, error) {
	root := strings.Repeat("../", strings.Count(p, "/"))
	out, err := conv.HTML(src, prefix, func(id string) string {
		if h := b.MeasureHref(id); h != "" {
			return root + h
		}
		return root + "tiltak/"
	})
	return template.HTML(out), err // safe: the renderer drops raw HTML and unsafe links
}

// pathOf is the path of a file of content for the index of commits by file.
func pathOf(m *measures.Measure) string { return path.Clean(m.File) }
