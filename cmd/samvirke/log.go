package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"
)

type logOptions struct {
	global  *globalOptions
	streams *IOStreams

	Number int
	Format string
}

// NewCmdLog builds «samvirke log»; runF, when not nil, runs in place of logRun with the
// parsed options (for tests).
func NewCmdLog(f *Factory, runF func(*logOptions) error) *cobra.Command {
	opts := &logOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:     "log",
		Short:   "Vis de siste endringene i innholdet, én linje hver",
		Example: "  samvirke log\n  samvirke log -n 50\n  samvirke log --format json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains([]string{"text", "json"}, opts.Format) {
				return fmt.Errorf(msgUnknownFormatTextJSON, opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return logRun(opts)
		},
	}
	cmd.Flags().IntVarP(&opts.Number, "number", "n", 20, "antall endringer")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "utdata: text eller json")
	return cmd
}

func logRun(opts *logOptions) error {
	repo, err := openRepo(opts.global)
	if err != nil {
		return err
	}
	log, err := repo.Log(opts.Number)
	if err != nil {
		return err
	}
	s := opts.streams
	if opts.Format == "json" {
		return writeJSON(s.Out, logJSON(log))
	}
	for _, c := range log {
		line := fmt.Sprintf("%s %s %s %s", c.Commit[:7], c.Date.Format("2006-01-02"), truncate(c.Author, 16), c.Subject)
		fmt.Fprintln(s.Out, truncate(line, s.LineWidth()))
	}
	return nil
}
