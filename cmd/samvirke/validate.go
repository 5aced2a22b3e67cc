package main

import (
	"fmt"
	"slices"

	"github.com/samvirke/samvirke/measures"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	global  *globalOptions
	streams *IOStreams
	Format  string
}

// NewCmdValidate builds «samvirke validate»; runF, when not nil, runs in place of validateRun with the
// parsed options (for tests).
func NewCmdValidate(f *Factory, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Kontroller alt innhold; avslutter med kode 1 ved feil",
		Long: `Kontrollerer alle filer under content/: påkrevde og ukjente nøkler, gyldige verdier og datoer,
unike id-er, at filnavn og id stemmer, og at alle henvisninger (eiere, områder, kapitler,
innspill, merged:-mål, [[T14]] i strategiteksten) finnes. Alle feil i kjøringen rapporteres
med fil, linje og kolonne.

--format github skriver feilene som GitHub Actions-merknader (::error file=…,line=…::…),
som vises på riktig linje i pull requesten; --format gitlab skriver en GitLab Code
Quality-rapport (JSON); --format json skriver et JSON-objekt. Filstiene er relative til
roten av git-repoet.`,
		Example: "  samvirke validate\n  samvirke validate --format json\n  samvirke validate --format github",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains([]string{"text", "json", "github", "gitlab"}, opts.Format) {
				return fmt.Errorf(msgUnknownFormatTextJSONCI, opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "utdata: text, json, github eller gitlab")
	addAtFlag(cmd, f.global)
	return cmd
}

type jsonValidation struct {
	Valid    bool      `json:"valid"`
	Errors   []problem `json:"errors"`
	Measures int       `json:"measures"`
	Groups   int       `json:"groups"`
	Items    int       `json:"items"`
	Chapters int       `json:"chapters"`
}

func validateRun(opts *validateOptions) error {
	c, src, err := loadContent(opts.global, opts.streams, true)
	es := measures.AsErrors(err)
	if err != nil && es == nil {
		return err
	}
	w := opts.streams.Out
	switch opts.Format {
	case "github":
		writeGitHub(w, withPrefix(problemsOf(es), repoPrefix(src.Root)), "error", "samvirke validate")
		if len(es) > 0 {
			fmt.Fprintf(opts.streams.ErrOut, msgValidateErrors, len(es))
		}
	case "gitlab":
		if err := writeGitLab(w, withPrefix(problemsOf(es), repoPrefix(src.Root)), "major", "samvirke-validate"); err != nil {
			return err
		}
	case "json":
		out := jsonValidation{Valid: len(es) == 0, Errors: append([]problem{}, problemsOf(es)...)}
		if c != nil {
			out.Measures, out.Groups, out.Items, out.Chapters = len(c.Measures), len(c.Groups), c.ItemCount(), len(c.Strategy)
		}
		if err := writeJSON(w, out); err != nil {
			return err
		}
	default:
		if len(es) == 0 {
			fmt.Fprintf(w, msgValid,
				len(c.Measures), count(len(c.Groups), "gruppe"), count(c.ItemCount(), "innspill"), count(len(c.Strategy), "kapittel"))
			break
		}
		files := map[string]bool{}
		for _, e := range es {
			fmt.Fprintln(w, plain(e.Error()))
			files[e.File] = true
		}
		fmt.Fprintf(w, msgValidateSummary, count(len(es), "feil"), count(len(files), "fil"))
	}
	if len(es) > 0 {
		return &exitError{code: 1}
	}
	return nil
}
