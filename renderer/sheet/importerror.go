package sheet

import (
	"errors"
	"fmt"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/xuri/excelize/v2"
)

// CellError is a problem with one cell of an imported sheet. Its text names the file,
// the sheet, the cell and the column's header, in Norwegian:
// «tiltak.xlsx: Tiltak!F14 (Status): ukjent status «pagar»; mente du «pågår»?».
type CellError struct {
	File, Sheet string
	Row, Col    int    // 1-based; Col 0 for the whole row
	Header      string // the column's header as the sheet has it
	Msg         string // Norwegian
	Err         error  // the cause, when there is one
}

func (e *CellError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	b.WriteString(": ")
	if e.Sheet != "" {
		b.WriteString(e.Sheet)
		b.WriteString("!")
	}
	if e.Col > 0 {
		cell, _ := excelize.CoordinatesToCellName(e.Col, e.Row)
		b.WriteString(cell)
	} else {
		fmt.Fprintf(&b, "rad %d", e.Row)
	}
	if e.Header != "" {
		fmt.Fprintf(&b, " (%s)", e.Header)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

func (e *CellError) Unwrap() error { return e.Err }

// ImportErrors are all the problems of an imported sheet, in row and column order.
type ImportErrors []*CellError

func (es ImportErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// whatNames are the Norwegian names of what a typed value names.
var whatNames = map[string]string{
	measures.WhatStatus: "status", measures.WhatOwner: "eier", measures.WhatArea: "innsatsområde",
	measures.WhatKind: "type", measures.WhatMeasure: "tiltak", measures.WhatDate: "dato",
}

// describe says in Norwegian what is wrong with a cell's value.
func describe(err error) string {
	var le *measures.LookupError
	if !errors.As(err, &le) {
		return err.Error()
	}
	var msg string
	switch {
	case errors.Is(le.Err, measures.ErrAmbiguous):
		return fmt.Sprintf("«%s» kan være flere: %s", le.Value, strings.Join(le.Matches, ", "))
	case le.What == measures.WhatDate:
		return fmt.Sprintf("«%s» er ikke en gyldig dato; skriv DD.MM.ÅÅÅÅ (31.12.2026) eller ÅÅÅÅ-MM-DD, eller bruk en datocelle", le.Value)
	case le.What == measures.WhatMeasure:
		msg = fmt.Sprintf("fant ikke tiltaket «%s»", le.Value)
	default:
		msg = fmt.Sprintf("ukjent %s «%s»", whatNames[le.What], le.Value)
	}
	if le.Suggestion != "" {
		msg += fmt.Sprintf("; mente du «%s»?", le.Suggestion)
	} else if len(le.Valid) > 0 && len(le.Valid) <= 12 {
		msg += "; gyldige er " + strings.Join(le.Valid, ", ")
	}
	return msg
}
