package site

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/samvirke/samvirke/measures"
)

// Report is one of the fagråd's reports on the site: the latest (Name "") at
// rapport/nyeste/, or an earlier one at rapport/<Name>/, made from the content at its
// rapport/<Name> tag. PDF is nil when no PDF was made.
type Report struct {
	Name      string
	Date      measures.Date
	HTML, PDF []byte
}

// LatestDir is the directory of the latest report under rapport/.
const LatestDir = "nyeste"

// reportName matches a tag name that can be a directory of the site as it is (the tag
// names samvirke makes, without "..").
var reportName = regexp.MustCompile(`^[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._-]*$`)

// ReportPath is the directory of a report from the site's root ("rapport/2026-11/"),
// "" for a tag whose name cannot be one.
func ReportPath(name string) string {
	if name == "" {
		return "rapport/" + LatestDir + "/"
	}
	if !reportName.MatchString(name) || strings.Contains(name, "..") || name == LatestDir {
		return ""
	}
	return "rapport/" + name + "/"
}

// PDFName is the file name of a report's PDF in its directory.
const PDFName = "rapport.pdf"

// reportRow is a report as a line of the report page.
type reportRow struct {
	Title, Href, PDF, Tag string
}

type reportsData struct {
	Latest  *reportRow
	Earlier []reportRow
	NoPDF   bool
}

// reports writes every report's HTML and PDF and the report page that lists them, the
// latest first, then the earlier ones, newest first.
func (b *builder) reports() error {
	if len(b.opts.Reports) == 0 {
		return nil
	}
	var d reportsData
	t := b.opts.Lang.Texts()
	for _, r := range b.opts.Reports {
		dir := ReportPath(r.Name)
		if dir == "" {
			continue
		}
		row := reportRow{Title: fmt.Sprintf(t.Site.ReportNameF, r.Date.Norwegian()), Href: strings.TrimPrefix(dir, "rapport/")}
		b.files[dir+"index.html"] = r.HTML
		if r.PDF != nil {
			b.files[dir+PDFName] = r.PDF
			row.PDF = path.Join(row.Href, PDFName)
		} else {
			d.NoPDF = true
		}
		if r.Name == "" {
			d.Latest = &row
			continue
		}
		row.Tag = "rapport/" + r.Name
		d.Earlier = append(d.Earlier, row)
	}
	return b.render("rapport/", t.Site.ReportsTitle, "reports", d)
}
