package measures

import "strings"

// BrokenRefs returns an error (kind [ErrReference], with file, line and column) for every
// [[T14]] reference and ::: tiltak id that names no measure: in the strategy's chapters
// and in the measures' own texts. Validate reports the same errors; the renderer refuses
// to write a document that has any, so a reader never meets a dead reference.
func (c *Content) BrokenRefs() Errors {
	var out Errors
	add := func(file string, id string, line, col int) {
		out = append(out, brokenRef(file, id, line, col))
	}
	for _, ch := range c.Strategy {
		ch.scanRefs(func(id string, line, col int, _ *Directive) {
			if id != "" && c.Measure(id) == nil {
				add(ch.File, id, line, col)
			}
		})
	}
	for _, m := range c.Measures {
		m.scanRefs(func(id string, line, col int) {
			if c.Measure(id) == nil {
				add(m.File, id, line, col)
			}
		})
	}
	return out
}

// brokenRef is the one error for a reference to id that names no measure.
func brokenRef(file, id string, line, col int) *Error {
	return &Error{File: file, Pos: Pos{Line: line, Col: col}, Kind: ErrReference,
		Msg: "henvisningen til «" + id + "» peker ikke på noe tiltak"}
}

// scanRefs calls fn for each [[T14]] reference in the measure's text, with its line in
// the file. Fenced code blocks are skipped.
func (m *Measure) scanRefs(fn func(id string, line, col int)) {
	first := m.pos.text
	for i, line := range outsideFences(strings.Split(m.Text, "\n")) {
		for _, r := range RefPattern.FindAllStringSubmatchIndex(line, -1) {
			fn(line[r[2]:r[3]], first+i, r[0]+1)
		}
	}
}

// textLine is the line of the file where the trimmed body of doc starts: the body's
// first line, past the blank lines TrimSpace drops.
func textLine(doc document) int {
	lead := doc.body[:len(doc.body)-len(strings.TrimLeft(doc.body, " \t\r\n"))]
	return doc.bodyLine + strings.Count(lead, "\n")
}
