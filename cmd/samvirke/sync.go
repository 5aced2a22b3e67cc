package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type syncOptions struct {
	global  *globalOptions
	streams *IOStreams

	Remote  string
	Timeout time.Duration
}

// NewCmdSync builds «samvirke sync»; runF, when not nil, runs in place of syncRun with the
// parsed options (for tests).
func NewCmdSync(f *Factory, runF func(*syncOptions) error) *cobra.Command {
	opts := &syncOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "sync",
		Short: "Hent og send endringer til det delte repoet; slå sammen tiltak felt for felt",
		Long: `Synkroniserer med det delte repoet: henter nye commits og rapport/-tagger, spoler fram når
du bare ligger bak, sender dine commits når du bare ligger foran. Har begge sider nye
commits som endrer ulike filer, legges dine commits oppå de andre. Endrer begge sider
samme filer, slås de sammen etter innhold: et felt som bare den ene har endret, tas med;
notater, eiere og innspill slås sammen som mengder; tekst linje for linje. Resultatet
kontrolleres og lagres som én sammenslåings-commit som sendes.

Har begge endret samme felt ulikt, stopper samvirke uten å endre noe, viser begge
verdiene og hvem som satte dem, og du velger med «samvirke resolve». Er historikken på
det delte repoet skrevet om (force-push), stopper samvirke og sier fra.
samvirke tvinger aldri gjennom en push og mister aldri en lokal commit.

https: brukernavn og passord hentes fra SAMVIRKE_GIT_USERNAME og SAMVIRKE_GIT_PASSWORD
eller fra gits credential helper; ssh bruker SSH-agenten.`,

		Example: "  samvirke sync\n  samvirke sync --remote upstream --timeout 2m",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return syncRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Remote, "remote", "origin", "navnet på det delte repoet")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", tracker.DefaultNetworkTimeout, "lengste ventetid på svar fra det delte repoet for hver henting og sending")
	return cmd
}

// syncRun syncs with the remote; on a terminal it says what it waits for and shows
// git's progress on standard error.
func syncRun(ctx context.Context, opts *syncOptions) error {
	repo, err := openRepo(opts.global)
	if err != nil {
		return err
	}
	s, remote := opts.streams, opts.Remote
	so := tracker.SyncOptions{Remote: remote, Timeout: opts.Timeout}
	if s.IsStdoutTTY() {
		so.Progress = s.ErrOut
		so.OnStep = func(step string) {
			line := map[string]string{"fetch": msgSyncFetching, "push": msgSyncPushing, "push-tags": msgSyncPushingTags}[step]
			if line != "" {
				line = fmt.Sprintf(line, remote)
			}
			fmt.Fprintln(s.ErrOut, line)
		}
	}
	res, err := repo.SyncWith(ctx, so)
	if err != nil {
		return syncError(err, res, remote, opts.Timeout)
	}
	printSync(s.Out, res, remote)
	return nil
}

// printSync says in Norwegian what a sync did.
func printSync(w io.Writer, res *tracker.SyncResult, remote string) {
	switch res.Action {
	case "up-to-date":
		fmt.Fprintln(w, msgUpToDate)
	case "fast-forward":
		fmt.Fprintf(w, msgFetched, nCommits(res.Pulled), remote)
	case "pushed":
		fmt.Fprintf(w, msgPushed, remote)
	case "rebased":
		fmt.Fprintf(w, msgRebasedAndPushed, nCommits(res.Pulled), remote, nCommits(res.Pushed), pronoun(res.Pushed))
	case "merged":
		fmt.Fprintf(w, msgMergedAndPushed,
			nCommits(res.Pulled), remote, nCommits(res.Pushed), shortHash(res.Commit))
		for _, m := range res.Merged {
			fmt.Fprintf(w, "  %s: %s\n", m.ID, mergedSummary(m, remote))
		}
	}
	printSyncTags(w, res, remote)
}

func mergedSummary(m tracker.MergedFile, remote string) string {
	var parts []string
	if len(m.Ours) > 0 {
		parts = append(parts, fmt.Sprintf(msgMergedOurs, strings.Join(m.Ours, ", ")))
	}
	if len(m.Theirs) > 0 {
		parts = append(parts, fmt.Sprintf(msgMergedTheirs, remote, strings.Join(m.Theirs, ", ")))
	}
	if len(parts) == 0 {
		return msgMergedNoFields
	}
	return strings.Join(parts, msgAnd)
}

func pronoun(n int) string {
	if n == 1 {
		return "den"
	}
	return "dem"
}

func nCommits(n int) string { return syncPlural(n, "commit", "commits") }

func syncPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func shortHash(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}
