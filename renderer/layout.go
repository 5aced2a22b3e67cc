package renderer

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"io"

	"github.com/yuin/goldmark/util"
)

// The page layouts are html/template files: every value from content is escaped by the
// template, except the goldmark output of the chapters (template.HTML), which goldmark
// has escaped itself with raw HTML dropped.
//
//go:embed templates/*.tmpl templates/style.css
var templateFS embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"css": func() template.CSS {
		b, _ := templateFS.ReadFile("templates/style.css")
		return template.CSS(b)
	},
	"anchor":     anchorOf,
	"anchorID":   anchorOfID,
	"logline":    logLineHTML,
	"groupstate": groupState,
	"add":        func(a, b int) int { return a + b },
}).ParseFS(templateFS, "templates/*.tmpl"))

// execute renders the named page template.
func execute(w io.Writer, name string, data any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := templates.ExecuteTemplate(bw, name, data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	return bw.Flush()
}

// bufWriter gives a goldmark util.BufWriter over w; Flush it when done.
func bufWriter(w io.Writer) util.BufWriter { return bufio.NewWriter(w) }
