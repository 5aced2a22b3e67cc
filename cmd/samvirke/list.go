package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/sheet"
	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"
)

type listOptions struct {
	global  *globalOptions
	streams *IOStreams

	Status []string
	Owner  string
	Area   string
	Kind   string
	Text   string
	Sort   string
	Format string
	Excel  bool
}

// NewCmdList builds «samvirke list»; runF, when not nil, runs in place of listRun with the
// parsed options (for tests).
func NewCmdList(f *Factory, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List tiltak og anbefalinger",
		Long: `List tiltakene og anbefalingene, eventuelt filtrert.

Status kan oppgis med norsk navn («pågår», også uten æ, ø og å: «pagar») eller kode
(in-progress), og flere ganger. Eier kan oppgis med id eller kortnavn (NAV), type som
tiltak eller anbefaling.`,
		Example: `  samvirke list --status in-progress --owner nav
  samvirke list --area knowledge --format csv > tiltak.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains([]string{"table", "json", "csv"}, opts.Format) {
				return fmt.Errorf(msgUnknownFormatTableJSONCSV, opts.Format)
			}
			if opts.Excel && opts.Format != "csv" {
				return errors.New(msgExcelNeedsCSV)
			}
			if !slices.Contains(measures.SortKeys, measures.SortKey(opts.Sort)) {
				return fmt.Errorf(msgUnknownSort, opts.Sort)
			}
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	cmd.Flags().StringSliceVar(&opts.Status, "status", nil, "bare tiltak med denne statusen, norsk navn eller kode (kan gjentas)")
	cmd.Flags().StringVar(&opts.Owner, "owner", "", "bare tiltak der denne eieren er med (id eller kortnavn, f.eks. NAV)")
	cmd.Flags().StringVar(&opts.Area, "area", "", "bare tiltak i dette innsatsområdet (id, nummer eller tittel)")
	cmd.Flags().StringVar(&opts.Kind, "kind", "", "tiltak (measure) eller anbefaling (recommendation)")
	cmd.Flags().StringVar(&opts.Text, "text", "", "bare tiltak der id, tittel eller tekst inneholder dette")
	cmd.Flags().StringVar(&opts.Sort, "sort", "id", "sortering: id, title, status, due eller owner")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "utdata: table, json eller csv")
	cmd.Flags().BoolVar(&opts.Excel, "excel", false, "med --format csv: CSV for norsk Excel (semikolon, BOM, CRLF, norske overskrifter og verdier)")
	addAtFlag(cmd, f.global)
	return cmd
}

func listRun(opts *listOptions) error {
	c, _, err := loadContent(opts.global, opts.streams, false)
	if err != nil {
		return err
	}
	f, err := listFilter(c, opts)
	if err != nil {
		return err
	}
	ms := c.Select(f)
	measures.Sort(ms, measures.SortKey(opts.Sort), c)
	w := opts.streams.Out
	switch opts.Format {
	case "json":
		return writeJSON(w, nonNil(ms))
	case "csv":
		if opts.Excel {
			return sheet.WriteExcelCSV(w, sheet.MeasuresOf(c, ms))
		}
		return writeMeasureCSV(w, ms)
	}
	writeMeasureTable(w, c, ms, opts.streams.Color(), opts.streams.LineWidth())
	return nil
}

// listFilter reads list's filters as people type them: --status pågår or pagar,
// --owner NAV, --area by id, number or title, --kind tiltak.
func listFilter(c *measures.Content, opts *listOptions) (measures.Filter, error) {
	f := measures.Filter{Text: opts.Text}
	for _, s := range opts.Status {
		st, err := measures.ParseStatusTyped(s)
		if err != nil {
			return f, typedError(err)
		}
		f.Status = append(f.Status, st)
	}
	var err error
	if opts.Kind != "" {
		if f.Kind, err = measures.ParseKindTyped(opts.Kind); err != nil {
			return f, typedError(err)
		}
	}
	if opts.Owner != "" {
		if f.Owner, err = c.ResolveOwner(norm.NFC.String(opts.Owner)); err != nil {
			return f, typedError(err)
		}
	}
	if opts.Area != "" {
		if f.Area, err = c.ResolveArea(norm.NFC.String(opts.Area)); err != nil {
			return f, typedError(err)
		}
	}
	return f, nil
}

func writeMeasureCSV(w io.Writer, ms []*measures.Measure) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "title", "kind", "area", "owners", "status", "progress", "due", "revision", "inputs"})
	cells := func(vs ...string) []string {
		for i, v := range vs {
			vs[i] = csvCell(v)
		}
		return vs
	}
	for _, m := range ms {
		progress, due := "", ""
		if m.Progress != nil {
			progress = strconv.Itoa(*m.Progress)
		}
		if m.Due != nil {
			due = m.Due.String()
		}
		cw.Write(cells(m.ID, m.Title, string(m.Kind), m.Area, strings.Join(m.Owners, ";"), string(m.Status),
			progress, due, string(m.Revision), strings.Join(m.Inputs, ";")))
	}
	cw.Flush()
	return cw.Error()
}
