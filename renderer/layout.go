package renderer

import (
	"bufio"
	"embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sync"

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

// The layouts are parsed once per language. The templates write every fixed text as
// {{$t.Report.Summary}} (with $t := T at the top of each template); in the file a
// language is parsed from, each such lookup is first replaced by its text, escaped, so a
// page of 10,000 measures does not look the same words up and escape them again for every
// row (html/template calls its escapers through reflection). What takes arguments
// ({{f $t.Report.SummaryLeadF …}}) is looked up when it runs, through T.
func funcs(t *lang.Texts) template.FuncMap {
	return template.FuncMap{
		"css": func() template.CSS {
			b, _ := templateFS.ReadFile("templates/style.css")
			return template.CSS(b)
		},
		"anchor":     anchorOf,
		"anchorID":   anchorOfID,
		"add":        func(a, b int) int { return a + b },
		"f":          lang.F,
		"T":          func() *lang.Texts { return t },
		"status":     t.Status,
		"logline":    func(e measures.LogEntry) string { return logLineHTML(t, e) },
		"groupstate": func(g measures.GroupChange) string { return groupState(t, g) },
	}
}

// fixedText is a lookup of one fixed text in a template: {{$t.Report.Summary}}.
var fixedText = regexp.MustCompile(`\{\{\$t\.([A-Z][A-Za-z]*)\.([A-Z][A-Za-z]*)\}\}`)

// templates parses them the first time a page is rendered, not when a command starts.
var templates = sync.OnceValue(func() map[lang.Lang]*template.Template {
	names, err := fs.Glob(templateFS, "templates/*.tmpl")
	if err != nil {
		panic(err)
	}
	out := map[lang.Lang]*template.Template{}
	for _, l := range lang.All {
		t := l.Texts()
		tm := template.New("").Funcs(funcs(t))
		for _, name := range names {
			src, err := templateFS.ReadFile(name)
			if err != nil {
				panic(err)
			}
			src = fixedText.ReplaceAllFunc(src, func(m []byte) []byte {
				sub := fixedText.FindSubmatch(m)
				v := reflect.ValueOf(t).Elem().FieldByName(string(sub[1])).FieldByName(string(sub[2]))
				if v.Kind() != reflect.String {
					panic(fmt.Sprintf("%s: %s is not a text of lang.Texts", name, m))
				}
				return []byte(html.EscapeString(v.String()))
			})
			template.Must(tm.New(path.Base(name)).Parse(string(src)))
		}
		out[l] = tm
	}
	return out
})

// execute renders the named page template in language l.
func execute(w io.Writer, l lang.Lang, name string, data any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	tm := templates()[l]
	if tm == nil {
		tm = templates()[lang.NB]
	}
	if err := tm.ExecuteTemplate(bw, name, data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	return bw.Flush()
}

// bufWriter gives a goldmark util.BufWriter over w; Flush it when done.
func bufWriter(w io.Writer) util.BufWriter { return bufio.NewWriter(w) }
