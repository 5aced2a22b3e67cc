package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"path"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"
)

// The CLI reads statuses, owners, areas, kinds, dates and ids the way people type them,
// through measures (see measures/resolve.go), and says what they probably meant when a
// value names nothing.

// quietContent loads the content for reading typed values, without the warnings of
// loadContent; nil when there is none to read.
func quietContent(g *globalOptions) *measures.Content {
	src, err := findSource(g.Repo)
	if err != nil {
		return nil
	}
	c, _ := measures.Load(src.FS)
	return c
}

// existingID returns the id as typed, upper-cased (t14 → T14), when the content has a
// file for it, so that commands need not load all content to read an exact id.
func existingID(g *globalOptions, typed string) (string, bool) {
	id := normalizeID(strings.TrimSpace(typed))
	src, err := findSource(g.Repo)
	if err != nil || !measures.ValidMeasureID(id) {
		return "", false
	}
	_, err = fs.Stat(src.FS, path.Join(measures.MeasuresDir, id+".md"))
	return id, err == nil
}

// resolveID reads a measure id as typed (t14, P-zebra for P-zebra-striper) against c.
func resolveID(c *measures.Content, typed string) (string, error) {
	if c == nil {
		return normalizeID(strings.TrimSpace(typed)), nil
	}
	id, err := c.ResolveMeasure(typed)
	return id, typedError(err)
}

// resolveOwners reads owners as typed (nav, NAV, Arbeids- og velferdsdirektoratet).
func resolveOwners(c *measures.Content, typed []string) ([]string, error) {
	out := make([]string, 0, len(typed))
	for _, t := range typed {
		id, err := c.ResolveOwner(t)
		if err != nil {
			return nil, typedError(err)
		}
		out = append(out, id)
	}
	return out, nil
}

// resolveItems reads input item ids as typed.
func resolveItems(c *measures.Content, typed []string) ([]string, error) {
	out := make([]string, 0, len(typed))
	for _, t := range typed {
		id, err := c.ResolveItem(t)
		if err != nil {
			return nil, typedError(err)
		}
		out = append(out, id)
	}
	return out, nil
}

// typedRef turns a date typed the Norwegian way (31.12.2026) into the form the tracker
// reads (2026-12-31); commits, branches and tags pass unchanged.
func typedRef(ref string) (string, error) {
	if !measures.IsTypedDate(ref) {
		return ref, nil
	}
	d, err := measures.ParseDateTyped(ref)
	if err != nil {
		return "", typedError(err)
	}
	return d.String(), nil
}

// authorError says what is wrong with an --author value, or returns nil when it is of
// the form "Name <email>".
func authorError(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return errors.New(msgAuthorEmpty)
	}
	a, err := mail.ParseAddress(s)
	switch {
	case err == nil && a.Name != "":
		return nil
	case err == nil:
		return fmt.Errorf(msgAuthorNoName, s, a.Address)
	case !strings.ContainsAny(s, "<@"):
		return fmt.Errorf(msgAuthorNoEmail, s, s, s)
	}
	return fmt.Errorf(msgAuthorBadForm, s)
}

// checkAuthorFlag checks --author before a command runs, for every command that has it.
func checkAuthorFlag(c *cobra.Command, _ []string) error {
	if f := c.Flags().Lookup("author"); f != nil && f.Changed {
		return authorError(f.Value.String())
	}
	return nil
}

// normalizeID lets people type measure ids in lower case: t14 → T14, d01 → D01.
func normalizeID(s string) string {
	s = norm.NFC.String(strings.TrimSpace(s))
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
