package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type strategyOptions struct {
	global  *globalOptions
	streams *IOStreams
	out     docOutput
	Compare string // --compare REF: mark the changes against REF
	Tag     string // --tag NAME: tag HEAD as strategi/NAME
	Author  string
	Now     func() time.Time // the date on the title page
}

// NewCmdStrategy builds «samvirke strategy»; runF, when not nil, runs in place of strategyRun with the
// parsed options (for tests).
func NewCmdStrategy(f *Factory, runF func(*strategyOptions) error) *cobra.Command {
	opts := &strategyOptions{global: f.global, streams: f.IOStreams, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "strategy [-o FIL] [--format html|md|pdf|docx] [--compare REF|DATO] [--tag NAVN]",
		Short: "Lag den reviderte strategiteksten (HTML, Markdown, PDF eller Word)",
		Long: `Lager den reviderte strategiteksten: kapitlene i content/strategy i rekkefølge, nummerert og
med innholdsfortegnelse. En henvisning som [[T14]] blir en lenke med tiltakets tittel, og en
blokk «::: tiltak T02 T03» (eller area=ID, chapter=ID) blir listen over tiltakene med den
gjeldende teksten. Nye tiltak merkes «Nytt», reviderte «Revidert»; tiltak som utgår eller er
slått sammen, står i et vedlegg med det siste notatet. Under hvert tiltak står innspillene
fra Åpen arena som ligger bak det. Hvert tiltak har et fast anker (#T14).

Med --compare REF (en tagg som strategi/2016, en commit, en gren eller en dato ÅÅÅÅ-MM-DD)
lages i stedet teksten med endringene siden REF markert ord for ord. Uten REF sammenlignes
det med den nyeste strategi/-taggen (den som er laget sist). Endringene vises som satt inn
(understreket) og strøket (gjennomstreket), per kapittel og per tiltak, og flyttede
avsnitt merket. Først står en oversikt: hvor mange tiltak som er uendret, revidert, nye,
utgår og slått sammen, hvilke kapitler som er endret og hvor mye, og hvilke innspill fra
Åpen arena de nye og reviderte tiltakene svarer på. Et tiltak med nytt nummer sammenlignes med seg selv.
«samvirke init» merker den opprinnelige teksten som strategi/2016. --tag NAVN merker
commiten som grunnlag for neste sammenligning med taggen strategi/NAVN.

Formatet tas fra --format, ellers fra filendelsen i -o, ellers Markdown. Markdown skrives
til standard ut uten -o. HTML og PDF skrives til fil med -o, eller til standard ut når den
sendes videre (> eller |), aldri rett i terminalen. PDF (A4) krever Chromium eller Chrome.
Word (.docx, med overskriftsstiler og sidetall) krever pandoc.`,
		Example: `  samvirke strategy -o strategi.html
  samvirke strategy -o strategi.pdf
  samvirke strategy > strategi.md
  samvirke strategy --compare strategi/2016 -o endringer.html
  samvirke strategy --compare -o endringer.html
  samvirke strategy --tag utkast-1`,
		Args: func(cmd *cobra.Command, args []string) error {
			// «--compare REF»: pflag takes a value after a space only for a flag that
			// needs one, so the REF of a bare --compare arrives as an argument.
			if opts.Compare == compareNewest && len(args) == 1 {
				opts.Compare = args[0]
				return nil
			}
			return cobra.NoArgs(cmd, args)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return strategyRun(cmd.Context(), opts)
		},
	}
	opts.out.addFlags(cmd)
	cmd.Flags().StringVar(&opts.Compare, "compare", "", "marker endringene siden `[REF]` (en tagg, commit, gren eller dato, f.eks. strategi/2016); uten REF: siden den nyeste strategi/-taggen")
	cmd.Flags().Lookup("compare").NoOptDefVal = compareNewest
	cmd.Flags().StringVar(&opts.Tag, "tag", "", "merk commiten som grunnlag for neste sammenligning med taggen strategi/NAVN")
	cmd.Flags().StringVar(&opts.Author, "author", "", "hvem som lager taggen, «Navn <e-post>» (standard: git-oppsettet)")
	return cmd
}

func strategyRun(ctx context.Context, opts *strategyOptions) error {
	s := opts.streams
	in, err := opts.out.read(opts.global, s)
	if err != nil {
		return err
	}
	if (opts.Compare != "" || opts.Tag != "") && in.repo == nil {
		return errors.New(msgStrategyNeedsRepo)
	}
	if opts.Tag != "" {
		if changed, err := in.repo.ContentChanged(); err != nil {
			return err
		} else if changed {
			return errors.New(msgStrategyDirty)
		}
	}
	in.doc.Date = measures.DateOf(opts.Now())
	dopts := in.doc
	var doc document = renderer.NewStrategy(in.c, dopts)
	if opts.Compare == compareNewest {
		if opts.Compare, err = newestStrategyTag(in.repo); err != nil {
			return err
		}
	}
	if opts.Compare != "" {
		if doc, err = comparison(in, opts.Compare, dopts, s); err != nil {
			return err
		}
	}
	data, err := render(ctx, in.format, doc)
	if err != nil {
		return err
	}
	if err := opts.out.write(s, data, "strategiteksten"); err != nil {
		return err
	}
	if opts.Tag != "" {
		return tagStrategy(in.repo, opts, s)
	}
	return nil
}

// compareNewest is the value of --compare given without a REF: the newest strategi/ tag.
const compareNewest = "\x00nyeste"

// newestStrategyTag is the newest strategi/ tag's name, or a Norwegian error when the
// repository has none.
func newestStrategyTag(repo *tracker.Repo) (string, error) {
	tag, err := repo.LatestStrategyTag()
	if errors.Is(err, tracker.ErrNoReportTag) {
		return "", fmt.Errorf(msgNoStrategyTag, strings.TrimSuffix(tracker.StrategyTagPrefix, "/")+"/")
	}
	if err != nil {
		return "", fmt.Errorf(msgReadStrategyTags, err)
	}
	return tag.Ref, nil
}

// comparison loads the content at REF and compares the current strategy with it.
func comparison(in *docInput, at string, dopts renderer.DocOptions, s *IOStreams) (*renderer.Comparison, error) {
	fsys, commit, err := contentAt(in.repo, at)
	if err != nil {
		return nil, err
	}
	old, err := measures.Load(fsys)
	if es := measures.AsErrors(err); es != nil {
		fmt.Fprintf(s.ErrOut, msgBaselineHasErrors, at, len(es))
	} else if err != nil {
		return nil, fmt.Errorf(msgReadContentAt, at, err)
	}
	label := "«" + at + "», " + docCommitText(dopts.T(), commit.Hash.String(), commit.Committer.When)
	return renderer.NewComparison(old, in.c, renderer.CompareOptions{DocOptions: dopts, Baseline: label}), nil
}

// tagStrategy tags HEAD as strategi/NAME after the document is written.
func tagStrategy(repo *tracker.Repo, opts *strategyOptions, s *IOStreams) error {
	tag, err := repo.TagStrategy(opts.Tag, opts.Author)
	full := tracker.StrategyTagPrefix + opts.Tag
	switch {
	case errors.Is(err, tracker.ErrTagExists):
		return fmt.Errorf(msgStrategyTagExists, full)
	case errors.Is(err, tracker.ErrBadTagName):
		return fmt.Errorf(msgStrategyBadTagName, opts.Tag)
	case errors.Is(err, tracker.ErrNoIdentity):
		return fmt.Errorf(msgStrategyTagFailedText, noIdentityMsg)
	case err != nil:
		return fmt.Errorf(msgStrategyTagFailed, err)
	}
	fmt.Fprintf(s.ErrOut, msgStrategyTagged, commitText(tag.Commit.Hash.String(), tag.Commit.Committer.When), tag.Ref)
	return nil
}
