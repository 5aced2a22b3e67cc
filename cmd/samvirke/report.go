package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer"
	"github.com/samvirke/samvirke/renderer/lang"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	global  *globalOptions
	streams *IOStreams
	out     docOutput
	Since   string
	Tag     string
	Author  string
	Stale   int              // months without a log note before a measure is listed as stale
	Now     func() time.Time // the report's date
}

// NewCmdReport builds «samvirke report»; runF, when not nil, runs in place of reportRun with the
// parsed options (for tests).
func NewCmdReport(f *Factory, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{global: f.global, streams: f.IOStreams, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "report [-o FIL] [--format html|md|pdf|docx] [--since REF|DATO] [--tag NAVN]",
		Short: "Lag statusrapporten til fagrådet (HTML, Markdown, PDF eller Word)",
		Long: `Lager statusrapporten som fagrådet går gjennom: forside med dato, datagrunnlaget (versjonen)
og hva rapporten sammenlignes med; «Til fagrådets oppmerksomhet» med rapportperioden og de
forfalte og forsinkede tiltakene, de uten nytt notat på --stale-months måneder, de uten eier
eller frist, de som ikke er vurdert, og statusendringene; sammendrag med antall tiltak etter status, innsatsområde og
ansvarlig eier (diagram og tabell) og forfalte tiltak; endringer siden forrige rapport
(statusendringer, nye og utgåtte tiltak, nye notater); hvert tiltak etter innsatsområde med
status, eiere, frist, framdrift, siste notater og innspillene fra Åpen arena det svarer på;
dekningen av innspillene; og et vedlegg med alle tiltak i én tabell.

Formatet tas fra --format, ellers fra filendelsen i -o, ellers Markdown. Markdown skrives
til standard ut uten -o. HTML og PDF skrives til fil med -o, eller til standard ut når den
sendes videre (> eller |), aldri rett i terminalen. HTML er én selvstendig fil uten eksterne
ressurser; PDF (A4) lages av HTML-en med Chromium eller Chrome, som må være installert.

Endringene regnes fra --since (en commit, gren, tagg eller dato ÅÅÅÅ-MM-DD). Uten --since
brukes den nyeste rapport-taggen (rapport/NAVN). --tag NAVN merker commiten rapporten ble
laget fra som grunnlag for neste rapport (taggen rapport/NAVN); innholdet må da være
committet.`,
		Example: `  samvirke report -o rapport.html
  samvirke report -o rapport.pdf --tag 2026-11
  samvirke report --since 2026-01-01 > rapport.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return reportRun(cmd.Context(), opts)
		},
	}
	opts.out.addFlags(cmd)
	cmd.Flags().StringVar(&opts.Since, "since", "", "vis endringer siden denne commiten, grenen, taggen eller datoen (standard: nyeste rapport-tagg)")
	cmd.Flags().StringVar(&opts.Tag, "tag", "", "merk commiten som grunnlag for neste rapport med taggen rapport/NAVN")
	cmd.Flags().IntVar(&opts.Stale, "stale-months", measures.DefaultStaleMonths, "vis åpne tiltak uten notat i loggen på mer enn så mange måneder under «Til fagrådets oppmerksomhet»")
	cmd.Flags().StringVar(&opts.Author, "author", "", "hvem som lager taggen, «Navn <e-post>» (standard: git-oppsettet)")
	return cmd
}

func reportRun(ctx context.Context, opts *reportOptions) error {
	s := opts.streams
	in, err := opts.out.read(opts.global, s)
	if err != nil {
		return err
	}
	c, src, repo := in.c, in.src, in.repo
	if (opts.Since != "" || opts.Tag != "") && repo == nil {
		return errors.New(msgReportNeedsRepo)
	}
	if opts.Tag != "" {
		if changed, err := repo.ContentChanged(); err != nil {
			return err
		} else if changed {
			return errors.New(msgReportDirty)
		}
	}
	in.doc.Date = measures.DateOf(opts.Now())
	if opts.Stale < 1 {
		return fmt.Errorf(msgStaleMonths, opts.Stale)
	}
	ro := renderer.ReportOptions{DocOptions: in.doc, StaleMonths: opts.Stale}
	if err := baseline(repo, src, opts.Since, c, s.ErrOut, &ro); err != nil {
		return err
	}
	if repo != nil {
		if ro.Trend, err = trend(repo, s.ErrOut); err != nil {
			return err
		}
	}
	if ro.Baseline == nil && repo != nil && opts.Tag == "" {
		fmt.Fprintln(s.ErrOut, msgNoReportBaseline)
	}
	data, err := render(ctx, in.format, renderer.NewReport(c, ro))
	if err != nil {
		return err
	}
	if err := opts.out.write(s, data, "rapporten"); err != nil {
		return err
	}
	if opts.Tag != "" {
		tag, err := repo.TagReport(opts.Tag, opts.Author)
		switch {
		case errors.Is(err, tracker.ErrTagExists):
			return fmt.Errorf(msgReportTagExists, tracker.ReportTagPrefix, opts.Tag)
		case errors.Is(err, tracker.ErrBadTagName):
			return fmt.Errorf(msgReportBadTagName, opts.Tag)
		case errors.Is(err, tracker.ErrNoIdentity):
			return fmt.Errorf(msgReportTagFailedText, noIdentityMsg)
		case err != nil:
			return fmt.Errorf(msgReportTagFailed, err)
		}
		fmt.Fprintf(s.ErrOut, msgReportTagged, commitText(tag.Commit.Hash.String(), tag.Commit.Committer.When), tag.Ref)
	}
	return nil
}

// baseline fills in what the report compares with: --since, else the newest report tag,
// else a sentence saying why there is nothing to compare with.
func baseline(repo *tracker.Repo, src *source, since string, cur *measures.Content, errOut io.Writer, ro *renderer.ReportOptions) error {
	t := ro.T()
	switch {
	case src.Embedded:
		ro.NoBaseline = t.Doc.NoBaselineEmbed
		return nil
	case repo == nil:
		ro.NoBaseline = t.Doc.NoBaselineNoRepo
		return nil
	}
	at, label, when := since, "", time.Time{}
	if at == "" {
		tag, err := repo.LatestReportTag()
		if errors.Is(err, tracker.ErrNoReportTag) {
			ro.NoBaseline = t.Doc.NoBaselineFirst
			return nil
		}
		if err != nil {
			return err
		}
		at, label, when = tag.Ref, t.Doc.ReportOfF, tag.When
	}
	fsys, commit, err := contentAt(repo, at)
	if err != nil {
		return err
	}
	old, err := measures.Load(fsys)
	if es := measures.AsErrors(err); es != nil {
		fmt.Fprintf(errOut, msgBaselineHasErrors, at, len(es))
	} else if err != nil {
		return fmt.Errorf(msgReadContentAt, at, err)
	}
	if label == "" {
		label = t.Doc.DataAsOfLowerF
	}
	if when.IsZero() {
		when = commit.Committer.When
	}
	ro.Baseline = newBaseline(t, label, when, commit.Hash.String(), old, cur)
	return nil
}

// newBaseline is the baseline old (at the commit hash, of the date when) for the report
// of cur, named by the format label with the date: «rapporten av 20. oktober 2026
// (versjon 1a2b3c4)».
func newBaseline(t *lang.Texts, label string, when time.Time, hash string, old, cur *measures.Content) *renderer.Baseline {
	return &renderer.Baseline{Label: lang.F(label, nbsp(measures.DateOf(when).Norwegian())) + lang.F(t.Doc.VersionNbspF, hash[:7]),
		Date: measures.DateOf(when), Diff: measures.Compare(old, cur)}
}

// nbsp keeps a date on one line in the documents.
func nbsp(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

// trend reads the content at every report tag, for the trend across reports. A tag whose
// content cannot be read is left out with a warning.
func trend(repo *tracker.Repo, errOut io.Writer) ([]renderer.TrendPoint, error) {
	tcs, err := tagContents(repo, errOut)
	return trendOf(tcs), err
}

// taggedContent is the content at a report tag.
type taggedContent struct {
	tag *tracker.ReportTag
	c   *measures.Content
}

// tagContents reads the content at every report tag, oldest first. A tag whose content
// cannot be read is left out with a warning.
func tagContents(repo *tracker.Repo, errOut io.Writer) ([]taggedContent, error) {
	tags, err := repo.ReportTags()
	if err != nil {
		return nil, err
	}
	var out []taggedContent
	for _, t := range tags {
		fsys, _, err := repo.ContentFS(t.Ref)
		if err != nil {
			fmt.Fprintf(errOut, msgReportTagNoContent, t.Ref)
			continue
		}
		c, err := measures.Load(fsys)
		if err != nil && measures.AsErrors(err) == nil {
			fmt.Fprintf(errOut, msgReportTagUnreadable, t.Ref)
			continue
		}
		if c == nil {
			continue
		}
		out = append(out, taggedContent{tag: t, c: c})
	}
	return out, nil
}

// trendOf is the trend across the reports at tcs.
func trendOf(tcs []taggedContent) []renderer.TrendPoint {
	var out []renderer.TrendPoint
	for _, tc := range tcs {
		out = append(out, renderer.TrendPoint{Name: tc.tag.Name, Date: measures.DateOf(tc.tag.When), Content: tc.c})
	}
	return out
}
