package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type linkOptions struct {
	global  *globalOptions
	streams *IOStreams
	unlink  bool // unlink: take the items off the measure

	ID     string
	Items  []string
	Author string
}

// NewCmdLink builds «samvirke link»; runF, when not nil, runs in place of linkRun with
// the parsed options (for tests).
func NewCmdLink(f *Factory, runF func(*linkOptions) error) *cobra.Command {
	return newCmdLink(f, false, runF)
}

// NewCmdUnlink builds «samvirke unlink», which is link the other way.
func NewCmdUnlink(f *Factory, runF func(*linkOptions) error) *cobra.Command {
	return newCmdLink(f, true, runF)
}

func newCmdLink(f *Factory, unlink bool, runF func(*linkOptions) error) *cobra.Command {
	opts := &linkOptions{global: f.global, streams: f.IOStreams, unlink: unlink}
	use, short := "link ID INNSPILL...", "Knytt innspill fra Åpen arena til et tiltak og lagre som en commit"
	if unlink {
		use, short = "unlink ID INNSPILL...", "Fjern innspill fra et tiltak og lagre som en commit"
	}
	cmd := &cobra.Command{
		Use:     use,
		Short:   short,
		Long:    short + ".\n\nInnspill oppgis med id, f.eks. aa2020-1.3/2 (se «samvirke inputs»).",
		Example: "  samvirke link T14 aa2020-1.9/2 aa2020-3.5/5\n  samvirke unlink T14 aa2020-1.9/2",
		Args:    cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID, opts.Items = args[0], args[1:]
			if runF != nil {
				return runF(opts)
			}
			return linkRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Author, "author", "", "forfatter, «Navn <e-post>» (standard: git-oppsettet)")
	return cmd
}

// linkRun links or unlinks the items and commits the measure.
func linkRun(ctx context.Context, opts *linkOptions) error {
	id, items, err := linkTargets(opts)
	if err != nil {
		return err
	}
	repo, err := openRepo(opts.global)
	if err != nil {
		return err
	}
	saved, err := repo.Save(ctx, id, func(m *measures.Measure, _ string) error {
		for _, it := range items {
			has := slices.Contains(m.Inputs, it)
			switch {
			case opts.unlink && !has:
				return fmt.Errorf(msgNotLinked, it, id)
			case opts.unlink:
				m.Inputs = slices.DeleteFunc(m.Inputs, func(v string) bool { return v == it })
			case !has:
				m.Inputs = append(m.Inputs, it)
			}
		}
		return nil
	}, tracker.SaveOptions{Author: opts.Author})
	if err != nil {
		return saveError(id, err)
	}
	fmt.Fprintf(opts.streams.Out, "%s %s\n", saved.Hash.String()[:7], saved.Message)
	return nil
}

// linkTargets reads the measure's id and, for link, the items as typed (a prefix, lower
// case); unlink takes the items as they stand in the measure.
func linkTargets(opts *linkOptions) (string, []string, error) {
	id, items := opts.ID, opts.Items
	if c := quietContent(opts.global); c != nil {
		var err error
		if id, err = resolveID(c, id); err != nil {
			return "", nil, err
		}
		if !opts.unlink {
			if items, err = resolveItems(c, items); err != nil {
				return "", nil, err
			}
		}
	}
	return normalizeID(id), items, nil
}
