package renderer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
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

// PDF prints an HTML page (as written by Report.HTML or Strategy.HTML) to A4 PDF with the
// headless browser at browser (see FindBrowser). The page is loaded from a temporary
// file; it is self-contained, so the browser makes no request beyond it.
func PDF(ctx context.Context, browser string, html []byte, w io.Writer) error {
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
	res, err := chromedp.Call(bctx, page.PrintToPDF, page.PrintToPDFParams{
		PrintBackground:   ptr(true),
		PreferCSSPageSize: ptr(true),
		PaperWidth:        8.27, PaperHeight: 11.69, // A4 when the page names no size
		GenerateTaggedPDF:       ptr(true),
		GenerateDocumentOutline: ptr(true),
	})
	if err != nil {
		return fmt.Errorf("print to pdf: %w", err)
	}
	pdf := res.Data
	if _, err := w.Write(pdf); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
