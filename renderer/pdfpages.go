package renderer

import (
	"bytes"
	"fmt"
	"net/url"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

func init() {
	// pdfcpu would otherwise write a config.yml into the user's config directory.
	model.ConfigPath = "disable"
}

// pdfConfig is pdfcpu's configuration for reading Chromium's output.
func pdfConfig() *model.Configuration {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// destinationPages returns the page (from 1) of every named destination in pdf: Chromium
// makes one for each element a link of the page points to (#sammendrag, #T14), so it
// tells on which page each heading of the table of contents landed.
func destinationPages(pdf []byte) (map[string]int, error) {
	ctx, err := api.ReadContext(bytes.NewReader(pdf), pdfConfig())
	if err != nil {
		return nil, fmt.Errorf("read pdf: %w", err)
	}
	cat, err := ctx.Catalog()
	if err != nil {
		return nil, fmt.Errorf("pdf catalog: %w", err)
	}
	out := map[string]int{}
	o, found := cat.Find("Dests")
	if !found {
		return out, nil
	}
	dests, err := ctx.DereferenceDict(o)
	if err != nil {
		return nil, fmt.Errorf("pdf dests: %w", err)
	}
	for name, v := range dests {
		arr, err := ctx.DereferenceArray(v)
		if err != nil || len(arr) == 0 {
			continue
		}
		ref, ok := arr[0].(types.IndirectRef)
		if !ok {
			continue
		}
		n, err := ctx.PageNumber(ref.ObjectNumber.Value())
		if err != nil || n == 0 {
			continue
		}
		if id, err := types.DecodeName(name); err == nil {
			name = id
		}
		if id, err := url.PathUnescape(name); err == nil {
			name = id
		}
		out[name] = n
	}
	return out, nil
}

// setSubject writes subject into the PDF's document information.
func setSubject(pdf []byte, subject string) ([]byte, error) {
	ctx, err := api.ReadContext(bytes.NewReader(pdf), pdfConfig())
	if err != nil {
		return nil, fmt.Errorf("read pdf: %w", err)
	}
	if ctx.Info == nil {
		return pdf, nil
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil || d == nil {
		return pdf, nil
	}
	s, err := types.EscapedUTF16String(subject)
	if err != nil {
		return nil, fmt.Errorf("pdf subject: %w", err)
	}
	d.Update("Subject", types.StringLiteral(*s))
	var b bytes.Buffer
	if err := api.WriteContext(ctx, &b); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return b.Bytes(), nil
}
