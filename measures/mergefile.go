package measures

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// MergeFile merges two versions of the content file at file (a path from the repository
// root, such as content/measures/T14.md) against their common base, by meaning: a
// measure, an input group or a strategy chapter field by field, owners.yaml, areas.yaml
// and events.yaml record by record (by id) and then line-wise, anything else line-wise.
// base is nil when both sides added the file. The result is in canonical form when the
// record was merged by field and a plain line-wise merge would not give the same record.
// Conflicts keep ours in the result; a caller that gets conflicts should not use it as
// merged.
func MergeFile(file string, base, ours, theirs []byte) ([]byte, []Conflict) {
	if bytes.Equal(ours, theirs) || bytes.Equal(base, theirs) {
		return ours, nil
	}
	if base != nil && bytes.Equal(base, ours) {
		return theirs, nil
	}
	dir := path.Dir(file)
	switch {
	case strings.HasSuffix(file, ".md") && path.Base(dir) == "measures":
		if out, cs, ok := mergeMeasureFile(file, base, ours, theirs); ok {
			return out, cs
		}
	case strings.HasSuffix(file, ".md") && path.Base(path.Dir(dir)) == "inputs":
		if out, cs, ok := mergeGroupFile(file, base, ours, theirs); ok {
			return out, cs
		}
	case strings.HasSuffix(file, ".md") && path.Base(dir) == "strategy":
		if out, cs, ok := mergeChapterFile(file, base, ours, theirs); ok {
			return out, cs
		}
	case strings.HasSuffix(file, ".yaml"):
		return mergeYAMLList(file, base, ours, theirs)
	}
	return mergeLines(file, strings.TrimSuffix(path.Base(file), path.Ext(file)), base, ours, theirs)
}

// mergeLines is the line-wise fallback.
func mergeLines(file, id string, base, ours, theirs []byte) ([]byte, []Conflict) {
	mg := &merger{file: file, id: id}
	out := mg.text("linjer", string(base), string(ours), string(theirs))
	if len(out) > 0 || len(ours) > 0 {
		out += "\n"
	}
	return []byte(out), mg.conflicts
}

// parseSides parses the three versions of a file for a merge; a file added on both sides
// has no base and merges against noBase. ok is false when any version does not parse:
// the file is then merged line by line.
func parseSides[T any](parse func([]byte) (T, error), base, ours, theirs []byte, noBase T) (b, o, t T, ok bool) {
	var errO, errT, errB error
	o, errO = parse(ours)
	t, errT = parse(theirs)
	b = noBase
	if base != nil {
		b, errB = parse(base)
	}
	return b, o, t, errO == nil && errT == nil && errB == nil
}

// preferLines returns the line-wise merge of the raw files when it is clean and parses to
// the same record as the field merge (so hand formatting survives), else encoded.
func preferLines[T any](file string, base, ours, theirs, encoded []byte, parse func([]byte) (T, error), same func(a T) bool) []byte {
	lines, cs := mergeLines(file, "", base, ours, theirs)
	if len(cs) > 0 {
		return encoded
	}
	if v, err := parse(lines); err == nil && same(v) {
		return lines
	}
	return encoded
}

func mergeMeasureFile(file string, base, ours, theirs []byte) ([]byte, []Conflict, bool) {
	parse := func(data []byte) (*Measure, error) { return ParseMeasure(file, data) }
	b, o, t, ok := parseSides(parse, base, ours, theirs, nil)
	if !ok {
		return nil, nil, false
	}
	m, cs := MergeMeasures(b, o, t)
	enc := m.Encode()
	return preferLines(file, base, ours, theirs, enc, parse, func(v *Measure) bool { return bytes.Equal(v.Encode(), enc) }), cs, true
}

func mergeGroupFile(file string, base, ours, theirs []byte) ([]byte, []Conflict, bool) {
	parse := func(data []byte) (*Group, error) { return ParseGroup(file, data) }
	b, o, t, ok := parseSides(parse, base, ours, theirs, &Group{})
	if !ok {
		return nil, nil, false
	}
	g, cs := MergeGroups(b, o, t)
	enc := g.Encode()
	return preferLines(file, base, ours, theirs, enc, parse, func(v *Group) bool { return bytes.Equal(v.Encode(), enc) }), cs, true
}

// MergeGroups merges two versions of an input group against their base field by field;
// the lead text line-wise and the bullets as a sequence (a bullet changed on one side is
// taken; both sides changing the same bullets differently is a conflict).
func MergeGroups(base, ours, theirs *Group) (*Group, []Conflict) {
	mg := &merger{file: ours.File, id: ours.ID}
	g := *ours
	g.ID = mg.scalar("id", base.ID, ours.ID, theirs.ID)
	g.Event = mg.scalar("event", base.Event, ours.Event, theirs.Event)
	g.Title = mg.scalar("title", base.Title, ours.Title, theirs.Title)
	g.Initiator = mg.scalar("initiator", base.Initiator, ours.Initiator, theirs.Initiator)
	g.Facilitator = mg.scalar("facilitator", base.Facilitator, ours.Facilitator, theirs.Facilitator)
	g.Participants = parseIntPtr(mg.scalar("participants", intStr(base.Participants), intStr(ours.Participants), intStr(theirs.Participants)))
	g.ParticipantsNote = mg.scalar("participants_note", base.ParticipantsNote, ours.ParticipantsNote, theirs.ParticipantsNote)
	g.Day = *parseIntPtr(mg.scalar("day", strconv.Itoa(base.Day), strconv.Itoa(ours.Day), strconv.Itoa(theirs.Day)))
	g.Session = *parseIntPtr(mg.scalar("session", strconv.Itoa(base.Session), strconv.Itoa(ours.Session), strconv.Itoa(theirs.Session)))
	g.Note = mg.scalar("note", base.Note, ours.Note, theirs.Note)
	g.Ordered = mg.scalar("nummerert liste", strconv.FormatBool(base.Ordered), strconv.FormatBool(ours.Ordered), strconv.FormatBool(theirs.Ordered)) == "true"
	g.Lead = mg.text("innledning", base.Lead, ours.Lead, theirs.Lead)
	texts := func(g *Group) []string {
		var out []string
		for _, it := range g.Items {
			out = append(out, it.Text)
		}
		return out
	}
	items, tcs := merge3Tokens(texts(base), texts(ours), texts(theirs))
	for _, tc := range tcs {
		mg.conflicts = append(mg.conflicts, Conflict{File: mg.file, ID: mg.id, Field: fmt.Sprintf("innspill %d", tc.oursFirstLine),
			Base: strings.Join(texts(base)[tc.start:tc.end], "\n"), Ours: strings.Join(tc.ours, "\n"), Theirs: strings.Join(tc.theirs, "\n")})
	}
	g.Items = nil
	for i, text := range items {
		g.Items = append(g.Items, Item{ID: ItemID(g.ID, i+1), Text: text})
	}
	return &g, mg.conflicts
}

func mergeChapterFile(file string, base, ours, theirs []byte) ([]byte, []Conflict, bool) {
	parse := func(data []byte) (*Chapter, error) { return ParseChapter(file, data) }
	b, o, t, ok := parseSides(parse, base, ours, theirs, &Chapter{})
	if !ok {
		return nil, nil, false
	}
	mg := &merger{file: file, id: o.ID}
	ch := *o
	ch.ID = mg.scalar("id", b.ID, o.ID, t.ID)
	ch.Title = mg.scalar("title", b.Title, o.Title, t.Title)
	ch.Number = *parseIntPtr(mg.scalar("number", strconv.Itoa(b.Number), strconv.Itoa(o.Number), strconv.Itoa(t.Number)))
	ch.Text = mg.text("text", b.Text, o.Text, t.Text)
	enc := ch.Encode()
	return preferLines(file, base, ours, theirs, enc, parse, func(v *Chapter) bool { return bytes.Equal(v.Encode(), enc) }), mg.conflicts, true
}

// A YAML list file (owners.yaml, events.yaml, areas.yaml) is merged as blocks of lines:
// a section header («areas:»), or one list entry with its id; comments and blank lines
// go with the block above.
type yamlBlock struct {
	key, id string
	text    string
}

var (
	yamlEntryRe = regexp.MustCompile(`^\s*- `)
	yamlIDRe    = regexp.MustCompile(`^\s*(?:- )?id:\s*"?([^"#]*?)"?\s*$`)
	yamlKeyRe   = regexp.MustCompile(`^\s*(?:- )?([A-Za-z_]+):`)
)

func yamlBlocks(data []byte) []yamlBlock {
	var out []yamlBlock
	section := ""
	cur := &yamlBlock{key: ""}
	flush := func() {
		if cur.text != "" || cur.key != "" {
			out = append(out, *cur)
		}
	}
	for _, line := range splitLines(string(data)) {
		switch {
		case yamlEntryRe.MatchString(line):
			flush()
			cur = &yamlBlock{key: section + "/#" + strconv.Itoa(len(out))}
		case line != "" && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "#"):
			flush()
			section = line
			cur = &yamlBlock{key: "section:" + line}
		}
		if m := yamlIDRe.FindStringSubmatch(line); m != nil && cur.id == "" && !strings.HasPrefix(cur.key, "section:") {
			cur.id = m[1]
			cur.key = section + "/" + m[1]
		}
		cur.text += line + "\n"
	}
	flush()
	return out
}

func mergeYAMLList(file string, base, ours, theirs []byte) ([]byte, []Conflict) {
	b, o, t := yamlBlocks(base), yamlBlocks(ours), yamlBlocks(theirs)
	find := func(bs []yamlBlock, key string) (yamlBlock, bool) {
		i := slices.IndexFunc(bs, func(x yamlBlock) bool { return x.key == key })
		if i < 0 {
			return yamlBlock{}, false
		}
		return bs[i], true
	}
	var out []yamlBlock
	var conflicts []Conflict
	record := func(x yamlBlock, bx, tx string) yamlBlock {
		mg := &merger{file: file, id: x.id}
		merged := mg.text("linjer", bx, x.text, tx)
		for _, c := range mg.conflicts {
			c.Field = yamlField(c)
			conflicts = append(conflicts, c)
		}
		x.text = merged + "\n"
		return x
	}
	gone := func(x yamlBlock, other string) {
		conflicts = append(conflicts, Conflict{File: file, ID: x.id, Field: "oppføringen", Base: x.text, Ours: strings.TrimSpace(other), Theirs: ""})
	}
	for _, x := range o {
		bx, inBase := find(b, x.key)
		tx, inTheirs := find(t, x.key)
		switch {
		case inTheirs:
			out = append(out, record(x, bx.text, tx.text))
		case !inBase:
			out = append(out, x) // added here
		case bx.text != x.text:
			gone(x, x.text) // changed here, removed there
			out = append(out, x)
		}
	}
	isNew := func(key string) bool {
		_, inB := find(b, key)
		_, inT := find(t, key)
		return !inB && !inT
	}
	for i, x := range t {
		if _, ok := find(o, x.key); ok {
			continue
		}
		bx, inBase := find(b, x.key)
		if inBase {
			if bx.text != x.text {
				c := Conflict{File: file, ID: x.id, Field: "oppføringen", Base: bx.text, Ours: "", Theirs: strings.TrimSpace(x.text)}
				conflicts = append(conflicts, c)
			}
			continue // removed here
		}
		at := 0 // after the entry that precedes it there
		for j := i - 1; j >= 0; j-- {
			if k := slices.IndexFunc(out, func(y yamlBlock) bool { return y.key == t[j].key }); k >= 0 {
				at = k + 1
				break
			}
		}
		for at < len(out) && isNew(out[at].key) { // after what was added here
			at++
		}
		out = slices.Insert(out, at, x)
	}
	var buf strings.Builder
	for _, x := range out {
		buf.WriteString(x.text)
	}
	return []byte(buf.String()), conflicts
}

// yamlField names the key of the first line of a conflict in a YAML list file.
func yamlField(c Conflict) string {
	for _, s := range []string{c.Ours, c.Theirs, c.Base} {
		for _, line := range splitLines(s) {
			if m := yamlKeyRe.FindStringSubmatch(line); m != nil {
				return m[1]
			}
		}
	}
	return c.Field
}
