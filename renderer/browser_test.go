package renderer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/internal/pagecheck"
	"github.com/samvirke/samvirke/renderer/lang"
)

// The browser checks open the documents in a real headless Chromium. They run when a
// Chromium or Chrome is installed and are skipped otherwise, unless SAMVIRKE_BROWSER=1
// (as in .ci/browser), which makes a missing browser or axe-core a failure.
//
//	SAMVIRKE_BROWSER_PAGES  comma-separated HTML files to check (default: the report and
//	                        the strategy rendered here from the embedded content, in
//	                        bokmål and in nynorsk, and the comparison)
//	SAMVIRKE_AXE            axe.min.js (default: build/node/node_modules/axe-core/axe.min.js)
//	SAMVIRKE_SCREENSHOTS    where the screenshots go (default: build/screenshots)

func browserRequired() bool { return os.Getenv("SAMVIRKE_BROWSER") == "1" }

// skipOrFail skips the test, or fails it when the browser checks are required.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if browserRequired() {
		t.Fatalf(format, args...)
	}
	t.Skipf(format+" (set SAMVIRKE_BROWSER=1 to make this a failure)", args...)
}

func browser(t *testing.T) (context.Context, func()) {
	t.Helper()
	path, err := FindBrowser()
	if err != nil {
		skipOrFail(t, "no browser: %v", err)
	}
	ctx, cancel, err := NewBrowser(context.Background(), path)
	if err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return ctx, cancel
}

// pagesToCheck returns the HTML files to check, rendering the embedded content's report
// and strategy when SAMVIRKE_BROWSER_PAGES is not set.
func pagesToCheck(t *testing.T) []string {
	if env := os.Getenv("SAMVIRKE_BROWSER_PAGES"); env != "" {
		return strings.Split(env, ",")
	}
	c, err := measures.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, render func(*bytes.Buffer) error) string {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		os.WriteFile(p, b.Bytes(), 0o644)
		return p
	}
	opts := DocOptions{Date: testDate}
	r := NewReport(c, ReportOptions{DocOptions: opts, NoBaseline: "Ingen sammenligning."})
	s := NewStrategy(c, opts)
	x := NewComparison(c, reviseEverything(t, c), CompareOptions{DocOptions: opts, Baseline: "strategi/2016"})
	nn := DocOptions{Date: testDate, Lang: lang.NN}
	rnn := NewReport(c, ReportOptions{DocOptions: nn, NoBaseline: "Inga samanlikning."})
	snn := NewStrategy(c, nn)
	return []string{write("rapport.html", func(b *bytes.Buffer) error { return r.HTML(b) }),
		write("strategi.html", func(b *bytes.Buffer) error { return s.HTML(b) }),
		write("endringer.html", func(b *bytes.Buffer) error { return x.HTML(b) }),
		write("rapport-nn.html", func(b *bytes.Buffer) error { return rnn.HTML(b) }),
		write("strategi-nn.html", func(b *bytes.Buffer) error { return snn.HTML(b) })}
}

func axeSource(t *testing.T) string {
	p := os.Getenv("SAMVIRKE_AXE")
	if p == "" {
		p = "../build/node/node_modules/axe-core/axe.min.js"
	}
	b, err := os.ReadFile(p)
	if err != nil {
		skipOrFail(t, "axe-core not installed (run .ci/browser, or set SAMVIRKE_AXE): %v", err)
	}
	return string(b)
}

type axeViolation struct {
	ID, Impact, Help string
	Nodes            int
	Targets          []string
}

const axeRun = `axe.run(document).then(r => JSON.stringify({Passes: r.passes.length, Violations: r.violations.map(v => ({
	ID: v.id, Impact: v.impact || "", Help: v.help, Nodes: v.nodes.length,
	Targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))}))`

func TestBrowserChecks(t *testing.T) {
	bctx, cancel := browser(t)
	defer cancel()
	axe := axeSource(t)
	shots := os.Getenv("SAMVIRKE_SCREENSHOTS")
	if shots == "" {
		shots = "../build/screenshots"
	}
	pages := pagesToCheck(t)
	// The hostile fixture too: in a real browser no script of it may run.
	hostileC := load(t, "testdata/hostile/content")
	dir := t.TempDir()
	for name, render := range map[string]func(*bytes.Buffer) error{
		"fiendtlig-rapport.html": func(b *bytes.Buffer) error {
			return NewReport(hostileC, ReportOptions{DocOptions: DocOptions{Date: testDate, Origin: hostile}}).HTML(b)
		},
		"fiendtlig-strategi.html": func(b *bytes.Buffer) error { return NewStrategy(hostileC, DocOptions{Date: testDate}).HTML(b) },
	} {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		os.WriteFile(p, b.Bytes(), 0o644)
		pages = append(pages, p)
	}
	for _, file := range pages {
		name := pageName(file)
		t.Run(name, func(t *testing.T) {
			res := checkPage(t, bctx, file, axe)
			if !strings.HasPrefix(name, "fiendtlig") {
				if err := os.MkdirAll(shots, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(shots, name+".png"), res.png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, p := range res.problems {
				t.Errorf("%s: %s", name, p)
			}
			if res.passes == 0 {
				t.Error("axe-core checked nothing")
			}
			for _, v := range res.violations {
				msg := fmt.Sprintf("axe %s (%s): %s, %d elements, e.g. %v", v.ID, v.Impact, v.Help, v.Nodes, v.Targets)
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Error(msg)
				} else {
					t.Log(msg)
				}
			}
		})
	}
}

// TestBrowserChecksCatchABadPage is the control: a page that requests a picture, logs
// an error and has an image without a text alternative fails every check.
func TestBrowserChecksCatchABadPage(t *testing.T) {
	bctx, cancel := browser(t)
	defer cancel()
	axe := axeSource(t)
	file := filepath.Join(t.TempDir(), "bad.html")
	os.WriteFile(file, []byte(`<!DOCTYPE html><html><head><title>x</title></head><body>
<img src="http://127.0.0.1:9/x.png"><script>console.error("feil")</script></body></html>`), 0o644)
	res := checkPage(t, bctx, file, axe)
	all := strings.Join(res.problems, "\n")
	for _, want := range []string{"console error", "request to http://127.0.0.1:9/x.png", "failed request"} {
		if !strings.Contains(all, want) {
			t.Errorf("problems of a bad page lack %q:\n%s", want, all)
		}
	}
	var ids []string
	for _, v := range res.violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			ids = append(ids, v.ID)
		}
	}
	if !strings.Contains(strings.Join(ids, " "), "image-alt") || !strings.Contains(strings.Join(ids, " "), "html-has-lang") {
		t.Errorf("axe-core on a bad page found %v, want image-alt and html-has-lang", ids)
	}
}

type pageResult struct {
	problems   []string
	violations []axeViolation
	passes     int
	png        []byte
}

// checkPage opens file in a new tab of the browser, collects the page's problems, takes
// a screenshot of the first screen (1200 × 1600) and runs axe-core in it.
func checkPage(t *testing.T, bctx context.Context, file, axe string) pageResult {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	self := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	tab, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	ctx, stop := context.WithTimeout(tab, 2*time.Minute)
	defer stop()
	probs := pagecheck.NewProblems(self)
	if err := chromedp.Listen(tab, probs.Listen); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 1600), chromedp.Navigate(self)); err != nil {
		t.Fatalf("open %s: %v", self, err)
	}
	var res pageResult
	if res.png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot()); err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	time.Sleep(200 * time.Millisecond) // let late events arrive before axe is injected
	res.problems = append(res.problems, probs.List()...)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	var r struct {
		Violations []axeViolation
		Passes     int
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("axe-core result: %v", err)
	}
	res.violations, res.passes = r.Violations, r.Passes
	return res
}

// TestPDF prints the fixture report to PDF in the real browser.
func TestPDF(t *testing.T) {
	path, err := FindBrowser()
	if err != nil {
		skipOrFail(t, "no browser: %v", err)
	}
	c := fixture(t)
	var h, pdf bytes.Buffer
	if err := NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate}}).HTML(&h); err != nil {
		t.Fatal(err)
	}
	if err := PDF(context.Background(), path, h.Bytes(), PrintInfo{Header: "Statusrapport til fagrådet · 1. desember 2026"}, &pdf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) || pdf.Len() < 10000 {
		t.Fatalf("PDF output is %d bytes starting %q", pdf.Len(), pdf.Bytes()[:min(8, pdf.Len())])
	}
	// A4 is 595 × 842 points.
	if !bytes.Contains(pdf.Bytes(), []byte("/MediaBox [0 0 594.9")) {
		t.Error("PDF pages are not A4")
	}
}

func TestFindBrowserNamesWhatIsMissing(t *testing.T) {
	t.Setenv("SAMVIRKE_CHROME", filepath.Join(t.TempDir(), "finnes-ikke"))
	if _, err := FindBrowser(); err == nil || !strings.Contains(err.Error(), "finnes-ikke") {
		t.Errorf("FindBrowser with a missing SAMVIRKE_CHROME: err = %v", err)
	}
}
