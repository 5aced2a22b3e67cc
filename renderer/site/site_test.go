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
	"golang.org/x/net/html"
)

var today = measures.Date{Year: 2026, Month: 12, Day: 1}

// hostileContent is the embedded content with a proposal whose fields carry markup,
// a script, a javascript: link, an event handler and an id that tries to leave the site.
func hostileContent(t testing.TB) *measures.Content {
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
	c, err := measures.Load(fsys)
	if err != nil && c == nil {
		t.Fatal(err)
	}
	return c
}

func build(t testing.TB, c *measures.Content) *Site {
	t.Helper()
	commits := []feed.Commit{{Hash: strings.Repeat("a", 40), Date: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
		Author: "Kari <b>Nordmann</b>", Subject: "T14: status <i>ikke vurdert</i> → pågår", Files: []string{"content/measures/T14.md"}}}
	s, err := Build(c, Options{URL: "https://eksempel.no/strategi/", Today: today, Commits: commits,
		Report: []byte("<!DOCTYPE html><title>r</title>"), Strategy: []byte("<!DOCTYPE html><title>s</title>")})
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
		"endringer.xml", "frister.ics", "sitemap.xml"} {
		if _, ok := s.Files[p]; !ok {
			t.Errorf("the site has no %s", p)
		}
	}
	for p, data := range s.Files {
		if !strings.HasSuffix(p, ".html") || strings.HasPrefix(p, "strategi/") || strings.HasPrefix(p, "rapport/") {
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
