package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"
)

type inputsOptions struct {
	global      *globalOptions
	streams     *IOStreams
	Unaddressed bool
	Format      string
}

// NewCmdInputs builds «samvirke inputs»; runF, when not nil, runs in place of inputsRun with the
// parsed options (for tests).
func NewCmdInputs(f *Factory, runF func(*inputsOptions) error) *cobra.Command {
	opts := &inputsOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "inputs",
		Short: "List innspillene fra Åpen arena og tiltakene de er knyttet til",
		Long: `List gruppene fra Åpen arena med antall innspill og hvor mange som er knyttet til et tiltak.
Med --unaddressed vises de enkelte innspillene som ingen tiltak svarer på ennå.`,
		Example: "  samvirke inputs\n  samvirke inputs --unaddressed\n  samvirke inputs --format json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains([]string{"table", "json"}, opts.Format) {
				return fmt.Errorf(msgUnknownFormatTableJSON, opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return inputsRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Unaddressed, "unaddressed", false, "bare innspill som ingen tiltak er knyttet til")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "utdata: table eller json")
	addAtFlag(cmd, f.global)
	return cmd
}

func inputsRun(opts *inputsOptions) error {
	c, _, err := loadContent(opts.global, opts.streams, false)
	if err != nil {
		return err
	}
	groups := c.Groups
	if opts.Unaddressed {
		groups = nil
		for _, g := range c.Groups {
			cp := *g
			cp.Items = nil
			for _, it := range g.Items {
				if len(it.Measures) == 0 {
					cp.Items = append(cp.Items, it)
				}
			}
			if len(cp.Items) > 0 {
				groups = append(groups, &cp)
			}
		}
	}
	w, width := opts.streams.Out, opts.streams.LineWidth()
	if opts.Format == "json" {
		for _, g := range groups {
			for i := range g.Items {
				g.Items[i].Measures = nonNil(g.Items[i].Measures)
			}
		}
		return writeJSON(w, nonNil(groups))
	}
	if opts.Unaddressed {
		n := 0
		for _, g := range groups {
			id := oneLine(g.ID)
			fmt.Fprintf(w, "%s %s\n", id, truncate(g.Title, cut(width, cellWidth(id)+1)))
			for _, it := range g.Items {
				fmt.Fprintf(w, "  %s\n", truncate(it.ID+"  "+it.Text, cut(width, 2)))
				n++
			}
		}
		fmt.Fprintf(w, msgUnaddressedInputs, n, c.ItemCount())
		return nil
	}
	const nW = 9
	idW := cellWidth("GRUPPE")
	for _, g := range groups {
		idW = max(idW, cellWidth(oneLine(g.ID)))
	}
	fmt.Fprintf(w, "%s %s %s\n", pad("GRUPPE", idW), pad("KNYTTET", nW), "TITTEL")
	linked := 0
	for _, g := range groups {
		n := 0
		for _, it := range g.Items {
			if len(it.Measures) > 0 {
				n++
			}
		}
		linked += n
		fmt.Fprintf(w, "%s %s %s\n", pad(oneLine(g.ID), idW), pad(fmt.Sprintf("%d/%d", n, len(g.Items)), nW),
			truncate(g.Title, cut(width, idW+nW+2)))
	}
	fmt.Fprintf(w, msgInputsSummary, count(len(groups), "gruppe"), count(c.ItemCount(), "innspill"), linked)
	return nil
}

// cut is the width left for the last column of a line width cells wide after used
// cells, at least minTitleWidth; 0 (no cut) when width is 0.
func cut(width, used int) int {
	if width <= 0 {
		return 0
	}
	return max(width-used, minTitleWidth)
}
