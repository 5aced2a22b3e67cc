package main

import (
	"encoding/csv"
	"encoding/json"
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

func newListCmd(g *globalOptions, s *IOStreams, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{global: g, streams: s}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List tiltak og anbefalinger",
		Long: `List tiltakene og anbefalingene, eventuelt filtrert.

Status kan oppgis med kode (in-progress) eller norsk navn («pågår»), og flere ganger.`,
		Example: `  samvirke list --status in-progress --owner nav
  samvirke list --area knowledge --format csv > tiltak.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains([]string{"table", "json", "csv"}, opts.Format) {
				return fmt.Errorf("ukjent format «%s»; bruk table, json eller csv", opts.Format)
			}
			if opts.Excel && opts.Format != "csv" {
				return fmt.Errorf("--excel gjelder bare --format csv")
			}
			if !slices.Contains(measures.SortKeys, measures.SortKey(opts.Sort)) {
				return fmt.Errorf("ukjent sortering «%s»; bruk id, title, status, due eller owner", opts.Sort)
			}
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	cmd.Flags().StringSliceVar(&opts.Status, "status", nil, "bare tiltak med denne statusen (kan gjentas)")
	cmd.Flags().StringVar(&opts.Owner, "owner", "", "bare tiltak der denne eieren (id) er med")
	cmd.Flags().StringVar(&opts.Area, "area", "", "bare tiltak i dette innsatsområdet (id)")
	cmd.Flags().StringVar(&opts.Kind, "kind", "", "measure (tiltak) eller recommendation (anbefaling)")
	cmd.Flags().StringVar(&opts.Text, "text", "", "bare tiltak der id, tittel eller tekst inneholder dette")
	cmd.Flags().StringVar(&opts.Sort, "sort", "id", "sortering: id, title, status, due eller owner")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "utdata: table, json eller csv")
	cmd.Flags().BoolVar(&opts.Excel, "excel", false, "med --format csv: CSV for norsk Excel (semikolon, BOM, CRLF, norske overskrifter og verdier)")
	addAtFlag(cmd, g)
	return cmd
}

func listRun(opts *listOptions) error {
	c, _, err := loadContent(opts.global, opts.streams, false)
	if err != nil {
		return err
	}
	f := measures.Filter{Owner: norm.NFC.String(opts.Owner), Area: norm.NFC.String(opts.Area), Kind: measures.Kind(opts.Kind), Text: opts.Text}
	for _, s := range opts.Status {
		st, err := measures.ParseStatus(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("ukjent status «%s»; gyldige er %s", s, statusList())
		}
		f.Status = append(f.Status, st)
	}
	if f.Kind != "" && !f.Kind.Valid() {
		return fmt.Errorf("ukjent type «%s»; bruk measure eller recommendation", opts.Kind)
	}
	if f.Owner != "" && c.Owner(f.Owner) == nil {
		return fmt.Errorf("ukjent eier «%s»; gyldige er %s", f.Owner, ownerList(c))
	}
	if f.Area != "" && c.Area(f.Area) == nil {
		return fmt.Errorf("ukjent innsatsområde «%s»; gyldige er %s", f.Area, areaList(c))
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

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
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

func statusList() string {
	var parts []string
	for _, s := range measures.Statuses {
		parts = append(parts, fmt.Sprintf("%s («%s»)", s, s.Label()))
	}
	return strings.Join(parts, ", ")
}

func ownerList(c *measures.Content) string {
	var ids []string
	for _, o := range c.Owners {
		ids = append(ids, o.ID)
	}
	return strings.Join(ids, ", ")
}

func areaList(c *measures.Content) string {
	var ids []string
	for _, a := range c.Areas {
		ids = append(ids, a.ID)
	}
	return strings.Join(ids, ", ")
}
