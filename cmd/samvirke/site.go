package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/samvirke/samvirke/renderer/site"
	"github.com/spf13/cobra"
)

type siteOptions struct {
	global  *globalOptions
	streams *IOStreams
	Output  string
	URL     string
	PDF     bool
	Lang    string // --lang nb|nn
	Now     func() time.Time
}

// NewCmdSite builds «samvirke site»; runF, when not nil, runs in place of siteRun with the
// parsed options (for tests).
func NewCmdSite(f *Factory, runF func(*siteOptions) error) *cobra.Command {
	opts := &siteOptions{global: f.global, streams: f.IOStreams, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "site -o MAPPE [--url ADRESSE]",
		Short: "Lag det offentlige nettstedet for oppfølgingen (statiske HTML-sider)",
		Long: `Lager et statisk nettsted i MAPPE: forside med status etter innsatsområde, forfalte
tiltak og de siste endringene; en side per tiltak og anbefaling (tiltak/T14/) med felter,
tekst, framdrift, endringene i git og innspillene det svarer på; sider per innsatsområde
og per eier; innspillene fra Åpen arena med dekningen; strategiteksten; den nyeste
rapporten (rapport/nyeste/) og de tidligere, én per rapport-tagg (rapport/NAVN/, med
innholdet slik det var da), som nettside og PDF (med Chromium eller Chrome); endringene
som Atom-strøm (endringer.xml), fristene som kalender (frister.ics) og et nettstedskart
(sitemap.xml, når --url er gitt). Sidene bruker ikke JavaScript og
henter ingenting utenfra. Finnes MAPPE, skrives bare filene som er endret, og sider
samvirke skrev der før som ikke finnes lenger (et slettet tiltak), fjernes; andre filer
i MAPPE blir liggende. Listen over filene samvirke skrev, ligger i MAPPE/.samvirke-nettsted.`,
		Example: "  samvirke site -o public --url https://eksempel.github.io/strategi/",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Output == "" {
				return errors.New(msgSiteNeedsOutput)
			}
			if runF != nil {
				return runF(opts)
			}
			return siteRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "mappen nettstedet skrives til")
	cmd.Flags().StringVar(&opts.URL, "url", "", "adressen nettstedet publiseres på (for nettstedskartet og strømmene)")
	cmd.Flags().BoolVar(&opts.PDF, "pdf", true, "lag rapportene som PDF også (med Chromium eller Chrome; --pdf=false for bare nettsider)")
	addLangFlag(cmd, &opts.Lang)
	return cmd
}

func siteRun(ctx context.Context, opts *siteOptions) error {
	l, err := parseLang(opts.Lang)
	if err != nil {
		return err
	}
	c, repo, changed, err := contentAndChanges(opts.global, opts.streams)
	if err != nil {
		return err
	}
	src, err := findSource(opts.global.Repo)
	if err != nil {
		return err
	}
	orig, _, err := origin(src, l)
	if err != nil {
		return err
	}
	so := site.Options{URL: opts.URL, Today: measures.DateOf(opts.Now()), Origin: orig.Origin, Lang: l, Changed: changed}
	if so.Commits, err = feedCommits(repo, -1); err != nil {
		return err
	}
	doc := orig
	doc.Date = so.Today
	if so.Strategy, err = htmlOf(renderer.NewStrategy(c, doc).HTML); err != nil {
		return err
	}
	if so.Reports, err = siteReports(ctx, opts, c, src, repo, doc); err != nil {
		return err
	}
	st, err := site.Build(c, so)
	if err != nil {
		return fmt.Errorf(msgSiteFailed, err)
	}
	res, err := st.Write(opts.Output)
	if err != nil {
		return fmt.Errorf(msgSiteWriteFailed, opts.Output, err)
	}
	removed := ""
	if res.Removed > 0 {
		removed = ", " + count(res.Removed, "fil") + " fjernet"
	}
	fmt.Fprintf(opts.streams.ErrOut, msgSiteWritten, count(res.Written, "fil"), opts.Output, count(res.Unchanged, "fil"), removed)
	return nil
}

func htmlOf(write func(io.Writer) error) ([]byte, error) {
	var b bytes.Buffer
	err := write(&b)
	return b.Bytes(), err
}
