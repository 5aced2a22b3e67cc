package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type resolveOptions struct {
	global  *globalOptions
	streams *IOStreams

	IDs    []string
	Keep   []string
	Remote string
	Author string
}

// NewCmdResolve builds «samvirke resolve»; runF, when not nil, runs in place of
// resolveRun with the parsed options (for tests).
func NewCmdResolve(f *Factory, runF func(*resolveOptions) error) *cobra.Command {
	opts := &resolveOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "resolve ID... --keep mine|theirs|FELT=mine|theirs",
		Short: "Velg verdi når du og det delte repoet har endret samme felt ulikt",
		Long: `Når «samvirke sync» stopper fordi du og det delte repoet har endret samme felt i et tiltak
ulikt, velger du med resolve hvilken verdi som skal gjelde: --keep mine beholder dine
verdier, --keep theirs bruker verdiene fra det delte repoet, og --keep FELT=mine|theirs
velger felt for felt (status, title, due, progress, owners, text …). ID er tiltakets id,
eller filnavnet (owners.yaml) for andre filer.

resolve slår sammen som sync ville gjort, med ditt valg der begge har endret, kontrollerer
resultatet og lagrer det som én sammenslåings-commit her. Det brukes det som sist ble
hentet, uten nettverk; «samvirke sync» sender det etterpå.`,

		Example: "  samvirke resolve T14 --keep mine\n  samvirke resolve T14 --keep status=theirs --keep text=mine\n  samvirke resolve T14 T15 --keep theirs",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IDs = args
			if runF != nil {
				return runF(opts)
			}
			return resolveRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Keep, "keep", nil, "mine eller theirs for alle feltene, eller FELT=mine|theirs (kan gjentas)")
	cmd.Flags().StringVar(&opts.Remote, "remote", "origin", "navnet på det delte repoet")
	cmd.Flags().StringVar(&opts.Author, "author", "", "forfatter av sammenslåingen, «Navn <e-post>» (standard: git-identiteten din)")
	return cmd
}

// resolveRun merges what the last sync fetched with the choices and commits the merge.
func resolveRun(ctx context.Context, opts *resolveOptions) error {
	choices, err := parseChoices(opts.IDs, opts.Keep)
	if err != nil {
		return err
	}
	repo, err := openRepo(opts.global)
	if err != nil {
		return err
	}
	remote := opts.Remote
	res, err := repo.ResolveSync(ctx, tracker.SyncOptions{Remote: remote, Author: opts.Author, Choices: choices})
	switch {
	case errors.Is(err, tracker.ErrNothingToResolve):
		return fmt.Errorf(msgNothingToResolve, remote)
	case errors.Is(err, tracker.ErrConflict) && res != nil && len(res.Conflicts) > 0:
		return fmt.Errorf(msgStillUnresolved, len(res.Conflicts), conflictMessage(res.Conflicts, remote))
	case err != nil:
		return syncError(err, res, remote, 0)
	}
	fmt.Fprintf(opts.streams.Out, msgResolved, remote, shortHash(res.Commit))
	return nil
}

// parseChoices turns ids and --keep values into the tracker's choices.
func parseChoices(ids, keep []string) (tracker.Choices, error) {
	if len(keep) == 0 {
		return nil, errors.New(msgKeepMissing)
	}
	fields := map[string]tracker.Side{}
	for _, k := range keep {
		field, side, ok := strings.Cut(k, "=")
		if !ok {
			field, side = "*", k
		}
		switch tracker.Side(side) {
		case tracker.Mine, tracker.Theirs:
			fields[strings.TrimSpace(field)] = tracker.Side(side)
		default:
			return nil, fmt.Errorf(msgUnknownKeep, side, k)
		}
	}
	choices := tracker.Choices{}
	for _, id := range ids {
		if !strings.Contains(id, ".") { // a measure id, not a file name
			id = normalizeID(id)
		}
		choices[id] = fields
	}
	return choices, nil
}
