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

func newValidateCmd(g *globalOptions, s *IOStreams, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{global: g, streams: s}
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Kontroller alt innhold; avslutter med kode 1 ved feil",
		Long: `Kontrollerer alle filer under content/: påkrevde og ukjente nøkler, gyldige verdier og datoer,
unike id-er, at filnavn og id stemmer, og at alle henvisninger (eiere, områder, kapitler,
innspill, merged:-mål, [[T14]] i strategiteksten) finnes. Alle feil i kjøringen rapporteres
med fil, linje og kolonne.`,
		Example: "  samvirke validate\n  samvirke validate --format json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains([]string{"text", "json"}, opts.Format) {
				return fmt.Errorf("ukjent format «%s»; bruk text eller json", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "utdata: text eller json")
	addAtFlag(cmd, g)
	return cmd
}

type jsonProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Key     string `json:"key,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

type jsonValidation struct {
	Valid    bool          `json:"valid"`
	Errors   []jsonProblem `json:"errors"`
	Measures int           `json:"measures"`
	Groups   int           `json:"groups"`
	Items    int           `json:"items"`
	Chapters int           `json:"chapters"`
}

func validateRun(opts *validateOptions) error {
	c, _, err := loadContent(opts.global, opts.streams, true)
	es := measures.AsErrors(err)
	if err != nil && es == nil {
		return err
	}
	w := opts.streams.Out
	if opts.Format == "json" {
		out := jsonValidation{Valid: len(es) == 0, Errors: []jsonProblem{}}
		if c != nil {
			out.Measures, out.Groups, out.Items, out.Chapters = len(c.Measures), len(c.Groups), c.ItemCount(), len(c.Strategy)
		}
		for _, e := range es {
			out.Errors = append(out.Errors, jsonProblem{File: e.File, Line: e.Line, Column: e.Col, Key: e.Key,
				Code: measures.Code(e), Message: e.Msg})
		}
		if err := writeJSON(w, out); err != nil {
			return err
		}
	} else if len(es) > 0 {
		files := map[string]bool{}
		for _, e := range es {
			fmt.Fprintln(w, e.Error())
			files[e.File] = true
		}
		fmt.Fprintf(w, "\n%d feil i %d filer.\n", len(es), len(files))
	} else {
		fmt.Fprintf(w, "Innholdet er gyldig: %d tiltak og anbefalinger, %d grupper med %d innspill, %d kapitler.\n",
			len(c.Measures), len(c.Groups), c.ItemCount(), len(c.Strategy))
	}
	if len(es) > 0 {
		return &exitError{code: 1}
	}
	return nil
}
