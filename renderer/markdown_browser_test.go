package renderer

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/samvirke/samvirke/renderer/internal/pagecheck"
)

// trapScript is pagecheck's: every way a script would show itself sets window.__pwned.
const trapScript = pagecheck.TrapScript

// domScan reports what the page holds that no Markdown output may produce: active or
// embedding elements, on* handler attributes, and every URL-valued attribute (judged
// by SafeURL in Go).
const domScan = `JSON.stringify((() => {
	const active = ["script", "iframe", "frame", "frameset", "object", "embed", "img", "svg", "math", "form", "base",
		"meta", "link", "style", "video", "audio", "source", "picture", "input", "button", "textarea", "select"];
	const urlAttrs = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "ping"];
	const out = {Pwned: window.__pwned === true, Bad: [], URLs: []};
	for (const el of document.body.querySelectorAll("*")) {
		const tag = el.tagName.toLowerCase();
		if (active.includes(tag)) out.Bad.push("<" + tag + ">");
		for (const a of el.attributes) {
			const k = a.name.toLowerCase();
			if (k.startsWith("on")) out.Bad.push("<" + tag + " " + a.name + ">");
			if (urlAttrs.includes(k)) out.URLs.push(a.value);
		}
	}
	return out;
})())`

// TestMarkdownOutputsInBrowser renders every Markdown output of the hostile fixture
// with renderers that keep raw HTML and every link (goldmark with WithUnsafe,
// cmark-gfm --unsafe), opens each page in headless Chromium and checks that no script
// ran, nothing was requested, and the DOM holds no active element, no handler and no
// unsafe link.
func TestMarkdownOutputsInBrowser(t *testing.T) {
	bctx, cancel := browser(t)
	defer cancel()
	renderers := markdownRenderers(t)
	dir := t.TempDir()
	for _, d := range hostileMarkdown(t) {
		for name, render := range renderers {
			t.Run(d.name+"/"+name, func(t *testing.T) {
				file := writeMarkdownPage(t, dir, d.name+"-"+name, render(t, d.md))
				for _, p := range markdownPageProblems(t, bctx, file) {
					t.Errorf("%s through %s: %s", d.name, name, p)
				}
			})
		}
	}
}

// TestMarkdownBrowserCheckCatchesABadPage is the control: Markdown with a script, a
// handler, a javascript: link, an iframe and a picture to fetch fails every check.
func TestMarkdownBrowserCheckCatchesABadPage(t *testing.T) {
	bctx, cancel := browser(t)
	defer cancel()
	bad := "<script>alert(1)</script>\n\n<b onmouseover=\"alert(2)\">x</b> [a](javascript:alert(3)) " +
		"<iframe src=\"http://127.0.0.1:9/f\"></iframe> ![b](http://127.0.0.1:9/b.png)\n"
	for name, render := range markdownRenderers(t) {
		t.Run(name, func(t *testing.T) {
			file := writeMarkdownPage(t, t.TempDir(), "bad", render(t, bad))
			all := strings.Join(markdownPageProblems(t, bctx, file), "\n")
			for _, want := range []string{"a script ran", "<script>", "<b onmouseover>", "unsafe link javascript:alert(3)",
				"<iframe>", "<img>", "request to http://127.0.0.1:9/b.png"} {
				if !strings.Contains(all, want) {
					t.Errorf("problems of a bad page lack %q:\n%s", want, all)
				}
			}
		})
	}
}

// writeMarkdownPage wraps rendered Markdown in a page of its own, as a site would.
func writeMarkdownPage(t *testing.T, dir, name, body string) string {
	t.Helper()
	doc := `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>` + html.EscapeString(name) +
		"</title></head><body>\n" + body + "\n</body></html>\n"
	p := filepath.Join(dir, strings.NewReplacer("/", "-", " ", "-").Replace(name)+".html")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// markdownPageProblems opens file in a new tab with trapScript installed and returns
// what it did or holds that it must not.
func markdownPageProblems(t *testing.T, bctx context.Context, file string) []string {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	self := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	tab, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	ctx, stop := context.WithTimeout(tab, time.Minute)
	defer stop()
	probs := pagecheck.NewProblems(self)
	if err := chromedp.Listen(tab, probs.Listen); err != nil {
		t.Fatal(err)
	}
	trap := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: trapScript})
		return err
	})
	if err := chromedp.Do(ctx, trap, chromedp.Navigate(self)); err != nil {
		t.Fatalf("open %s: %v", self, err)
	}
	time.Sleep(300 * time.Millisecond) // let late loads, errors and timers arrive
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](domScan))
	if err != nil {
		t.Fatalf("scan the page: %v", err)
	}
	var scan struct {
		Pwned     bool
		Bad, URLs []string
	}
	if err := json.Unmarshal([]byte(out), &scan); err != nil {
		t.Fatalf("scan result: %v", err)
	}
	list := probs.List()
	if scan.Pwned {
		list = append(list, "a script ran (window.__pwned)")
	}
	list = append(list, scan.Bad...)
	for _, u := range scan.URLs {
		if !SafeURL(u) {
			list = append(list, fmt.Sprintf("unsafe link %s", u))
		}
	}
	return list
}
