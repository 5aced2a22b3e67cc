package main

import (
	"bytes"
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
	Now     func() time.Time
}

func newSiteCmd(g *globalOptions, s *IOStreams) *cobra.Command {
	opts := &siteOptions{global: g, streams: s, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "site -o MAPPE [--url ADRESSE]",
		Short: "Lag det offentlige nettstedet for oppfølgingen (statiske HTML-sider)",
		Long: `Lager et statisk nettsted i MAPPE: forside med status etter innsatsområde, forfalte
tiltak og de siste endringene; en side per tiltak og anbefaling (tiltak/T14/) med felter,
tekst, framdrift, endringene i git og innspillene det svarer på; sider per innsatsområde
og per eier; innspillene fra Åpen arena med dekningen; strategiteksten; den nyeste
rapporten; endringene som Atom-strøm (endringer.xml), fristene som kalender (frister.ics)
og et nettstedskart (sitemap.xml, når --url er gitt). Sidene bruker ikke JavaScript og
henter ingenting utenfra. Finnes MAPPE, skrives bare filene som er endret.`,
		Example: "  samvirke site -o public --url https://eksempel.github.io/strategi/",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return siteRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "mappen nettstedet skrives til")
	cmd.Flags().StringVar(&opts.URL, "url", "", "adressen nettstedet publiseres på (for nettstedskartet og strømmene)")
	return cmd
}

func siteRun(opts *siteOptions) error {
	if opts.Output == "" {
		return errors.New("oppgi mappen nettstedet skal skrives til med -o, for eksempel -o public")
	}
	c, repo, changed, err := contentAndChanges(opts.global, opts.streams)
	if err != nil {
		return err
	}
	src, err := findSource(opts.global.Repo)
	if err != nil {
		return err
	}
	orig, _, err := origin(src)
	if err != nil {
		return err
	}
	so := site.Options{URL: opts.URL, Today: measures.DateOf(opts.Now()), Origin: orig.Origin, Changed: changed}
	if so.Commits, err = feedCommits(repo, -1); err != nil {
		return err
	}
	doc := orig
	doc.Date = so.Today
	if so.Strategy, err = htmlOf(renderer.NewStrategy(c, doc).HTML); err != nil {
		return err
	}
	ro := renderer.ReportOptions{DocOptions: doc, NoBaseline: "Nettstedet viser den nyeste rapporten uten sammenligning med en tidligere."}
	if so.Report, err = htmlOf(renderer.NewReport(c, ro).HTML); err != nil {
		return err
	}
	st, err := site.Build(c, so)
	if err != nil {
		return fmt.Errorf("kunne ikke lage nettstedet: %w", err)
	}
	res, err := st.Write(opts.Output)
	if err != nil {
		return fmt.Errorf("kunne ikke skrive nettstedet til %s: %w", opts.Output, err)
	}
	fmt.Fprintf(opts.streams.ErrOut, "Skrev %s til %s (%s uendret).\n", count(res.Written, "fil"), opts.Output, count(res.Unchanged, "fil"))
	return nil
}

func htmlOf(write func(io.Writer) error) ([]byte, error) {
	var b bytes.Buffer
	err := write(&b)
	return b.Bytes(), err
}
