package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

// allowSecretariatEnv, when "1", "true" or "yes", makes check-pr report its findings as
// warnings and succeed: the secretariat's own pull requests (the workflows set it from
// the «sekretariat» label).
const allowSecretariatEnv = "SAMVIRKE_ALLOW_SECRETARIAT"

type checkPROptions struct {
	global  *globalOptions
	streams *IOStreams
	Base    string
	Head    string
	Format  string
	Allow   bool
}

// NewCmdCheckPR builds «samvirke check-pr»; runF, when not nil, runs in place of checkPRRun with the
// parsed options (for tests).
func NewCmdCheckPR(f *Factory, runF func(*checkPROptions) error) *cobra.Command {
	opts := &checkPROptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "check-pr --base REF [--head REF]",
		Short: "Finn endringer i en pull request som bare sekretariatet skal gjøre",
		Long: `Sammenligner en pull request med grenen den skal inn i og melder fra om endringer som
bare sekretariatet skal gjøre:

  - status, eiere, frist, framdrift, logg eller revisjon endret på et tiltak som finnes
  - et tiltak slettet eller gitt ny id
  - et nytt tiltak med T- eller D-id (nye tiltak foreslås med P-id), eller et nytt forslag
    med annen status enn proposed (foreslått)
  - innspillene fra Åpen arena (content/inputs/) eller owners.yaml, areas.yaml, events.yaml endret
  - symbolske lenker (og git-undermoduler) lagt til hvor som helst; samvirke følger dem ikke
  - CI-filene (.github/workflows/, .gitlab-ci.yml, .gitlab/), CODEOWNERS eller .gitattributes
    endret, og alle andre filer utenfor content/ lagt til, endret eller slettet

Nye forslag (P-…) og endringer i tittel, tekst, innsatsområde, kapittel, kilde og koblede
innspill går gjennom. Det som sammenlignes, er det pull requesten selv endrer: fra der den
startet (felles forfar med --base) til --head eller arbeidskopien.

Finner kommandoen noe, avslutter den med kode 1. Med --allow-secretariat (eller
miljøvariabelen SAMVIRKE_ALLOW_SECRETARIAT=true, som arbeidsflyten setter når pull
requesten har etiketten «sekretariat») vises funnene som advarsler, og koden er 0.`,
		Example: `  samvirke check-pr --base origin/main
  samvirke check-pr --base origin/main --format github`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains([]string{"text", "json", "github", "gitlab"}, opts.Format) {
				return fmt.Errorf(msgUnknownFormatTextJSONCI, opts.Format)
			}
			if opts.Base == "" {
				return errors.New(msgBaseMissing)
			}
			if v := strings.ToLower(opts.streams.Env(allowSecretariatEnv)); v == "1" || v == "true" || v == "yes" {
				opts.Allow = true
			}
			if runF != nil {
				return runF(opts)
			}
			return checkPRRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Base, "base", "", "grenen eller commiten pull requesten skal inn i")
	cmd.Flags().StringVar(&opts.Head, "head", "", "pull requestens gren eller commit (standard: arbeidskopien)")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "utdata: text, json, github eller gitlab")
	cmd.Flags().BoolVar(&opts.Allow, "allow-secretariat", false, "vis funnene som advarsler og avslutt med kode 0 (sekretariatets egne pull requester)")
	return cmd
}

type checkPRResult struct {
	Base     string    `json:"base"`
	Allowed  bool      `json:"allowed"`
	Findings []problem `json:"findings"`
}

// checkPRRun lists what the pull request changes that only the secretariat may change, and
// fails with 1 when it finds anything, unless the secretariat allows it.
func checkPRRun(opts *checkPROptions) error {
	base, findings, err := prFindings(opts)
	if err != nil {
		return err
	}
	if err := writeCheckPR(opts, base.Hash.String(), findings); err != nil {
		return err
	}
	if len(findings) > 0 && !opts.Allow {
		return &exitError{code: 1}
	}
	return nil
}

// prFindings compares the pull request with where it started from --base: the content
// and every path it changes.
func prFindings(opts *checkPROptions) (*object.Commit, []problem, error) {
	repo, err := openRepo(opts.global)
	if err != nil {
		return nil, nil, err
	}
	headRef := opts.Head
	if headRef == "" {
		headRef = "HEAD"
	}
	base, err := repo.MergeBase(opts.Base, headRef)
	if errors.Is(err, tracker.ErrUnknownRef) {
		return nil, nil, fmt.Errorf(msgNoCommonHistoryCI, opts.Base, headRef, err)
	}
	if err != nil {
		return nil, nil, err
	}
	baseFS, _, err := contentAt(repo, base.Hash.String())
	if err != nil {
		return nil, nil, err
	}
	headFS := fs.FS(os.DirFS(filepath.Join(repo.Root, measures.Dir)))
	if opts.Head != "" {
		if headFS, _, err = contentAt(repo, opts.Head); err != nil {
			return nil, nil, err
		}
	}
	findings, err := secretariatChanges(baseFS, headFS)
	if err != nil {
		return nil, nil, err
	}
	findings = withPrefix(findings, repoPrefix(repo.Root))
	paths, err := repo.ChangedPaths(base, opts.Head)
	if err != nil {
		return nil, nil, fmt.Errorf(msgFindChangedFiles, err)
	}
	findings = append(findings, pathFindings(paths)...)
	slices.SortStableFunc(findings, func(a, b problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return base, findings, nil
}

// writeCheckPR writes the findings in the format asked for.
func writeCheckPR(opts *checkPROptions, base string, findings []problem) error {
	w := opts.streams.Out
	level, severity := "error", "major"
	if opts.Allow {
		level, severity = "warning", "minor"
	}
	switch opts.Format {
	case "json":
		if err := writeJSON(w, checkPRResult{Base: base, Allowed: opts.Allow, Findings: append([]problem{}, findings...)}); err != nil {
			return err
		}
	case "github":
		writeGitHub(w, findings, level, "samvirke check-pr")
	case "gitlab":
		if err := writeGitLab(w, findings, severity, "samvirke-check-pr"); err != nil {
			return err
		}
	default:
		for _, f := range findings {
			fmt.Fprintln(w, plain(f.text()))
		}
		switch {
		case len(findings) == 0:
			fmt.Fprintln(w, msgNoSecretariatChanges)
		case opts.Allow:
			fmt.Fprintf(w, msgSecretariatAllowed, count(len(findings), "endring"))
		default:
			fmt.Fprintf(w, msgSecretariatRequired, count(len(findings), "endring"), them(len(findings)))
		}
	}
	return nil
}

// secretariatChanges lists what head changes from base that only the secretariat may
// change. Content errors do not stop it: validate reports those.
func secretariatChanges(baseFS, headFS fs.FS) ([]problem, error) {
	old, err := measures.Load(baseFS)
	if err != nil && measures.AsErrors(err) == nil {
		return nil, fmt.Errorf(msgReadBase, err)
	}
	cur, err := measures.Load(headFS)
	if err != nil && measures.AsErrors(err) == nil {
		return nil, fmt.Errorf(msgReadPR, err)
	}
	var out []problem
	add := func(f measures.Finding) {
		out = append(out, problem{File: f.File, Line: f.Pos.Line, Column: f.Pos.Col, Key: f.Key, Code: "secretariat", Message: f.Message})
	}
	for _, f := range measures.SecretariatChanges(old, cur) {
		add(f)
	}
	files, err := unionFiles(baseFS, headFS, measures.InputsDir)
	if err != nil {
		return nil, err
	}
	for _, name := range append(slices.Clone(measures.SecretariatFiles), files...) {
		if p, ok, err := fileChanged(baseFS, headFS, name); err != nil {
			return nil, err
		} else if ok {
			add(measures.Finding{File: measures.Dir + "/" + name, Pos: measures.Pos{Line: p}, Message: measures.SecretariatFileMessage(name)})
		}
	}
	slices.SortStableFunc(out, func(a, b problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return out, nil
}

// pathFindings flags the changed paths that only the secretariat may touch
// (measures.SecretariatPath).
func pathFindings(paths []tracker.PathChange) []problem {
	var out []problem
	for _, pc := range paths {
		msg := measures.SecretariatPath(measures.PathChange{Path: pc.Path, InContent: pc.InContent,
			Deleted: pc.Deleted, Added: pc.Added, Mode: pc.Mode})
		if msg != "" {
			out = append(out, problem{File: pc.Path, Code: "secretariat", Message: msg})
		}
	}
	return out
}

// fileChanged reports whether name differs between the two trees (added, removed or
// edited) and the first line that differs.
func fileChanged(a, b fs.FS, name string) (int, bool, error) {
	da, errA := readNoFollow(a, name)
	db, errB := readNoFollow(b, name)
	if errors.Is(errA, errNotRegular) || errors.Is(errB, errNotRegular) {
		return 0, !errors.Is(errA, errNotRegular) || !errors.Is(errB, errNotRegular), nil // a link: never read
	}
	for _, err := range []error{errA, errB} {
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return 0, false, err
		}
	}
	if (errA == nil) == (errB == nil) && bytes.Equal(da, db) {
		return 0, false, nil
	}
	if errB != nil {
		return 0, true, nil // deleted
	}
	la, lb := strings.Split(string(da), "\n"), strings.Split(string(db), "\n")
	for i := range lb {
		if i >= len(la) || la[i] != lb[i] {
			return i + 1, true, nil
		}
	}
	return len(lb), true, nil
}

// errNotRegular: a symbolic link or other non-regular file, which check-pr never reads.
var errNotRegular = errors.New("not a regular file")

// readNoFollow reads name from fsys without following a symbolic link at it or at any
// directory on the way; such a link or other non-regular file gives errNotRegular.
func readNoFollow(fsys fs.FS, name string) ([]byte, error) {
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		fi, err := lstatFS(fsys, dir)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			return nil, errNotRegular
		}
	}
	fi, err := lstatFS(fsys, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errNotRegular
	}
	return fs.ReadFile(fsys, name)
}

// lstatFS is Lstat where fsys has it (os.DirFS); a git tree's Stat never follows links.
func lstatFS(fsys fs.FS, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(fs.ReadLinkFS); ok {
		return l.Lstat(name)
	}
	return fs.Stat(fsys, name)
}

// unionFiles lists the regular files under dir in either tree. A dir that is a symbolic
// link is not walked, and links below it are not listed (fs.WalkDir does not follow them).
func unionFiles(a, b fs.FS, dir string) ([]string, error) {
	seen := map[string]bool{}
	for _, fsys := range []fs.FS{a, b} {
		if fi, err := lstatFS(fsys, dir); err != nil || !fi.IsDir() {
			continue
		}
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return fs.SkipDir
			}
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && !strings.HasPrefix(path.Base(p), ".") {
				seen[p] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	slices.Sort(out)
	return out, nil
}
