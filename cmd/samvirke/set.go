package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type setOptions struct {
	global  *globalOptions
	streams *IOStreams
	Now     func() time.Time

	ID       string
	Status   string
	Progress int
	Due      string
	Owners   []string
	Note     string
	Author   string
	changed  func(string) bool
}

// NewCmdSet builds «samvirke set»; runF, when not nil, runs in place of setRun with the
// parsed options (for tests).
func NewCmdSet(f *Factory, runF func(*setOptions) error) *cobra.Command {
	opts := &setOptions{global: f.global, streams: f.IOStreams, Now: f.IOStreams.clock()}
	cmd := &cobra.Command{
		Use:   "set ID",
		Short: "Endre et tiltak og lagre endringen som en commit",
		Long: `Endrer status, framdrift, frist eller eiere for et tiltak, eller legger til et notat, og lagrer
endringen som én commit med din git-identitet. En statusendring eller et notat gir en ny,
datert linje i tiltakets logg.

Hele innholdet kontrolleres før noe skrives: ugyldige endringer lagres aldri. Andre
ulagrede endringer i repoet blir ikke tatt med i commiten. Har tiltakets fil selv
ulagrede endringer, nektes lagringen.`,
		Example: `  samvirke set T14 --status pågår --note "Oppstartsmøte holdt."
  samvirke set T14 --progress 40 --due 30.06.2027
  samvirke set T14 --owner nav --owner hdir`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			opts.changed = cmd.Flags().Changed
			if !opts.changed("status") && !opts.changed("progress") && !opts.changed("due") && !opts.changed("owner") && !opts.changed("note") {
				return errors.New(msgNothingToSet)
			}
			if opts.changed("note") && strings.TrimSpace(opts.Note) == "" {
				return errors.New(msgEmptyNote)
			}
			if runF != nil {
				return runF(opts)
			}
			return setRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Status, "status", "", "ny status (norsk navn, også uten æ, ø og å, eller kode)")
	cmd.Flags().IntVar(&opts.Progress, "progress", 0, "framdrift i prosent, 0–100")
	cmd.Flags().StringVar(&opts.Due, "due", "", "ny frist, DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD (tom verdi fjerner fristen)")
	cmd.Flags().StringSliceVar(&opts.Owners, "owner", nil, "eiere (id eller kortnavn, f.eks. NAV), den første er ansvarlig; erstatter listen (kan gjentas)")
	cmd.Flags().StringVar(&opts.Note, "note", "", "notat til loggen")
	cmd.Flags().StringVar(&opts.Author, "author", "", "forfatter, «Navn <e-post>» (standard: git-oppsettet)")
	return cmd
}

func setRun(ctx context.Context, opts *setOptions) error {
	status, due, err := setValues(opts)
	if err != nil {
		return err
	}
	if opts.changed("progress") && (opts.Progress < 0 || opts.Progress > 100) {
		return fmt.Errorf(msgProgressRange, opts.Progress)
	}
	repo, err := openRepo(opts.global)
	if err != nil {
		return err
	}
	today := measures.DateOf(opts.Now())
	saved, err := repo.Save(ctx, opts.ID, func(m *measures.Measure, by string) error {
		if opts.changed("progress") {
			p := opts.Progress
			m.Progress = &p
		}
		if opts.changed("due") {
			m.Due = due
		}
		if opts.changed("owner") {
			m.Owners = opts.Owners
		}
		if !opts.changed("status") {
			status = ""
		}
		return m.RecordChange(status, opts.Note, by, today)
	}, tracker.SaveOptions{Author: opts.Author})
	if err != nil {
		return saveError(opts.ID, err)
	}
	fmt.Fprintf(opts.streams.Out, "%s %s\n", saved.Hash.String()[:7], saved.Message)
	return nil
}

// setValues reads the values of set's flags as people type them: the id (t14, a prefix of
// a proposal's), the status (pågår, pagar, in-progress), the due date (31.12.2026 or
// 2026-12-31) and the owners (nav, NAV).
func setValues(opts *setOptions) (measures.Status, *measures.Date, error) {
	var c *measures.Content // loaded only when needed: 10,000 measures take a quarter second
	id, ok := existingID(opts.global, opts.ID)
	if !ok || opts.changed("owner") {
		c = quietContent(opts.global)
	}
	var err error
	if !ok {
		if id, err = resolveID(c, opts.ID); err != nil {
			return "", nil, err
		}
	}
	opts.ID = id
	var status measures.Status
	if opts.changed("status") {
		if status, err = measures.ParseStatusTyped(opts.Status); err != nil {
			return "", nil, typedError(err)
		}
	}
	var due *measures.Date
	if opts.changed("due") && strings.TrimSpace(opts.Due) != "" {
		d, err := measures.ParseDateTyped(opts.Due)
		if err != nil {
			return "", nil, typedError(err)
		}
		due = &d
	}
	if opts.changed("owner") && c != nil {
		if opts.Owners, err = resolveOwners(c, opts.Owners); err != nil {
			return "", nil, err
		}
	}
	return status, due, nil
}

// saveError turns the tracker's errors into Norwegian messages.
func saveError(id string, err error) error {
	switch {
	case errors.Is(err, tracker.ErrNotFound):
		return fmt.Errorf(msgMeasureNotFound, id)
	case errors.Is(err, tracker.ErrDirty):
		return fmt.Errorf(msgMeasureFileDirty, id, id)
	case errors.Is(err, tracker.ErrInvalid):
		return fmt.Errorf(msgSetInvalid, measures.AsErrors(err))
	case errors.Is(err, tracker.ErrNoIdentity):
		return errors.New(noIdentityMsg)
	case errors.Is(err, tracker.ErrLocked):
		return errors.New(msgLocked)
	case errors.Is(err, tracker.ErrGitLocked):
		var le *tracker.LockError
		errors.As(err, &le)
		return fmt.Errorf(msgGitLockHeld, le.Path)
	case errors.Is(err, tracker.ErrBranchMoved):
		return errors.New(msgBranchMoved)
	case errors.Is(err, tracker.ErrBadState):
		return fmt.Errorf(msgBadState, err)
	case errors.Is(err, tracker.ErrNoChange):
		return fmt.Errorf(msgAlreadySo, id)
	}
	return fmt.Errorf(msgSaveFailed, id, err)
}
