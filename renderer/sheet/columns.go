package sheet

import (
	"github.com/samvirke/samvirke/measures"
)

// field is what a column of an imported sheet holds.
type field int

const (
	fNone field = iota
	fID
	fTitle
	fText
	fKind
	fArea
	fOwners
	fLead
	fStatus
	fProgress
	fDue
	fNote
	fNoteDate
	fDerived // a column the export writes that import does not read (Antall innspill)
)

// headerNames are the headers import knows, Norwegian and English, folded with
// measures.FoldTyped (case, æøå and accents do not matter). The export's own headers
// (MeasureColumns) are among them.
var headerNames = map[string]field{}

func init() {
	for f, names := range map[field][]string{
		fID:       {"ID", "Id", "Nr", "Nr.", "Tiltaksnummer", "Tiltak nr", "Nummer", "Tiltak-ID"},
		fTitle:    {"Tittel", "Title", "Navn", "Name", "Tiltak", "Measure"},
		fText:     {"Tekst", "Beskrivelse", "Text", "Description"},
		fKind:     {"Type", "Kind", "Art"},
		fArea:     {"Innsatsområde", "Område", "Area", "Action area"},
		fOwners:   {"Eiere", "Eier", "Owners", "Owner", "Ansvarlige etater"},
		fLead:     {"Ansvarlig", "Ansvarlig eier", "Hovedansvarlig", "Lead", "Lead owner"},
		fStatus:   {"Status"},
		fProgress: {"Framdrift", "Fremdrift", "Progress", "Framdrift (%)", "Fremdrift (%)", "Progress (%)"},
		fDue:      {"Frist", "Tidsfrist", "Due", "Due date", "Deadline", "Sluttdato"},
		fNote:     {"Siste notat", "Notat", "Kommentar", "Note", "Last note", "Comment"},
		fNoteDate: {"Dato for siste notat", "Notatdato", "Dato for notat", "Note date", "Date of last note", "Dato"},
		fDerived:  {"Antall innspill", "Inputs"},
	} {
		for _, n := range names {
			headerNames[measures.FoldTyped(n)] = f
		}
	}
}

// fieldOf returns the field a header names, or fNone.
func fieldOf(header string) field { return headerNames[measures.FoldTyped(header)] }

// required are the fields of a measure that cannot be emptied.
var required = map[field]bool{fTitle: true, fKind: true, fArea: true, fOwners: true, fStatus: true}
