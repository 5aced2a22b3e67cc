package main

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
)

// needPandoc skips without pandoc (fails with SAMVIRKE_REQUIRE_OFFICE set: .ci/office
// installs it).
func needPandoc(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pandoc"); err != nil {
		if os.Getenv("SAMVIRKE_REQUIRE_OFFICE") != "" {
			t.Fatal("pandoc is required (SAMVIRKE_REQUIRE_OFFICE is set); .ci/office installs it")
		}
		t.Skip("pandoc not installed; .ci/office installs it")
	}
}

// docxParts returns the files of a .docx by name.
func docxParts(t *testing.T, file string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatalf("%s is no zip: %v", file, err)
	}
	defer zr.Close()
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(b)
	}
	return parts
}

// TestWordDocuments: strategy and report as .docx: real Word headings (Heading1–3, which
// Word shows as «Overskrift 1–3»), tables as Word tables, the page number in the footer,
// Norwegian as the language, and LibreOffice reads the chapter headings and measure
// titles back as text and converts the file to PDF.
func TestWordDocuments(t *testing.T) {
	needPandoc(t)
	bin := soffice(t)
	dir := strategyRepo(t)
	c, err := measures.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	for _, tt := range []struct {
		cmd, file string
		want      []string // text LibreOffice must find
		table     bool
	}{
		{"strategy", "strategi.docx", []string{c.Strategy[0].Title, c.Strategy[len(c.Strategy)-1].Title, c.Measure("T14").Title, c.Measure("T36").Title}, false},
		{"report", "rapport.docx", []string{c.Measure("T01").Title, c.Measure("T14").Title}, true},
	} {
		t.Run(tt.cmd, func(t *testing.T) {
			file := filepath.Join(work, tt.file)
			if _, stderr, err := run(t, false, nil, "--repo", dir, tt.cmd, "-o", file); err != nil {
				t.Fatalf("%s -o %s: %v\n%s", tt.cmd, tt.file, err, stderr)
			}
			parts := docxParts(t, file)
			doc := parts["word/document.xml"]
			for _, h := range []string{"Heading1", "Heading2", "Heading3"} {
				if !strings.Contains(doc, `<w:pStyle w:val="`+h+`" />`) {
					t.Errorf("no paragraph in style %s", h)
				}
			}
			if tt.table && !strings.Contains(doc, "<w:tbl>") {
				t.Error("no Word table")
			}
			if !strings.Contains(doc, "<w:footerReference") {
				t.Error("the section has no footer")
			}
			footer := ""
			for name, p := range parts {
				if strings.HasPrefix(name, "word/footer") {
					footer += p
				}
			}
			if !strings.Contains(footer, "PAGE") {
				t.Errorf("no page number field in the footer: %q", footer)
			}
			if !strings.Contains(parts["word/styles.xml"], `w:val="nb-NO"`) {
				t.Error("the language is not Norwegian bokmål")
			}
			out := convert(t, bin, file, "txt:Text")
			txt, err := os.ReadFile(filepath.Join(out, strings.TrimSuffix(tt.file, ".docx")+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(txt), w) {
					t.Errorf("LibreOffice's text lacks %q", w)
				}
			}
			pdf := convert(t, bin, file, "pdf")
			if b, err := os.ReadFile(filepath.Join(pdf, strings.TrimSuffix(tt.file, ".docx")+".pdf")); err != nil || !strings.HasPrefix(string(b), "%PDF") {
				t.Errorf("LibreOffice made no PDF of %s: %v", tt.file, err)
			}
		})
	}
}

// TestWordIgnoresImages: an image in a measure's text (content comes from pull
// requests) puts no file of this machine in the document.
func TestWordIgnoresImages(t *testing.T) {
	needPandoc(t)
	dir := strategyRepo(t)
	secret := filepath.Join(t.TempDir(), "hemmelig.png")
	if err := os.WriteFile(secret, []byte("\x89PNG\r\n\x1a\nHEMMELIG"), 0o600); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "content", "measures", "T14.md")
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	evil := string(data) + "\n![bildetekst](" + secret + ")\n\n<img src=\"" + secret + "\">\n"
	if err := os.WriteFile(f, []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "strategi.docx")
	if _, stderr, err := run(t, false, nil, "--repo", dir, "strategy", "-o", out); err != nil {
		t.Fatalf("strategy: %v\n%s", err, stderr)
	}
	for name, p := range docxParts(t, out) {
		if strings.HasPrefix(name, "word/media/") || strings.Contains(p, "HEMMELIG") {
			t.Errorf("the document holds %s from the machine", name)
		}
	}
}

// TestWordWithoutPandoc: a clear Norwegian message naming what to install.
func TestWordWithoutPandoc(t *testing.T) {
	t.Setenv("SAMVIRKE_PANDOC", "/finnes/ikke/pandoc")
	_, _, err := run(t, false, nil, "--repo", repo(t), "strategy", "-o", filepath.Join(t.TempDir(), "s.docx"))
	if err == nil || !regexp.MustCompile(`Word-filer \(\.docx\) lages med pandoc.*apt-get install pandoc`).MatchString(err.Error()) {
		t.Errorf("err = %v", err)
	}
}
