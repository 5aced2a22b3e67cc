package renderer

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"io"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
	"github.com/yuin/goldmark/util"
)

// The page layouts are html/template files: every value from content is escaped by the
// template, except the goldmark output of the chapters (template.HTML), which goldmark
// has escaped itself with raw HTML dropped.
//
//go:embed templates/*.tmpl templates/style.css
var templateFS embed.FS

// The layouts are parsed once; each language gets a clone whose T returns its catalogue
// (the templates write every fixed text as {{T.Report.Summary}}), made before any is run.
var baseTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"css": func() template.CSS {
		b, _ := templateFS.ReadFile("templates/style.css")
		return template.CSS(b)
	},
	"anchor":     anchorOf,
	"anchorID":   anchorOfID,
	"logline":    LogLine,
	"groupstate": func(g measures.GroupChange) string { return groupState(lang.NB.Texts(), g) },
	"add":        func(a, b int) int { return a + b },
	"T":          lang.NB.Texts,
	"status":     lang.NB.Texts().Status,
	"f":          lang.F,
}).ParseFS(templateFS, "templates/*.tmpl"))

var templates = func() map[lang.Lang]*template.Template {
	out := map[lang.Lang]*template.Template{}
	for _, l := range lang.All {
		t := l.Texts()
		out[l] = template.Must(baseTemplates.Clone()).Funcs(template.FuncMap{
			"T":          func() *lang.Texts { return t },
			"status":     t.Status,
			"logline":    func(e measures.LogEntry) string { return logLineHTML(t, e) },
			"groupstate": func(g measures.GroupChange) string { return groupState(t, g) },
		})
	}
	return out
}()

// execute renders the named page template in language l.
func execute(w io.Writer, l lang.Lang, name string, data any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	tm := templates[l]
	if tm == nil {
		tm = templates[lang.NB]
	}
	if err := tm.ExecuteTemplate(bw, name, data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	return bw.Flush()
}

// bufWriter gives a goldmark util.BufWriter over w; Flush it when done.
func bufWriter(w io.Writer) util.BufWriter { return bufio.NewWriter(w) }
