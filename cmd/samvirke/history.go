package main

import (
	"fmt"
	"slices"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type historyOptions struct {
	global  *globalOptions
	streams *IOStreams

	ID     string
	Format string
}

// NewCmdHistory builds «samvirke history»; runF, when not nil, runs in place of
// historyRun with the parsed options (for tests).
func NewCmdHistory(f *Factory, runF func(*historyOptions) error) *cobra.Command {
	opts := &historyOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:     "history ID",
		Short:   "Vis alle commits som endret et tiltak, nyeste først, med hva som ble endret",
		Example: "  samvirke history T14\n  samvirke history T14 --format json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if !slices.Contains([]string{"text", "json"}, opts.Format) {
				return fmt.Errorf(msgUnknownFormatTextJSON, opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return historyRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "utdata: text eller json")
	return cmd
}

func historyRun(opts *historyOptions) error {
	repo, err := openRepo(opts.global)
	if err != nil {
		return err
	}
	id, hist, err := historyOf(repo, opts.global, opts.ID)
	if err != nil {
		return err
	}
	w := opts.streams.Out
	if opts.Format == "json" {
		return writeJSON(w, historyJSON(hist))
	}
	if len(hist) == 0 {
		return fmt.Errorf(msgNoCommitsChanged, id)
	}
	for _, h := range hist {
		fmt.Fprintf(w, "%s  %s  %s\n", h.Commit[:7], measures.DateOf(h.Date).Norwegian(), oneLine(h.Author))
		for _, c := range h.Changes {
			fmt.Fprintf(w, "    %s\n", oneLine(c))
		}
	}
	return nil
}

// historyOf is the id typed resolves to and the commits that changed it. A measure
// deleted since keeps its history: an id the content does not know is looked up as
// typed, and only said to be unknown when no commit changed it.
func historyOf(repo *tracker.Repo, g *globalOptions, typed string) (string, []tracker.Change, error) {
	id, ok := existingID(g, typed)
	var unknown error
	if !ok {
		if id, unknown = resolveID(quietContent(g), typed); unknown != nil {
			id = normalizeID(typed)
		}
	}
	hist, err := repo.History(id)
	if err != nil {
		return id, nil, err
	}
	if len(hist) == 0 && unknown != nil {
		return id, nil, unknown
	}
	return id, hist, nil
}
