package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/renderer"
	"github.com/samvirke/samvirke/renderer/lang"
)

// TestSiteReportsByTag tags two reports, changes the content after each and builds the
// site: the report page lists the latest report and one per tag, newest first, each
// made from the content at its tag and compared with the tag before it; the feed
// matches RFC 4287's schema. A measure deleted afterwards loses its page on the next
// build, and the command says so.
func TestSiteReportsByTag(t *testing.T) {
	dir := strategyRepo(t)
	do := func(args ...string) string {
		t.Helper()
		_, errOut, err := run(t, false, nil, append([]string{"--repo", dir}, args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errOut)
		}
		return errOut
	}
	docs := t.TempDir()
	do("report", "-o", filepath.Join(docs, "r1.md"), "--tag", "2026-10")
	do("set", "T14", "--status", "pågår", "--note", "Arbeidet med taushetsplikten er i gang.")
	do("report", "-o", filepath.Join(docs, "r2.md"), "--tag", "2026-11")
	do("set", "T15", "--status", "pågår", "--note", "Etter novemberrapporten.")

	pdf := "--pdf=false"
	if _, err := renderer.FindBrowser(); err == nil && !testing.Short() {
		pdf = "--pdf" // print the reports as well, where a browser is installed
	}
	public := filepath.Join(t.TempDir(), "public")
	errOut := do("site", "-o", public, "--url", "https://eksempel.no/strategi/", pdf)
	if !regexp.MustCompile(`^Skrev \d+ filer til .*public \(0 filer uendret\)\.\n$`).MatchString(lastLine(errOut)) {
		t.Errorf("site said %q", errOut)
	}
	read := func(p string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	page := read("rapport/index.html")
	latest, nov, oct := strings.Index(page, `href="nyeste/"`), strings.Index(page, `href="2026-11/"`), strings.Index(page, `href="2026-10/"`)
	if latest < 0 || nov < latest || oct < nov {
		t.Errorf("the report page does not list the latest, 2026-11 and 2026-10 in that order:\n%s", page)
	}
	for _, c := range []struct {
		path      string
		want, not []string
	}{
		{"rapport/2026-10/index.html", []string{lang.NB.Texts().Doc.NoBaselineFirst}, []string{"Arbeidet med taushetsplikten", "Etter novemberrapporten"}},
		{"rapport/2026-11/index.html", []string{"rapporten av", "Arbeidet med taushetsplikten er i gang."}, []string{"Etter novemberrapporten", lang.NB.Texts().Doc.NoBaselineFirst}},
		{"rapport/nyeste/index.html", []string{"rapporten av", "Etter novemberrapporten."}, []string{lang.NB.Texts().Doc.NoBaselineFirst}},
	} {
		got := read(c.path)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", c.path, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(got, n) {
				t.Errorf("%s has %q", c.path, n)
			}
		}
	}
	if pdf == "--pdf" {
		for _, name := range []string{"nyeste", "2026-11", "2026-10"} {
			if p := read("rapport/" + name + "/rapport.pdf"); !strings.HasPrefix(p, "%PDF-") {
				t.Errorf("rapport/%s/rapport.pdf is no PDF", name)
			}
			if !strings.Contains(page, `href="`+name+`/rapport.pdf"`) {
				t.Errorf("the report page has no link to %s's PDF", name)
			}
		}
	} else if strings.Contains(page, "rapport.pdf") {
		t.Errorf("--pdf=false, yet the report page links to a PDF")
	}
	checkAtomSchema(t, filepath.Join(public, "endringer.xml"))

	// The earlier reports' PDFs are kept, not printed again; T20 deleted loses its page.
	before := map[string][]byte{}
	for _, name := range []string{"2026-11", "2026-10"} {
		before[name], _ = os.ReadFile(filepath.Join(public, "rapport", name, "rapport.pdf"))
	}
	// The strategy's lists of measures name T20; they go with it (a reference to a measure
	// that does not exist stops the strategy, and so the site).
	git(t, dir, "rm", "-q", "content/measures/T20.md")
	for name, from := range map[string]string{"01-summary.md": " T19 T20\n", "05-collaboration.md": "::: tiltak T20\n"} {
		p := filepath.Join(dir, "content", "strategy", name)
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), from) {
			t.Fatalf("%s has no %q: %v", name, from, err)
		}
		to := map[string]string{" T19 T20\n": " T19\n", "::: tiltak T20\n": "::: tiltak T21\n"}[from]
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), from, to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git(t, dir, "commit", "-q", "-a", "-m", "Fjern T20")
	errOut = do("site", "-o", public, "--url", "https://eksempel.no/strategi/", pdf)
	if !regexp.MustCompile(`^Skrev \d+ filer til .*public \(\d+ filer uendret, 1 fil fjernet\)\.\n$`).MatchString(lastLine(errOut)) {
		t.Errorf("site said %q", errOut)
	}
	if _, err := os.Stat(filepath.Join(public, "tiltak", "T20")); !os.IsNotExist(err) {
		t.Errorf("T20's page is still there: %v", err)
	}
	for name, b := range before {
		after, _ := os.ReadFile(filepath.Join(public, "rapport", name, "rapport.pdf"))
		if !bytes.Equal(b, after) {
			t.Errorf("the PDF of %s was printed again", name)
		}
	}
}

// lastLine is the last line of s, with its newline.
func lastLine(s string) string {
	lines := strings.SplitAfter(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1] + "\n"
}
