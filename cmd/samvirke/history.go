package main

import (
	"fmt"
	"slices"

	"github.com/samvirke/samvirke/measures"
	"github.com/spf13/cobra"
)

func newHistoryCmd(g *globalOptions, s *IOStreams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:     "history ID",
		Short:   "Vis alle commits som endret et tiltak, nyeste først, med hva som ble endret",
		Example: "  samvirke history T14\n  samvirke history T14 --format json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains([]string{"text", "json"}, format) {
				return fmt.Errorf("ukjent format «%s»; bruk text eller json", format)
			}
			repo, err := openRepo(g)
			if err != nil {
				return err
			}
			// A measure deleted since keeps its history: an id the content does not
			// know is looked up as typed, and only said to be unknown when no commit
			// changed it.
			id, ok := existingID(g, args[0])
			var unknown error
			if !ok {
				if id, unknown = resolveID(quietContent(g), args[0]); unknown != nil {
					id = normalizeID(args[0])
				}
			}
			hist, err := repo.History(id)
			if err != nil {
				return err
			}
			if len(hist) == 0 && unknown != nil {
				return unknown
			}
			if format == "json" {
				return writeJSON(s.Out, historyJSON(hist))
			}
			if len(hist) == 0 {
				return fmt.Errorf("ingen commits har endret «%s»", id)
			}
			for _, h := range hist {
				fmt.Fprintf(s.Out, "%s  %s  %s\n", h.Commit[:7], measures.DateOf(h.Date).Norwegian(), oneLine(h.Author))
				for _, c := range h.Changes {
					fmt.Fprintf(s.Out, "    %s\n", oneLine(c))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "utdata: text eller json")
	return cmd
}

func newLogCmd(g *globalOptions, s *IOStreams) *cobra.Command {
	var n int
	var format string
	cmd := &cobra.Command{
		Use:     "log",
		Short:   "Vis de siste endringene i innholdet, én linje hver",
		Example: "  samvirke log\n  samvirke log -n 50\n  samvirke log --format json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains([]string{"text", "json"}, format) {
				return fmt.Errorf("ukjent format «%s»; bruk text eller json", format)
			}
			repo, err := openRepo(g)
			if err != nil {
				return err
			}
			log, err := repo.Log(n)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(s.Out, logJSON(log))
			}
			for _, c := range log {
				line := fmt.Sprintf("%s %s %s %s", c.Commit[:7], c.Date.Format("2006-01-02"), truncate(c.Author, 16), c.Subject)
				fmt.Fprintln(s.Out, truncate(line, s.LineWidth()))
			}
			return nil
		},
	}
	cmd.Flags().IntVarP(&n, "number", "n", 20, "antall endringer")
	cmd.Flags().StringVar(&format, "format", "text", "utdata: text eller json")
	return cmd
}
