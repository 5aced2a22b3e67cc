package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/cmd/samvirke/tui"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type tuiCmdOptions struct {
	global  *globalOptions
	streams *IOStreams

	Author string
}

// NewCmdTUI builds «samvirke tui»; runF, when not nil, runs in place of tuiRun with the
// parsed options (for tests).
func NewCmdTUI(f *Factory, runF func(*tuiCmdOptions) error) *cobra.Command {
	opts := &tuiCmdOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "tui",
		Short: "Åpne det interaktive terminalgrensesnittet (standard når samvirke kjøres i en terminal)",
		Long: `Åpner samvirke i terminalen: oversikt, tiltak, innspill og eiere. Du kan filtrere, lese
detaljer og historikk, og endre status, notater, eiere, frist, framdrift, innspill og tekst.
Hver lagring er én commit; u angrer den siste med en ny commit. ? viser alle tastene.

«samvirke» uten kommando åpner dette når både inn- og utdata er en terminal; ellers skriver
den listen over tiltak, slik at skript som leser utdataene fortsatt virker.

I et repo som ikke er laget med «samvirke init» (for eksempel kildekoden til samvirke), spør
samvirke før den første lagringen. «samvirke demo» lager et prøverepo der du kan lagre fritt.

Utenfor et strategi-repo vises innholdet som er bygd inn i programmet, skrivebeskyttet.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return tuiRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Author, "author", "", "forfatter av endringene, «Navn <e-post>» (standard: git-oppsettet)")
	return cmd
}

// tuiOptions finds and loads the content the way the other commands do and says whether
// it can be edited.
func tuiOptions(g *globalOptions, s *IOStreams, author string) (tui.Options, error) {
	opts := tui.Options{Author: author, Now: time.Now, NoColor: s.Env("NO_COLOR") != "", Dark: true,
		Explain: saveError, Editor: s.Env("VISUAL")}
	if opts.Editor == "" {
		opts.Editor = s.Env("EDITOR")
	}
	src, err := findSource(g.Repo)
	if err != nil {
		return opts, err
	}
	if src.Embedded {
		opts.ReadOnly = msgTUIEmbedded
	} else {
		opts.FS = src.FS
		opts.Dir = filepath.Join(src.Root, measures.Dir)
		if repo, err := tracker.Open(src.Root); err != nil {
			opts.ReadOnly = fmt.Sprintf(msgTUINotRepo, src.Root)
		} else {
			opts.Repo, opts.RepoDir = repo, repo.Root
			guardForeignRepo(repo, &opts)
			finishInterrupted(repo, &opts)
			opts.Sync = tuiSync(repo)
		}
	}
	c, err := measures.Load(src.FS)
	if measures.AsErrors(err) == nil && err != nil {
		return opts, fmt.Errorf(msgReadContent, err)
	}
	opts.Content, opts.LoadErr = c, err
	return opts, nil
}

// finishInterrupted finishes a save that was cut short (a killed samvirke) before the
// TUI reads the content, so it shows the repository as before or after that save and
// git is no longer locked out; the status line says what was repaired.
func finishInterrupted(repo *tracker.Repo, opts *tui.Options) {
	if !repo.Interrupted() {
		return
	}
	var msgs []string
	repo.OnRepair = func(msg string) { msgs = append(msgs, msg) }
	if err := repo.Recover(context.Background()); err != nil {
		msgs = append(msgs, msgRepairFailed+saveError("", err).Error())
	}
	repo.OnRepair = nil
	opts.Greeting = strings.Join(append(msgs, opts.Greeting), " ")
}

// tuiSync is the TUI's sync key: «samvirke sync» with the remote origin, its messages
// and its errors, or nil when the repository has no origin.
func tuiSync(repo *tracker.Repo) func(context.Context) (string, error) {
	if !repo.HasRemote("origin") {
		return nil
	}
	return func(ctx context.Context) (string, error) {
		opts := tracker.SyncOptions{Remote: "origin", Timeout: tracker.DefaultNetworkTimeout}
		res, err := repo.SyncWith(ctx, opts)
		if err != nil {
			return "", syncError(err, res, opts.Remote, opts.Timeout)
		}
		var b bytes.Buffer
		printSync(&b, res, opts.Remote)
		return b.String(), nil
	}
}

// tuiRun opens the TUI; it needs a terminal for both input and output.
func tuiRun(ctx context.Context, opts *tuiCmdOptions) error {
	if !opts.streams.IsInteractive() {
		return errors.New(msgTUINeedsTerminal)
	}
	return tuiRunWith(ctx, opts, nil)
}

// tuiRunWith is tuiRun with a change to the TUI's options before it starts.
func tuiRunWith(ctx context.Context, o *tuiCmdOptions, adjust func(*tui.Options)) error {
	s := o.streams
	opts, err := tuiOptions(o.global, s, o.Author)
	if err != nil {
		return err
	}
	if adjust != nil {
		adjust(&opts)
	}
	commits, err := tui.Run(ctx, opts, tea.WithInput(s.In), tea.WithOutput(s.Out))
	if len(commits) > 0 && opts.Repo != nil {
		u, uerr := opts.Repo.Upstream()
		fmt.Fprint(s.Out, tui.SessionSummary(commits, u, uerr))
	}
	return err
}

// guardForeignRepo protects a repository that «samvirke init» did not make, such as
// samvirke's own source checkout opened with «go run ./cmd/samvirke»: the first save
// asks first, and the change index is kept in the user's cache directory rather than
// written into its .git/.
func guardForeignRepo(repo *tracker.Repo, opts *tui.Options) {
	if repo.MadeByInit() {
		return
	}
	opts.AskFirst = fmt.Sprintf(msgForeignRepo,
		repo.Root, tracker.MarkerFile)
	repo.KeepChangeIndexIn(indexCacheDir(repo.Root))
}

// indexCacheDir is where the change index of the repository at root lives when it may
// not be written into the repository: the user's cache directory, one directory per
// repository path.
func indexCacheDir(root string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(base, "samvirke", "endringer", hex.EncodeToString(sum[:8]))
}
