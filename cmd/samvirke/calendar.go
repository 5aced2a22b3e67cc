package main

import (
	"io"

	"github.com/samvirke/samvirke/renderer/feed"
	"github.com/spf13/cobra"
)

type calendarOptions struct {
	global  *globalOptions
	streams *IOStreams
	Output  string
	URL     string
	Lang    string // --lang nb|nn
}

// NewCmdCalendar builds «samvirke calendar»; runF, when not nil, runs in place of calendarRun with the
// parsed options (for tests).
func NewCmdCalendar(f *Factory, runF func(*calendarOptions) error) *cobra.Command {
	opts := &calendarOptions{global: f.global, streams: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "calendar [-o frister.ics] [--url ADRESSE]",
		Short: "Skriv fristene til tiltakene som en kalender (iCalendar) for Outlook og Google",
		Long: `Skriver en kalender (iCalendar, .ics) med én heldagshendelse per tiltak med frist:
på fristen, med status, ansvarlig, framdrift og en lenke til tiltakets side. Hver hendelse
har en fast UID (frist-T14@vert), så en kalender som abonnerer oppdaterer hendelsen i
stedet for å legge til en ny når fristen flyttes. --url er nettstedets adresse.`,
		Example: "  samvirke calendar -o frister.ics --url https://eksempel.github.io/strategi/",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return calendarRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "filen som skal skrives (standard: standard utdata)")
	cmd.Flags().StringVar(&opts.URL, "url", "", "adressen til nettstedet lenkene går til")
	addLangFlag(cmd, &opts.Lang)
	return cmd
}

func calendarRun(opts *calendarOptions) error {
	l, err := parseLang(opts.Lang)
	if err != nil {
		return err
	}
	c, _, changed, err := contentAndChanges(opts.global, opts.streams)
	if err != nil {
		return err
	}
	n := 0
	for _, m := range c.Measures {
		if m.Due != nil {
			n++
		}
	}
	return writeOut(opts.streams, opts.Output, func(w io.Writer) error {
		return feed.WriteCalendar(w, c, changed, feed.Links{Base: opts.URL, Lang: l})
	}, count(n, "frist"))
}
