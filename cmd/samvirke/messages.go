package main

import (
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strings"

	gogit "github.com/go-git/go-git/v5"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// This file holds the CLI's words that several commands share: counted nouns, the
// messages for values people type, and the Norwegian for errors that reach the user
// from go-git, the standard library and the packages below.

// nouns are the singular and plural of the nouns the CLI counts.
var nouns = map[string][2]string{
	"feil":     {"feil", "feil"},
	"fil":      {"fil", "filer"},
	"endring":  {"endring", "endringer"},
	"commit":   {"commit", "commits"},
	"gruppe":   {"gruppe", "grupper"},
	"kapittel": {"kapittel", "kapitler"},
	"punkt":    {"punkt", "punkter"},
	"innspill": {"innspill", "innspill"},
	"tiltak":   {"tiltak", "tiltak"},
	"forslag":  {"forslag", "forslag"},
	"frist":    {"frist", "frister"},
	"side":     {"side", "sider"},
}

// count is n and the noun in the number that agrees with it: «1 fil», «2 filer».
func count(n int, noun string) string {
	forms, ok := nouns[noun]
	if !ok {
		panic("count: no plural for " + noun)
	}
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d %s", n, forms[0])
	}
	return fmt.Sprintf("%d %s", n, forms[1])
}

// them is the pronoun for n things: «den» for one, «dem» for more.
func them(n int) string {
	if n == 1 {
		return "den"
	}
	return "dem"
}

// whatNames are the Norwegian names of what a typed value names.
var whatNames = map[string]string{
	measures.WhatStatus: "status", measures.WhatOwner: "eier", measures.WhatArea: "innsatsområde",
	measures.WhatKind: "type", measures.WhatMeasure: "tiltak", measures.WhatItem: "innspill",
	measures.WhatDate: "dato",
}

// typedError turns a value people typed that names nothing, or more than one thing, into
// a Norwegian message with what they probably meant; other errors pass unchanged.
func typedError(err error) error {
	var le *measures.LookupError
	if !errors.As(err, &le) {
		return err
	}
	var b strings.Builder
	switch {
	case errors.Is(le.Err, measures.ErrAmbiguous):
		fmt.Fprintf(&b, "«%s» kan være flere %s: %s; skriv mer av id-en", le.Value, whatNames[le.What], strings.Join(le.Matches, ", "))
		return errors.New(b.String())
	case le.What == measures.WhatDate:
		return fmt.Errorf("«%s» er ikke en gyldig dato; skriv DD.MM.ÅÅÅÅ (31.12.2026) eller ÅÅÅÅ-MM-DD (2026-12-31)", le.Value)
	case le.What == measures.WhatMeasure:
		fmt.Fprintf(&b, "fant ikke tiltaket «%s»", le.Value)
	default:
		fmt.Fprintf(&b, "ukjent %s «%s»", whatNames[le.What], le.Value)
	}
	if le.Suggestion != "" {
		fmt.Fprintf(&b, "; mente du «%s»?", le.Suggestion)
	}
	switch {
	case len(le.Valid) > 0:
		fmt.Fprintf(&b, " Gyldige er %s.", strings.Join(le.Valid, ", "))
	case le.What == measures.WhatMeasure:
		b.WriteString(" Se «samvirke list».")
	case le.What == measures.WhatItem:
		b.WriteString(" Se «samvirke inputs».")
	}
	return errors.New(b.String())
}

// englishErrors are messages of go-git and the standard library that reach the user,
// with their Norwegian.
var englishErrors = []struct {
	re *regexp.Regexp
	nb string
}{
	{regexp.MustCompile(`remote "([^"]*)": remote not found`),
		"fant ikke remoten «$1»; se «git remote -v», eller legg den til med «git remote add $1 <url>»"},
	{regexp.MustCompile(`exec: "([^"]*)": executable file not found in (\$PATH|%PATH%)`),
		"fant ikke programmet «$1»; installer det eller velg et annet med EDITOR"},
	{regexp.MustCompile(`exec: "([^"]*)": executable file not found`), "fant ikke programmet «$1»"},
	{regexp.MustCompile(`authentication required`), "innlogging kreves; se SAMVIRKE_GIT_USERNAME og SAMVIRKE_GIT_PASSWORD"},
	{regexp.MustCompile(`repository not found`), "fant ikke repoet"},
	{regexp.MustCompile(`non-fast-forward update`), "remoten har endringer du ikke har hentet"},
}

// sentinels are the errors of samvirke's packages and of go-git that the CLI may wrap
// with a Norwegian message of its own; the English text at the end is dropped then, and
// stands in Norwegian when nothing else explains it.
var sentinels = []struct {
	err error
	nb  string
}{
	{errNoContent, "fant ingen content/-mappe"},
	{tracker.ErrNoContent, "fant ingen content/-mappe"},
	{tracker.ErrNotRepository, "ikke et git-repo"},
	{tracker.ErrUnknownRef, "fant ingen slik commit, gren, tagg eller dato"},
	{tracker.ErrExists, "finnes allerede"},
	{tracker.ErrNotFound, "fant ikke tiltaket"},
	{tracker.ErrDirty, "filen har endringer som ikke er lagret i git"},
	{tracker.ErrInvalid, "innholdet ville ikke vært gyldig"},
	{tracker.ErrLocked, "repoet er låst av en annen samvirke-prosess"},
	{tracker.ErrBadState, "repoet kan ikke endres nå"},
	{tracker.ErrNoChange, "ingenting er endret"},
	{tracker.ErrConflict, "både du og remoten har endret de samme filene"},
	{tracker.ErrNoIdentity, "fant ingen git-identitet"},
	{tracker.ErrNoReportTag, "fant ingen rapport-tagg"},
	{tracker.ErrTagExists, "taggen finnes allerede"},
	{tracker.ErrBadTagName, "ugyldig taggnavn"},
	{measures.ErrOutside, "utenfor content/-mappen"},
	{gogit.ErrRepositoryNotExists, "ikke et git-repo"},
	{exec.ErrNotFound, "fant ikke programmet"},
}

// userMessage is what the CLI prints for an error: the message in Norwegian.
func userMessage(err error) string {
	msg := err.Error()
	for _, e := range englishErrors {
		msg = e.re.ReplaceAllString(msg, e.nb)
	}
	for _, s := range sentinels {
		if !errors.Is(err, s.err) {
			continue
		}
		en := s.err.Error()
		switch {
		case msg == en:
			msg = s.nb
		case strings.HasSuffix(msg, ": "+en):
			msg = strings.TrimSuffix(msg, ": "+en)
		}
		msg = strings.ReplaceAll(msg, ": "+en+":", ":")
	}
	return msg
}

// noIdentityMsg tells how to set a git identity.
const noIdentityMsg = `fant ingen git-identitet; sett den med «git config --global user.name "Navn"» og «git config --global user.email navn@example.no», eller bruk --author "Navn <e-post>"`
