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
		return fmt.Errorf(msgSyncNoCommonHistory, remote)
	case errors.As(err, &rw):
		return fmt.Errorf(msgSyncRewritten, rw.Remote, rw.Branch, nCommits(rw.Lost), shortHash(rw.Seen), orNone(rw.Now))
	case errors.Is(err, tracker.ErrTimeout):
		return fmt.Errorf(msgSyncTimeout, remote, norwegianDuration(timeout))
	case errors.Is(err, tracker.ErrInvalid):
		return fmt.Errorf(msgSyncMergeInvalid, remote, err)
	case errors.Is(err, tracker.ErrDirty):
		return fmt.Errorf(msgSyncDirty, remote, err)
	case errors.Is(err, tracker.ErrLocked):
		return errors.New(msgLocked)
	}
	return fmt.Errorf(msgSyncFailed, remote, err)
}

// inProgressMessage says how to finish or abort what git has in progress.
func inProgressMessage(what string) string {
	switch what {
	case "MERGE_HEAD":
		return msgGitMergeInProgress
	case "rebase-merge", "rebase-apply":
		return msgGitRebaseInProgress
	}
	return fmt.Sprintf(msgGitOperationInProgress, what)
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
	return strings.Replace(fmt.Sprintf(msgSecondsDecimal, d.Seconds()), ".", ",", 1)
}

func orNone(s string) string {
	if s == "" {
		return msgBranchDeleted
	}
	return s
}

// conflictMessage lists each field both sides changed, with both values and who set
// them, and the resolve commands.
func conflictMessage(cs []tracker.SyncConflict, remote string) string {
	var b strings.Builder
	what := msgSameField
	if len(cs) > 1 {
		what = fmt.Sprintf(msgSameFields, len(cs))
	}
	fmt.Fprintf(&b, msgSyncConflict, remote, what, remote)
	var ids []string
	for _, c := range cs {
		fmt.Fprintf(&b, "\n%s (%s), %s:\n", c.ID, c.File, c.Field)
		fmt.Fprintf(&b, msgSyncConflictMine, showValue(c.Field, c.Ours), c.OursBy)
		fmt.Fprintf(&b, msgSyncConflictTheirs, remote, showValue(c.Field, c.Theirs), c.TheirsBy)
		if key := resolveKey(c); !slices.Contains(ids, key) {
			ids = append(ids, key)
		}
	}
	idList := strings.Join(ids, " ")
	fmt.Fprint(&b, msgSyncChoose)
	fmt.Fprintf(&b, msgSyncResolveMine, idList)
	fmt.Fprintf(&b, msgSyncResolveTheirs, idList, remote)
	if isMeasureFile(cs[0].File) {
		fmt.Fprintf(&b, msgSyncResolveField, ids[0], measures.FieldName(cs[0].Field))
	}
	b.WriteString(msgSyncAgain)
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
		return msgNoValue
	case measures.FieldName(field) == "status" && measures.Status(v).Valid():
		return fmt.Sprintf("%s (%s)", measures.Status(v).Label(), v)
	case strings.Contains(v, "\n"):
		return "\n                " + strings.ReplaceAll(v, "\n", "\n                ")
	}
	return "«" + v + "»"
}
