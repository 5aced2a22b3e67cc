package measures

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Sentinel errors classify what is wrong with content. Every [*Error] wraps one of them,
// so callers test with errors.Is.
var (
	// ErrSyntax: the front matter is missing, unterminated or not valid YAML.
	ErrSyntax = errors.New("syntax error")
	// ErrUnknownKey: a key that the format does not have.
	ErrUnknownKey = errors.New("unknown key")
	// ErrMissingKey: a required key is absent or empty.
	ErrMissingKey = errors.New("missing key")
	// ErrInvalidValue: a value of the wrong type or outside its set.
	ErrInvalidValue = errors.New("invalid value")
	// ErrDuplicate: an id or key that must be unique is used twice.
	ErrDuplicate = errors.New("duplicate")
	// ErrReference: a reference to an owner, area, chapter, input item or measure that does not exist.
	ErrReference = errors.New("unresolved reference")
	// ErrFileName: the file name does not match the record's id, or the file is misplaced.
	ErrFileName = errors.New("file name mismatch")
	// ErrEncoding: the file is not valid UTF-8.
	ErrEncoding = errors.New("not valid UTF-8")
	// ErrTooLarge: the file is larger than [MaxFileSize].
	ErrTooLarge = errors.New("file too large")
	// ErrSymlink: a symbolic link inside content/, which is never followed.
	ErrSymlink = errors.New("symbolic link")
	// ErrOutside: a path outside the content directory.
	ErrOutside = errors.New("path outside content")
	// ErrUnsafeText: a control character or a bidi override in a value or a body (see
	// [UnsafeRune]).
	ErrUnsafeText = errors.New("control or bidi character")
	// ErrFutureDate: a log entry dated after today (see [Content.CheckDates]).
	ErrFutureDate = errors.New("date in the future")
)

// Code returns a short stable English code for the sentinel an error wraps, for JSON
// output and CI annotations.
func Code(err error) string {
	for _, c := range []struct {
		err  error
		code string
	}{
		{ErrSyntax, "syntax"}, {ErrUnknownKey, "unknown-key"}, {ErrMissingKey, "missing-key"},
		{ErrInvalidValue, "invalid-value"}, {ErrDuplicate, "duplicate"}, {ErrReference, "reference"},
		{ErrFileName, "file-name"}, {ErrEncoding, "encoding"}, {ErrTooLarge, "too-large"},
		{ErrSymlink, "symlink"}, {ErrOutside, "outside-content"},
		{ErrUnsafeText, "unsafe-character"}, {ErrFutureDate, "future-date"},
	} {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return "error"
}

// Pos is a position in a file; Line and Col are 1-based, 0 when unknown.
type Pos struct {
	Line int `json:"line,omitempty"`
	Col  int `json:"column,omitempty"`
}

// Error is one problem in one content file. Msg is written for the contributors who
// edit the files, in Norwegian; Kind is the sentinel it wraps.
type Error struct {
	File string // path from the repository root, e.g. content/measures/T14.md
	Pos
	Key  string // the front-matter key concerned, if any, e.g. status or log[2].date
	Msg  string
	Kind error
}

// Error formats the problem as file:line:col: key: message, on one line: a line break
// in the file name, the key or the message (which quotes values from content) is written
// as \n, \r …, so a value cannot start a line of its own in a log, where a CI runner
// would obey a «::error::» at the start of a line.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(lineBreaks.Replace(e.File))
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(lineBreaks.Replace(e.Key) + ": ")
	}
	b.WriteString(lineBreaks.Replace(e.Msg))
	return b.String()
}

// lineBreaks writes every line break as an escape.
var lineBreaks = strings.NewReplacer("\r", `\r`, "\n", `\n`, "\v", `\v`, "\f", `\f`,
	"\u0085", `\u0085`, "\u2028", `\u2028`, "\u2029", `\u2029`)

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Kind }

// Errors is every problem found in one run, sorted by file and position.
type Errors []*Error

// Error lists the problems one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the individual errors, so errors.Is finds any sentinel among them.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Sort orders es by file and position, as [Load] returns them.
func (es Errors) Sort() { es.sort() }

func (es Errors) sort() {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// AsErrors returns the content errors in err, or nil when err holds none.
func AsErrors(err error) Errors {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var e *Error
	if errors.As(err, &e) {
		return Errors{e}
	}
	return nil
}

// errs collects errors for one file.
type errs struct {
	file string
	list Errors
	// offset is added to YAML line numbers: the front matter starts after the opening ---.
	offset int
}

func (c *errs) add(kind error, p Pos, key, format string, args ...any) {
	if p.Line > 0 {
		p.Line += c.offset
	}
	c.list = append(c.list, &Error{File: c.file, Pos: p, Key: key, Msg: fmt.Sprintf(format, args...), Kind: kind})
}

// addAt adds an error at a position that is already relative to the file.
func (c *errs) addAt(kind error, p Pos, key, format string, args ...any) {
	c.list = append(c.list, &Error{File: c.file, Pos: p, Key: key, Msg: fmt.Sprintf(format, args...), Kind: kind})
}
