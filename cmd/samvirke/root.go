package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"
)

// IOStreams are the command's input and outputs, injected so tests run commands against
// buffers.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	OutTTY bool
	Width  int // the terminal's columns when Out is one; 0 when unknown
	Getenv func(string) string
	Now    func() time.Time // the clock, for today's date; nil means time.Now
}

// Color reports whether output may use colour: a terminal, and NO_COLOR unset.
func (s *IOStreams) Color() bool { return s.OutTTY && s.Getenv("NO_COLOR") == "" }

// LineWidth is the width plain-text output is cut to: the terminal's (80 when it does
// not say), or 0, no cut, when the output is a pipe or a file, so scripts get every
// character.
func (s *IOStreams) LineWidth() int {
	switch {
	case !s.OutTTY:
		return 0
	case s.Width > 0:
		return s.Width
	}
	return defaultWidth
}

// Today is today's date by the streams' clock.
func (s *IOStreams) Today() measures.Date {
	if s.Now == nil {
		return measures.DateOf(time.Now())
	}
	return measures.DateOf(s.Now())
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	Repo string
	At   string // read the content at this commit, branch, tag or date (read commands)

	streams *IOStreams // for notices of openRepo (the merge driver set up)
}

// source is where content is read from: a repository's content/ directory or the
// content embedded in the binary.
type source struct {
	Root     string // repository root; "" when embedded
	FS       fs.FS  // rooted at the content directory
	Embedded bool
}

// errNoContent is returned when the content directory is missing or not a directory.
var errNoContent = errors.New("no content directory")

// userError is a message for people (Norwegian) that still matches its cause with
// errors.Is, without the cause's English text appended.
type userError struct {
	msg   string
	cause error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.cause }

func userErrorf(cause error, format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...), cause: cause}
}

// findSource locates the content: --repo, else the nearest directory upwards from the
// working directory that has content/ with measures/ in it. Inside a git work tree the
// search ends at its root, whose content/ must then be a directory; the embedded content
// serves only outside any git repository. A content/ that is a symbolic link is refused
// wherever it is found.
func findSource(repo string) (*source, error) {
	if repo != "" {
		abs, err := filepath.Abs(repo)
		if err != nil {
			return nil, err
		}
		if err := requireContentDir(abs, "i "+abs); err != nil {
			return nil, err
		}
		return dirSource(abs), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	top := workTreeRoot(wd)
	for dir := wd; ; dir = filepath.Dir(dir) {
		found, err := hasContent(dir)
		if err != nil {
			return nil, err
		}
		if found {
			return dirSource(dir), nil
		}
		if dir == top {
			if err := requireContentDir(dir, "i git-repoet "+dir); err != nil {
				return nil, err
			}
			return dirSource(dir), nil
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return &source{FS: content.FS(), Embedded: true}, nil
}

func dirSource(root string) *source {
	return &source{Root: root, FS: os.DirFS(filepath.Join(root, measures.Dir))}
}

// hasContent reports whether root has a content/ directory with a measures/ entry (a
// symbolic link there is left to measures.Load to report). A content/ that is a symbolic
// link is an error.
func hasContent(root string) (bool, error) {
	fi, err := os.Lstat(filepath.Join(root, measures.Dir))
	switch {
	case err != nil:
		return false, nil
	case fi.Mode()&fs.ModeSymlink != 0:
		return false, symlinkedContentError(root)
	case !fi.IsDir():
		return false, nil
	}
	_, err = os.Lstat(filepath.Join(root, measures.Dir, measures.MeasuresDir))
	return err == nil, nil
}

// requireContentDir checks that root/content is a directory and no symbolic link; where
// says where root is, for the message.
func requireContentDir(root, where string) error {
	err := tracker.CheckContentDir(filepath.Join(root, measures.Dir))
	switch {
	case errors.Is(err, measures.ErrSymlink):
		return symlinkedContentError(root)
	case errors.Is(err, tracker.ErrNoContent) && isFile(filepath.Join(root, measures.Dir)):
		return userErrorf(errNoContent, "content %s er ikke en mappe; samvirke leser tiltakene fra mappen content/", where)
	case errors.Is(err, tracker.ErrNoContent):
		return userErrorf(errNoContent, "fant ingen content/-mappe %s; samvirke leser bare content/ i repoet (lag et strategi-repo med «samvirke init», eller bruk --repo)", where)
	}
	return err
}

func symlinkedContentError(root string) error {
	return userErrorf(measures.ErrSymlink, "content/ i %s er en symbolsk lenke; samvirke leser bare en vanlig content/-mappe i repoet", root)
}

// workTreeRoot returns the nearest directory from dir upwards that has .git (a
// directory, or a file for a linked work tree or submodule), or "" outside any.
func workTreeRoot(dir string) string {
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

func isFile(p string) bool {
	fi, err := os.Lstat(p)
	return err == nil && !fi.IsDir()
}

// loadContent loads the content for a read command. Content errors do not stop reading
// commands: they warn and go on with what could be read.
func loadContent(g *globalOptions, s *IOStreams, strict bool) (*measures.Content, *source, error) {
	src, err := findSource(g.Repo)
	if err != nil {
		return nil, nil, err
	}
	if src.Embedded {
		if g.At != "" {
			return nil, nil, fmt.Errorf("--at krever et git-repo med content/; fant ingen her eller over (bruk --repo)")
		}
		fmt.Fprintln(s.ErrOut, "Merk: fant ingen content/-mappe her eller over; viser innholdet som er bygd inn i samvirke (skrivebeskyttet).")
	}
	if g.At != "" {
		repo, err := tracker.Open(src.Root)
		if err != nil {
			return nil, nil, fmt.Errorf("--at krever et git-repo: %w", err)
		}
		at, err := typedRef(g.At)
		if err != nil {
			return nil, nil, err
		}
		fsys, commit, err := contentAt(repo, at)
		if err != nil {
			return nil, nil, err
		}
		src.FS = fsys
		fmt.Fprintf(s.ErrOut, "Viser innholdet slik det var i commit %s (%s).\n", commit.Hash.String()[:7],
			measures.DateOf(commit.Committer.When).Norwegian())
	}
	c, err := measures.Load(src.FS)
	if c != nil {
		err = withDateErrors(err, c.CheckDates(s.Today()))
	}
	if es := measures.AsErrors(err); es != nil {
		if strict {
			return c, src, err
		}
		fmt.Fprintf(s.ErrOut, "Advarsel: innholdet har %d feil; kjør «samvirke validate» for detaljer.\n", len(es))
		return c, src, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("kunne ikke lese innholdet: %w", err)
	}
	return c, src, nil
}

// withDateErrors adds the errors of measures.Content.CheckDates to what Load returned.
func withDateErrors(err error, dates measures.Errors) error {
	if len(dates) == 0 {
		return err
	}
	es := measures.AsErrors(err)
	if err != nil && es == nil {
		return err
	}
	es = append(es, dates...)
	es.Sort()
	return es
}

// contentAt is repo.ContentFS(at) with its errors in Norwegian.
func contentAt(repo *tracker.Repo, at string) (fs.FS, *object.Commit, error) {
	fsys, commit, err := repo.ContentFS(at)
	switch {
	case errors.Is(err, tracker.ErrUnknownRef):
		return nil, nil, fmt.Errorf("fant ingen commit for «%s»: oppgi en commit, gren, tagg eller dato (ÅÅÅÅ-MM-DD)", at)
	case errors.Is(err, measures.ErrSymlink):
		return nil, nil, userErrorf(err, "content er en symbolsk lenke i commit %s («%s»); samvirke følger ikke symbolske lenker", commitShort(repo, at), at)
	case errors.Is(err, tracker.ErrNoContent):
		return nil, nil, userErrorf(err, "commit %s («%s») har ingen content/-mappe", commitShort(repo, at), at)
	}
	return fsys, commit, err
}

// commitShort is the abbreviated hash of the commit at names, or at itself.
func commitShort(repo *tracker.Repo, at string) string {
	if c, err := repo.Resolve(at); err == nil {
		return c.Hash.String()[:7]
	}
	return at
}

// NewRootCmd builds the samvirke command tree.
func NewRootCmd(s *IOStreams) *cobra.Command {
	g := &globalOptions{streams: s}
	root := &cobra.Command{
		Use:   "samvirke",
		Short: "Oppfølging av strategien «Arbeid og helse – et tettere samvirke»",
		Long: `samvirke holder orden på tiltakene i strategien «Arbeid og helse – et tettere samvirke»,
anbefalingene til departementene og innspillene fra Åpen arena 2020. Innholdet ligger som
vanlige filer under content/ i et git-repo.

Uten --repo leter samvirke etter content/ i gjeldende mappe og oppover, i et git-repo
ikke lenger enn til roten av repoet. Utenfor git-repoer brukes innholdet som er bygd inn i
programmet når ingen content/ finnes; i et git-repo uten content/ stopper samvirke med en
feil. Symbolske lenker i content/ følges aldri.

Uten kommando åpner samvirke det interaktive grensesnittet (samvirke tui) når inn- og
utdata er en terminal; ellers skriver den listen over tiltak (samvirke list).`,
		SilenceUsage:      true,
		SilenceErrors:     true,
		PersistentPreRunE: checkAuthorFlag,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if interactive(s) {
				return tuiRun(cmd.Context(), g, s, "")
			}
			return listRun(&listOptions{global: g, streams: s, Format: "table", Sort: "id"})
		},
	}
	root.SetOut(s.Out)
	root.SetErr(s.ErrOut)
	root.CompletionOptions.DisableDefaultCmd = true
	root.PersistentFlags().StringVar(&g.Repo, "repo", "", "mappen som inneholder content/ (standard: let oppover fra gjeldende mappe)")
	root.SetHelpCommand(newHelpCmd())
	root.AddCommand(
		newListCmd(g, s, nil),
		newShowCmd(g, s, nil),
		newInputsCmd(g, s, nil),
		newValidateCmd(g, s, nil),
		newFmtCmd(g, s, nil),
		newInitCmd(s),
		newDemoCmd(g, s),
		newHistoryCmd(g, s),
		newLogCmd(g, s),
		newDiffCmd(g, s),
		newSyncCmd(g, s),
		newResolveCmd(g, s),
		newMergeFileCmd(s),
		newCloneCmd(s),
		newSetCmd(g, s),
		newLinkCmd(g, s, false),
		newLinkCmd(g, s, true),
		newReportCmd(g, s, nil),
		newStrategyCmd(g, s, nil),
		newExportCmd(g, s),
		newImportCmd(g, s),
		newFeedCmd(g, s),
		newCalendarCmd(g, s),
		newSiteCmd(g, s),
		newNewCmd(g, s),
		newCheckPRCmd(g, s),
		newAcceptCmd(g, s),
		newVersionCmd(s),
		newCompletionCmd(s),
		newTUICmd(g, s),
	)
	localize(root)
	registerCompletions(root, g)
	return root
}

// normalizeID lets people type measure ids in lower case: t14 → T14, d01 → D01.
func normalizeID(s string) string {
	s = norm.NFC.String(strings.TrimSpace(s))
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// noIdentityMsg tells how to set a git identity.
const noIdentityMsg = `fant ingen git-identitet; sett den med «git config --global user.name "Navn"» og «git config --global user.email navn@example.no», eller bruk --author "Navn <e-post>"`

// addAtFlag adds --at to a read command.
func addAtFlag(cmd *cobra.Command, g *globalOptions) {
	cmd.Flags().StringVar(&g.At, "at", "", "les innholdet slik det var i en commit, gren, tagg eller ved slutten av en dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD)")
}
