package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/google/renameio/v2/maybe"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/samvirke/samvirke/renderer/lang"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

// docOutput holds the flags the document commands (report, strategy) share.
type docOutput struct {
	Output string // -o FILE; "" for standard output
	Format string // html, md or pdf; "" to infer from Output's extension
	Lang   string // --lang nb|nn: the language of the document's fixed texts
}

// addFlags declares -o and --format on a document command.
func (o *docOutput) addFlags(cmd *cobra.Command) {
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "skriv til denne filen (formatet tas fra endelsen .html, .md, .pdf eller .docx)")
	cmd.Flags().StringVar(&o.Format, "format", "", "html, md, pdf eller docx (standard: fra -o, ellers md)")
	addLangFlag(cmd, &o.Lang)
}

// addLangFlag declares --lang on a command that writes documents.
func addLangFlag(cmd *cobra.Command, l *string) {
	cmd.Flags().StringVar(l, "lang", "nb", "språket i de faste tekstene: nb (bokmål) eller nn (nynorsk); innholdet står som det er skrevet")
}

// parseLang reads --lang, with a Norwegian error that lists the languages.
func parseLang(s string) (lang.Lang, error) {
	l, err := lang.Parse(s)
	if err != nil {
		return "", fmt.Errorf(msgUnknownLang, s)
	}
	return l, nil
}

var docFormats = []string{"html", "md", "pdf", "docx"}

// format decides the output format: --format, else the extension of -o, else md. HTML
// and PDF go to a terminal only through -o: a page of markup or binary on the screen is
// never what was meant, while a pipe or a redirect gets them.
func (o *docOutput) format(s *IOStreams) (string, error) {
	f := o.Format
	var fromExt string
	switch strings.ToLower(filepath.Ext(o.Output)) {
	case ".html", ".htm":
		fromExt = "html"
	case ".md", ".markdown":
		fromExt = "md"
	case ".pdf":
		fromExt = "pdf"
	case ".docx":
		fromExt = "docx"
	}
	switch {
	case f != "" && !slices.Contains(docFormats, f):
		return "", fmt.Errorf(msgUnknownDocFormat, f)
	case f != "" && fromExt != "" && f != fromExt:
		return "", fmt.Errorf(msgFormatMismatch, f, o.Output)
	case f == "" && fromExt != "":
		f = fromExt
	case f == "" && o.Output != "":
		return "", fmt.Errorf(msgFormatFromName, o.Output)
	case f == "":
		f = "md"
	}
	if o.Output == "" && f != "md" && s.IsStdoutTTY() {
		return "", fmt.Errorf(msgNotToTerminal, strings.ToUpper(f), f)
	}
	return f, nil
}

// document is what the renderer makes: the report or the strategy.
type document interface {
	HTML(w io.Writer) error
	Markdown(w io.Writer) error
	PrintInfo() renderer.PrintInfo
}

// docInput is what a document command reads before it renders: the output format, the
// content, where it came from (for the title page) and its repository, if any.
type docInput struct {
	format string
	c      *measures.Content
	src    *source
	doc    renderer.DocOptions // where the content came from; the command sets the date
	repo   *tracker.Repo
}

// read checks the output format first (so a wrong flag costs no loading), then loads
// the content and finds its origin.
func (o *docOutput) read(g *globalOptions, s *IOStreams) (*docInput, error) {
	format, err := o.format(s)
	if err != nil {
		return nil, err
	}
	l, err := parseLang(o.Lang)
	if err != nil {
		return nil, err
	}
	c, src, err := loadContent(g, s, false)
	if err != nil {
		return nil, err
	}
	doc, repo, err := origin(src, l)
	if err != nil {
		return nil, err
	}
	return &docInput{format: format, c: c, src: src, doc: doc, repo: repo}, nil
}

// render writes the document in format and returns the bytes.
func render(ctx context.Context, format string, doc document) ([]byte, error) {
	var b bytes.Buffer
	if format == "docx" {
		return renderDOCX(ctx, doc)
	}
	if format == "md" {
		if err := doc.Markdown(&b); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	if err := doc.HTML(&b); err != nil {
		return nil, err
	}
	if format == "html" {
		return b.Bytes(), nil
	}
	browser, err := renderer.FindBrowser()
	if errors.Is(err, renderer.ErrNoBrowser) {
		return nil, fmt.Errorf(msgNoChrome, err)
	}
	if err != nil {
		return nil, err
	}
	var pdf bytes.Buffer
	if err := renderer.PDF(ctx, browser, b.Bytes(), doc.PrintInfo(), &pdf); err != nil {
		return nil, fmt.Errorf(msgPDFFailed, browser, err)
	}
	return pdf.Bytes(), nil
}

// write puts data in -o atomically (a temporary file renamed into place, so a reader
// never sees half a document), or on standard output.
func (o *docOutput) write(s *IOStreams, data []byte, what string) error {
	if o.Output == "" {
		_, err := s.Out.Write(data)
		return err
	}
	if err := maybe.WriteFile(o.Output, data, 0o644); err != nil {
		return fmt.Errorf(msgWriteFailed, o.Output, err)
	}
	fmt.Fprintf(s.ErrOut, msgWrote, what, o.Output)
	return nil
}

// origin describes where the content came from for a document's title page, and returns
// the repository when there is one. Origin is "" for the embedded content.
func origin(src *source, l lang.Lang) (renderer.DocOptions, *tracker.Repo, error) {
	d := renderer.DocOptions{Lang: l}
	t := l.Texts()
	if src.Embedded {
		return d, nil, nil
	}
	repo, err := tracker.Open(src.Root)
	if errors.Is(err, tracker.ErrNotRepository) {
		d.Origin = lang.F(t.Doc.OriginNoRepoF, src.Root)
		return d, nil, nil
	}
	if err != nil {
		return d, nil, err
	}
	head, err := repo.Resolve("HEAD")
	if err != nil {
		d.Origin = t.Doc.OriginNoCommit
		return d, repo, nil
	}
	d.Origin = docCommitText(t, head.Hash.String(), head.Committer.When)
	d.Version, d.AsOf = head.Hash.String()[:7], measures.DateOf(head.Committer.When)
	if d.Uncommitted, err = repo.ContentChanged(); err != nil {
		return d, nil, err
	}
	if d.Uncommitted {
		d.Origin += t.Doc.OriginDirty
	}
	return d, repo, nil
}

func commitText(hash string, when time.Time) string {
	return docCommitText(lang.NB.Texts(), hash, when)
}

// docCommitText is commitText in a document's language.
func docCommitText(t *lang.Texts, hash string, when time.Time) string {
	return lang.F(t.Doc.CommitF, hash[:7], measures.DateOf(when).Norwegian())
}

// renderDOCX makes a Word document of the Markdown with pandoc.
func renderDOCX(ctx context.Context, doc document) ([]byte, error) {
	pandoc, err := renderer.FindPandoc()
	if errors.Is(err, renderer.ErrNoPandoc) {
		//lint:ignore ST1005 the message people read; «Word» is a name
		return nil, fmt.Errorf(msgNoPandoc, err)
	}
	if err != nil {
		return nil, err
	}
	var md, out bytes.Buffer
	if err := doc.Markdown(&md); err != nil {
		return nil, err
	}
	if err := renderer.DOCX(ctx, pandoc, md.Bytes(), &out); err != nil {
		return nil, fmt.Errorf(msgDOCXFailed, pandoc, err)
	}
	return out.Bytes(), nil
}
