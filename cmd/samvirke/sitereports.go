package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/samvirke/samvirke/renderer/site"
	"github.com/samvirke/samvirke/tracker"
)

// siteReports makes the reports of the site, the latest first: the latest, of the
// content now, compared with the newest report tag as «samvirke report» does; then one
// per rapport/ tag, newest first, of the content at the tag, dated the tag's date and
// compared with the tag before it. With a browser each is printed to PDF too; a report
// whose HTML is what the previous site wrote keeps the PDF it has.
func siteReports(ctx context.Context, opts *siteOptions, c *measures.Content, src *source, repo *tracker.Repo, doc renderer.DocOptions) ([]site.Report, error) {
	errOut := opts.streams.ErrOut
	var tcs []taggedContent
	var err error
	if repo != nil {
		if tcs, err = tagContents(repo, errOut); err != nil {
			return nil, err
		}
	}
	ro := renderer.ReportOptions{DocOptions: doc, Trend: trendOf(tcs)}
	if err := baseline(repo, src, "", c, errOut, &ro); err != nil {
		return nil, err
	}
	reports := []*renderer.Report{renderer.NewReport(c, ro)}
	out := []site.Report{{Date: doc.Date}}
	for k := len(tcs) - 1; k >= 0; k-- {
		t := tcs[k].tag
		if site.ReportPath(t.Name) == "" {
			fmt.Fprintf(errOut, msgSiteBadTagName, t.Ref)
			continue
		}
		hash := t.Commit.Hash.String()
		tx := doc.T()
		d := renderer.DocOptions{Lang: doc.Lang, Date: measures.DateOf(t.When), Origin: docCommitText(tx, hash, t.Commit.Committer.When),
			Version: hash[:7], AsOf: measures.DateOf(t.Commit.Committer.When)}
		ro := renderer.ReportOptions{DocOptions: d, Trend: trendOf(tcs[:k]), NoBaseline: tx.Doc.NoBaselineFirst}
		if k > 0 {
			prev := tcs[k-1]
			ro.Baseline = newBaseline(tx, tx.Doc.ReportOfF, prev.tag.When, prev.tag.Commit.Hash.String(), prev.c, tcs[k].c)
		}
		reports = append(reports, renderer.NewReport(tcs[k].c, ro))
		out = append(out, site.Report{Name: t.Name, Date: d.Date})
	}
	browser, err := opts.browser()
	if err != nil {
		return nil, err
	}
	prev, err := site.ReadPrevious(opts.Output)
	if err != nil {
		return nil, err
	}
	for i, r := range reports {
		if out[i].HTML, err = htmlOf(r.HTML); err != nil {
			return nil, err
		}
		if browser == "" {
			continue
		}
		dir := site.ReportPath(out[i].Name)
		if bytes.Equal(prev.File(dir+"index.html"), out[i].HTML) {
			out[i].PDF = prev.File(dir + site.PDFName)
		}
		if out[i].PDF == nil {
			var pdf bytes.Buffer
			if err := renderer.PDF(ctx, browser, out[i].HTML, r.PrintInfo(), &pdf); err != nil {
				return nil, fmt.Errorf(msgSiteReportPDFFailed, dir, browser, err)
			}
			out[i].PDF = pdf.Bytes()
		}
	}
	return out, nil
}

// browser is the browser the reports are printed with, "" for none (--pdf=false, or
// none found: then the site says the reports have no PDF).
func (opts *siteOptions) browser() (string, error) {
	if !opts.PDF {
		return "", nil
	}
	b, err := renderer.FindBrowser()
	if errors.Is(err, renderer.ErrNoBrowser) {
		fmt.Fprintln(opts.streams.ErrOut, msgSiteNoChrome)
		return "", nil
	}
	return b, err
}
