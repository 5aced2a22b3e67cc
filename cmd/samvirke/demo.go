package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/samvirke/samvirke/cmd/samvirke/repotemplate"
	"github.com/samvirke/samvirke/cmd/samvirke/tui"
	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

// demoAuthor signs the demo repository's commits when git has no identity configured,
// so that a first try needs no set-up.
const demoAuthor = "Prøvebruker <prove@samvirke.invalid>"

type demoOptions struct {
	global  *globalOptions
	streams *IOStreams

	Author string
}

// NewCmdDemo builds «samvirke demo»; runF, when not nil, runs in place of demoRun with the
// parsed options (for tests).
func NewCmdDemo(f *Factory, runF func(*demoOptions) error) *cobra.Command {
	opts := &demoOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Prøv samvirke i et nytt prøverepo i en midlertidig mappe",
		Long: `Lager et nytt strategi-repo med innholdet som er bygd inn i samvirke, i en ny midlertidig
mappe (som «samvirke init»), sier hvor det ligger og åpner grensesnittet der. Det du lagrer,
blir commits bare i prøverepoet; ingen andre repoer endres. Slett mappen når du er ferdig.

Uten git-identitet signeres commitene som «` + demoAuthor + `».
Når inn- eller utdata ikke er en terminal, lager den bare repoet og skriver hvor det ligger.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return demoRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Author, "author", "", "forfatter av commitene, «Navn <e-post>» (standard: git-oppsettet, ellers en prøvebruker)")
	return cmd
}

// demoRun makes the demo repository and opens the TUI in it when there is a terminal.
func demoRun(ctx context.Context, opts *demoOptions) error {
	s := opts.streams
	root, who, err := makeDemoRepo(opts.Author)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.Out, msgDemoCreated, root)
	if !s.IsInteractive() {
		fmt.Fprintf(s.Out, msgDemoOpenWith, root)
		return nil
	}
	demo := *opts.global
	demo.Repo = root
	err = tuiRunWith(ctx, &tuiCmdOptions{global: &demo, streams: s, Author: who}, func(o *tui.Options) {
		o.Greeting = fmt.Sprintf(msgDemoGreeting, root)
	})
	fmt.Fprintf(s.Out, msgDemoLocation, root)
	return err
}

// makeDemoRepo makes a strategy repository in a new temporary directory and returns its
// path and the author to save as: author, the git identity, or demoAuthor without one.
func makeDemoRepo(author string) (root, who string, err error) {
	dir, err := os.MkdirTemp("", "samvirke-demo-")
	if err != nil {
		return "", "", fmt.Errorf(msgMakeTempDir, err)
	}
	files, err := repotemplate.Files(repotemplate.InstallFor(releaseVersion()))
	if err != nil {
		return "", "", err
	}
	root = filepath.Join(dir, "strategi")
	who = author
	repo, _, err := tracker.InitWithFiles(root, content.FS(), files, who)
	if errors.Is(err, tracker.ErrNoIdentity) && author == "" {
		who = demoAuthor
		repo, _, err = tracker.InitWithFiles(root, content.FS(), files, who)
	}
	if errors.Is(err, tracker.ErrNoIdentity) {
		return "", "", errors.New(noIdentityMsg)
	}
	if err != nil {
		return "", "", fmt.Errorf(msgMakeDemoRepo, root, err)
	}
	return repo.Root, who, nil
}
