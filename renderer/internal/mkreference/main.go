// Command mkreference writes renderer/reference.docx, the reference document pandoc
// takes the styles of a Word file from: pandoc's own default reference, with the
// typography of the HTML (Georgia for text, Arial for headings and tables, the report's
// blue), Norwegian bokmål as the language, A4 pages, and the page number in the footer.
// The styles keep their built-in names (Heading 1–3), which Word shows in its own
// language («Overskrift 1–3») and uses for the navigation pane and the table of contents.
//
// Run from the repository root: go run ./renderer/internal/mkreference
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
)

const footer = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`

const footerStyle = `<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="18"/></w:rPr></w:style>`

// A4, 2.5 cm margins, the footer 1.25 cm from the edge.
const sectPr = `<w:sectPr><w:footerReference w:type="default" r:id="rIdSamvirkeFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>`

func main() {
	def, err := exec.Command("pandoc", "--print-default-data-file", "reference.docx").Output()
	if err != nil {
		fail(fmt.Errorf("pandoc --print-default-data-file reference.docx: %w", err))
	}
	zr, err := zip.NewReader(bytes.NewReader(def), int64(len(def)))
	if err != nil {
		fail(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			fail(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			fail(err)
		}
		write(zw, f.Name, patch(f.Name, string(data)))
	}
	write(zw, "word/footer1.xml", footer)
	if err := zw.Close(); err != nil {
		fail(err)
	}
	if err := os.WriteFile("renderer/reference.docx", out.Bytes(), 0o644); err != nil {
		fail(err)
	}
}

func patch(name, s string) string {
	switch name {
	case "word/styles.xml":
		s = strings.Replace(s, `<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi" />`,
			`<w:rFonts w:ascii="Georgia" w:hAnsi="Georgia" w:eastAsia="Georgia" w:cs="Georgia" />`, 1)
		s = strings.Replace(s, `<w:sz w:val="24" />`, `<w:sz w:val="22" />`, 1)
		s = strings.Replace(s, `<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA" />`, `<w:lang w:val="nb-NO" w:eastAsia="nb-NO" w:bidi="ar-SA" />`, 1)
		s = regexp.MustCompile(`<w:rFonts w:asciiTheme="majorHAnsi"[^>]*/>`).ReplaceAllString(s, `<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial" />`)
		s = regexp.MustCompile(`<w:color w:val="[0-9A-F]{6}" w:themeColor="accent1" />`).ReplaceAllString(s, `<w:color w:val="0B5394" />`)
		s = strings.Replace(s, `</w:styles>`, footerStyle+`</w:styles>`, 1)
	case "word/document.xml":
		s = strings.Replace(s, `<w:sectPr />`, sectPr, 1)
	case "word/_rels/document.xml.rels":
		s = strings.Replace(s, `</Relationships>`, `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Id="rIdSamvirkeFooter" Target="footer1.xml" /></Relationships>`, 1)
	case "[Content_Types].xml":
		s = strings.Replace(s, `</Types>`, `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>`, 1)
	}
	return s
}

func write(zw *zip.Writer, name, data string) {
	w, err := zw.Create(name)
	if err == nil {
		_, err = io.WriteString(w, data)
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mkreference:", err)
	os.Exit(1)
}
