package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/spf13/cobra"
)

type showOptions struct {
	global  *globalOptions
	streams *IOStreams
	ID      string
	Format  string
}

// NewCmdShow builds «samvirke show»; runF, when not nil, runs in place of showRun with the
// parsed options (for tests).
func NewCmdShow(f *Factory, runF func(*showOptions) error) *cobra.Command {
	opts := &showOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:     "show ID",
		Short:   "Vis ett tiltak med felt, logg og tilknyttede innspill",
		Example: "  samvirke show T14\n  samvirke show T14 --format json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if !slices.Contains([]string{"text", "json", "md"}, opts.Format) {
				return fmt.Errorf(msgUnknownFormatTextJSONMD, opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "utdata: text, json eller md")
	addAtFlag(cmd, f.global)
	return cmd
}

func showRun(opts *showOptions) error {
	c, _, err := loadContent(opts.global, opts.streams, false)
	if err != nil {
		return err
	}
	id, err := resolveID(c, opts.ID)
	if err != nil {
		return err
	}
	m := c.Measure(id)
	switch opts.Format {
	case "json":
		return writeJSON(opts.streams.Out, newShownMeasure(c, m))
	case "md":
		renderer.MeasureMarkdown(opts.streams.Out, c, m)
		return nil
	}
	writeMeasureText(opts.streams.Out, c, m, opts.streams.Color())
	return nil
}

func writeMeasureText(w io.Writer, c *measures.Content, m *measures.Measure, color bool) {
	title := oneLine(m.ID + " " + m.Title)
	if color {
		title = "\x1b[1m" + title + "\x1b[0m"
	}
	fmt.Fprintln(w, title)
	fmt.Fprintln(w)
	for _, f := range renderer.Fields(c, m) {
		fmt.Fprintf(w, "%s %s\n", pad(f.Label+":", 14), oneLine(f.Value))
	}
	fmt.Fprintf(w, "\n%s\n", plain(m.Text))
	if len(m.Log) > 0 {
		fmt.Fprintln(w, msgShowLog)
		for _, e := range m.Log {
			fmt.Fprintf(w, "  %s\n", oneLine(renderer.LogLine(e)))
			for _, line := range strings.Split(plain(e.Note), "\n") {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
	}
	if len(m.Inputs) > 0 {
		fmt.Fprintln(w, msgShowInputs)
		for _, id := range m.Inputs {
			fmt.Fprintf(w, "  %s  %s\n", oneLine(id), oneLine(renderer.ItemText(c, id)))
		}
	}
}
