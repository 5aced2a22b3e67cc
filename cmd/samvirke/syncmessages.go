package main

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// This file holds what sync, resolve, clone and the TUI's sync say when a sync stops: the
// errors in Norwegian with what to do, and the conflicting fields with both values.

// syncError turns a failed sync into a Norwegian message that says what to do.
func syncError(err error, res *tracker.SyncResult, remote string, timeout time.Duration) error {
	var rw *tracker.RewrittenError
	var ip *tracker.InProgressError
	switch {
	case errors.As(err, &ip):
		return errors.New(inProgressMessage(ip.What))
	case errors.Is(err, tracker.ErrConflict) && res != nil && len(res.Conflicts) > 0:
		return errors.New(conflictMessage(res.Conflicts, remote))
	case errors.Is(err, tracker.ErrConflict):
		return fmt.Errorf("denne grenen og %s har ingen felles historikk; ingenting er endret. Sjekk at --remote peker på riktig repo", remote)
	case errors.As(err, &rw):
		return fmt.Errorf(`historikken på %[1]s/%[2]s er skrevet om (force-push): %[3]s du hentet derfra før, finnes ikke lenger der (var %[4]s, nå %[5]s).
Ingenting er endret, verken her eller på %[1]s, og ingenting blir sendt på nytt.
Spør den som endret %[1]s/%[2]s. Skal den nye historikken gjelde, kan du ta vare på dine commits og starte fra den:
  git branch min-kopi
  git reset --hard %[1]s/%[2]s
  git update-ref -d refs/samvirke/seen/%[1]s/%[2]s`, rw.Remote, rw.Branch, nCommits(rw.Lost), shortHash(rw.Seen), orNone(rw.Now))
	case errors.Is(err, tracker.ErrTimeout):
		return fmt.Errorf("fikk ikke svar fra %s innen %s; ingenting er endret. Sjekk nettverket og adressen (git remote -v), eller vent lenger med --timeout", remote, norwegianDuration(timeout))
	case errors.Is(err, tracker.ErrInvalid):
		return fmt.Errorf("sammenslåingen med %s ville gitt ugyldig innhold, så ingenting er endret: %w", remote, err)
	case errors.Is(err, tracker.ErrDirty):
		return fmt.Errorf("filer som %s har endret, har ulagrede endringer her; lagre (commit) eller flytt dem først, så ingenting går tapt: %v", remote, err)
	case errors.Is(err, tracker.ErrLocked):
		return errors.New("en annen samvirke-prosess skriver til repoet; prøv igjen om litt")
	}
	return fmt.Errorf("synkronisering med %s feilet: %w", remote, err)
}

// inProgressMessage says how to finish or abort what git has in progress.
func inProgressMessage(what string) string {
	switch what {
	case "MERGE_HEAD":
		return "en git merge pågår i repoet; samvirke endrer ingenting før den er ferdig. Fullfør den (rett filene, «git add» og «git commit») eller avbryt den med «git merge --abort», og kjør så samvirke sync"
	case "rebase-merge", "rebase-apply":
		return "en git rebase pågår i repoet; samvirke endrer ingenting før den er ferdig. Fullfør den («git rebase --continue») eller avbryt den med «git rebase --abort», og kjør så samvirke sync"
	}
	return fmt.Sprintf("en git-operasjon pågår i repoet (%s); fullfør eller avbryt den først (f.eks. «git cherry-pick --abort» eller «git revert --abort»)", what)
}

// norwegianDuration writes 90s as «90 sekunder», 5m as «5 minutter».
func norwegianDuration(d time.Duration) string {
	if d <= 0 {
		d = tracker.DefaultNetworkTimeout
	}
	if d >= time.Minute && d%time.Minute == 0 {
		return syncPlural(int(d/time.Minute), "minutt", "minutter")
	}
	if d%time.Second == 0 {
		return syncPlural(int(d/time.Second), "sekund", "sekunder")
	}
	return strings.Replace(fmt.Sprintf("%.1f sekunder", d.Seconds()), ".", ",", 1)
}

func orNone(s string) string {
	if s == "" {
		return "grenen er slettet"
	}
	return s
}

// conflictMessage lists each field both sides changed, with both values and who set
// them, and the resolve commands.
func conflictMessage(cs []tracker.SyncConflict, remote string) string {
	var b strings.Builder
	what := "samme felt"
	if len(cs) > 1 {
		what = fmt.Sprintf("de samme %d feltene", len(cs))
	}
	fmt.Fprintf(&b, "både du og %s har endret %s ulikt; ingenting er endret, verken her eller på %s.\n", remote, what, remote)
	var ids []string
	for _, c := range cs {
		fmt.Fprintf(&b, "\n%s (%s), %s:\n", c.ID, c.File, c.Field)
		fmt.Fprintf(&b, "  din verdi:  %s\n              satt av %s\n", showValue(c.Field, c.Ours), c.OursBy)
		fmt.Fprintf(&b, "  fra %s: %s\n              satt av %s\n", remote, showValue(c.Field, c.Theirs), c.TheirsBy)
		if key := resolveKey(c); !slices.Contains(ids, key) {
			ids = append(ids, key)
		}
	}
	idList := strings.Join(ids, " ")
	fmt.Fprintf(&b, "\nVelg hva som skal gjelde, så sync igjen:\n")
	fmt.Fprintf(&b, "  samvirke resolve %s --keep mine      (behold dine verdier)\n", idList)
	fmt.Fprintf(&b, "  samvirke resolve %s --keep theirs    (bruk verdiene fra %s)\n", idList, remote)
	if isMeasureFile(cs[0].File) {
		fmt.Fprintf(&b, "  samvirke resolve %s --keep %s=theirs   (felt for felt)\n", ids[0], measures.FieldName(cs[0].Field))
	}
	b.WriteString("  samvirke sync")
	return b.String()
}

// inert replaces control characters (content is untrusted) so a value cannot steer the
// terminal.
func inert(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || (r >= 0x20 && r != 0x7f && (r < 0x80 || r > 0x9f)) {
			return r
		}
		return '\uFFFD'
	}, s)
}

// resolveKey is what «samvirke resolve» takes for a conflict: the measure's id, else the
// file's name (owners.yaml, 1.3.md).
func resolveKey(c tracker.SyncConflict) string {
	if isMeasureFile(c.File) {
		return c.ID
	}
	return path.Base(c.File)
}

func isMeasureFile(f string) bool { return path.Base(path.Dir(f)) == measures.MeasuresDir }

// showValue writes a conflicting value readably: a status with its label, a missing
// value as (ingen), several lines indented.
func showValue(field, v string) string {
	v = inert(v)
	switch {
	case v == "":
		return "(ingen)"
	case measures.FieldName(field) == "status" && measures.Status(v).Valid():
		return fmt.Sprintf("%s (%s)", measures.Status(v).Label(), v)
	case strings.Contains(v, "\n"):
		return "\n                " + strings.ReplaceAll(v, "\n", "\n                ")
	}
	return "«" + v + "»"
}
