package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/google/renameio/v2/maybe"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/feed"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type feedOptions struct {
	global  *globalOptions
	streams *IOStreams
	Output  string
	URL     string
	Number  int
}

func newFeedCmd(g *globalOptions, s *IOStreams) *cobra.Command {
	opts := &feedOptions{global: g, streams: s}
	cmd := &cobra.Command{
		Use:   "feed [-o endringer.xml] [--url ADRESSE]",
		Short: "Skriv endringene i innholdet som en Atom-strøm for nyhetslesere",
		Long: `Skriver endringene i innholdet som en Atom-strøm: én oppføring per commit som
endret content/, nyeste først, med hva som ble endret og en lenke til tiltakets side
på nettstedet (samvirke site). --url er nettstedets adresse; uten den er lenkene
relative til mappen strømmen ligger i.`,
		Example: "  samvirke feed -o endringer.xml --url https://eksempel.github.io/strategi/",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return feedRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "filen som skal skrives (standard: standard utdata)")
	cmd.Flags().StringVar(&opts.URL, "url", "", "adressen til nettstedet lenkene går til")
	cmd.Flags().IntVarP(&opts.Number, "number", "n", 100, "antall endringer (0: alle)")
	return cmd
}

func feedRun(opts *feedOptions) error {
	c, repo, err := contentAndRepo(opts.global, opts.streams)
	if err != nil {
		return err
	}
	n := opts.Number
	if n <= 0 {
		n = -1
	}
	commits, err := feedCommits(repo, n)
	if err != nil {
		return err
	}
	return writeOut(opts.streams, opts.Output, func(w io.Writer) error {
		return feed.WriteAtom(w, c, commits, feed.Links{Base: opts.URL})
	}, count(len(commits), "endring"))
}

// feedCommits returns the n newest commits that changed content (all for n < 0), or none
// without a repository.
func feedCommits(repo *tracker.Repo, n int) ([]feed.Commit, error) {
	if repo == nil {
		return nil, nil
	}
	log, err := repo.Log(n)
	if err != nil {
		return nil, err
	}
	out := make([]feed.Commit, len(log))
	for i, ch := range log {
		out[i] = feed.Commit{Hash: ch.Commit, Date: ch.Date, Author: ch.Author, Subject: ch.Subject, Files: ch.Files}
	}
	return out, nil
}

type calendarOptions struct {
	global  *globalOptions
	streams *IOStreams
	Output  string
	URL     string
}

func newCalendarCmd(g *globalOptions, s *IOStreams) *cobra.Command {
	opts := &calendarOptions{global: g, streams: s}
	cmd := &cobra.Command{
		Use:   "calendar [-o frister.ics] [--url ADRESSE]",
		Short: "Skriv fristene til tiltakene som en kalender (iCalendar) for Outlook og Google",
		Long: `Skriver en kalender (iCalendar, .ics) med én heldagshendelse per tiltak med frist:
på fristen, med status, ansvarlig, framdrift og en lenke til tiltakets side. Hver hendelse
har en fast UID (frist-T14@vert), så en kalender som abonnerer oppdaterer hendelsen i
stedet for å legge til en ny når fristen flyttes. --url er nettstedets adresse.`,
		Example: "  samvirke calendar -o frister.ics --url https://eksempel.github.io/strategi/",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return calendarRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "filen som skal skrives (standard: standard utdata)")
	cmd.Flags().StringVar(&opts.URL, "url", "", "adressen til nettstedet lenkene går til")
	return cmd
}

func calendarRun(opts *calendarOptions) error {
	c, _, changed, err := contentAndChanges(opts.global, opts.streams)
	if err != nil {
		return err
	}
	n := 0
	for _, m := range c.Measures {
		if m.Due != nil {
			n++
		}
	}
	return writeOut(opts.streams, opts.Output, func(w io.Writer) error {
		return feed.WriteCalendar(w, c, changed, feed.Links{Base: opts.URL})
	}, count(n, "frist"))
}

// contentAndRepo loads the content and opens its git repository; the repository is nil
// for the embedded content or a content directory outside git.
func contentAndRepo(g *globalOptions, s *IOStreams) (*measures.Content, *tracker.Repo, error) {
	c, src, err := loadContent(g, s, false)
	if err != nil {
		return nil, nil, err
	}
	if src.Embedded {
		return c, nil, nil
	}
	repo, err := tracker.Open(src.Root)
	if errors.Is(err, tracker.ErrNotRepository) {
		return c, nil, nil
	}
	return c, repo, err
}

// writeOut writes what write makes to the file out atomically (saying what on standard
// error), or to standard output when out is "" or "-".
func writeOut(s *IOStreams, out string, write func(io.Writer) error, what string) error {
	if out == "" || out == "-" {
		return write(s.Out)
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return fmt.Errorf("kunne ikke lage %s: %w", out, err)
	}
	if err := maybe.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("kunne ikke skrive %s: %w", out, err)
	}
	fmt.Fprintf(s.ErrOut, "Skrev %s til %s.\n", what, out)
	return nil
}
