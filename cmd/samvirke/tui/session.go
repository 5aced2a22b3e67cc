package tui

import (
	"strings"

	"github.com/samvirke/samvirke/tracker"
)

// SessionSummary is what is printed after the TUI quits: the session's commits and
// whether they are still only on this machine, from u (the branch against its remote
// as of the last fetch; see tracker.Repo.Upstream). It is "" when nothing was saved.
func SessionSummary(commits []string, u tracker.Upstream, uerr error) string {
	if len(commits) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(sprintf("Lagret i denne økten (%s):\n", plural(len(commits), "commit", "commits")))
	for _, c := range commits {
		b.WriteString("  " + c + "\n")
	}
	if uerr == nil {
		b.WriteString(upstreamSentence(u) + "\n")
	}
	return b.String()
}

// upstreamSentence says in full where the branch stands against its remote.
func upstreamSentence(u tracker.Upstream) string {
	const share = " Kjør «samvirke sync» for å dele dem."
	switch {
	case u.Branch == "":
		return "Commitene er ikke på noen gren (detached HEAD) og finnes bare på denne maskinen."
	case u.Remote == "":
		return "Commitene finnes bare på denne maskinen: repoet har ikke noe fjernrepo å dele dem med."
	case u.Ref == "":
		return "Commitene finnes bare på denne maskinen: grenen " + u.Branch + " finnes ikke på " + u.Remote + " ennå." + share
	case u.Ahead > 0:
		s := sprintf("%s på %s finnes bare på denne maskinen (ikke sendt til %s, slik det så ut ved siste henting).",
			plural(u.Ahead, "commit", "commits"), u.Branch, u.Ref) + share
		if u.Behind > 0 {
			s += sprintf(" %s har %s du ikke har hentet.", u.Ref, plural(u.Behind, "commit", "commits"))
		}
		return s
	}
	return "Alt er sendt til " + u.Ref + " (slik det så ut ved siste henting)."
}

// upstreamShort is the status line's part about the remote: "" when all is shared.
func upstreamShort(u tracker.Upstream) string {
	switch {
	case u.Branch == "" || u.Remote == "":
		return ""
	case u.Ref == "":
		return "ikke på " + u.Remote + " ennå"
	case u.Ahead > 0 && u.Behind > 0:
		return sprintf("%d ikke sendt, %d ikke hentet (%s)", u.Ahead, u.Behind, u.Ref)
	case u.Ahead > 0:
		return sprintf("%d ikke sendt til %s", u.Ahead, u.Ref)
	case u.Behind > 0:
		return sprintf("%d ikke hentet fra %s", u.Behind, u.Ref)
	}
	return ""
}

// plural is n and the singular or plural noun: «1 commit», «2 commits».
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}
