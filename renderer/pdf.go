package renderer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ErrNoBrowser: no Chromium or Chrome was found to print a PDF with.
var ErrNoBrowser = errors.New("no chromium or chrome found")

// browserNames are the executables FindBrowser looks for on PATH, in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"}

// FindBrowser returns the path of a Chromium or Chrome: $SAMVIRKE_CHROME when set, else
// the first of chromium, chromium-browser, google-chrome, google-chrome-stable and chrome
// on PATH, else /usr/bin/chromium. It returns ErrNoBrowser when there is none.
func FindBrowser() (string, error) {
	if p := os.Getenv("SAMVIRKE_CHROME"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return "", fmt.Errorf("SAMVIRKE_CHROME=%s: %w", p, ErrNoBrowser)
		}
		return p, nil
	}
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	return "", ErrNoBrowser
}

// NewBrowser starts a headless browser at path for the DevTools protocol: no sandbox
// (CI runs as root), no GPU, no background networking, updates or sync, and a fresh
// profile that is removed when the returned cancel is called.
func NewBrowser(ctx context.Context, path string) (context.Context, context.CancelFunc, error) {
	dir, err := os.MkdirTemp("", "samvirke-chromium-")
	if err != nil {
		return nil, nil, fmt.Errorf("browser profile: %w", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("headless", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	cancel := func() {
		cancelBrowser()
		cancelAlloc()
		os.RemoveAll(dir)
	}
	if err := chromedp.Do(bctx); err != nil { // start it now, so a broken browser fails here
		cancel()
		return nil, nil, fmt.Errorf("start %s: %w", path, err)
	}
	return bctx, cancel, nil
}

// pdfTimeout bounds printing one document.
const pdfTimeout = 2 * time.Minute

// PrintInfo is what a printed document carries besides its pages: the running header
// on every page and the subject of the PDF's metadata (its title is the page's <title>).
type PrintInfo struct {
	Header, Subject string
}

// PDF prints an HTML page (as written by Report.HTML or Strategy.HTML) to A4 PDF with the
// headless browser at browser (see FindBrowser): a running header (info.Header), «Side 3
// av 36» at the foot of every page, and the page numbers in the table of contents. The
// page is loaded from a temporary file; it is self-contained, so the browser makes no
// request beyond it.
//
// The table of contents is filled in by printing twice: the first print tells on which
// page each heading landed (the PDF's named destinations), the numbers are written into
// the page's [data-toc-page] elements, and the page is printed again, until the pages
// agree (at most tocPasses prints).
func PDF(ctx context.Context, browser string, html []byte, info PrintInfo, w io.Writer) error {
	dir, err := os.MkdirTemp("", "samvirke-pdf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "dokument.html")
	if err := os.WriteFile(file, html, 0o600); err != nil {
		return err
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, pdfTimeout)
	defer cancelTimeout()
	bctx, cancel, err := NewBrowser(ctx, browser)
	if err != nil {
		return err
	}
	defer cancel()
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+filepath.ToSlash(file))); err != nil {
		return fmt.Errorf("load page: %w", err)
	}
	pdf, err := printWithTOC(bctx, info)
	if err != nil {
		return err
	}
	if info.Subject != "" {
		if pdf, err = setSubject(pdf, info.Subject); err != nil {
			return err
		}
	}
	if _, err := w.Write(pdf); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// tocPasses bounds the prints that fill in the table of contents.
const tocPasses = 3

// fillTOC writes the page numbers (a JSON object id → page) into the table of contents
// and reports whether the page has one.
const fillTOC = `(pages => { const els = document.querySelectorAll("[data-toc-page]");
for (const el of els) { const n = pages[el.dataset.tocPage]; el.textContent = n ? String(n) : ""; }
return els.length > 0; })`

func printWithTOC(bctx context.Context, info PrintInfo) ([]byte, error) {
	var prev map[string]int
	for pass := 1; ; pass++ {
		pdf, err := printPage(bctx, info)
		if err != nil {
			return nil, err
		}
		pages, err := destinationPages(pdf)
		if err != nil {
			return nil, err
		}
		if pass > 1 && maps.Equal(pages, prev) || pass == tocPasses {
			return pdf, nil
		}
		js, err := json.Marshal(pages)
		if err != nil {
			return nil, err
		}
		hasTOC, err := chromedp.Run(bctx, chromedp.Evaluate[bool](fillTOC+"("+string(js)+")"))
		if err != nil {
			return nil, fmt.Errorf("fill in the table of contents: %w", err)
		}
		if !hasTOC {
			return pdf, nil
		}
		prev = pages
	}
}

// The running header and footer. Chromium fills the pageNumber and totalPages elements;
// the templates have no styles of the page, so they bring their own.
const (
	headerTemplate = `<div style="width:100%;margin:0 18mm;padding-top:8mm;font:8pt Helvetica,Arial,sans-serif;color:#555;display:flex;justify-content:space-between"><span>%s</span></div>`
	footerTemplate = `<div style="width:100%;margin:0 18mm;padding-bottom:8mm;font:8pt Helvetica,Arial,sans-serif;color:#555;text-align:right">Side&nbsp;<span class="pageNumber"></span> av&nbsp;<span class="totalPages"></span></div>`
)

func printPage(bctx context.Context, info PrintInfo) ([]byte, error) {
	res, err := chromedp.Call(bctx, page.PrintToPDF, page.PrintToPDFParams{
		PrintBackground:   ptr(true),
		PreferCSSPageSize: ptr(true),
		PaperWidth:        8.27, PaperHeight: 11.69, // A4 when the page names no size
		DisplayHeaderFooter:     ptr(true),
		HeaderTemplate:          strings.Replace(headerTemplate, "%s", html.EscapeString(info.Header), 1),
		FooterTemplate:          footerTemplate,
		GenerateTaggedPDF:       ptr(true),
		GenerateDocumentOutline: ptr(true),
	})
	if err != nil {
		return nil, fmt.Errorf("print to pdf: %w", err)
	}
	return res.Data, nil
}

func ptr[T any](v T) *T { return &v }
