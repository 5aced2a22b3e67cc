package main

import (
	"context"

	"github.com/spf13/cobra"
)

// NewRootCmd builds the samvirke command tree over the streams s.
func NewRootCmd(s *IOStreams) *cobra.Command {
	f := newFactory(s)
	g := f.global
	root := &cobra.Command{
		Use:   "samvirke",
		Short: "Oppfølging av strategien «Arbeid og helse – et tettere samvirke»",
		Long: `samvirke holder orden på tiltakene i strategien «Arbeid og helse – et tettere samvirke»,
anbefalingene til departementene og innspillene fra Åpen arena 2020. Innholdet ligger som
vanlige filer under content/ i et git-repo.

Uten --repo leter samvirke etter content/ i gjeldende mappe og oppover, i et git-repo
ikke lenger enn til roten av repoet. Utenfor git-repoer brukes innholdet som er bygd inn i
programmet når ingen content/ finnes; i et git-repo uten content/ stopper samvirke med en
feil. Symbolske lenker i content/ følges aldri.

Uten kommando åpner samvirke det interaktive grensesnittet (samvirke tui) når inn- og
utdata er en terminal; ellers skriver den listen over tiltak (samvirke list).`,
		SilenceUsage:      true,
		SilenceErrors:     true,
		PersistentPreRunE: checkAuthorFlag,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return rootRun(cmd.Context(), f)
		},
	}
	root.SetOut(s.Out)
	root.SetErr(s.ErrOut)
	root.CompletionOptions.DisableDefaultCmd = true
	root.PersistentFlags().StringVar(&g.Repo, "repo", "", "mappen som inneholder content/ (standard: let oppover fra gjeldende mappe)")
	root.SetHelpCommand(NewCmdHelp(f, nil))
	root.AddCommand(
		NewCmdList(f, nil),
		NewCmdShow(f, nil),
		NewCmdInputs(f, nil),
		NewCmdValidate(f, nil),
		NewCmdFmt(f, nil),
		NewCmdInit(f, nil),
		NewCmdDemo(f, nil),
		NewCmdHistory(f, nil),
		NewCmdLog(f, nil),
		NewCmdDiff(f, nil),
		NewCmdSync(f, nil),
		NewCmdResolve(f, nil),
		NewCmdMergeFile(f, nil),
		NewCmdClone(f, nil),
		NewCmdSet(f, nil),
		NewCmdLink(f, nil),
		NewCmdUnlink(f, nil),
		NewCmdReport(f, nil),
		NewCmdStrategy(f, nil),
		NewCmdExport(f, nil),
		NewCmdImport(f, nil),
		NewCmdFeed(f, nil),
		NewCmdCalendar(f, nil),
		NewCmdSite(f, nil),
		NewCmdNew(f, nil),
		NewCmdCheckPR(f, nil),
		NewCmdAccept(f, nil),
		NewCmdVersion(f, nil),
		NewCmdCompletion(f, nil),
		NewCmdTUI(f, nil),
	)
	localize(root)
	registerCompletions(root, g)
	return root
}

// rootRun is «samvirke» without a command: the TUI when both input and output are
// terminals, else the list, so scripts reading the output keep working.
func rootRun(ctx context.Context, f *Factory) error {
	if f.IOStreams.IsInteractive() {
		return tuiRun(ctx, &tuiCmdOptions{global: f.global, streams: f.IOStreams})
	}
	return listRun(&listOptions{global: f.global, streams: f.IOStreams, Format: "table", Sort: "id"})
}
