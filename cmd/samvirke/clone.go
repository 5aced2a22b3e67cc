package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"strings"
	"time"

	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type cloneOptions struct {
	streams *IOStreams

	URL     string
	Dir     string // "" for the name in the URL
	Timeout time.Duration
}

// NewCmdClone builds «samvirke clone»; runF, when not nil, runs in place of cloneRun with
// the parsed options (for tests).
func NewCmdClone(f *Factory, runF func(*cloneOptions) error) *cobra.Command {
	opts := &cloneOptions{streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "clone URL [MAPPE]",
		Short: "Klon et delt strategi-repo og sett opp samvirke som merge-driver",
		Long: `Kloner det delte repoet til MAPPE (standard: navnet i adressen uten .git) og setter opp
samvirke som gits merge-driver for content/ i klonens .git/config, så også «git pull»
og «git merge» slår sammen tiltak felt for felt. Innlogging som for «samvirke sync».`,

		Example: "  samvirke clone https://github.com/org/strategi.git\n  samvirke clone git@gitlab.com:org/strategi.git strategi",
		Args:    cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.URL = args[0]
			if len(args) == 2 {
				opts.Dir = args[1]
			}
			if runF != nil {
				return runF(opts)
			}
			return cloneRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", 5*time.Minute, "lengste tid kloningen får ta")
	return cmd
}

// cloneRun clones into an empty or new directory and sets up the merge driver.
func cloneRun(ctx context.Context, opts *cloneOptions) error {
	s, url, dir := opts.streams, opts.URL, opts.Dir
	if dir == "" {
		dir = cloneDir(url)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf(msgCloneDirNotEmpty, dir)
	}
	co := tracker.CloneOptions{Timeout: opts.Timeout}
	if s.IsStdoutTTY() {
		co.Progress = s.ErrOut
	}
	fmt.Fprintf(s.ErrOut, msgCloning, url, dir)
	repo, err := tracker.Clone(ctx, url, dir, co)
	if err != nil {
		return syncError(err, nil, url, opts.Timeout)
	}
	fmt.Fprintf(s.Out, msgCloned, dir)
	ensureMergeDriver(repo, s)
	return nil
}

// cloneDir is the directory a clone of url goes to by default: the last part of the
// address without .git.
func cloneDir(url string) string {
	return strings.TrimSuffix(path.Base(strings.TrimRight(strings.ReplaceAll(url, ":", "/"), "/")), ".git")
}

// ensureMergeDriver sets up samvirke as the clone's merge driver when .gitattributes asks
// for it and git's config lacks it, and says so; without git it says how.
func ensureMergeDriver(repo *tracker.Repo, s *IOStreams) {
	exe := samvirkeCommand()
	set, err := repo.EnsureMergeDriver(exe)
	switch {
	case errors.Is(err, tracker.ErrNoGit):
		// Without git there is no git merge to drive.
	case err != nil:
		fmt.Fprintf(s.ErrOut, msgMergeDriverFailed, err, tracker.MergeDriverCommand(exe))
	case set:
		fmt.Fprint(s.ErrOut, msgMergeDriverSet)
	}
}

// samvirkeCommand is how git should run samvirke: this binary when it is installed, else
// samvirke from PATH (a go run binary lives in a temporary directory).
func samvirkeCommand() string {
	exe, err := os.Executable()
	if err != nil || strings.Contains(exe, "go-build") || strings.HasPrefix(exe, os.TempDir()) {
		return "samvirke"
	}
	return exe
}
