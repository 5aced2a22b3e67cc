package measures

import "strings"

// Revision says what the revised strategy does with a measure: keep, revise, new,
// retire, or merged:<ID> (merged into another measure).
type Revision string

// The plain revision values; a merge is written "merged:" followed by the successor's id.
const (
	RevisionKeep   Revision = "keep"
	RevisionRevise Revision = "revise"
	RevisionNew    Revision = "new"
	RevisionRetire Revision = "retire"
	mergedPrefix            = "merged:"
)

// MergedInto returns the successor's id for a merged:<ID> revision.
func (r Revision) MergedInto() (string, bool) {
	if id, ok := strings.CutPrefix(string(r), mergedPrefix); ok {
		return id, true
	}
	return "", false
}

// Valid reports whether r is a known revision value with a well-formed merge target.
func (r Revision) Valid() bool {
	switch r {
	case RevisionKeep, RevisionRevise, RevisionNew, RevisionRetire:
		return true
	}
	id, ok := r.MergedInto()
	return ok && ValidMeasureID(id)
}

// revisionWords are the descriptions of the revisions in one written language.
type revisionWords struct{ keep, revise, new, retire, mergedWith string }

var (
	revisionNB = revisionWords{"videreføres", "revidert", "nytt", "utgår", "slått sammen med "}
	revisionNN = revisionWords{"vidareførast", "revidert", "nytt", "går ut", "slått saman med "}
)

// Label returns the Norwegian description of the revision.
func (r Revision) Label() string { return r.label(revisionNB) }

// LabelNN returns the nynorsk description of the revision, for documents in nynorsk.
func (r Revision) LabelNN() string { return r.label(revisionNN) }

func (r Revision) label(w revisionWords) string {
	switch r {
	case RevisionKeep, "":
		return w.keep
	case RevisionRevise:
		return w.revise
	case RevisionNew:
		return w.new
	case RevisionRetire:
		return w.retire
	}
	if id, ok := r.MergedInto(); ok {
		return w.mergedWith + id
	}
	return string(r)
}
