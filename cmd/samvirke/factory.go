package main

import "github.com/spf13/cobra"

// Factory is what every command is built from, after cli/cli's cmdutil.Factory: the
// streams, and the flags all commands share, which cobra fills in before a command runs.
// A command's NewCmdX(f, runF) copies what it needs into its options.
type Factory struct {
	IOStreams *IOStreams
	global    *globalOptions
}

// newFactory is the factory of a command tree over the streams s.
func newFactory(s *IOStreams) *Factory {
	return &Factory{IOStreams: s, global: &globalOptions{streams: s}}
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	Repo string
	At   string // read the content at this commit, branch, tag or date (read commands)

	streams *IOStreams // for the notices of openRepo (a repair, the merge driver set up)
}

// addAtFlag adds --at to a read command.
func addAtFlag(cmd *cobra.Command, g *globalOptions) {
	cmd.Flags().StringVar(&g.At, "at", "", "les innholdet slik det var i en commit, gren, tagg eller ved slutten av en dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD)")
}
