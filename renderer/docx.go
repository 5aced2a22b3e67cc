package renderer

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNoPandoc: no pandoc was found to make a Word document with.
var ErrNoPandoc = errors.New("no pandoc found")

// referenceDocx is the reference document pandoc takes the Word styles from: the
// headings (Heading 1–3, shown by Word as «Overskrift 1–3»), the fonts of the HTML,
// Norwegian bokmål, A4 and the page number in the footer. go run ./renderer/internal/mkreference
// writes it.
//
//go:embed reference.docx
var referenceDocx []byte

// noImages is a pandoc filter that puts an image's alt text in its place.
const noImages = `function Image(el) return el.caption end`

// FindPandoc returns the path of pandoc: $SAMVIRKE_PANDOC when set, else pandoc on PATH,
// else /usr/bin/pandoc. It returns ErrNoPandoc when there is none.
func FindPandoc() (string, error) {
	if p := os.Getenv("SAMVIRKE_PANDOC"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return "", fmt.Errorf("SAMVIRKE_PANDOC=%s: %w", p, ErrNoPandoc)
		}
		return p, nil
	}
	if p, err := exec.LookPath("pandoc"); err == nil {
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/pandoc"); err == nil {
		return "/usr/bin/pandoc", nil
	}
	return "", ErrNoPandoc
}

// DOCX converts markdown (the GFM the document commands write) to a Word document with
// pandoc at path and the project's reference document, and writes it to w. Headings
// become Word headings, tables Word tables, footnotes Word footnotes. The content comes
// from pull requests, so an image in it must not put a file of this machine into the
// document nor fetch anything from the network: raw HTML is not read, a filter turns every
// image into its alt text, and the resource path is an empty directory. (pandoc's own
// --sandbox cannot read the reference document in Debian's pandoc 2.17.)
func DOCX(ctx context.Context, path string, markdown []byte, w io.Writer) error {
	dir, err := os.MkdirTemp("", "samvirke-docx-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	ref, out, filter := filepath.Join(dir, "reference.docx"), filepath.Join(dir, "out.docx"), filepath.Join(dir, "noimages.lua")
	empty := filepath.Join(dir, "resources")
	if err := os.WriteFile(ref, referenceDocx, 0o600); err != nil {
		return err
	}
	if err := os.WriteFile(filter, []byte(noImages), 0o600); err != nil {
		return err
	}
	if err := os.Mkdir(empty, 0o700); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, path, "--from", "gfm-raw_html+footnotes", "--to", "docx",
		"--reference-doc", ref, "--lua-filter", filter, "--resource-path", empty,
		"--metadata", "lang=nb-NO", "--output", out)
	cmd.Dir = empty
	cmd.Stdin = bytes.NewReader(markdown)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w: %s", filepath.Base(path), err, strings.TrimSpace(stderr.String()))
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}
