package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/sheet"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type importOptions struct {
	global  *globalOptions
	streams *IOStreams

	File           string
	Sheet          string
	DryRun         bool
	NewAsProposals bool
	ClearEmpty     bool
	Author         string
}

// NewCmdImport builds «samvirke import»; runF, when not nil, runs in place of importRun with the
// parsed options (for tests).
func NewCmdImport(f *Factory, runF func(*importOptions) error) *cobra.Command {
	opts := &importOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "import FIL.xlsx|FIL.csv",
		Short: "Les inn et regneark med tiltak (Excel eller CSV) og lagre endringene som én commit",
		Long: `Leser et ark formet som eksporten (samvirke export), eller sekretariatets eget ark:
kolonnene finnes etter overskriften, på norsk eller engelsk (store og små bokstaver,
æ, ø, å og aksenter spiller ingen rolle), og overskriftsraden trenger ikke være første
rad. Status skrives som navn eller kode, eiere som navn, kortnavn eller id, datoer som
datoceller, 31.12.2026 eller 2026-12-31.

Viser endringene slik «samvirke diff» gjør, og lagrer dem som én commit (med filnavnet
i meldingen) når alle radene er gyldige. Er én rad ugyldig, lagres ingenting, og alle
feilene vises med ark, rad, kolonne og overskrift.

Tomme celler endrer ingenting (med --clear-empty tømmes Framdrift og Frist). Et notat i
«Siste notat» legges i loggen, datert med «Dato for siste notat» eller i dag, med mindre
loggen har det fra før. Rader med ukjent id er feil, eller forslag med --new-as-proposals.`,
		Example: "  samvirke import tiltak.xlsx --dry-run\n  samvirke import tiltak.xlsx\n  samvirke import sekretariatet.csv --new-as-proposals",
		Args:    cobra.ExactArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return []string{"xlsx", "csv"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return importRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Sheet, "sheet", "", "arket som skal leses (standard: Tiltak, ellers det første)")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "vis bare hva som ville endres; lagre ingenting")
	fl.BoolVar(&opts.NewAsProposals, "new-as-proposals", false, "rader med ukjent id blir nye forslag (P-…)")
	fl.BoolVar(&opts.ClearEmpty, "clear-empty", false, "tomme celler i Framdrift og Frist tømmer feltet")
	fl.StringVar(&opts.Author, "author", "", "forfatter, «Navn <e-post>» (standard: git-oppsettet)")
	return cmd
}

func importRun(ctx context.Context, opts *importOptions) error {
	grid, err := readSheet(opts.File, opts.Sheet)
	if err != nil {
		return err
	}
	repo, err := openRepo(opts.global)
	if err != nil {
		return err
	}
	c, err := measures.Load(os.DirFS(filepath.Join(repo.Root, measures.Dir)))
	if es := measures.AsErrors(err); es != nil {
		return fmt.Errorf(msgImportInvalidContent, count(len(es), "feil"), es)
	} else if err != nil {
		return err
	}
	iopts := sheet.ImportOptions{NewAsProposals: opts.NewAsProposals, ClearEmpty: opts.ClearEmpty,
		Today: opts.streams.Today(), Slug: measures.ProposalSlug}
	if known, err := repo.KnownMeasureIDs(); err == nil {
		iopts.Taken = func(id string) bool { return known[id] }
	}
	plan, err := importPlan(c, grid, iopts)
	if err != nil {
		return err
	}
	name := filepath.Base(opts.File)
	if len(plan.Ignored) > 0 {
		fmt.Fprintf(opts.streams.ErrOut, msgColumnsNotRead, strings.Join(plan.Ignored, ", "), name)
	}
	writeDiffText(opts.streams.Out, measures.Compare(c, plan.After()))
	if opts.DryRun || plan.Empty() {
		if opts.DryRun {
			fmt.Fprintln(opts.streams.ErrOut, msgDryRun)
		}
		return nil
	}
	done, err := repo.Apply(ctx, func(c *measures.Content, by string) (*tracker.Edit, error) {
		iopts.By = by
		p, err := importPlan(c, grid, iopts)
		if err != nil {
			return nil, err
		}
		return &tracker.Edit{Message: importMessage(name, p), Write: p.Files()}, nil
	}, tracker.SaveOptions{Author: opts.Author})
	var ie sheet.ImportErrors
	switch {
	case errors.As(err, &ie):
		return err
	case errors.Is(err, tracker.ErrDirty):
		return fmt.Errorf(msgImportDirty, err)
	case err != nil:
		return saveError(name, err)
	}
	fmt.Fprintf(opts.streams.Out, "%s %s\n", done.Hash.String()[:7], firstLine(done.Message))
	return nil
}

// readSheet reads the sheet of FIL.xlsx or FIL.csv, with the errors in Norwegian.
func readSheet(file, sheetName string) (*sheet.Grid, error) {
	name := filepath.Base(file)
	ext := strings.ToLower(filepath.Ext(file))
	if ext != ".xlsx" && ext != ".csv" {
		return nil, fmt.Errorf(msgImportUnknownFileType, name)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf(msgOpenFailed, file, err)
	}
	defer f.Close()
	var g *sheet.Grid
	if ext == ".csv" {
		if sheetName != "" {
			return nil, fmt.Errorf(msgCSVOneSheet, name)
		}
		g, err = sheet.ReadCSV(f, name)
	} else {
		g, err = sheet.ReadXLSX(f, name, sheetName)
	}
	var se *sheet.SheetError
	switch {
	case errors.As(err, &se):
		return nil, fmt.Errorf(msgNoSuchSheet, name, se.Want, strings.Join(se.Have, ", "))
	case errors.Is(err, sheet.ErrEncrypted):
		return nil, fmt.Errorf(msgPasswordProtected, name)
	case errors.Is(err, sheet.ErrTooLarge):
		return nil, fmt.Errorf(msgTooLarge, name, sheet.MaxRows, sheet.MaxFileSize>>20)
	case errors.Is(err, sheet.ErrNoSheet):
		return nil, fmt.Errorf(msgNoSheets, name)
	case errors.Is(err, sheet.ErrNotSpreadsheet) && ext == ".csv":
		return nil, fmt.Errorf(msgNotUTF8CSV, name, err)
	case errors.Is(err, sheet.ErrNotSpreadsheet):
		return nil, fmt.Errorf(msgNotXLSX, name)
	case err != nil:
		return nil, fmt.Errorf(msgReadFailed, name, err)
	}
	return g, nil
}

// importPlan maps the sheet onto the content, with every problem of the sheet at once.
func importPlan(c *measures.Content, g *sheet.Grid, opts sheet.ImportOptions) (*sheet.Plan, error) {
	plan, err := sheet.Import(c, g, opts)
	var ie sheet.ImportErrors
	if errors.As(err, &ie) {
		return nil, fmt.Errorf(msgImportNotSaved, g.File, count(len(ie), "feil"), ie)
	}
	return plan, err
}

// importMessage is the commit message of an import: a subject naming the file and what
// changed, and a line per measure.
func importMessage(file string, p *sheet.Plan) string {
	var parts []string
	if n := len(p.Changed); n > 0 {
		parts = append(parts, fmt.Sprintf(msgImportChanged, count(n, "tiltak")))
	}
	if n := len(p.New); n > 0 {
		parts = append(parts, fmt.Sprintf(msgImportAdded, count(n, "forslag")))
	}
	var b strings.Builder
	fmt.Fprintf(&b, msgImportCommit, file, strings.Join(parts, ", "))
	for _, m := range p.Changed {
		fmt.Fprintf(&b, "\n%s", measures.CommitMessage(p.Before(m.ID), m))
	}
	for _, m := range p.New {
		fmt.Fprintf(&b, msgImportCommitProposal, m.ID, m.Title)
	}
	return b.String()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
