package main

import (
	"context"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/spf13/cobra"
)

type strategyOptions struct {
	global  *globalOptions
	streams *IOStreams
	out     docOutput
	Now     func() time.Time // the date on the title page
}

func newStrategyCmd(g *globalOptions, s *IOStreams, runF func(*strategyOptions) error) *cobra.Command {
	opts := &strategyOptions{global: g, streams: s, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "strategy [-o FIL] [--format html|md|pdf|docx]",
		Short: "Lag den reviderte strategiteksten (HTML, Markdown, PDF eller Word)",
		Long: `Lager den reviderte strategiteksten: kapitlene i content/strategy i rekkefølge, nummerert og
med innholdsfortegnelse. En henvisning som [[T14]] blir en lenke med tiltakets tittel, og en
blokk «::: tiltak T02 T03» (eller area=ID, chapter=ID) blir listen over tiltakene med den
gjeldende teksten. Nye tiltak merkes «Nytt», reviderte «Revidert»; tiltak som utgår eller er
slått sammen, står i et vedlegg med det siste notatet. Under hvert tiltak står innspillene
fra Åpen arena som ligger bak det. Hvert tiltak har et fast anker (#T14).

Formatet tas fra --format, ellers fra filendelsen i -o, ellers Markdown. Markdown skrives
til standard ut uten -o. HTML og PDF skrives til fil med -o, eller til standard ut når den
sendes videre (> eller |), aldri rett i terminalen. PDF (A4) krever Chromium eller Chrome.
Word (.docx, med overskriftsstiler og sidetall) krever pandoc.`,
		Example: `  samvirke strategy -o strategi.html
  samvirke strategy -o strategi.pdf
  samvirke strategy > strategi.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return strategyRun(cmd.Context(), opts)
		},
	}
	opts.out.addFlags(cmd)
	return cmd
}

func strategyRun(ctx context.Context, opts *strategyOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	s := opts.streams
	in, err := opts.out.read(opts.global, s)
	if err != nil {
		return err
	}
	in.doc.Date = measures.DateOf(opts.Now())
	doc := renderer.NewStrategy(in.c, in.doc)
	data, err := render(ctx, in.format, doc)
	if err != nil {
		return err
	}
	return opts.out.write(s, data, "strategiteksten")
}
