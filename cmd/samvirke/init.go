package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/samvirke/samvirke/cmd/samvirke/repotemplate"
	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

func newInitCmd(s *IOStreams) *cobra.Command {
	var author string
	var force bool
	cmd := &cobra.Command{
		Use:   "init MAPPE",
		Short: "Lag et nytt strategi-repo med innholdet som er bygd inn i samvirke",
		Long: `Lager et nytt git-repo i MAPPE med innholdet som er bygd inn i samvirke (strategien, tiltakene,
anbefalingene og innspillene fra Åpen arena 2020) under content/, og én første commit.

Repoet får også det som trengs for bidrag med pull request: kontroll i GitHub Actions
(.github/workflows/samvirke.yml) og GitLab CI (.gitlab-ci.yml), .github/CONTRIBUTING.md, maler for
pull og merge requester, CODEOWNERS i .github/ og .gitlab/ (sekretariatet går gjennom content/; bytt ut
plassholderen) og .gitattributes. Kontrollen installerer samme versjon av samvirke som
laget repoet (eller den nyeste, for en utviklerversjon).

Finnes noen av disse filene allerede i MAPPE, skriver init ikke over dem, men stopper og
sier hvilke; --force skriver over dem. Andre filer i MAPPE blir liggende urørt (og kommer
ikke med i commiten).

Forfatteren hentes fra git-oppsettet (user.name og user.email); --author overstyrer.`,
		Example: `  samvirke init strategi
  samvirke init strategi --author "Kari Nordmann <kari@example.no>"
  samvirke init . --force`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := repotemplate.Files(repotemplate.InstallFor(releaseVersion()))
			if err != nil {
				return err
			}
			repo, h, err := tracker.InitWithOptions(args[0], content.FS(), files, author, tracker.InitOptions{Force: force})
			var ow *tracker.OverwriteError
			switch {
			case errors.As(err, &ow):
				return overwriteMessage(args[0], ow)
			case errors.Is(err, tracker.ErrExists):
				return fmt.Errorf("%s har allerede et git-repo eller en content/-mappe; velg en ny mappe", args[0])
			case errors.Is(err, tracker.ErrNoIdentity):
				return errors.New(noIdentityMsg)
			case err != nil:
				return err
			}
			fmt.Fprintf(s.Out, "Laget strategi-repo i %s (commit %s).\n", repo.Root, h.String()[:7])
			if _, err := repo.TagStrategy(tracker.FirstStrategyTag, author); err != nil {
				return fmt.Errorf("repoet er laget, men taggen %s%s ble ikke laget: %w", tracker.StrategyTagPrefix, tracker.FirstStrategyTag, err)
			}
			fmt.Fprintf(s.Out, "Merket strategiteksten fra 2016 som %s%s; sammenlign med «samvirke strategy --compare %s%s».\n",
				tracker.StrategyTagPrefix, tracker.FirstStrategyTag, tracker.StrategyTagPrefix, tracker.FirstStrategyTag)
			return nil
		},
	}
	cmd.Flags().StringVar(&author, "author", "", "forfatter av første commit, «Navn <e-post>»")
	cmd.Flags().BoolVar(&force, "force", false, "skriv over filer fra repo-malen som finnes i mappen fra før")
	return cmd
}

// overwriteMessage says in Norwegian what stops init in dir.
func overwriteMessage(dir string, ow *tracker.OverwriteError) error {
	if len(ow.Blocked) > 0 {
		return fmt.Errorf("%s er en symbolsk lenke, en fil der init trenger en mappe, eller en mappe der init skriver en fil (i %s); init skriver ikke dit, heller ikke med --force", strings.Join(ow.Blocked, ", "), dir)
	}
	return fmt.Errorf("disse filene i %s finnes allerede: %s; init skriver ikke over dem (flytt dem, eller bruk --force for å skrive over dem)", dir, strings.Join(ow.Paths, ", "))
}
