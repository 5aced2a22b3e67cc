package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2/maybe"
	"github.com/samvirke/samvirke/measures"
	"github.com/spf13/cobra"
)

type fmtOptions struct {
	global  *globalOptions
	streams *IOStreams
	Check   bool
}

// NewCmdFmt builds «samvirke fmt»; runF, when not nil, runs in place of fmtRun with the
// parsed options (for tests).
func NewCmdFmt(f *Factory, runF func(*fmtOptions) error) *cobra.Command {
	opts := &fmtOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "fmt",
		Short: "Skriv filene under content/ om til kanonisk form",
		Long: `Skriver tiltak, innspill og kapitler om til kanonisk form: fast rekkefølge på nøklene, anførselstegn
bare der YAML krever dem, LF-linjeskift og ingen BOM. Innholdet endres ikke. Filer med feil
røres ikke (rett dem først; se «samvirke validate»).

Med --check skrives ingenting; filene som ville blitt endret listes, og koden er 1 om noen finnes.`,
		Example: "  samvirke fmt\n  samvirke fmt --check",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return fmtRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "bare list filene som ikke er i kanonisk form")
	return cmd
}

type encoder interface{ Encode() []byte }

func fmtRun(opts *fmtOptions) error {
	src, err := findSource(opts.global.Repo)
	if err != nil {
		return err
	}
	if src.Embedded {
		return errors.New(msgFmtNoContent)
	}
	c, err := measures.Load(src.FS)
	es := measures.AsErrors(err)
	if err != nil && es == nil {
		return err
	}
	broken := map[string]bool{}
	for _, e := range es {
		broken[e.File] = true
	}
	var files []string
	var docs []encoder
	for _, m := range c.Measures {
		files, docs = append(files, m.File), append(docs, m)
	}
	for _, g := range c.Groups {
		files, docs = append(files, g.File), append(docs, g)
	}
	for _, ch := range c.Strategy {
		files, docs = append(files, ch.File), append(docs, ch)
	}
	w := opts.streams.Out
	changed, skipped := 0, 0
	for i, file := range files {
		if broken[file] {
			skipped++
			continue
		}
		path := filepath.Join(src.Root, filepath.FromSlash(file))
		old, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		want := docs[i].Encode()
		if bytes.Equal(old, want) {
			continue
		}
		changed++
		fmt.Fprintln(w, plain(file))
		if opts.Check {
			continue
		}
		if err := maybe.WriteFile(path, want, 0o644); err != nil {
			return fmt.Errorf(msgWriteFailed, file, err)
		}
	}
	if skipped > 0 {
		fmt.Fprintf(opts.streams.ErrOut, msgFmtSkippedInvalid, count(skipped, "fil"))
	}
	if opts.Check && changed > 0 {
		fmt.Fprintf(opts.streams.ErrOut, msgNotCanonical, count(changed, "fil"))
		return &exitError{code: 1}
	}
	if skipped > 0 {
		return &exitError{code: 1}
	}
	return nil
}
