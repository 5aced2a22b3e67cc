package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"charm.land/huh/v2"
	"github.com/google/renameio/v2/maybe"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

type newOptions struct {
	global  *globalOptions
	streams *IOStreams

	Title  string
	Area   string
	Owners []string
	Text   string
	Inputs []string
	Yes    bool
	Commit bool
	Author string
}

// NewCmdNew builds «samvirke new»; runF, when not nil, runs in place of newRun with the
// parsed options (for tests).
func NewCmdNew(f *Factory, runF func(*newOptions) error) *cobra.Command {
	opts := &newOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Foreslå et nytt tiltak: skriver content/measures/P-<navn>.md",
		Long: `Lager et forslag til et nytt tiltak. I en terminal spør samvirke etter tittel, innsatsområde,
eiere, tekst og innspill fra Åpen arena som forslaget svarer på; verdier gitt med flagg
er fylt ut på forhånd. Med --yes (eller når samvirke ikke kjører i en terminal) stilles
ingen spørsmål, og --title, --area, --owner og --text må være gitt.

Forslaget får id-en P-<navn>, laget av tittelen (små bokstaver, æ → ae, ø → o, å → a,
bindestrek mellom ordene), slik at to bidragsyteres forslag aldri får samme filnavn.
Finnes navnet fra før, får det -2, -3 … til slutt. Filen får status proposed
(foreslått) og revision new, står i kanonisk form og skrives bare når hele innholdet
fortsatt er gyldig.

samvirke lager ingen commit uten --commit: som bidragsyter arbeider du på en egen gren
og sender forslaget som pull request. Kommandoen skriver ut de neste stegene.`,
		Example: `  samvirke new
  samvirke new --title "Felles kurs for fastleger og NAV-veiledere" --area competence \
    --owner hdir --owner nav --text "Utvikle et felles kurs …" --input aa2020-2.8/7 --yes`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return newRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Title, "title", "", "tittel på én linje")
	fl.StringVar(&opts.Area, "area", "", "innsatsområde (id fra areas.yaml)")
	fl.StringArrayVar(&opts.Owners, "owner", nil, "eier (id fra owners.yaml); den første er ansvarlig (kan gjentas)")
	fl.StringVar(&opts.Text, "text", "", "forslagets tekst (Markdown)")
	fl.StringArrayVar(&opts.Inputs, "input", nil, "innspill forslaget svarer på, f.eks. aa2020-1.3/2 (kan gjentas)")
	fl.BoolVarP(&opts.Yes, "yes", "y", false, "ikke still spørsmål; bruk flaggene")
	fl.BoolVar(&opts.Commit, "commit", false, "lagre forslaget som en commit (ellers bare skriv filen)")
	fl.StringVar(&opts.Author, "author", "", "forfatter av commiten med --commit, «Navn <e-post>»")
	return cmd
}

// newRun asks for what the flags do not give (in a terminal, without --yes), checks the
// proposal against the whole content and writes its file, or commits it with --commit.
func newRun(ctx context.Context, opts *newOptions) error {
	src, c, err := newContent(opts.global)
	if err != nil {
		return err
	}
	if !opts.Yes && opts.streams.IsStdinTTY() {
		if err := newForm(c, opts); errors.Is(err, huh.ErrUserAborted) {
			return errors.New(msgNewCancelled)
		} else if err != nil {
			return err
		}
	}
	if err := requireNewFlags(opts); err != nil {
		return err
	}
	if err := resolveNewFlags(c, opts); err != nil {
		return err
	}
	var repo *tracker.Repo
	known := map[string]bool{}
	if r, err := tracker.Open(src.Root); err == nil {
		repo = r
		if ids, err := r.KnownMeasureIDs(); err == nil {
			known = ids
		}
	} else if opts.Commit {
		return fmt.Errorf(msgCommitNeedsRepo, err)
	}
	p, err := newProposal(c, src, opts, known)
	if err != nil {
		return err
	}
	if opts.Commit {
		return commitProposal(ctx, repo, p, opts)
	}
	return writeProposal(src, p, opts.streams.Out)
}

// newContent loads the content a proposal is added to, which must be free of errors.
func newContent(g *globalOptions) (*source, *measures.Content, error) {
	src, err := findSource(g.Repo)
	if err != nil {
		return nil, nil, err
	}
	if src.Embedded {
		return nil, nil, errors.New(msgNewNoContent)
	}
	c, err := measures.Load(src.FS)
	if es := measures.AsErrors(err); es != nil {
		return nil, nil, fmt.Errorf(msgContentHasErrors, len(es), es)
	}
	if err != nil {
		return nil, nil, err
	}
	return src, c, nil
}

// requireNewFlags names the values a proposal lacks.
func requireNewFlags(opts *newOptions) error {
	var missing []string
	for _, f := range []struct {
		flag  string
		empty bool
	}{{"--title", strings.TrimSpace(opts.Title) == ""}, {"--area", opts.Area == ""}, {"--owner", len(opts.Owners) == 0}, {"--text", strings.TrimSpace(opts.Text) == ""}} {
		if f.empty {
			missing = append(missing, f.flag)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf(msgNewMissingFlags, strings.Join(missing, ", "))
	}
	return nil
}

// proposal is a new measure's file, checked against the content.
type proposal struct {
	id, file string // file from the repository root: content/measures/P-….md
	m        *measures.Measure
	data     []byte
}

// newProposal names the proposal after its title (an id no file, commit or branch has
// used) and checks the content with it.
func newProposal(c *measures.Content, src *source, opts *newOptions, known map[string]bool) (*proposal, error) {
	slug := measures.ProposalSlug(opts.Title)
	if slug == "" {
		return nil, fmt.Errorf(msgTitleGivesNoID, opts.Title)
	}
	id := measures.ProposalID(slug, func(id string) bool {
		_, statErr := os.Lstat(filepath.Join(src.Root, measures.Dir, measures.MeasuresDir, id+".md"))
		return c.Measure(id) != nil || known[id] || !errors.Is(statErr, os.ErrNotExist)
	})
	file := path.Join(measures.Dir, measures.MeasuresDir, id+".md")
	m := &measures.Measure{ID: id, Title: strings.TrimSpace(opts.Title), Kind: measures.KindMeasure, Area: opts.Area,
		Owners: opts.Owners, Status: measures.Proposed, Revision: measures.RevisionNew, Inputs: opts.Inputs,
		Text: strings.TrimSpace(opts.Text)}
	data := m.Encode()
	parsed, err := measures.ParseMeasure(file, data)
	if err == nil {
		c.Replace(parsed)
		err = c.Validate()
	}
	if es := measures.AsErrors(err); es != nil {
		return nil, fmt.Errorf(msgProposalInvalid, es)
	}
	if err != nil {
		return nil, err
	}
	return &proposal{id: id, file: file, m: m, data: data}, nil
}

// commitProposal saves the proposal as a commit (--commit).
func commitProposal(ctx context.Context, repo *tracker.Repo, p *proposal, opts *newOptions) error {
	done, err := repo.Apply(ctx, func(*measures.Content, string) (*tracker.Edit, error) {
		return &tracker.Edit{Message: fmt.Sprintf(msgNewCommitMessage, p.id, p.m.Title), Write: map[string][]byte{p.file: p.data}}, nil
	}, tracker.SaveOptions{Author: opts.Author})
	if err != nil {
		return saveError(p.id, err)
	}
	fmt.Fprintf(opts.streams.Out, msgNewCommitted, done.Hash.String()[:7], done.Message)
	return nil
}

// writeProposal writes the proposal's file and says how to send it as a pull request.
func writeProposal(src *source, p *proposal, w io.Writer) error {
	abs := filepath.Join(src.Root, filepath.FromSlash(p.file))
	if err := maybe.WriteFile(abs, p.data, 0o644); err != nil {
		return fmt.Errorf(msgWriteProposal, p.file, err)
	}
	branch := "forslag/" + strings.TrimPrefix(p.id, "P-")
	fmt.Fprintf(w, msgNewWritten, p.file, p.id, branch, p.file, p.id, branch)
	return nil
}

// newForm asks for the proposal in the terminal, starting from the flags' values.
func newForm(c *measures.Content, opts *newOptions) error {
	areas := make([]huh.Option[string], len(c.Areas))
	for i, a := range c.Areas {
		areas[i] = huh.NewOption(fmt.Sprintf("%d %s", a.Number, a.Title), a.ID)
	}
	owners := make([]huh.Option[string], len(c.Owners))
	for i, o := range c.Owners {
		owners[i] = huh.NewOption(o.Short+" – "+o.Name, o.ID)
	}
	inputs := strings.Join(opts.Inputs, " ")
	confirm := true
	form := huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title("Tittel").Description("Kort, på én linje").Value(&opts.Title).
				Validate(func(s string) error {
					if strings.TrimSpace(s) == "" || measures.ProposalSlug(s) == "" {
						return errors.New(msgTitleNeedsLetters)
					}
					return nil
				}),
			huh.NewSelect[string]().Title("Innsatsområde").Options(areas...).Value(&opts.Area),
			huh.NewMultiSelect[string]().Title("Eiere").Description("Den øverste av de valgte blir ansvarlig; bruk --owner for en annen rekkefølge").
				Options(owners...).Value(&opts.Owners).
				Validate(func(v []string) error {
					if len(v) == 0 {
						return errors.New(msgChooseOwner)
					}
					return nil
				}),
		),
		huh.NewGroup(
			huh.NewText().Title("Tekst").Description("Hva tiltaket går ut på (Markdown)").Lines(8).Value(&opts.Text).
				Validate(func(s string) error {
					if strings.TrimSpace(s) == "" {
						return errors.New(msgProposalNeedsText)
					}
					return nil
				}),
			huh.NewInput().Title("Innspill fra Åpen arena (valgfritt)").
				Description("Id-er skilt med mellomrom, f.eks. aa2020-1.3/2; se «samvirke inputs --unaddressed»").
				Value(&inputs).
				Validate(func(s string) error {
					for _, id := range strings.Fields(strings.ReplaceAll(s, ",", " ")) {
						if c.Item(id) == nil {
							return fmt.Errorf(msgUnknownInput, id)
						}
					}
					return nil
				}),
			huh.NewConfirm().Title("Skrive forslaget?").Affirmative("Ja").Negative("Nei").Value(&confirm),
		),
	).WithInput(opts.streams.In).WithOutput(opts.streams.ErrOut).WithKeyMap(norwegianKeyMap())
	if err := form.Run(); err != nil {
		return err
	}
	if !confirm {
		return huh.ErrUserAborted
	}
	opts.Inputs = strings.Fields(strings.ReplaceAll(inputs, ",", " "))
	return nil
}

// resolveNewFlags reads --area, --owner and --input as people type them (an area's
// number or title, NAV, any case).
func resolveNewFlags(c *measures.Content, opts *newOptions) error {
	area, err := c.ResolveArea(opts.Area)
	if err != nil {
		return typedError(err)
	}
	opts.Area = area
	if opts.Owners, err = resolveOwners(c, opts.Owners); err != nil {
		return err
	}
	opts.Inputs, err = resolveItems(c, opts.Inputs)
	return err
}
