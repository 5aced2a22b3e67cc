package sheet

import (
	"encoding/csv"
	"io"

	"github.com/samvirke/samvirke/measures"
)

// WriteExcelCSV writes t as CSV the way a Norwegian Excel opens it with a double click:
// UTF-8 with a byte order mark (else Excel reads æ, ø, å as Windows-1252), semicolons
// between the cells (the list separator of the Norwegian locale, where the comma is the
// decimal sign), CRLF line endings, Norwegian headers and labels, dates as 31.12.2026.
// Every cell is measures.FormulaSafe: content comes from pull requests.
func WriteExcelCSV(w io.Writer, t Table) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	row := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		row[i] = col.Header
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	for _, vs := range t.Rows {
		for i, v := range vs {
			row[i] = measures.FormulaSafe(v.String(t.Columns[i].Kind))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
