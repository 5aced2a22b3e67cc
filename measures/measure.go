package measures

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// Measure is one record under content/measures: a numbered measure of the strategy
// (T01…), a recommendation to the ministries (D01…) or a proposal (P-<slug>).
type Measure struct {
	ID       string     `json:"id"`
	Title    string     `json:"title"`
	Kind     Kind       `json:"kind"`
	Area     string     `json:"area"`
	Chapter  string     `json:"chapter,omitempty"`
	Owners   []string   `json:"owners"` // owner ids; the first is the lead
	Status   Status     `json:"status"`
	Progress *int       `json:"progress"` // 0–100, nil when not given
	Due      *Date      `json:"due"`      // nil when not given
	Inputs   []string   `json:"inputs"`   // input item ids, e.g. aa2020-1.3/2
	Revision Revision   `json:"revision"` // keep, revise, new, retire or merged:<ID>
	Source   string     `json:"source"`   // where the text comes from
	Log      []LogEntry `json:"log"`      // dated notes, oldest first
	Text     string     `json:"text"`     // the Markdown body: the measure's full text

	// File is the path from the repository root, e.g. content/measures/T14.md.
	File string `json:"-"`
	pos  measurePos
}

// LogEntry is a dated progress note, optionally recording a new status.
type LogEntry struct {
	Date   Date   `json:"date"`
	Status Status `json:"status,omitempty"`
	Note   string `json:"note"`
	By     string `json:"by,omitempty"`
}

type measurePos struct {
	keys   map[string]Pos
	owners []Pos
	inputs []Pos
	logs   []Pos // the date of each log entry
	text   int   // the line of the file where Text starts
}

// Lead returns the lead owner's id, or "" when there is none.
func (m *Measure) Lead() string {
	if len(m.Owners) == 0 {
		return ""
	}
	return m.Owners[0]
}

// Overdue reports whether the due date has passed on today and the measure is not closed.
func (m *Measure) Overdue(today Date) bool {
	return m.Due != nil && m.Due.Before(today) && !m.Status.Closed()
}

// LastLog returns the newest log entry, or nil.
func (m *Measure) LastLog() *LogEntry {
	if len(m.Log) == 0 {
		return nil
	}
	return &m.Log[len(m.Log)-1]
}

// Clone returns a deep copy, safe to change without touching m.
func (m *Measure) Clone() *Measure {
	c := *m
	c.Owners = append([]string(nil), m.Owners...)
	c.Inputs = append([]string(nil), m.Inputs...)
	c.Log = append([]LogEntry(nil), m.Log...)
	if m.Progress != nil {
		p := *m.Progress
		c.Progress = &p
	}
	if m.Due != nil {
		d := *m.Due
		c.Due = &d
	}
	c.pos = measurePos{logs: m.pos.logs} // where the log entries it has stand, for AddLog's error
	return &c
}

// KeyLine returns the line of key in the file the measure was parsed from, or 0.
func (m *Measure) KeyLine(key string) int { return m.pos.keys[key].Line }

// KeyPos returns the position of key's value in the file the measure was parsed from,
// or the zero Pos.
func (m *Measure) KeyPos(key string) Pos { return m.pos.keys[key] }

var measureKeys = []string{"id", "title", "kind", "area", "chapter", "owners", "status", "progress",
	"due", "revision", "source", "inputs", "log"}

var logKeys = []string{"date", "status", "note", "by"}

// ParseMeasure parses the file at file (a path from the repository root). It returns the
// measure as far as it could be read and every problem found in the file itself; references
// to other files are checked by [Content.Validate].
func ParseMeasure(file string, data []byte) (*Measure, error) {
	m := &Measure{File: file, pos: measurePos{keys: map[string]Pos{}}}
	return m, parseDocument(file, data, func(c *errs, doc document) { decodeMeasure(c, doc, m) })
}

func decodeMeasure(c *errs, doc document, m *Measure) {
	f := readMapping(c, doc.root, "", measureKeys)
	for k := range f.vals {
		m.pos.keys[k] = f.filePos(k)
	}
	m.pos.keys["text"] = Pos{Line: doc.bodyLine}
	decodeMeasureName(c, f, m)
	m.Area = f.str("area", true)
	m.Chapter = f.str("chapter", false)
	m.Owners, m.pos.owners = f.strList("owners")
	if len(m.Owners) == 0 {
		c.add(ErrMissingKey, f.pos("owners"), "owners", "minst én eier må oppgis (den første er ansvarlig)")
	}
	noRepeats(c, "owners", m.Owners, m.pos.owners, "eieren «%s» står to ganger")
	decodeMeasureState(c, f, m)
	m.Source = f.str("source", false)
	m.Inputs, m.pos.inputs = f.strList("inputs")
	noRepeats(c, "inputs", m.Inputs, m.pos.inputs, "innspillet «%s» står to ganger")
	decodeLog(c, f, m)
	m.Text = strings.TrimSpace(doc.body)
	m.pos.text = textLine(doc)
	if m.Text == "" {
		c.add(ErrMissingKey, Pos{Line: doc.bodyLine - 1 - c.offset}, "text", "tiltaket mangler tekst under front matter")
	}
}

// decodeMeasureName reads what names a measure: its id (which must match the file's
// name), its one-line title and its kind.
func decodeMeasureName(c *errs, f *mapping, m *Measure) {
	m.ID = f.str("id", true)
	if m.ID != "" {
		if !ValidMeasureID(m.ID) {
			c.add(ErrInvalidValue, f.pos("id"), "id", "«%s» er ikke en gyldig id; bruk T + minst to sifre (T14), D + to sifre (D03) eller P-<navn> (P-felles-kurs)", m.ID)
		} else if base := strings.TrimSuffix(path.Base(m.File), ".md"); base != m.ID {
			c.add(ErrFileName, f.pos("id"), "id", "id «%s» stemmer ikke med filnavnet «%s»; filen må hete %s.md", m.ID, path.Base(m.File), m.ID)
		}
	}
	m.Title = f.str("title", true)
	if strings.Contains(m.Title, "\n") {
		c.add(ErrInvalidValue, f.pos("title"), "title", "tittelen må stå på én linje")
	}
	if k := f.str("kind", true); k != "" {
		m.Kind = Kind(k)
		if !m.Kind.Valid() {
			c.add(ErrInvalidValue, f.pos("kind"), "kind", "ukjent verdi «%s»; gyldige verdier er measure, recommendation%s", k, didYouMean(k, []string{"measure", "recommendation"}))
		}
	}
}

// decodeMeasureState reads where a measure stands: status, progress, due date and its
// mark in the revision of the strategy.
func decodeMeasureState(c *errs, f *mapping, m *Measure) {
	if s := f.str("status", true); s != "" {
		m.Status = Status(s)
		if !m.Status.Valid() {
			c.add(ErrInvalidValue, f.pos("status"), "status", "ukjent verdi «%s»; gyldige verdier er %s%s", s, strings.Join(statusSlugs(), ", "), didYouMean(s, statusSlugs()))
		}
	}
	if p, ok := f.integer("progress", false, 0, 100); ok {
		m.Progress = &p
	}
	if d, ok := f.date("due", false); ok {
		m.Due = &d
	}
	if r := f.str("revision", false); r != "" {
		m.Revision = Revision(r)
		if !m.Revision.Valid() {
			c.add(ErrInvalidValue, f.pos("revision"), "revision", "ukjent verdi «%s»; gyldige verdier er keep, revise, new, retire eller merged:<ID>", r)
		}
	}
}

// noRepeats reports every value of the list key that stands again after its first place.
func noRepeats(c *errs, key string, list []string, pos []Pos, format string) {
	for i, v := range list {
		if slices.Contains(list[:i], v) {
			c.addAt(ErrDuplicate, pos[i], fmt.Sprintf("%s[%d]", key, i), format, v)
		}
	}
}

// decodeLog reads the measure's log, which must run from the oldest entry to the newest.
func decodeLog(c *errs, f *mapping, m *Measure) {
	for i, n := range f.list("log") {
		prefix := fmt.Sprintf("log[%d].", i)
		lm := readMapping(c, n, prefix, logKeys)
		var e LogEntry
		e.Date, _ = lm.date("date", true)
		m.pos.logs = append(m.pos.logs, lm.filePos("date"))
		if s := lm.str("status", false); s != "" {
			e.Status = Status(s)
			if !e.Status.Valid() {
				c.add(ErrInvalidValue, lm.pos("status"), prefix+"status", "ukjent verdi «%s»; gyldige verdier er %s%s", s, strings.Join(statusSlugs(), ", "), didYouMean(s, statusSlugs()))
			}
		}
		e.Note = lm.str("note", true)
		e.By = lm.str("by", false)
		if i > 0 && !e.Date.IsZero() && e.Date.Before(m.Log[i-1].Date) {
			c.add(ErrInvalidValue, lm.pos("date"), prefix+"date", "loggen må stå i datorekkefølge, eldste først (%s kommer etter %s)", e.Date, m.Log[i-1].Date)
		}
		m.Log = append(m.Log, e)
	}
}
