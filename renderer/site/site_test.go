package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/feed"
	"github.com/samvirke/samvirke/renderer/lang"
	"golang.org/x/net/html"
)

var today = measures.Date{Year: 2026, Month: 12, Day: 1}

// hostileContent is the embedded content with a proposal whose fields carry markup,
// a script, a javascript: link, an event handler and an id that tries to leave the site.
func hostileContent(t testing.TB) *measures.Content {
	t.Helper()
	c, err := measures.Load(hostileFS(t))
	if err != nil && c == nil {
		t.Fatal(err)
	}
	return c
}

// hostileFS is the files of hostileContent.
func hostileFS(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fsWalk(content.FS(), func(p string, data []byte) { fsys[p] = &fstest.MapFile{Data: data} })
	if err != nil {
		t.Fatal(err)
	}
	fsys["measures/P-fiendtlig.md"] = &fstest.MapFile{Data: []byte(`---
id: P-fiendtlig
title: <script>alert(1)</script> "tittel" & <img src=x onerror=alert(2)>
kind: measure
area: roles
owners: [nav]
status: proposed
revision: new
---
Tekst med <script>alert(3)</script>, <iframe src="https://example.com/"></iframe>,
[en lenke](javascript:alert(4)), ![bilde](https://example.com/sporing.png) og [[T14]].
`)}
	return fsys
}

// testReports are the latest report (with a PDF), an earlier one without and one whose
// tag name tries to leave the site.
var testReports = []Report{
	{Date: today, HTML: []byte("<!DOCTYPE html><title>r</title>"), PDF: []byte("%PDF-1.7 r")},
	{Name: "2026-11", Date: measures.Date{Year: 2026, Month: 11, Day: 2}, HTML: []byte("<!DOCTYPE html><title>r 2026-11</title>")},
	{Name: "../../x", Date: measures.Date{Year: 2026, Month: 10, Day: 1}, HTML: []byte("<!DOCTYPE html><title>x</title>")},
}

func build(t testing.TB, c *measures.Content) *Site {
	t.Helper()
	commits := []feed.Commit{{Hash: strings.Repeat("a", 40), Date: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
		Author: "Kari <b>Nordmann</b>", Subject: "T14: status <i>ikke vurdert</i> → pågår", Files: []string{"content/measures/T14.md"}}}
	s, err := Build(c, Options{URL: "https://eksempel.no/strategi/", Today: today, Commits: commits,
		Strategy: []byte("<!DOCTYPE html><title>s</title>"), Reports: testReports})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSitePages checks the site's addresses, that every internal link resolves, that no
// page loads anything from outside the site and that hostile content stays text.
func TestSitePages(t *testing.T) {
	c := hostileContent(t)
	s := build(t, c)
	for _, p := range []string{"index.html", "tiltak/index.html", "tiltak/T14/index.html", "tiltak/P-fiendtlig/index.html",
		"omrade/roles/index.html", "eier/nav/index.html", "innspill/index.html", "strategi/index.html", "rapport/index.html",
		"rapport/nyeste/index.html", "rapport/nyeste/rapport.pdf", "rapport/2026-11/index.html",
		"endringer.xml", "frister.ics", "sitemap.xml"} {
		if _, ok := s.Files[p]; !ok {
			t.Errorf("the site has no %s", p)
		}
	}
	for p, data := range s.Files {
		if !strings.HasSuffix(p, ".html") || strings.HasPrefix(p, "strategi/") || (strings.HasPrefix(p, "rapport/") && p != "rapport/index.html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			switch n.Data {
			case "script", "iframe", "img", "object", "embed":
				t.Errorf("%s has a <%s>", p, n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s=%q>", p, n.Data, a.Key, a.Val)
				}
				if a.Key != "href" && a.Key != "src" {
					continue
				}
				u, err := url.Parse(a.Val)
				if err != nil || u.Scheme != "" || u.Host != "" {
					if n.Data != "a" || (u != nil && u.Scheme != "https" && u.Scheme != "http" && u.Scheme != "mailto") {
						t.Errorf("%s: %s=%q leaves the site", p, a.Key, a.Val)
					}
					continue
				}
				target := path.Join(path.Dir(p), u.Path)
				if u.Path == "" {
					target = p
				} else if strings.HasSuffix(u.Path, "/") || u.Path == "." || strings.HasSuffix(u.Path, "..") {
					target = path.Join(target, "index.html")
				}
				if _, ok := s.Files[target]; !ok {
					t.Errorf("%s: the link %q goes to %s, which the site does not have", p, a.Val, target)
				}
			}
		})
	}
	page := string(s.Files["tiltak/P-fiendtlig/index.html"])
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt; &#34;tittel&#34; &amp; &lt;img src=x onerror=alert(2)&gt;",
		"<a class=\"ref\" href=\"../../tiltak/T14/\">tiltak\u00a0T14 («Undersøke om taushetsplikten hindrer samvirke»)</a>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the hostile page lacks %q:\n%s", want, page)
		}
	}
	reports := string(s.Files["rapport/index.html"])
	for _, want := range []string{`<a href="nyeste/">Statusrapport til fagrådet, 1. desember 2026</a> · <a href="nyeste/rapport.pdf" type="application/pdf">PDF</a>`,
		`<a href="2026-11/">Statusrapport til fagrådet, 2. november 2026</a> (rapport/2026-11)</li>`, lang.NB.Texts().Site.NoPDF} {
		if !strings.Contains(reports, want) {
			t.Errorf("the report page lacks %q:\n%s", want, reports)
		}
	}
	if _, ok := s.Files["rapport/2026-11/rapport.pdf"]; ok || strings.Contains(reports, "../x") {
		t.Errorf("a report without a PDF got one, or a tag outside the site a link:\n%s", reports)
	}
	if strings.Contains(string(s.Files["index.html"]), "<i>") {
		t.Errorf("a commit subject's markup reached the front page")
	}
	if !strings.Contains(string(s.Files["sitemap.xml"]), "<loc>https://eksempel.no/strategi/tiltak/T14/</loc>") {
		t.Errorf("the sitemap lacks T14:\n%s", s.Files["sitemap.xml"])
	}
}

// TestSiteIDOutsideTheSite checks that a measure whose id is not a path segment gets no
// page (and so no file outside the output directory).
func TestSiteIDOutsideTheSite(t *testing.T) {
	c := hostileContent(t)
	c.Measures[0].ID = "../../../etc/x"
	s := build(t, c)
	for p := range s.Files {
		if strings.Contains(p, "..") {
			t.Errorf("the site has a file %s", p)
		}
	}
}

// TestSiteWritesOnlyChangedPages writes the site, writes it again (nothing changes),
// changes one measure's status and writes once more.
func TestSiteWritesOnlyChangedPages(t *testing.T) {
	dir := t.TempDir()
	c := hostileContent(t)
	first, err := build(t, c).Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if first.Written != len(build(t, c).Files) || first.Unchanged != 0 {
		t.Errorf("first write: %+v", first)
	}
	again, _ := build(t, c).Write(dir)
	if again.Written != 0 {
		t.Errorf("the same site wrote %d files again", again.Written)
	}
	c.Measure("T20").Status = measures.Done
	third, _ := build(t, c).Write(dir)
	// T20's page, the front page, the lists of its area, its owners and all measures.
	if third.Written == 0 || third.Written > 2+1+len(c.Measure("T20").Owners)+1 {
		t.Errorf("one status change rewrote %d files", third.Written)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "tiltak", "T20", "index.html"))
	if !strings.Contains(string(data), measures.Done.Label()) {
		t.Errorf("T20's page was not rewritten")
	}
}

// TestSiteRemovesDeletedPages writes the site, deletes a measure and writes it again:
// the measure's page and its directory go, the pages that listed it are rewritten, and
// nothing the site did not write is touched (a file of the user's, a line of the
// manifest that points outside the output directory).
func TestSiteRemovesDeletedPages(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	fsys := hostileFS(t)
	load := func() *measures.Content {
		c, err := measures.Load(fsys)
		if err != nil && c == nil {
			t.Fatal(err)
		}
		return c
	}
	if _, err := build(t, load()).Write(dir); err != nil {
		t.Fatal(err)
	}
	mine := map[string]string{"CNAME": "samvirke.eksempel.no\n", "tiltak/T20/notat.txt": "mitt\n", "tiltak/egen.html": "<p>egen</p>"}
	for p, data := range mine {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outside := filepath.Join(root, "utenfor.txt")
	os.WriteFile(outside, []byte("ikke nettstedets\n"), 0o644)
	manifest := filepath.Join(dir, Manifest)
	listed, err := os.ReadFile(manifest)
	if err != nil || !strings.Contains(string(listed), "tiltak/T20/index.html\n") || strings.Contains(string(listed), "CNAME") {
		t.Fatalf("the manifest (%v):\n%s", err, listed)
	}
	os.WriteFile(manifest, append(listed, "../utenfor.txt\n/etc/passwd\ntiltak/../../utenfor.txt\n"...), 0o644)

	delete(fsys, "measures/T20.md")
	delete(fsys, "measures/P-fiendtlig.md")
	res, err := build(t, load()).Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.Removed != 2 || res.Written == 0 || res.Unchanged == 0 {
		t.Errorf("after deleting two measures: %+v, want 2 removed", res)
	}
	for _, gone := range []string{"tiltak/P-fiendtlig/index.html", "tiltak/P-fiendtlig", "tiltak/T20/index.html"} {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(gone))); !os.IsNotExist(err) {
			t.Errorf("%s is still there (%v)", gone, err)
		}
	}
	for p, data := range mine {
		if got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p))); err != nil || string(got) != data {
			t.Errorf("the user's %s: %q, %v", p, got, err)
		}
	}
	if _, err := os.Stat(outside); err != nil {
		t.Errorf("a line of the manifest removed a file outside the site: %v", err)
	}
	list, _ := os.ReadFile(filepath.Join(dir, "tiltak", "index.html"))
	if strings.Contains(string(list), "T20/") {
		t.Errorf("the list of measures still links to T20")
	}
	again, _ := build(t, load()).Write(dir)
	if again.Written != 0 || again.Removed != 0 {
		t.Errorf("the same site again: %+v", again)
	}
}

// BenchmarkSite10k builds the site of 10,000 measures in memory (the target: 5 s).
func BenchmarkSite10k(b *testing.B) {
	c := hostileContent(b)
	base := c.Measure("T14")
	fsys := fstest.MapFS{}
	fsWalk(content.FS(), func(p string, data []byte) {
		if !strings.HasPrefix(p, "measures/") {
			fsys[p] = &fstest.MapFile{Data: data}
		}
	})
	for i := 1; i <= 10000; i++ {
		m := base.Clone()
		m.ID = fmt.Sprintf("T%02d", i)
		m.Title = fmt.Sprintf("Tiltak %d for bedre samvirke", i)
		fsys["measures/"+m.ID+".md"] = &fstest.MapFile{Data: m.Encode()}
	}
	big, err := measures.Load(fsys)
	if err != nil && big == nil {
		b.Fatal(err)
	}
	if len(big.Measures) != 10000 {
		b.Fatalf("%d measures", len(big.Measures))
	}
	b.ResetTimer()
	start, n := cpuTime(), 0
	for b.Loop() {
		s := build(b, big)
		b.ReportMetric(float64(len(s.Files)), "files")
		n++
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(n), "cpu-s/op")
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// fsWalk calls f with every file of fsys.
func fsWalk(fsys fs.FS, f func(string, []byte)) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err == nil {
			f(p, data)
		}
		return err
	})
}
