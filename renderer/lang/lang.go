// Package lang holds every fixed text of samvirke's documents (the report, the strategy,
// the comparison and the site) in bokmål (nb.go) and nynorsk (nn.go), as one catalogue
// type, [Texts], so that a text missing in one language is an empty field the tests
// catch. Content (titles, texts, notes) is shown as written; only what samvirke adds is
// translated.
//
// The labels of statuses and revisions belong to the domain (measures.Status.Label and
// LabelNN, measures.Revision.Label and LabelNN): [Texts.Status] and [Texts.Revision]
// pick the one of the language, so a label has one source in both.
//
// Dates are written by measures.Date.Norwegian in both languages: the month names are
// the same in bokmål and nynorsk, and the documents use no weekday names.
package lang

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
)

// Lang is a written standard of Norwegian: [NB] (bokmål, the default) or [NN] (nynorsk).
// It is also the value of the HTML lang attribute.
type Lang string

// The languages documents are written in.
const (
	NB Lang = "nb"
	NN Lang = "nn"
)

// All lists the languages in the order they are offered.
var All = []Lang{NB, NN}

// ErrUnknown is returned by [Parse] for a language samvirke does not write.
var ErrUnknown = errors.New("unknown language")

// Parse reads a language code, "nb" or "nn" (any case); "" is [NB].
func Parse(s string) (Lang, error) {
	switch l := Lang(strings.ToLower(strings.TrimSpace(s))); l {
	case "":
		return NB, nil
	case NB, NN:
		return l, nil
	}
	return "", fmt.Errorf("%w: %q", ErrUnknown, s)
}

// Texts returns the catalogue of l; the zero Lang and unknown values give bokmål.
func (l Lang) Texts() *Texts {
	if l == NN {
		return &nn
	}
	return &nb
}

// Plural is a noun or phrase in the singular and the plural: «1 endring», «2 endringer».
type Plural struct{ One, Many string }

// N writes n with the form it asks for: «1 tiltak», «2 tiltak».
func (p Plural) N(n int) string { return strconv.Itoa(n) + " " + p.Word(n) }

// Word is the form n asks for, without the number.
func (p Plural) Word(n int) string {
	if n == 1 {
		return p.One
	}
	return p.Many
}

// Counted is a Plural with a phrase of its own for 0: «ingen nye tiltak».
type Counted struct {
	Plural
	None string
}

// N writes n with its form, or the phrase for none.
func (c Counted) N(n int) string {
	if n == 0 {
		return c.None
	}
	return c.Plural.N(n)
}

// Status is the label of s in the catalogue's language.
func (t *Texts) Status(s measures.Status) string {
	if t.Lang == NN {
		return s.LabelNN()
	}
	return s.Label()
}

// Revision is the description of r in the catalogue's language.
func (t *Texts) Revision(r measures.Revision) string {
	if t.Lang == NN {
		return r.LabelNN()
	}
	return r.Label()
}

// F fills a format text of the catalogue: F(t.Report.Period, from, to).
func F(format string, a ...any) string { return fmt.Sprintf(format, a...) }
