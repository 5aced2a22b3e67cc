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

func newCheckPRCmd(g *globalOptions, s *IOStreams) *cobra.Command {
	opts := &checkPROptions{global: g, streams: s}
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
				return fmt.Errorf("ukjent format «%s»; bruk text, json, github eller gitlab", opts.Format)
			}
			if opts.Base == "" {
				return errors.New("--base mangler: oppgi grenen pull requesten skal inn i, f.eks. origin/main")
			}
			if v := strings.ToLower(s.Getenv(allowSecretariatEnv)); v == "1" || v == "true" || v == "yes" {
				opts.Allow = true
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

func checkPRRun(opts *checkPROptions) error {
	repo, err := openRepo(opts.global)
	if err != nil {
		return err
	}
	headRef := opts.Head
	if headRef == "" {
		headRef = "HEAD"
	}
	base, err := repo.MergeBase(opts.Base, headRef)
	if errors.Is(err, tracker.ErrUnknownRef) {
		return fmt.Errorf("fant ikke «%s» eller «%s», eller de har ingen felles historikk (i CI: hent hele historikken, f.eks. fetch-depth: 0): %v", opts.Base, headRef, err)
	}
	if err != nil {
		return err
	}
	baseFS, _, err := repo.ContentFS(base.Hash.String())
	if err != nil {
		return err
	}
	headFS := fs.FS(os.DirFS(filepath.Join(repo.Root, measures.Dir)))
	if opts.Head != "" {
		if headFS, _, err = repo.ContentFS(opts.Head); err != nil {
			return err
		}
	}
	findings, err := secretariatChanges(baseFS, headFS)
	if err != nil {
		return err
	}
	findings = withPrefix(findings, repoPrefix(repo.Root))

	w := opts.streams.Out
	level, severity := "error", "major"
	if opts.Allow {
		level, severity = "warning", "minor"
	}
	switch opts.Format {
	case "json":
		if err := writeJSON(w, checkPRResult{Base: base.Hash.String(), Allowed: opts.Allow, Findings: append([]problem{}, findings...)}); err != nil {
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
			fmt.Fprintln(w, "Ingen endringer som krever sekretariatet.")
		case opts.Allow:
			fmt.Fprintf(w, "\n%s som ellers krever sekretariatet; tillatt (sekretariatets pull request).\n", count(len(findings), "endring"))
		default:
			fmt.Fprintf(w, "\n%s krever sekretariatet. Ta %s ut av pull requesten, eller be sekretariatet om å gjøre %[2]s.\n", count(len(findings), "endring"), them(len(findings)))
		}
	}
	if len(findings) > 0 && !opts.Allow {
		return &exitError{code: 1}
	}
	return nil
}

// secretariatChanges lists what head changes from base that only the secretariat may
// change. Content errors do not stop it: validate reports those.
func secretariatChanges(baseFS, headFS fs.FS) ([]problem, error) {
	old, err := measures.Load(baseFS)
	if err != nil && measures.AsErrors(err) == nil {
		return nil, fmt.Errorf("les innholdet i --base: %w", err)
	}
	cur, err := measures.Load(headFS)
	if err != nil && measures.AsErrors(err) == nil {
		return nil, fmt.Errorf("les innholdet i pull requesten: %w", err)
	}
	var out []problem
	add := func(file string, p measures.Pos, key, format string, args ...any) {
		out = append(out, problem{File: file, Line: p.Line, Column: p.Col, Key: key, Code: "secretariat", Message: fmt.Sprintf(format, args...)})
	}
	line := func(n int) measures.Pos { return measures.Pos{Line: n} }
	d := measures.Compare(old, cur)
	for _, m := range d.Removed {
		add(m.File, measures.Pos{}, "", "tiltaket %s «%s» er slettet; bare sekretariatet sletter tiltak (sett heller status cancelled i samråd med sekretariatet)", m.ID, m.Title)
	}
	for _, r := range d.Renamed {
		m := cur.Measure(r.To)
		add(m.File, m.KeyPos("id"), "id", "%s har fått ny id %s; bare sekretariatet gir tiltak nye id-er (med «samvirke accept»)", r.From, r.To)
	}
	for _, m := range d.Added {
		if !measures.IsProposalID(m.ID) {
			add(m.File, m.KeyPos("id"), "id", "nye tiltak foreslås med en P-id (P-<navn>, se «samvirke new»); sekretariatet gir T-nummer når forslaget godtas")
		}
		if m.Status != measures.Proposed {
			add(m.File, m.KeyPos("status"), "status", "et nytt forslag skal ha status proposed (foreslått), ikke %s", m.Status)
		}
	}
	for _, ch := range d.Changed {
		o, m := old.Measure(ch.ID), cur.Measure(ch.ID)
		at := func(key string) measures.Pos {
			if p := m.KeyPos(key); p.Line > 0 {
				return p
			}
			return m.KeyPos("id")
		}
		if o.Status != m.Status {
			add(m.File, at("status"), "status", "status endret fra %s til %s; bare sekretariatet endrer status", o.Status.Label(), m.Status.Label())
		}
		if !slices.Equal(o.Owners, m.Owners) {
			add(m.File, at("owners"), "owners", "eierne er endret; bare sekretariatet endrer eierne av et tiltak")
		}
		if dateOf(o.Due) != dateOf(m.Due) {
			add(m.File, at("due"), "due", "fristen er endret fra %s til %s; bare sekretariatet endrer frister", dateOf(o.Due), dateOf(m.Due))
		}
		if progressOf(o.Progress) != progressOf(m.Progress) {
			add(m.File, at("progress"), "progress", "framdriften er endret; bare sekretariatet fører framdriften")
		}
		if !slices.Equal(o.Log, m.Log) {
			add(m.File, at("log"), "log", "loggen er endret; bare sekretariatet fører loggen (skriv heller hva som har skjedd i beskrivelsen av pull requesten)")
		}
		if o.Revision != m.Revision {
			add(m.File, at("revision"), "revision", "revisjonen er endret fra %s til %s; det avgjør arbeidsgruppen", o.Revision.Label(), m.Revision.Label())
		}
	}
	for _, name := range []string{measures.OwnersFile, measures.AreasFile, measures.EventsFile} {
		if p, ok, err := fileChanged(baseFS, headFS, name); err != nil {
			return nil, err
		} else if ok {
			add(measures.Dir+"/"+name, line(p), "", "%s er endret; bare sekretariatet endrer eiere, innsatsområder, kapitler og arrangementer", name)
		}
	}
	files, err := unionFiles(baseFS, headFS, measures.InputsDir)
	if err != nil {
		return nil, err
	}
	for _, name := range files {
		if p, ok, err := fileChanged(baseFS, headFS, name); err != nil {
			return nil, err
		} else if ok {
			add(measures.Dir+"/"+name, line(p), "", "innspillene fra Åpen arena gjengis ordrett og endres bare av sekretariatet (endret rekkefølge gir punktene nye id-er)")
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

func dateOf(d *measures.Date) string {
	if d == nil {
		return "ingen"
	}
	return d.String()
}

func progressOf(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// fileChanged reports whether name differs between the two trees (added, removed or
// edited) and the first line that differs.
func fileChanged(a, b fs.FS, name string) (int, bool, error) {
	da, errA := fs.ReadFile(a, name)
	db, errB := fs.ReadFile(b, name)
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

// unionFiles lists the regular files under dir in either tree.
func unionFiles(a, b fs.FS, dir string) ([]string, error) {
	seen := map[string]bool{}
	for _, fsys := range []fs.FS{a, b} {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return fs.SkipDir
			}
			if err != nil {
				return err
			}
			if !d.IsDir() && !strings.HasPrefix(path.Base(p), ".") {
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
