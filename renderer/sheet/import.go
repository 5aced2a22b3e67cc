package sheet

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/xuri/excelize/v2"
)

// ImportOptions are the choices of an import.
type ImportOptions struct {
	NewAsProposals bool // rows with unknown ids become proposals (else they are errors)
	ClearEmpty     bool // empty cells empty the field (only optional fields: Framdrift, Frist)
	Today          measures.Date
	By             string                // the name log entries are made by
	Taken          func(id string) bool  // ids used elsewhere (other branches), for new proposals
	Slug           func(t string) string // the name part of a proposal id from a title
}

// Plan is what an import changes: the new versions of existing measures and the new
// proposals, in the order of the sheet's rows.
type Plan struct {
	Changed []*measures.Measure
	New     []*measures.Measure
	Ignored []string // headers of columns that import does not read
	Sheet   string   // the sheet read
	before  map[string]*measures.Measure
	after   *measures.Content
	files   map[string][]byte
}

// After returns the content as it is after the import (validated).
func (p *Plan) After() *measures.Content { return p.after }

// Before returns the measure as it was before the import, for a changed measure.
func (p *Plan) Before(id string) *measures.Measure { return p.before[id] }

// Measures returns the changed and the new measures.
func (p *Plan) Measures() []*measures.Measure {
	return append(append([]*measures.Measure{}, p.Changed...), p.New...)
}

// Empty reports whether the import changes nothing.
func (p *Plan) Empty() bool { return len(p.Changed)+len(p.New) == 0 }

// Files returns the measure files to write, path → content: the bytes that were parsed
// and validated.
func (p *Plan) Files() map[string][]byte { return p.files }

// column is a column of the sheet that import reads.
type column struct {
	index  int // 0-based
	field  field
	header string
}

// importer maps the rows of a grid onto the content.
type importer struct {
	c      *measures.Content
	g      *Grid
	opts   ImportOptions
	cols   []column
	byF    map[field]column
	errs   ImportErrors
	plan   *Plan
	seen   map[string]int // id → row, for duplicates
	rowOf  map[string]int // file → row, for validation errors
	newIDs map[string]bool
	cache  map[cacheKey]cached // typed values already read: a sheet repeats few of them
}

type cacheKey struct {
	f field
	v string
}

type cached struct {
	v   string
	err error
}

// resolve reads a typed value of field f through read once per distinct text.
func (im *importer) resolve(f field, v string, read func(string) (string, error)) (string, error) {
	k := cacheKey{f, v}
	if r, ok := im.cache[k]; ok {
		return r.v, r.err
	}
	out, err := read(v)
	im.cache[k] = cached{out, err}
	return out, err
}

// Import maps the sheet g onto the content c: which measures change and how, and which
// rows become proposals. Nothing in c is changed. Every problem of the sheet is returned
// at once, as [ImportErrors]; the result is then nil. The changed measures are checked
// as their files will be written and with all the content, as a save checks them.
func Import(c *measures.Content, g *Grid, opts ImportOptions) (*Plan, error) {
	im := &importer{c: c, g: g, opts: opts, byF: map[field]column{}, plan: &Plan{Sheet: g.Sheet, before: map[string]*measures.Measure{}},
		seen: map[string]int{}, rowOf: map[string]int{}, newIDs: map[string]bool{}, cache: map[cacheKey]cached{}}
	start, err := im.findHeader()
	if err != nil {
		return nil, err
	}
	for _, r := range g.Rows[start+1:] {
		im.row(r)
	}
	if len(im.errs) == 0 {
		im.validate()
	}
	if len(im.errs) > 0 {
		slices.SortStableFunc(im.errs, func(a, b *CellError) int {
			if a.Row != b.Row {
				return a.Row - b.Row
			}
			return a.Col - b.Col
		})
		return nil, im.errs
	}
	return im.plan, nil
}

// findHeader finds the header row: the first of the first 30 rows with an ID column and
// at least one other column import reads.
func (im *importer) findHeader() (int, error) {
	for i, r := range im.g.Rows {
		if i >= 30 {
			break
		}
		var cols []column
		has := map[field]bool{}
		for j, h := range r.Cells {
			if f := fieldOf(h); f != fNone && !has[f] {
				has[f] = true
				cols = append(cols, column{index: j, field: f, header: strings.TrimSpace(h)})
			}
		}
		if !has[fID] || len(cols) < 2 {
			continue
		}
		slices.SortFunc(cols, func(a, b column) int { return int(a.field) - int(b.field) }) // Eiere before Ansvarlig
		im.cols = cols
		for _, c := range cols {
			im.byF[c.field] = c
		}
		for j, h := range r.Cells {
			if strings.TrimSpace(h) != "" && fieldOf(h) == fNone {
				im.plan.Ignored = append(im.plan.Ignored, excelizeCol(j)+" ("+strings.TrimSpace(h)+")")
			}
		}
		return i, nil
	}
	return 0, ImportErrors{{File: im.g.File, Sheet: im.g.Sheet, Row: 1,
		Msg: "fant ingen overskriftsrad med kolonnen ID og minst én av Tittel, Status, Eiere, Framdrift, Frist eller Siste notat blant de 30 første radene"}}
}

func excelizeCol(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

// cell is the trimmed text of field f in row r, and whether the sheet has the column.
func (im *importer) cell(r GridRow, f field) (string, bool) {
	c, ok := im.byF[f]
	if !ok {
		return "", false
	}
	if c.index >= len(r.Cells) {
		return "", true
	}
	return strings.TrimSpace(r.Cells[c.index]), true
}

func (im *importer) fail(r GridRow, f field, msg string, err error) {
	c := im.byF[f]
	im.errs = append(im.errs, &CellError{File: im.g.File, Sheet: im.g.Sheet, Row: r.Num, Col: c.index + 1,
		Header: c.header, Msg: msg, Err: err})
}

// row maps one row.
func (im *importer) row(r GridRow) {
	id, _ := im.cell(r, fID)
	if id == "" {
		im.fail(r, fID, "id mangler; hver rad med innhold må ha tiltakets id (T14, D01, P-…)", nil)
		return
	}
	if prev, dup := im.seen[strings.ToUpper(id)]; dup {
		im.fail(r, fID, fmt.Sprintf("«%s» står også på rad %d", id, prev), nil)
		return
	}
	im.seen[strings.ToUpper(id)] = r.Num
	old := im.existing(id)
	if old == nil {
		im.newRow(r, id)
		return
	}
	m := old.Clone()
	if !im.apply(r, m, false) {
		return
	}
	if len(measures.FieldChanges(old, m)) > 0 {
		im.plan.Changed = append(im.plan.Changed, m)
		im.plan.before[m.ID] = old
		im.rowOf[m.File] = r.Num
	}
}

// existing returns the measure id names (in any case), or nil.
func (im *importer) existing(id string) *measures.Measure {
	if m := im.c.Measure(id); m != nil {
		return m
	}
	if m := im.c.Measure(strings.ToUpper(id)); m != nil {
		return m
	}
	for _, m := range im.c.Measures {
		if strings.EqualFold(m.ID, id) {
			return m
		}
	}
	return nil
}

// newRow makes a proposal of a row whose id is unknown, or reports it.
func (im *importer) newRow(r GridRow, id string) {
	if !im.opts.NewAsProposals {
		_, err := im.c.ResolveMeasure(id)
		msg := describe(err)
		if err == nil {
			msg = fmt.Sprintf("fant ikke tiltaket «%s»", id)
		}
		im.fail(r, fID, msg+"; nye tiltak blir forslag bare med --new-as-proposals", err)
		return
	}
	title, _ := im.cell(r, fTitle)
	if title == "" {
		im.fail(r, fTitle, fmt.Sprintf("det nye tiltaket «%s» mangler tittel", id), nil)
		return
	}
	m := &measures.Measure{Title: title, Text: title, Kind: measures.KindMeasure, Status: measures.Proposed, Revision: measures.RevisionNew,
		Source: "Importert fra " + im.g.File}
	if !im.apply(r, m, true) {
		return
	}
	m.ID = im.proposalID(id, m.Title)
	m.File = path.Join(measures.Dir, measures.MeasuresDir, m.ID+".md")
	m.Status = measures.Proposed
	m.Log = append([]measures.LogEntry{{Date: im.opts.Today, Status: measures.Proposed, By: im.opts.By,
		Note: fmt.Sprintf("Foreslått fra %s, rad %d (id %s).", im.g.File, r.Num, id)}}, m.Log...)
	im.plan.New = append(im.plan.New, m)
	im.rowOf[m.File] = r.Num
}

// proposalID is the row's id when it is a free proposal id, else P-<slug of the title>,
// with -2, -3 … when that is taken.
func (im *importer) proposalID(typed, title string) string {
	free := func(id string) bool {
		return im.c.Measure(id) == nil && !im.newIDs[id] && (im.opts.Taken == nil || !im.opts.Taken(id))
	}
	id := typed
	if !measures.IsProposalID(typed) || !free(typed) {
		slug := title
		if im.opts.Slug != nil {
			slug = im.opts.Slug(title)
		}
		base := "P-" + slug
		id = base
		for n := 2; !free(id); n++ {
			id = base + "-" + strconv.Itoa(n)
		}
	}
	im.newIDs[id] = true
	return id
}

// apply sets the fields of m that row r gives; it reports whether every cell was valid.
func (im *importer) apply(r GridRow, m *measures.Measure, isNew bool) bool {
	n := len(im.errs)
	for _, col := range im.cols {
		v, _ := im.cell(r, col.field)
		if v == "" {
			im.empty(r, m, col.field, isNew)
			continue
		}
		if err := im.set(m, col.field, v, r); err != nil {
			im.fail(r, col.field, describe(err), err)
		}
	}
	if n == len(im.errs) {
		im.note(r, m)
	}
	return n == len(im.errs)
}

// empty handles an empty cell: nothing, unless --clear-empty.
func (im *importer) empty(r GridRow, m *measures.Measure, f field, isNew bool) {
	if !im.opts.ClearEmpty || isNew {
		return
	}
	switch {
	case f == fProgress:
		m.Progress = nil
	case f == fDue:
		m.Due = nil
	case required[f]:
		im.fail(r, f, "cellen er tom, men feltet må ha en verdi; med --clear-empty kan bare Framdrift og Frist tømmes", nil)
	}
}

// set sets field f of m from the cell's text v (not empty).
func (im *importer) set(m *measures.Measure, f field, v string, r GridRow) error {
	c := im.c
	switch f {
	case fTitle:
		m.Title = v
	case fText:
		if strings.TrimSpace(m.Text) != v {
			m.Text = v
		}
	case fKind:
		k, err := im.resolve(f, v, func(s string) (string, error) { k, err := measures.ParseKindTyped(s); return string(k), err })
		if err != nil {
			return err
		}
		m.Kind = measures.Kind(k)
	case fArea:
		a, err := im.resolve(f, v, c.ResolveArea)
		if err != nil {
			return err
		}
		m.Area = a
	case fOwners:
		owners, err := im.owners(v)
		if err != nil {
			return err
		}
		if len(m.Owners) == 0 || !sameSet(owners, m.Owners) || owners[0] != m.Owners[0] {
			m.Owners = owners
		}
	case fLead:
		return im.lead(m, v, r)
	case fStatus:
		s, err := im.resolve(f, v, func(s string) (string, error) { st, err := measures.ParseStatusTyped(s); return string(st), err })
		if err != nil {
			return err
		}
		m.Status = measures.Status(s)
	case fProgress:
		p, err := parsePercent(v)
		if err != nil {
			return err
		}
		m.Progress = &p
	case fDue:
		d, err := parseCellDate(v)
		if err != nil {
			return err
		}
		m.Due = &d
	case fNoteDate:
		_, err := parseCellDate(v)
		return err
	}
	return nil
}

// lead puts the owner v first in m's owners (adding it when the row's owners lack it).
// It runs after the Eiere column, which comes first in the export and is checked first.
func (im *importer) lead(m *measures.Measure, v string, r GridRow) error {
	id, err := im.resolve(fOwners, v, im.c.ResolveOwner)
	if err != nil {
		return err
	}
	if m.Lead() == id {
		return nil
	}
	rest := []string{id}
	for _, o := range m.Owners {
		if o != id {
			rest = append(rest, o)
		}
	}
	m.Owners = rest
	return nil
}

func (im *importer) owners(v string) ([]string, error) {
	var out []string
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		id, err := im.resolve(fOwners, part, im.c.ResolveOwner)
		if err != nil {
			return nil, err
		}
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// note adds the row's note (Siste notat, dated by its date cell or today) to m's log
// when the log has no entry with that date and text; a status change of the row is
// recorded as set records it: in the note dated today, or in an entry of its own.
func (im *importer) note(r GridRow, m *measures.Measure) {
	old := im.c.Measure(m.ID)
	statusChanged := old != nil && old.Status != m.Status
	text, _ := im.cell(r, fNote)
	dateText, _ := im.cell(r, fNoteDate)
	date := im.opts.Today
	if dateText != "" {
		date, _ = parseCellDate(dateText) // checked in set
	}
	if text != "" && date.Compare(im.opts.Today) > 0 {
		im.fail(r, fNoteDate, fmt.Sprintf("notatet er datert %s, etter i dag; loggen forteller hva som har skjedd", date.Norwegian()), nil)
		return
	}
	if text != "" && !hasNote(m.Log, text, date, dateText != "") {
		e := measures.LogEntry{Date: date, Note: text, By: im.opts.By}
		if statusChanged && date == im.opts.Today {
			e.Status, statusChanged = m.Status, false
		}
		m.Log = insertLog(m.Log, e)
	}
	if statusChanged {
		m.Log = insertLog(m.Log, measures.LogEntry{Date: im.opts.Today, Status: m.Status, Note: measures.StatusNote(m.Status), By: im.opts.By})
	}
}

// hasNote reports whether log has an entry with text (and, when dated, that date).
func hasNote(log []measures.LogEntry, text string, date measures.Date, dated bool) bool {
	for _, e := range log {
		if strings.TrimSpace(e.Note) == text && (!dated || e.Date == date) {
			return true
		}
	}
	return false
}

// insertLog puts e after the entries dated on or before it, keeping the log in date order.
func insertLog(log []measures.LogEntry, e measures.LogEntry) []measures.LogEntry {
	i := len(log)
	for i > 0 && log[i-1].Date.Compare(e.Date) > 0 {
		i--
	}
	out := append(log[:i:i], e)
	return append(out, log[i:]...)
}

// validate checks the changed measures as their files will be written (encoded and
// parsed again) and with all the content, and reports each problem at the row's id.
func (im *importer) validate() {
	var parsed []*measures.Measure
	im.plan.files = map[string][]byte{}
	for _, m := range im.plan.Measures() {
		data := m.Encode()
		im.plan.files[m.File] = data
		p, err := measures.ParseMeasure(m.File, data)
		im.validation(err)
		parsed = append(parsed, p)
	}
	if len(im.errs) > 0 {
		return
	}
	im.plan.after = im.c.With(parsed...)
	im.validation(im.plan.after.Validate())
}

func (im *importer) validation(err error) {
	if err == nil {
		return
	}
	es := measures.AsErrors(err)
	if es == nil {
		im.errs = append(im.errs, &CellError{File: im.g.File, Sheet: im.g.Sheet, Msg: err.Error(), Err: err})
		return
	}
	for _, e := range es {
		row, ok := im.rowOf[e.File]
		if !ok {
			continue // a problem the content had before the import
		}
		msg := e.Msg
		if e.Key != "" {
			msg = e.Key + ": " + msg
		}
		im.fail(GridRow{Num: row}, fID, msg, e)
	}
}

// parsePercent reads a progress: 40, 40 %, 40%, or a number of at most 1 as a fraction
// (0,4, 0.4, and 1 for 100 %: a percentage cell holds its fraction), a whole number from
// 0 to 100.
func parsePercent(v string) (int, error) {
	s := strings.TrimSpace(strings.ReplaceAll(v, "\u00a0", " "))
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		return 0, fmt.Errorf("«%s» er ikke en framdrift; skriv et helt tall fra 0 til 100 (40 eller 40 %%)", v)
	}
	if !pct && f > 0 && f <= 1 {
		f *= 100
	}
	if f < 0 || f > 100 || math.Abs(f-math.Round(f)) > 1e-6 {
		return 0, fmt.Errorf("«%s» er ikke en framdrift; skriv et helt tall fra 0 til 100", v)
	}
	return int(math.Round(f)), nil
}

// parseCellDate reads a date cell: 31.12.2026, 2026-12-31 (with a time after it or not),
// or an Excel serial day number (a date cell in the General format).
func parseCellDate(v string) (measures.Date, error) {
	s := strings.TrimSpace(v)
	if d, err := measures.ParseDateTyped(s); err == nil {
		return d, nil
	}
	if day, rest, ok := strings.Cut(s, " "); ok && strings.Contains(rest, ":") {
		if d, err := measures.ParseDateTyped(day); err == nil {
			return d, nil
		}
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n >= 1 && n < 2958466 {
		if t, err := excelize.ExcelDateToTime(n, false); err == nil {
			return measures.DateOf(t.Add(time.Second)), nil
		}
	}
	_, err := measures.ParseDateTyped(s)
	return measures.Date{}, err
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, v := range a {
		if !contains(b, v) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
