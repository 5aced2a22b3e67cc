package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

func newResolveCmd(g *globalOptions, s *IOStreams) *cobra.Command {
	var remote, author string
	var keep []string
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
			choices, err := parseChoices(args, keep)
			if err != nil {
				return err
			}
			repo, err := openRepo(g)
			if err != nil {
				return err
			}
			res, err := repo.ResolveSync(cmd.Context(), tracker.SyncOptions{Remote: remote, Author: author, Choices: choices})
			switch {
			case errors.Is(err, tracker.ErrNothingToResolve):
				return fmt.Errorf("det er ingenting å løse: grenen og %s har ikke gått hver sin vei (siste henting). Kjør «samvirke sync»", remote)
			case errors.Is(err, tracker.ErrConflict) && res != nil && len(res.Conflicts) > 0:
				return fmt.Errorf("%d felt er fortsatt uløst; ingenting er endret.\n%s", len(res.Conflicts), conflictMessage(res.Conflicts, remote))
			case err != nil:
				return syncError(err, res, remote, 0)
			}
			fmt.Fprintf(s.Out, "Løst og slått sammen med %s i commit %s. Kjør «samvirke sync» for å dele den.\n", remote, shortHash(res.Commit))
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&keep, "keep", nil, "mine eller theirs for alle feltene, eller FELT=mine|theirs (kan gjentas)")
	cmd.Flags().StringVar(&remote, "remote", "origin", "navnet på det delte repoet")
	cmd.Flags().StringVar(&author, "author", "", "forfatter av sammenslåingen, «Navn <e-post>» (standard: git-identiteten din)")
	return cmd
}

// parseChoices turns ids and --keep values into the tracker's choices.
func parseChoices(ids, keep []string) (tracker.Choices, error) {
	if len(keep) == 0 {
		return nil, errors.New("oppgi hva som skal gjelde: --keep mine, --keep theirs eller --keep FELT=mine|theirs")
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
			return nil, fmt.Errorf("ukjent valg «%s» i --keep %s; bruk mine (dine verdier) eller theirs (de andres)", side, k)
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
