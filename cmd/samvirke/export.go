package main

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/google/renameio/v2/maybe"
	"github.com/samvirke/samvirke/renderer/sheet"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type exportOptions struct {
	global  *globalOptions
	streams *IOStreams
	Output  string
}

// NewCmdExport builds «samvirke export»; runF, when not nil, runs in place of exportRun with the
// parsed options (for tests).
func NewCmdExport(f *Factory, runF func(*exportOptions) error) *cobra.Command {
	opts := &exportOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "export -o FIL.xlsx|FIL.csv",
		Short: "Eksporter tiltakene til Excel (.xlsx) eller til CSV for Excel",
		Long: `Skriver tiltakene og anbefalingene til en fil for Excel eller LibreOffice.

FIL.xlsx får arkene Tiltak (ett tiltak per rad, med nedtrekkslister for status,
innsatsområde og type, og status farget som i rapporten), Logg (datert framdrift),
Innspill (innspillene fra Åpen arena og tiltakene som svarer på dem) og Om (når og fra
hvilken versjon filen er laget). FIL.csv får arket Tiltak som CSV for norsk Excel:
semikolon mellom feltene, UTF-8 med BOM og norske overskrifter.`,
		Example: "  samvirke export -o tiltak.xlsx\n  samvirke export -o tiltak.csv --at rapport/2026-11",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if ext := strings.ToLower(filepath.Ext(opts.Output)); opts.Output == "" || (ext != ".xlsx" && ext != ".csv") {
				return errors.New(msgExportNeedsOutput)
			}
			if runF != nil {
				return runF(opts)
			}
			return exportRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "filen som skal skrives (.xlsx eller .csv)")
	addAtFlag(cmd, f.global)
	return cmd
}

func exportRun(opts *exportOptions) error {
	ext := strings.ToLower(filepath.Ext(opts.Output))
	c, src, err := loadContent(opts.global, opts.streams, false)
	if err != nil {
		return err
	}
	about, err := exportAbout(opts, src)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if ext == ".xlsx" {
		err = sheet.WriteXLSX(&b, c, about)
	} else {
		err = sheet.WriteExcelCSV(&b, sheet.Measures(c))
	}
	if err != nil {
		return fmt.Errorf(msgCreateFailed, opts.Output, err)
	}
	if err := maybe.WriteFile(opts.Output, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf(msgWriteFailed, opts.Output, err)
	}
	fmt.Fprintf(opts.streams.ErrOut, msgExported, len(c.Measures), opts.Output)
	return nil
}

// exportAbout says when and from which commit the export is made.
func exportAbout(opts *exportOptions, src *source) (sheet.About, error) {
	about := sheet.About{Made: opts.streams.clock()()}
	if src.Embedded {
		return about, nil
	}
	repo, err := tracker.Open(src.Root)
	if errors.Is(err, tracker.ErrNotRepository) {
		return about, nil
	}
	if err != nil {
		return about, err
	}
	at := opts.global.At
	if at == "" {
		at = "HEAD"
		if about.Changed, err = repo.ContentChanged(); err != nil {
			return about, err
		}
	}
	commit, err := repo.Resolve(at)
	if err != nil {
		return about, nil // no commit yet
	}
	about.Commit, about.When = commit.Hash.String()[:7], commit.Committer.When
	return about, nil
}
