// Package pagecheck holds what the browser tests of the documents and of the site check
// in a page loaded in headless Chromium: that it logs no error, throws nothing, opens no
// dialog and requests nothing but itself (Problems), and that nothing in it is wider
// than the viewport (OverflowJS).
package pagecheck

import (
	"fmt"
	"sync"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
)

// Problems collects what a page must not do: log errors, throw, open a dialog (a script
// ran), or request anything but itself. Listen is safe for concurrent use.
type Problems struct {
	mu   sync.Mutex
	self string
	list []string
}

// NewProblems collects the problems of the page at the URL self.
func NewProblems(self string) *Problems { return &Problems{self: self} }

func (p *Problems) add(format string, args ...any) {
	p.mu.Lock()
	p.list = append(p.list, fmt.Sprintf(format, args...))
	p.mu.Unlock()
}

// List returns the problems seen so far.
func (p *Problems) List() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.list...)
}

// Listen is the listener to give chromedp.Listen.
func (p *Problems) Listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			p.add("console error")
		}
	case *runtime.EventExceptionThrown:
		p.add("exception: %s", ev.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			p.add("log error: %s %s", ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventLoadingFailed:
		p.add("failed request %s: %s", ev.RequestID, ev.ErrorText)
	case *network.EventRequestWillBeSent:
		if ev.Request.URL != p.self {
			p.add("request to %s: the page must be self-contained", ev.Request.URL)
		}
	case *page.EventJavascriptDialogOpening:
		p.add("a dialog opened: %q (script ran)", ev.Message)
	}
}

// OverflowJS lists the elements that stick out of the viewport, except those inside a
// box that scrolls sideways on its own (a wide table in its .table-wrap), and the width
// of the page itself, as the JSON of an Overflow.
const OverflowJS = `(() => {
const W = document.documentElement.clientWidth, bad = [];
const scrolls = el => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
  const o = getComputedStyle(a).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
for (const el of document.querySelectorAll("body *")) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || (r.right <= W + 1 && r.left >= -1) || scrolls(el)) continue;
  bad.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "") + " " + Math.round(r.left) + "–" + Math.round(r.right) + ": " + (el.textContent || "").trim().slice(0, 40));
}
return JSON.stringify({Page: document.documentElement.scrollWidth, Viewport: W, Count: bad.length, Elements: bad.slice(0, 8)});
})()`

// Overflow is what OverflowJS finds: the page's width, the viewport's, and how many
// elements stick out (the first few described).
type Overflow struct {
	Page, Viewport, Count int
	Elements              []string
}

// TrapScript is to run before anything of a page (page.AddScriptToEvaluateOnNewDocument):
// every way a script would show itself (alert, confirm, prompt, print, window.open) sets
// window.__pwned instead.
const TrapScript = `window.__pwned = false;
for (const f of ["alert", "confirm", "prompt", "print", "open"]) window[f] = function () { window.__pwned = true; };`
