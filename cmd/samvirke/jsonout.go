package main

import (
	"encoding/json"
	"io"
	"time"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// The JSON the commands print is data for scripts: ids, slugs, numbers and dates, with
// the Norwegian phrases beside them, and [] for an empty list, never null. The shapes are
// documented in README.md («JSON») and checked against docs/json/*.schema.json.

// shownMeasure is show --format json: the measure and the input items it answers, with
// their text and group.
type shownMeasure struct {
	measures.Measure
	InputItems []shownItem `json:"input_items"`
}

type shownItem struct {
	ID         string `json:"id"`
	Group      string `json:"group"`
	GroupTitle string `json:"group_title"`
	Text       string `json:"text"`
	Found      bool   `json:"found"` // false when the id names no item in the content
}

func newShownMeasure(c *measures.Content, m *measures.Measure) shownMeasure {
	out := shownMeasure{Measure: *m, InputItems: []shownItem{}}
	for _, id := range m.Inputs {
		it := shownItem{ID: id}
		if item := c.Item(id); item != nil {
			it.Text, it.Found = item.Text, true
		}
		if g, _, ok := measures.SplitItemID(id); ok {
			it.Group = g
			if grp := c.Group(g); grp != nil {
				it.GroupTitle = grp.Title
			}
		}
		out.InputItems = append(out.InputItems, it)
	}
	return out
}

// MarshalJSON keeps the measure's own fields at the top level beside input_items (the
// embedded Measure's MarshalJSON would otherwise stand for the whole value).
func (s shownMeasure) MarshalJSON() ([]byte, error) {
	return measures.MarshalWith(s.Measure, "input_items", s.InputItems)
}

// commitJSON is one commit in log and history --format json.
type commitJSON struct {
	Commit  string                 `json:"commit"`
	Date    time.Time              `json:"date"`
	Author  string                 `json:"author"`
	Email   string                 `json:"email"`
	Subject string                 `json:"subject"`
	Files   []string               `json:"files,omitempty"`
	Changes []measures.FieldChange `json:"changes,omitempty"`
}

func logJSON(log []tracker.Change) []commitJSON {
	out := []commitJSON{}
	for _, c := range log {
		out = append(out, commitJSON{Commit: c.Commit, Date: c.Date, Author: c.Author, Email: c.Email,
			Subject: c.Subject, Files: nonNil(c.Files)})
	}
	return out
}

func historyJSON(hist []tracker.Change) []commitJSON {
	out := []commitJSON{}
	for _, c := range hist {
		out = append(out, commitJSON{Commit: c.Commit, Date: c.Date, Author: c.Author, Email: c.Email,
			Subject: c.Subject, Changes: nonNil(c.Fields)})
	}
	return out
}

// nonNil is s, or an empty slice for nil, so JSON has [] and never null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// writeJSON writes v as indented JSON, with <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
