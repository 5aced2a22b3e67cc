package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/spf13/cobra"
)

type showOptions struct {
	global  *globalOptions
	streams *IOStreams
	ID      string
	Format  string
}

func newShowCmd(g *globalOptions, s *IOStreams, runF func(*showOptions) error) *cobra.Command {
	opts := &showOptions{global: g, streams: s}
	cmd := &cobra.Command{
		Use:     "show ID",
		Short:   "Vis ett tiltak med felt, logg og tilknyttede innspill",
		Example: "  samvirke show T14\n  samvirke show T14 --format json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = strings.ToUpper(args[0][:1]) + args[0][1:]
			if !slices.Contains([]string{"text", "json", "md"}, opts.Format) {
				return fmt.Errorf("ukjent format «%s»; bruk text, json eller md", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "utdata: text, json eller md")
	addAtFlag(cmd, g)
	return cmd
}

func showRun(opts *showOptions) error {
	c, _, err := loadContent(opts.global, opts.streams, false)
	if err != nil {
		return err
	}
	m := c.Measure(opts.ID)
	if m == nil {
		return fmt.Errorf("fant ikke tiltaket «%s»; se «samvirke list»", opts.ID)
	}
	switch opts.Format {
	case "json":
		return writeJSON(opts.streams.Out, m)
	case "md":
		writeMeasureMarkdown(opts.streams.Out, c, m)
		return nil
	}
	writeMeasureText(opts.streams.Out, c, m, opts.streams.Color())
	return nil
}

func ownerNames(c *measures.Content, ids []string) string {
	var names []string
	for i, id := range ids {
		name := id
		if o := c.Owner(id); o != nil {
			name = o.Name
		}
		if i == 0 && len(ids) > 1 {
			name += " (ansvarlig)"
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

type field struct{ label, value string }

func measureFields(c *measures.Content, m *measures.Measure) []field {
	area := m.Area
	if a := c.Area(m.Area); a != nil {
		area = fmt.Sprintf("%d. %s", a.Number, a.Title)
	}
	fs := []field{{"Type", m.Kind.Label()}, {"Status", m.Status.Label()}, {"Innsatsområde", area}}
	if ch := c.ChapterRef(m.Chapter); ch != nil {
		fs = append(fs, field{"Kapittel", fmt.Sprintf("%d. %s", ch.Number, ch.Title)})
	}
	fs = append(fs, field{"Eiere", ownerNames(c, m.Owners)})
	if m.Progress != nil {
		fs = append(fs, field{"Framdrift", strconv.Itoa(*m.Progress) + " %"})
	}
	if m.Due != nil {
		fs = append(fs, field{"Frist", m.Due.Norwegian()})
	}
	if m.Revision != "" {
		fs = append(fs, field{"Revisjon", m.Revision.Label()})
	}
	if m.Source != "" {
		fs = append(fs, field{"Kilde", m.Source})
	}
	return fs
}

func writeMeasureText(w io.Writer, c *measures.Content, m *measures.Measure, color bool) {
	title := m.ID + " " + m.Title
	if color {
		title = "\x1b[1m" + title + "\x1b[0m"
	}
	fmt.Fprintln(w, title)
	fmt.Fprintln(w)
	for _, f := range measureFields(c, m) {
		fmt.Fprintf(w, "%-14s %s\n", f.label+":", f.value)
	}
	fmt.Fprintf(w, "\n%s\n", m.Text)
	if len(m.Log) > 0 {
		fmt.Fprintln(w, "\nLogg:")
		for _, e := range m.Log {
			fmt.Fprintf(w, "  %s%s%s\n", e.Date.Norwegian(), logStatus(e), logBy(e))
			for _, line := range strings.Split(e.Note, "\n") {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
	}
	if len(m.Inputs) > 0 {
		fmt.Fprintln(w, "\nInnspill fra Åpen arena:")
		for _, id := range m.Inputs {
			fmt.Fprintf(w, "  %s  %s\n", id, itemText(c, id))
		}
	}
}

func logStatus(e measures.LogEntry) string {
	if e.Status == "" {
		return ""
	}
	return " – status: " + e.Status.Label()
}

func logBy(e measures.LogEntry) string {
	if e.By == "" {
		return ""
	}
	return " (" + e.By + ")"
}

func itemText(c *measures.Content, id string) string {
	if it := c.Item(id); it != nil {
		return strings.ReplaceAll(it.Text, "\n", " ")
	}
	return "(finnes ikke)"
}

// mdEscape escapes text for a Markdown table cell or inline position.
func mdEscape(s string) string {
	r := strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "\n", " ")
	return r.Replace(s)
}

func writeMeasureMarkdown(w io.Writer, c *measures.Content, m *measures.Measure) {
	fmt.Fprintf(w, "## %s %s\n\n", m.ID, mdEscape(m.Title))
	fmt.Fprintln(w, "| Felt | Verdi |\n|---|---|")
	for _, f := range measureFields(c, m) {
		fmt.Fprintf(w, "| %s | %s |\n", f.label, mdEscape(f.value))
	}
	fmt.Fprintf(w, "\n%s\n", m.Text)
	if len(m.Log) > 0 {
		fmt.Fprintln(w, "\n### Logg")
		fmt.Fprintln(w)
		for _, e := range m.Log {
			fmt.Fprintf(w, "- **%s**%s%s: %s\n", e.Date.Norwegian(), logStatus(e), logBy(e), mdEscape(e.Note))
		}
	}
	if len(m.Inputs) > 0 {
		fmt.Fprintln(w, "\n### Innspill fra Åpen arena")
		fmt.Fprintln(w)
		for _, id := range m.Inputs {
			fmt.Fprintf(w, "- `%s` %s\n", id, mdEscape(itemText(c, id)))
		}
	}
}
