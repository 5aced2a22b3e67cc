package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

func newSyncCmd(g *globalOptions, s *IOStreams) *cobra.Command {
	var remote string
	cmd := &cobra.Command{
		Use:   "sync",
		Short: "Hent og send endringer til det delte repoet (fetch, fast-forward, push)",
		Long: `Synkroniserer med det delte repoet: henter nye commits, spoler fram når du bare ligger bak,
sender dine commits når du bare ligger foran, og når begge sider har nye commits som
endrer ulike filer, legges dine commits oppå de andre før de sendes. Endrer begge sider
samme fil, stopper samvirke uten å endre noe og forklarer hvordan du løser det med git.
samvirke tvinger aldri gjennom en push og mister aldri en lokal commit.

https: brukernavn og passord hentes fra SAMVIRKE_GIT_USERNAME og SAMVIRKE_GIT_PASSWORD
eller fra gits credential helper; ssh bruker SSH-agenten.`,
		Example: "  samvirke sync\n  samvirke sync --remote upstream",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			repo, err := openRepo(g)
			if err != nil {
				return err
			}
			res, err := repo.Sync(cmd.Context(), remote)
			switch {
			case errors.Is(err, tracker.ErrConflict) && res != nil:
				return fmt.Errorf(`både du og %[1]s har endret %[2]s; ingenting er endret.
Løs det med git:
  git pull --rebase %[1]s
  (rett konfliktene i filene, så: git add <fil> && git rebase --continue)
  samvirke validate
  samvirke sync`, remote, strings.Join(res.Files, ", "))
			case errors.Is(err, tracker.ErrDirty):
				return fmt.Errorf("filer som %s har endret, har ulagrede endringer her; lagre (commit) eller flytt dem først, så ingenting går tapt: %v", remote, err)
			case errors.Is(err, tracker.ErrLocked):
				return errors.New("en annen samvirke-prosess skriver til repoet; prøv igjen om litt")
			case err != nil:
				return fmt.Errorf("synkronisering med %s feilet: %w", remote, err)
			}
			switch res.Action {
			case "up-to-date":
				fmt.Fprintln(s.Out, "Alt er oppdatert.")
			case "fast-forward":
				fmt.Fprintf(s.Out, "Hentet %s fra %s.\n", count(res.Pulled, "commit"), remote)
			case "pushed":
				fmt.Fprintf(s.Out, "Sendte endringene til %s.\n", remote)
			case "rebased":
				fmt.Fprintf(s.Out, "Hentet %s fra %s, la dine %s oppå og sendte %s.\n", count(res.Pulled, "commit"), remote, count(res.Pushed, "commit"), them(res.Pushed))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&remote, "remote", "origin", "navnet på det delte repoet")
	return cmd
}
