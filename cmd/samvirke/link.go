package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

func newLinkCmd(g *globalOptions, s *IOStreams, unlink bool) *cobra.Command {
	var author string
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
			id, items := args[0], args[1:]
			if c := quietContent(g); c != nil {
				var err error
				if id, err = resolveID(c, id); err != nil {
					return err
				}
				if !unlink {
					if items, err = resolveItems(c, items); err != nil {
						return err
					}
				}
			}
			return linkRun(cmd.Context(), g, s, normalizeID(id), items, unlink, author)
		},
	}
	cmd.Flags().StringVar(&author, "author", "", "forfatter, «Navn <e-post>» (standard: git-oppsettet)")
	return cmd
}

func linkRun(ctx context.Context, g *globalOptions, s *IOStreams, id string, items []string, unlink bool, author string) error {
	repo, err := openRepo(g)
	if err != nil {
		return err
	}
	saved, err := repo.Save(ctx, id, func(m *measures.Measure, _ string) error {
		for _, it := range items {
			has := slices.Contains(m.Inputs, it)
			switch {
			case unlink && !has:
				return fmt.Errorf("%s er ikke knyttet til %s", it, id)
			case unlink:
				m.Inputs = slices.DeleteFunc(m.Inputs, func(v string) bool { return v == it })
			case !has:
				m.Inputs = append(m.Inputs, it)
			}
		}
		return nil
	}, tracker.SaveOptions{Author: author})
	if err != nil {
		return saveError(id, err)
	}
	fmt.Fprintf(s.Out, "%s %s\n", saved.Hash.String()[:7], saved.Message)
	return nil
}
