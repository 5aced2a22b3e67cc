package renderer

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/samvirke/samvirke/renderer/internal/pagecheck"
)

// overflowJS and overflow are the check of renderer/internal/pagecheck.
const overflowJS = pagecheck.OverflowJS

type overflow = pagecheck.Overflow

// TestNoHorizontalScrolling opens both documents (the report and the strategy) and the
// site's pages given in SAMVIRKE_BROWSER_PAGES (…/index.html; renderer/site's
// TestSiteInBrowser checks every page of the site it builds) at phone and desktop widths:
// the page is no wider than the viewport and no element sticks out of it. The comparison
// is not laid out for phones yet.
func TestNoHorizontalScrolling(t *testing.T) {
	bctx, cancel := browser(t)
	defer cancel()
	for _, file := range pagesToCheck(t) {
		if strings.HasPrefix(filepath.Base(file), "endringer") {
			continue
		}
		name := pageName(file)
		abs, _ := filepath.Abs(file)
		self := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		for _, w := range []int64{360, 390, 1366} {
			t.Run(name+"/"+itoa(int(w)), func(t *testing.T) {
				tab, closeTab := chromedp.NewContext(bctx)
				defer closeTab()
				ctx, stop := context.WithTimeout(tab, time.Minute)
				defer stop()
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 800, chromedp.EmulateMobile), chromedp.Navigate(self)); err != nil {
					t.Fatal(err)
				}
				out, err := chromedp.Run(ctx, chromedp.Evaluate[string](overflowJS))
				if err != nil {
					t.Fatal(err)
				}
				var o overflow
				if err := json.Unmarshal([]byte(out), &o); err != nil {
					t.Fatal(err)
				}
				if w == 390 {
					savePhoneShot(t, ctx, name+"-390.png")
				}
				if o.Page > o.Viewport || o.Count > 0 {
					t.Errorf("at %d px the page is %d px wide; %d elements stick out, e.g.\n%s", o.Viewport, o.Page, o.Count, joinLines(o.Elements))
				}
			})
		}
	}
}

// pageName names a page for subtests and screenshots: rapport for rapport.html, and a
// site's page by its directory (nettsted-T14 for …/tiltak/T14/index.html).
func pageName(file string) string {
	base := strings.TrimSuffix(filepath.Base(file), ".html")
	if base != "index" {
		return base
	}
	return "nettsted-" + filepath.Base(filepath.Dir(file))
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func joinLines(s []string) string {
	out := ""
	for _, l := range s {
		out += "  " + l + "\n"
	}
	return out
}

// savePhoneShot keeps the first two screens at phone width in the screenshots directory.
func savePhoneShot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("SAMVIRKE_SCREENSHOTS")
	if dir == "" {
		dir = "../build/screenshots"
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 1600, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err == nil {
		os.WriteFile(filepath.Join(dir, name), png, 0o644)
	}
}

// chartTextJS lists the chart texts smaller than 12 px as drawn: the font size times the
// scale the SVG is shown at (its width on the page over its viewBox's).
const chartTextJS = `(() => { const small = []; let n = 0;
for (const svg of document.querySelectorAll("figure.chart svg")) {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  for (const t of svg.querySelectorAll("text")) {
    n++;
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (px < 12) small.push(t.textContent.trim().slice(0, 30) + " " + px.toFixed(1) + " px");
  }
}
return JSON.stringify({Count: n, Small: small.slice(0, 8), Smalls: small.length}); })()`

// TestChartTextReadableOnPhones opens the report at phone widths and checks that every
// text in its charts is drawn at 12 px or more.
func TestChartTextReadableOnPhones(t *testing.T) {
	bctx, cancel := browser(t)
	defer cancel()
	for _, file := range pagesToCheck(t) {
		if !strings.HasPrefix(filepath.Base(file), "rapport") {
			continue
		}
		abs, _ := filepath.Abs(file)
		self := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		for _, w := range []int64{360, 390} {
			t.Run(filepath.Base(file)+"/"+itoa(int(w)), func(t *testing.T) {
				tab, closeTab := chromedp.NewContext(bctx)
				defer closeTab()
				ctx, stop := context.WithTimeout(tab, time.Minute)
				defer stop()
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 800, chromedp.EmulateMobile), chromedp.Navigate(self)); err != nil {
					t.Fatal(err)
				}
				out, err := chromedp.Run(ctx, chromedp.Evaluate[string](chartTextJS))
				if err != nil {
					t.Fatal(err)
				}
				var r struct {
					Count, Smalls int
					Small         []string
				}
				if err := json.Unmarshal([]byte(out), &r); err != nil {
					t.Fatal(err)
				}
				if r.Count == 0 {
					t.Fatal("the report has no chart texts")
				}
				if r.Smalls > 0 {
					t.Errorf("at %d px %d of %d chart texts are smaller than 12 px, e.g.\n%s", w, r.Smalls, r.Count, joinLines(r.Small))
				}
			})
		}
	}
}
