package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/google/renameio/v2/maybe"
	"github.com/samvirke/samvirke/renderer/feed"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type feedOptions struct {
	global  *globalOptions
	streams *IOStreams
	Output  string
	URL     string
	Lang    string
	Number  int
}

// NewCmdFeed builds «samvirke feed»; runF, when not nil, runs in place of feedRun with the
// parsed options (for tests).
func NewCmdFeed(f *Factory, runF func(*feedOptions) error) *cobra.Command {
	opts := &feedOptions{global: f.global, streams: f.IOStreams}
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
			if runF != nil {
				return runF(opts)
			}
			return feedRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "filen som skal skrives (standard: standard utdata)")
	cmd.Flags().StringVar(&opts.URL, "url", "", "adressen til nettstedet lenkene går til")
	cmd.Flags().IntVarP(&opts.Number, "number", "n", 100, "antall endringer (0: alle)")
	addLangFlag(cmd, &opts.Lang)
	return cmd
}

func feedRun(opts *feedOptions) error {
	l, err := parseLang(opts.Lang)
	if err != nil {
		return err
	}
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
		return feed.WriteAtom(w, c, commits, feed.Links{Base: opts.URL, Lang: l})
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

// writeOut writes what write makes to the file out atomically (saying what on standard
// error), or to standard output when out is "" or "-".
func writeOut(s *IOStreams, out string, write func(io.Writer) error, what string) error {
	if out == "" || out == "-" {
		return write(s.Out)
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return fmt.Errorf(msgCreateFailed, out, err)
	}
	if err := maybe.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf(msgWriteFailed, out, err)
	}
	fmt.Fprintf(s.ErrOut, msgWrote, what, out)
	return nil
}
