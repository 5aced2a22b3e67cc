package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// The read side: a sheet of an .xlsx workbook or a CSV file as rows of cell texts, read
// as a stream (excelize's Rows iterator) so that a huge sheet costs bounded memory and
// time. A formula cell gives the value the spreadsheet saved with it; it is never
// evaluated. A merged range gives its value in its first cell; the others read as empty.

// Limits of what is read.
const (
	MaxRows     = 100_000 // rows of a sheet, header included
	MaxCols     = 200     // columns looked at in a row
	MaxFileSize = 200 << 20
	maxCellLen  = 32_767 // Excel's own limit on a cell's text
)

// Errors of reading a spreadsheet.
var (
	ErrNotSpreadsheet = errors.New("not a spreadsheet")
	ErrEncrypted      = errors.New("password-protected workbook")
	ErrTooLarge       = errors.New("sheet too large")
	ErrNoSheet        = errors.New("no such sheet")
)

// Grid is one sheet read as text: its rows, numbered as the spreadsheet numbers them.
type Grid struct {
	File  string // the file's name as the user gave it, for errors
	Sheet string // the sheet's name ("" for CSV)
	Rows  []GridRow
}

// GridRow is a row of a sheet: its number (1 for the first) and its cells from column A.
type GridRow struct {
	Num   int
	Cells []string
}

// xlsxOptions read the values as saved, without their number formats: a date cell gives
// its serial day number and a percentage its fraction (import reads both), and no time
// goes into formatting cells nobody looks at.
var xlsxOptions = excelize.Options{RawCellValue: true, UnzipSizeLimit: MaxFileSize, UnzipXMLSizeLimit: 16 << 20}

// ReadXLSX reads the sheet named sheet (or, when sheet is "", «Tiltak» when there is one,
// else the first) of the workbook in r. It returns [ErrNotSpreadsheet], [ErrEncrypted],
// [ErrNoSheet] (with the sheets there are) or [ErrTooLarge].
func ReadXLSX(r io.Reader, file, sheet string) (*Grid, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file larger than %d MiB: %w", MaxFileSize>>20, ErrTooLarge)
	}
	if isOLE(data) {
		return nil, ErrEncrypted // an .xlsx with a password is an encrypted OLE container
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), xlsxOptions)
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookPassword) {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("%w: %w", ErrNotSpreadsheet, err)
	}
	defer f.Close()
	name, err := pickSheet(f.GetSheetList(), sheet)
	if err != nil {
		return nil, err
	}
	g := &Grid{File: file, Sheet: name}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotSpreadsheet, err)
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		if n > MaxRows {
			return nil, fmt.Errorf("more than %d rows: %w", MaxRows, ErrTooLarge)
		}
		cells, err := rows.Columns(xlsxOptions)
		if err != nil {
			return nil, fmt.Errorf("row %d: %w: %w", n, ErrNotSpreadsheet, err)
		}
		g.add(n, cells)
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotSpreadsheet, err)
	}
	return g, nil
}

// isOLE reports whether data is a Compound File (an encrypted .xlsx or an old .xls).
func isOLE(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
}

func pickSheet(list []string, want string) (string, error) {
	if want == "" {
		for _, s := range list {
			if s == "Tiltak" {
				return s, nil
			}
		}
		if len(list) == 0 {
			return "", ErrNoSheet
		}
		return list[0], nil
	}
	for _, s := range list {
		if strings.EqualFold(s, want) {
			return s, nil
		}
	}
	return "", &SheetError{Want: want, Have: list}
}

// SheetError is a sheet asked for that the workbook does not have.
type SheetError struct {
	Want string
	Have []string
}

func (e *SheetError) Error() string { return fmt.Sprintf("no sheet %q", e.Want) }

func (e *SheetError) Unwrap() error { return ErrNoSheet }

// add keeps a row, its cells in NFC and cut to the limits.
func (g *Grid) add(n int, cells []string) {
	if len(cells) > MaxCols {
		cells = cells[:MaxCols]
	}
	empty := true
	for i, c := range cells {
		if len(c) > maxCellLen {
			c = c[:maxCellLen]
		}
		c = norm.NFC.String(c)
		cells[i] = c
		empty = empty && strings.TrimSpace(c) == ""
	}
	if !empty {
		g.Rows = append(g.Rows, GridRow{Num: n, Cells: cells})
	}
}

// ReadCSV reads a CSV file as Excel or samvirke writes it: UTF-8 with or without a byte
// order mark, cells separated by semicolons, commas or tabs (whichever the first line
// has most of), CRLF or LF. A cell that the export led by ' (so a spreadsheet would not
// read it as a formula) gets its text back.
func ReadCSV(r io.Reader, file string) (*Grid, error) {
	br := bufio.NewReader(io.LimitReader(r, MaxFileSize+1))
	head, _ := br.Peek(4096)
	if !validPrefix(head) || bytes.IndexByte(head, 0) >= 0 {
		return nil, fmt.Errorf("not UTF-8 text: %w", ErrNotSpreadsheet)
	}
	if bytes.HasPrefix(head, []byte("\ufeff")) {
		_, _ = br.Discard(3)
		head = head[3:]
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	cr := csv.NewReader(br)
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes, cr.ReuseRecord = separator(first), -1, true, false
	g := &Grid{File: file}
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrNotSpreadsheet, err)
		}
		if n > MaxRows {
			return nil, fmt.Errorf("more than %d rows: %w", MaxRows, ErrTooLarge)
		}
		for i, c := range rec {
			rec[i] = unquoteFormula(c)
		}
		g.add(n, rec)
	}
	return g, nil
}

// validPrefix reports whether b is UTF-8 but for a rune cut at its end.
func validPrefix(b []byte) bool {
	for k := 0; k < 4 && k <= len(b); k++ {
		if utf8.Valid(b[:len(b)-k]) {
			return true
		}
	}
	return false
}

func separator(line []byte) rune {
	best, n := ';', -1
	for _, sep := range []rune{';', ',', '\t'} {
		if c := bytes.Count(line, []byte(string(sep))); c > n {
			best, n = sep, c
		}
	}
	return best
}

// unquoteFormula undoes [measures.FormulaSafe]: a ' before a character a spreadsheet
// would start a formula with.
func unquoteFormula(s string) string {
	if rest, ok := strings.CutPrefix(s, "'"); ok && rest != "" && strings.ContainsRune("=+-@\t\r＝＋－＠", []rune(rest)[0]) {
		return rest
	}
	return s
}
