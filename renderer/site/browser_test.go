package site

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/samvirke/samvirke/renderer/feed"
	"github.com/samvirke/samvirke/renderer/internal/pagecheck"
)

// siteScan reports what a page of the site holds that it must not: a script ran (the
// trap), a script element, an on… attribute, or anything embedded.
const siteScan = `JSON.stringify((() => {
	const out = {Pwned: window.__pwned === true, Bad: []};
	for (const el of document.querySelectorAll("*")) {
		const tag = el.tagName.toLowerCase();
		if (["script", "iframe", "frame", "object", "embed", "img", "svg", "form", "base", "link", "video", "audio"].includes(tag) &&
			!(tag === "link" && el.rel === "alternate")) out.Bad.push("<" + tag + ">");
		for (const a of el.attributes) if (a.name.toLowerCase().startsWith("on")) out.Bad.push("<" + tag + " " + a.name + ">");
	}
	return out;
})())`

// browserSite writes the sites of both hostile fixtures (this package's: the embedded
// content with a hostile proposal; the renderer's testdata/hostile) with their real
// report and strategy pages and hostile commit subjects, and returns their pages of HTML
// by name (embedded/tiltak/T14/index.html) as files.
func browserSite(t *testing.T) map[string]string {
	t.Helper()
	fixture, err := measures.Load(os.DirFS("../testdata/hostile/content"))
	if err != nil && fixture == nil {
		t.Fatal(err)
	}
	commits := []feed.Commit{{Hash: strings.Repeat("d", 40), Date: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
		Author: `"><img src=x onerror=alert(1)>`, Subject: `<script>alert(1)</script> "><svg onload=alert(2)>`,
		Files: []string{"content/measures/T01.md", "content/measures/P-fiendtlig.md"}}}
	pages := map[string]string{}
	for name, c := range map[string]*measures.Content{"embedded": hostileContent(t), "fixture": fixture} {
		doc := renderer.DocOptions{Date: today, Origin: `commit <b>1a2b3c4</b>`}
		var rep, strat bytes.Buffer
		if err := renderer.NewReport(c, renderer.ReportOptions{DocOptions: doc, NoBaseline: "Ingen sammenligning."}).HTML(&rep); err != nil {
			t.Fatal(err)
		}
		if err := renderer.NewStrategy(c, doc).HTML(&strat); err != nil {
			t.Fatal(err)
		}
		s, err := Build(c, Options{URL: "https://eksempel.no/strategi/", Today: today, Commits: commits, Origin: doc.Origin,
			Strategy: strat.Bytes(), Reports: []Report{{Date: today, HTML: rep.Bytes(), PDF: []byte("%PDF-")},
				{Name: "2026-11", Date: today, HTML: rep.Bytes()}}})
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(t.TempDir(), name)
		if _, err := s.Write(dir); err != nil {
			t.Fatal(err)
		}
		for p := range s.Files {
			if strings.HasSuffix(p, ".html") {
				pages[name+"/"+p] = filepath.Join(dir, filepath.FromSlash(p))
			}
		}
	}
	return pages
}

// TestSiteInBrowser opens every page of the sites of both hostile fixtures in headless
// Chromium: no script runs, nothing is requested beyond the page, nothing is logged as
// an error, and the DOM holds no script, handler or embedded element. The site's own
// pages (not the report and strategy documents, which the renderer's tests check) are
// then laid out at 360 and 390 px: nothing is wider than the viewport.
func TestSiteInBrowser(t *testing.T) {
	bctx, cancel := browser(t)
	defer cancel()
	pages := browserSite(t)
	for _, name := range slices.Sorted(maps.Keys(pages)) {
		file := pages[name]
		document := strings.Contains(name, "/strategi/") || (strings.Contains(name, "/rapport/") && !strings.HasSuffix(name, "/rapport/index.html"))
		t.Run(name, func(t *testing.T) {
			for _, p := range openPage(t, bctx, file, !document) {
				if document && p == "<svg>" {
					continue // the report's charts: the renderer's tests check them
				}
				t.Error(p)
			}
		})
	}
}

// browser starts headless Chromium, or skips the test without one, unless
// SAMVIRKE_BROWSER=1 (as in .ci/browser) makes that a failure.
func browser(t *testing.T) (context.Context, context.CancelFunc) {
	t.Helper()
	path, err := renderer.FindBrowser()
	if err != nil {
		if os.Getenv("SAMVIRKE_BROWSER") == "1" {
			t.Fatalf("no browser: %v", err)
		}
		t.Skipf("no browser: %v (set SAMVIRKE_BROWSER=1 to make this a failure)", err)
	}
	bctx, cancel, err := renderer.NewBrowser(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return bctx, cancel
}

// openPage loads file with the script trap installed and returns its problems; with
// phone, it lays the page out at 360 and 390 px too and adds what sticks out.
// TestSiteInBrowserCatchesABadPage shows that it sees each.
func openPage(t *testing.T, bctx context.Context, file string, phone bool) []string {
	t.Helper()
	self := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
	tab, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	ctx, stop := context.WithTimeout(tab, time.Minute)
	defer stop()
	probs := pagecheck.NewProblems(self)
	if err := chromedp.Listen(tab, probs.Listen); err != nil {
		t.Fatal(err)
	}
	trap := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: pagecheck.TrapScript})
		return err
	})
	if err := chromedp.Do(ctx, trap, chromedp.EmulateViewport(1200, 900), chromedp.Navigate(self)); err != nil {
		t.Fatalf("open %s: %v", self, err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](siteScan))
	if err != nil {
		t.Fatalf("scan the page: %v", err)
	}
	var scan struct {
		Pwned bool
		Bad   []string
	}
	if err := json.Unmarshal([]byte(out), &scan); err != nil {
		t.Fatalf("scan result: %v", err)
	}
	var list []string
	if scan.Pwned {
		list = append(list, "a script ran (window.__pwned)")
	}
	list = append(list, scan.Bad...)
	for _, w := range []int64{360, 390} {
		if !phone {
			break
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 800, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		out, err := chromedp.Run(ctx, chromedp.Evaluate[string](pagecheck.OverflowJS))
		if err != nil {
			t.Fatal(err)
		}
		var o pagecheck.Overflow
		if err := json.Unmarshal([]byte(out), &o); err != nil {
			t.Fatal(err)
		}
		if o.Page > o.Viewport || o.Count > 0 {
			list = append(list, "at "+itoa(o.Viewport)+" px the page is "+itoa(o.Page)+" px wide; "+itoa(o.Count)+" elements stick out, e.g. "+strings.Join(o.Elements, "; "))
		}
	}
	time.Sleep(100 * time.Millisecond) // let late loads, errors and timers arrive
	return append(list, probs.List()...)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestSiteInBrowserCatchesABadPage is the control: a page that runs a script, loads a
// picture from elsewhere, logs an error and holds a table wider than a phone fails.
func TestSiteInBrowserCatchesABadPage(t *testing.T) {
	bctx, cancel := browser(t)
	defer cancel()
	file := filepath.Join(t.TempDir(), "index.html")
	os.WriteFile(file, []byte(`<!DOCTYPE html><html lang="nb"><head><title>x</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><img src="http://127.0.0.1:9/x.png" alt=""><script>alert(1); console.error("feil")</script>
<p onclick="x()">Trykk</p><pre>bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred bred</pre></body></html>`), 0o644)
	all := strings.Join(openPage(t, bctx, file, true), "\n")
	for _, want := range []string{"a script ran", "<script>", "<img>", "<p onclick>", "request to http://127.0.0.1:9/x.png", "console error", "at 360 px", "at 390 px"} {
		if !strings.Contains(all, want) {
			t.Errorf("the problems of a bad page lack %q:\n%s", want, all)
		}
	}
}
