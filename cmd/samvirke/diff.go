package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	global  *globalOptions
	streams *IOStreams

	Since  string
	Until  string
	Format string
}

// NewCmdDiff builds «samvirke diff»; runF, when not nil, runs in place of diffRun with the
// parsed options (for tests).
func NewCmdDiff(f *Factory, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "diff --since REF|DATO [--until REF]",
		Short: "Vis hva som er endret i innholdet mellom to tidspunkter",
		Long: `Viser endringene i innholdet mellom to øyeblikksbilder: nye, fjernede og omdøpte tiltak,
statusendringer, endrede eiere, frister og framdrift, nye loggnotater, tekstendringer,
innspill som er knyttet til eller fjernet fra tiltak, og nye eller endrede innspillsgrupper.

--since og --until tar en commit, gren, tagg eller dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD).
En dato i --since betyr starten av dagen: --since 01.12.2026 tar med endringene gjort
1. desember. En dato i --until betyr slutten av dagen. Uten --until sammenlignes med
arbeidskopien.`,
		Example: "  samvirke diff --since 01.12.2026\n  samvirke diff --since 2026-12-01 --until 2026-12-31\n  samvirke diff --since origin/main --format md",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains([]string{"text", "json", "md"}, opts.Format) {
				return fmt.Errorf(msgUnknownFormatTextJSONMD, opts.Format)
			}
			if opts.Since == "" {
				return errors.New(msgSinceMissing)
			}
			if runF != nil {
				return runF(opts)
			}
			return diffRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Since, "since", "", "sammenlign fra denne commiten, grenen, taggen eller datoen (starten av dagen)")
	cmd.Flags().StringVar(&opts.Until, "until", "", "sammenlign til denne; en dato er slutten av dagen (standard: arbeidskopien)")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "utdata: text, json eller md")
	return cmd
}

func diffRun(opts *diffOptions) error {
	g, s := opts.global, opts.streams
	old, err := loadSince(g, s, opts.Since)
	if err != nil {
		return err
	}
	cur, err := loadAt(g, s, opts.Until)
	if err != nil {
		return err
	}
	d := measures.Compare(old, cur)
	switch opts.Format {
	case "json":
		return writeJSON(s.Out, d)
	case "md":
		renderer.DiffMarkdown(s.Out, d, opts.Since, opts.Until)
	default:
		writeDiffText(s.Out, d)
	}
	return nil
}

// loadSince loads the content diff compares from. A date means the start of that day:
// the content as the day before ended, or none when the repository is younger.
func loadSince(g *globalOptions, s *IOStreams, since string) (*measures.Content, error) {
	if !measures.IsTypedDate(since) {
		return loadAt(g, s, since)
	}
	d, err := measures.ParseDateTyped(since)
	if err != nil {
		return nil, typedError(err)
	}
	repo, err := openRepo(g)
	if err != nil {
		return nil, err
	}
	before := d.AddDays(-1).String()
	if _, err := repo.Resolve(before); errors.Is(err, tracker.ErrUnknownRef) {
		fmt.Fprintf(s.ErrOut, msgNoCommitsBefore, d.Norwegian())
		return &measures.Content{}, nil
	}
	return loadAt(g, s, before)
}

// loadAt loads the content at a ref ("" for the working tree) for diff.
func loadAt(g *globalOptions, s *IOStreams, at string) (*measures.Content, error) {
	cp := *g
	cp.At = at
	c, src, err := loadContent(&cp, s, false)
	if err != nil {
		return nil, err
	}
	if src.Embedded {
		return nil, errors.New(msgDiffNoContent)
	}
	return c, nil
}

func writeDiffText(w io.Writer, d *measures.Diff) {
	if d.Empty() {
		fmt.Fprintln(w, msgNoContentChanges)
		return
	}
	for _, m := range d.Added {
		fmt.Fprintf(w, msgDiffAdded, oneLine(m.ID), oneLine(m.Title), m.Status.Label())
	}
	for _, m := range d.Removed {
		fmt.Fprintf(w, msgDiffRemoved, oneLine(m.ID), oneLine(m.Title))
	}
	for _, r := range d.Renamed {
		fmt.Fprintf(w, msgDiffRenamed, oneLine(r.From), oneLine(r.To))
	}
	for _, c := range d.Changed {
		fmt.Fprintf(w, "~ %s %s: %s\n", oneLine(c.ID), oneLine(c.Title), oneLine(strings.Join(c.Changes, ", ")))
		for _, e := range c.NewLog {
			fmt.Fprintf(w, "    %s: %s\n", e.Date.Norwegian(), oneLine(e.Note))
		}
	}
	for _, g := range d.Groups {
		id, title := oneLine(g.ID), oneLine(g.Title)
		switch {
		case g.New:
			fmt.Fprintf(w, msgDiffInputAdded, id, title, count(g.Items, "punkt"))
		case g.Removed:
			fmt.Fprintf(w, msgDiffInputRemoved, id, title)
		default:
			fmt.Fprintf(w, msgDiffInputChanged, id, title, count(g.Items, "punkt"))
		}
	}
}
