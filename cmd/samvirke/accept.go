package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

// errNotProposal: accept of a measure that is not an open proposal.
var errNotProposal = errors.New("not a proposal")

type acceptOptions struct {
	global  *globalOptions
	streams *IOStreams
	Now     func() time.Time

	Proposal string
	ID       string
	Author   string
}

// NewCmdAccept builds «samvirke accept»; runF, when not nil, runs in place of acceptRun
// with the parsed options (for tests).
func NewCmdAccept(f *Factory, runF func(*acceptOptions) error) *cobra.Command {
	opts := &acceptOptions{global: f.global, streams: f.IOStreams, Now: f.IOStreams.clock()}
	cmd := &cobra.Command{
		Use:   "accept P-<navn> [--id T37]",
		Short: "Godta et forslag: gi det neste ledige T-nummer og lagre som én commit",
		Long: `Godtar et forslag (P-…): gir det neste ledige tiltaksnummer (høyeste T-nummer i
arbeidskopien, i HEAD og i alle grener, pluss én) eller nummeret i --id, gir filen nytt
navn, setter status til not-started (ikke startet) med et datert notat i loggen, og
retter alle henvisninger til forslaget: merged:P-… i andre tiltak, [[P-…]] og
::: tiltak-linjer i strategiteksten. Hele innholdet kontrolleres, og alle filene lagres
som én commit med din git-identitet, slik som «samvirke set».`,
		Example: "  samvirke accept P-felles-kurs\n  samvirke accept P-felles-kurs --id T40",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Proposal = args[0]
			if runF != nil {
				return runF(opts)
			}
			return acceptRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.ID, "id", "", "nummeret forslaget skal få (standard: neste ledige)")
	cmd.Flags().StringVar(&opts.Author, "author", "", "forfatter, «Navn <e-post>» (standard: git-oppsettet)")
	return cmd
}

// acceptTarget reads the proposal's id as typed (a prefix, lower case) and checks it and
// --id.
func acceptTarget(opts *acceptOptions) error {
	if c := quietContent(opts.global); c != nil {
		id, err := resolveID(c, opts.Proposal)
		if err != nil {
			return err
		}
		opts.Proposal = id
	}
	if !measures.IsProposalID(opts.Proposal) {
		return fmt.Errorf(msgNotProposalID, opts.Proposal)
	}
	if opts.ID != "" {
		opts.ID = normalizeID(opts.ID)
		n, ok := measures.MeasureNumber(opts.ID)
		if !ok || measures.NumberedID(n) != opts.ID {
			return fmt.Errorf(msgNotMeasureNumber, opts.ID)
		}
	}
	return nil
}

// acceptRun gives the proposal its number and commits the renamed file and the rewritten
// references.
func acceptRun(ctx context.Context, opts *acceptOptions) error {
	if err := acceptTarget(opts); err != nil {
		return err
	}
	repo, err := openRepo(opts.global)
	if err != nil {
		return err
	}
	today := measures.DateOf(opts.Now())
	var newID string
	done, err := repo.Apply(ctx, func(c *measures.Content, by string) (*tracker.Edit, error) {
		p := c.Measure(opts.Proposal)
		if p == nil {
			return nil, fmt.Errorf("%s: %w", opts.Proposal, tracker.ErrNotFound)
		}
		if p.Status != measures.Proposed {
			return nil, fmt.Errorf(msgHasStatus, p.ID, p.Status.Label(), errNotProposal)
		}
		known, err := repo.KnownMeasureIDs()
		if err != nil {
			return nil, err
		}
		used := slices.Collect(maps.Keys(known))
		for _, m := range c.Measures {
			used = append(used, m.ID)
		}
		newID, err = measures.AcceptID(opts.ID, used)
		if taken := (*measures.NumberTakenError)(nil); errors.As(err, &taken) {
			return nil, fmt.Errorf(msgNumberTaken, taken.Number, taken.By)
		}

		m := p.Clone()
		m.ID = newID
		if err := m.RecordChange(measures.NotStarted, measures.AcceptNote(p.ID, newID), by, today); err != nil {
			return nil, err
		}
		write := c.RewriteRefs(p.ID, newID)
		write[path.Join(measures.Dir, measures.MeasuresDir, newID+".md")] = m.Encode()
		return &tracker.Edit{
			Message: fmt.Sprintf(msgAcceptCommit, newID, p.ID, p.Status.Label(), m.Status.Label()),
			Write:   write,
			Delete:  []string{p.File},
		}, nil
	}, tracker.SaveOptions{Author: opts.Author})
	switch {
	case errors.Is(err, errNotProposal):
		return fmt.Errorf(msgOnlyProposedAccepted, err)
	case errors.Is(err, tracker.ErrDirty):
		return fmt.Errorf(msgAcceptDirty, err)
	case err != nil:
		return saveError(opts.Proposal, err)
	}
	fmt.Fprintf(opts.streams.Out, "%s %s\n", done.Hash.String()[:7], done.Message)
	for _, p := range done.Paths {
		fmt.Fprintf(opts.streams.Out, "  %s\n", p)
	}
	return nil
}
