package renderer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
)

// printed is a document printed to PDF in the real browser, with the text of each page
// as pdftotext reads it.
type printed struct {
	pdf   []byte
	pages []string
}

func printDoc(t *testing.T, doc interface {
	HTML(*bytes.Buffer) error
	PrintInfo() PrintInfo
}) printed {
	t.Helper()
	path, err := FindBrowser()
	if err != nil {
		skipOrFail(t, "no browser: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		skipOrFail(t, "pdftotext not installed (apt-get install poppler-utils): %v", err)
	}
	var h, pdf bytes.Buffer
	if err := doc.HTML(&h); err != nil {
		t.Fatal(err)
	}
	if err := PDF(context.Background(), path, h.Bytes(), doc.PrintInfo(), &pdf); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	return printed{pdf.Bytes(), pages}
}

// htmlDoc adapts Report and Strategy to printDoc.
type htmlDoc struct {
	html func(*bytes.Buffer) error
	info PrintInfo
}

func (d htmlDoc) HTML(b *bytes.Buffer) error { return d.html(b) }
func (d htmlDoc) PrintInfo() PrintInfo       { return d.info }

func embeddedDocs(t *testing.T) map[string]htmlDoc {
	c, err := measures.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	opts := DocOptions{Date: testDate, Version: "c8d82df", AsOf: testDate}
	r := NewReport(c, ReportOptions{DocOptions: opts, NoBaseline: "Ingen sammenligning."})
	s := NewStrategy(c, opts)
	return map[string]htmlDoc{
		"rapport":  {func(b *bytes.Buffer) error { return r.HTML(b) }, r.PrintInfo()},
		"strategi": {func(b *bytes.Buffer) error { return s.HTML(b) }, s.PrintInfo()},
	}
}

var tocLine = regexp.MustCompile(`^\s*(\S.*?\S)\s*\.*\s{2,}(\d+)\s*$`)

// TestPrintedPagesAreNumbered prints both documents and checks that every page says
// «Side N av M» and carries the running header, that the PDF's title and subject name
// the date and the version, and that every page number in the table of contents is the
// first page after it where that heading stands.
func TestPrintedPagesAreNumbered(t *testing.T) {
	for name, doc := range embeddedDocs(t) {
		t.Run(name, func(t *testing.T) {
			p := printDoc(t, doc)
			if len(p.pages) < 10 {
				t.Fatalf("%d pages", len(p.pages))
			}
			head := doc.PrintInfo().Header
			for i, text := range p.pages {
				want := fmt.Sprintf("Side %d av %d", i+1, len(p.pages))
				if !strings.Contains(normalize(text), want) {
					t.Errorf("page %d lacks %q", i+1, want)
				}
				if !strings.Contains(normalize(text), normalize(head)) {
					t.Errorf("page %d lacks the running header %q", i+1, head)
				}
			}
			info := pdfInfo(t, p.pdf)
			for _, want := range []string{"Title: .*1\\. desember|22\\. november 2026 \\(versjon c8d82df\\)", "Subject: .*versjon c8d82df"} {
				if !regexp.MustCompile(want).MatchString(info) {
					t.Errorf("pdfinfo lacks %s:\n%s", want, info)
				}
			}
			checkTOC(t, p.pages)
			savePDFShots(t, p.pdf, name)
		})
	}
}

// checkTOC reads the table of contents on page 2 and checks each entry's page: the first
// page, from the previous entry's on (the contents are in the document's order), with
// a line that is the heading and nothing else.
func checkTOC(t *testing.T, pages []string) {
	t.Helper()
	const tocPage = 1 // index of page 2
	n, from := 0, tocPage+1
	for _, line := range strings.Split(pages[tocPage], "\n") {
		m := tocLine.FindStringSubmatch(line)
		if m == nil || strings.HasPrefix(strings.TrimSpace(line), "Side ") {
			continue
		}
		label, want := normalize(m[1]), m[2]
		got := "none"
		for i := from; i < len(pages) && got == "none"; i++ {
			for _, l := range strings.Split(pages[i], "\n") {
				if headingLine(normalize(l), label) {
					got, from = strconv.Itoa(i+1), i
					break
				}
			}
		}
		if got != want {
			t.Errorf("contents say %q is on page %s; it is first on page %s", label, want, got)
		}
		n++
	}
	if n < 5 {
		t.Errorf("read %d entries with page numbers in the contents:\n%s", n, pages[tocPage])
	}
}

// headingLine reports whether a line of a page is the heading label, or (for a heading
// or an entry of the contents that wraps) its first line.
func headingLine(line, label string) bool {
	return line == label || len(line) >= 15 && (strings.HasPrefix(label, line) || strings.HasPrefix(line, label))
}

// normalize folds the whitespace of pdftotext's layout (and non-breaking spaces) to one
// space and undoes hyphenation at line ends.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = regexp.MustCompile(`[\x{00ad}-]\n\s*`).ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), " ")
}

func pdfInfo(t *testing.T, pdf []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "info.pdf")
	os.WriteFile(file, pdf, 0o644)
	out, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return regexp.MustCompile(` +`).ReplaceAllString(string(out), " ")
}

// savePDFShots keeps pictures of the first three printed pages in the screenshots
// directory (with pdftoppm, when it is there).
func savePDFShots(t *testing.T, pdf []byte, name string) {
	dir := os.Getenv("SAMVIRKE_SCREENSHOTS")
	if dir == "" {
		dir = "../build/screenshots"
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil || os.MkdirAll(dir, 0o755) != nil {
		return
	}
	file := filepath.Join(t.TempDir(), "shot.pdf")
	os.WriteFile(file, pdf, 0o644)
	if out, err := exec.Command("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "3", file, filepath.Join(dir, name+"-pdf")).CombinedOutput(); err != nil {
		t.Errorf("pdftoppm: %v: %s", err, out)
	}
}

// printedRef is a [[T01]] reference as the printed strategy reads: «tiltak T01
// («Title», side 3)».
var printedRef = regexp.MustCompile(`(tiltak|anbefaling) (T\d+|D\d+) \(«([^»]+)», side (\d+)\)`)

// TestPrintedRefsHavePages prints the fixture strategy and checks that every [[T01]]
// reads «tiltak T01 («Title», side N)» in lower case, and that page N is where the
// measure's box stands (a line that starts with its id and title).
func TestPrintedRefsHavePages(t *testing.T) {
	c := fixture(t)
	s := NewStrategy(c, DocOptions{Date: testDate})
	p := printDoc(t, htmlDoc{func(b *bytes.Buffer) error { return s.HTML(b) }, s.PrintInfo()})
	found := 0
	for i, page := range p.pages {
		for _, m := range printedRef.FindAllStringSubmatch(normalize(page), -1) {
			found++
			n, _ := strconv.Atoi(m[4])
			if m[3] != c.Measure(m[2]).Title {
				t.Errorf("page %d: %q has the title %q", i+1, m[0], m[3])
			}
			if n < 1 || n > len(p.pages) {
				t.Errorf("page %d: %q points past the document (%d pages)", i+1, m[0], len(p.pages))
				continue
			}
			box := regexp.MustCompile(`(?m)^\s*` + m[2] + `\s+` + regexp.QuoteMeta(m[3]))
			if !box.MatchString(strings.ReplaceAll(p.pages[n-1], "\u00a0", " ")) {
				t.Errorf("page %d: %q, but page %d has no box of %s:\n%s", i+1, m[0], n, m[2], p.pages[n-1])
			}
		}
	}
	if found < 3 {
		t.Errorf("found %d printed references with a page, want the 3 of the fixture:\n%s", found, strings.Join(p.pages, "\f"))
	}
}

// TestPrintedLeadInsKeepTheirBox prints a chapter of forty lead-ins, each after a
// paragraph one sentence longer than the last, so some fall at the foot of a page, and
// checks that each lead-in stands on the same page as the first line of its box.
func TestPrintedLeadInsKeepTheirBox(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\nid: summary\nnumber: 1\ntitle: Sammendrag – anbefalinger\n---\n")
	for i := 1; i <= 40; i++ {
		b.WriteString(strings.Repeat("Dette avsnittet fyller siden med tekst som skyver neste ledd nedover. ", i%9*3+1))
		fmt.Fprintf(&b, "\n\nLedd%02d: for å styrke samarbeidet foreslås\n\n::: tiltak T05\n- boks%02d legge til rette for et formalisert samarbeid om planer.\n:::\n\n", i, i)
	}
	c := editedFixture(t, [3]string{"strategy/01-summary.md", readFile(t, "testdata/content/strategy/01-summary.md"), b.String()})
	s := NewStrategy(c, DocOptions{Date: testDate})
	p := printDoc(t, htmlDoc{func(b *bytes.Buffer) error { return s.HTML(b) }, s.PrintInfo()})
	feet := 0
	for i := 1; i <= 40; i++ {
		lead, box := fmt.Sprintf("Ledd%02d", i), fmt.Sprintf("Boks%02d", i)
		lp, bp := pageOf(p.pages, lead), pageOf(p.pages, box)
		if lp == 0 || bp == 0 {
			t.Fatalf("%s is on page %d, %s on page %d", lead, lp, box, bp)
		}
		if lp != bp {
			t.Errorf("%s is on page %d, its box on page %d", lead, lp, bp)
		}
		if lines := strings.Split(strings.TrimSpace(p.pages[lp-1]), "\n"); lp > 1 && strings.Contains(strings.Join(lines[max(0, len(lines)-12):], "\n"), box) {
			feet++
		}
	}
	if feet == 0 {
		t.Errorf("no lead-in came near the foot of a page; the test proves nothing")
	}
}

// pageOf is the page (from 1) where s first stands, or 0.
func pageOf(pages []string, s string) int {
	for i, p := range pages {
		if strings.Contains(p, s) {
			return i + 1
		}
	}
	return 0
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
