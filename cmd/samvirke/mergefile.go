package main

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"

	"github.com/google/renameio/v2/maybe"
	"github.com/samvirke/samvirke/measures"
	"github.com/spf13/cobra"
)

type mergeFileOptions struct {
	streams *IOStreams

	Base, Mine, Theirs string // git's %O, %A and %B
	Path               string // git's %P, the file's path in the repository; "" when not given
}

// NewCmdMergeFile builds «samvirke merge-file», git's merge driver; runF, when not nil,
// runs in place of mergeFileRun with the parsed options (for tests).
func NewCmdMergeFile(f *Factory, runF func(*mergeFileOptions) error) *cobra.Command {
	opts := &mergeFileOptions{streams: f.IOStreams}
	return &cobra.Command{
		Use:   "merge-file BASE MINE THEIRS [STI]",
		Short: "git merge-driver: slå sammen to versjoner av en innholdsfil felt for felt",
		Long: `Slår sammen to versjoner av en fil under content/ mot felles utgangspunkt, slik sync gjør:
felt for felt for tiltak, innspillsgrupper og kapitler, oppføring for oppføring for
owners.yaml, areas.yaml og events.yaml. Brukes av git som merge-driver (se .gitattributes
og «git config merge.samvirke.driver»), med git sine plassholdere:

  samvirke merge-file %O %A %B %P

Resultatet skrives til MINE (%A) og koden er 0. Har begge sider endret samme felt
ulikt, skrives ingen konfliktmarkører: MINE blir stående som din versjon, feltene
skrives ut med begge verdiene, og koden er 1, så git melder filen som i konflikt.`,
		Args: cobra.RangeArgs(3, 4),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Base, opts.Mine, opts.Theirs = args[0], args[1], args[2]
			if len(args) == 4 {
				opts.Path = args[3]
			}
			if runF != nil {
				return runF(opts)
			}
			return mergeFileRun(opts)
		},
	}
}

// mergeFileRun merges MINE and THEIRS against BASE into MINE, as git's merge driver.
func mergeFileRun(opts *mergeFileOptions) error {
	s := opts.streams
	args := []string{opts.Base, opts.Mine, opts.Theirs}
	var data [3][]byte
	for i := range data {
		b, err := os.ReadFile(args[i])
		if err != nil {
			return fmt.Errorf(msgReadFailed, args[i], err)
		}
		data[i] = b
	}
	name := filepath.ToSlash(opts.Mine)
	if opts.Path != "" {
		name = filepath.ToSlash(opts.Path)
	}
	base := data[0]
	if len(base) == 0 {
		base = nil // git passes an empty file when both sides added it
	}
	merged, cs := measures.MergeFile(name, base, data[1], data[2])
	if len(cs) == 0 {
		if err := checkMerged(name, merged); err != nil {
			fmt.Fprintf(s.ErrOut, msgMergeInvalid, name, err)
			return &exitError{code: 1}
		}
		if !bytes.Equal(merged, data[1]) {
			if err := maybe.WriteFile(args[1], merged, 0o644); err != nil {
				return fmt.Errorf(msgWriteFailed, args[1], err)
			}
		}
		return nil
	}
	fmt.Fprintf(s.ErrOut, msgMergeConflictHeading, fieldWord(len(cs)), name)
	for _, c := range cs {
		fmt.Fprintf(s.ErrOut, msgMergeConflictField, inert(c.ID), c.Field, showValue(c.Field, c.Ours), showValue(c.Field, c.Theirs))
	}
	fmt.Fprintf(s.ErrOut, msgMergeConflictHelp, name)
	return &exitError{code: 1}
}

func fieldWord(n int) string {
	if n == 1 {
		return "felt"
	}
	return fmt.Sprintf(msgFieldCount, n)
}

// checkMerged parses a merged measure, group or chapter file so a broken merge is not
// taken as clean.
func checkMerged(name string, data []byte) error {
	var err error
	switch dir := path.Base(path.Dir(name)); {
	case path.Base(name) == measures.OwnersFile:
		_, err = measures.ParseOwners(name, data)
	case path.Base(name) == measures.AreasFile:
		_, _, err = measures.ParseAreas(name, data)
	case path.Base(name) == measures.EventsFile:
		_, err = measures.ParseEvents(name, data)
	case path.Ext(name) != ".md":
	case dir == measures.MeasuresDir:
		_, err = measures.ParseMeasure(name, data)
	case path.Base(path.Dir(path.Dir(name))) == measures.InputsDir:
		_, err = measures.ParseGroup(name, data)
	case dir == measures.StrategyDir:
		_, err = measures.ParseChapter(name, data)
	}
	return err
}
