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

type initOptions struct {
	streams *IOStreams

	Dir    string
	Author string
	Force  bool
}

// NewCmdInit builds «samvirke init»; runF, when not nil, runs in place of initRun with the
// parsed options (for tests).
func NewCmdInit(f *Factory, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{streams: f.IOStreams}
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
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Author, "author", "", "forfatter av første commit, «Navn <e-post>»")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "skriv over filer fra repo-malen som finnes i mappen fra før")
	return cmd
}

// initRun makes the repository with the embedded content and the repository template,
// and tags the strategy text of 2016.
func initRun(opts *initOptions) error {
	files, err := repotemplate.Files(repotemplate.InstallFor(releaseVersion()))
	if err != nil {
		return err
	}
	repo, h, err := tracker.InitWithOptions(opts.Dir, content.FS(), files, opts.Author, tracker.InitOptions{Force: opts.Force})
	var ow *tracker.OverwriteError
	switch {
	case errors.As(err, &ow):
		return overwriteMessage(opts.Dir, ow)
	case errors.Is(err, tracker.ErrExists):
		return fmt.Errorf(msgInitExists, opts.Dir)
	case errors.Is(err, tracker.ErrNoIdentity):
		return errors.New(noIdentityMsg)
	case err != nil:
		return err
	}
	w := opts.streams.Out
	fmt.Fprintf(w, msgInitCreated, repo.Root, h.String()[:7])
	if _, err := repo.TagStrategy(tracker.FirstStrategyTag, opts.Author); err != nil {
		return fmt.Errorf(msgInitTagFailed, tracker.StrategyTagPrefix, tracker.FirstStrategyTag, err)
	}
	fmt.Fprintf(w, msgInitTagged,
		tracker.StrategyTagPrefix, tracker.FirstStrategyTag, tracker.StrategyTagPrefix, tracker.FirstStrategyTag)
	return nil
}

// overwriteMessage says in Norwegian what stops init in dir.
func overwriteMessage(dir string, ow *tracker.OverwriteError) error {
	if len(ow.Blocked) > 0 {
		return fmt.Errorf(msgInitBadPath, strings.Join(ow.Blocked, ", "), dir)
	}
	return fmt.Errorf(msgInitFilesExist, dir, strings.Join(ow.Paths, ", "))
}
