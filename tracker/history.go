package tracker

import (
	"path"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/measures"
)

// Change is one commit that changed content, described for people.
type Change struct {
	Commit  string    `json:"commit"`
	Date    time.Time `json:"date"`
	Author  string    `json:"author"`
	Email   string    `json:"email"`
	Subject string    `json:"subject"`
	Files   []string  `json:"files,omitempty"`
	// Changes lists what changed in the measure, in Norwegian: "status ikke vurdert → pågår",
	// "eiere +nav", "notat lagt til", "tekst endret", "opprettet", "slettet".
	Changes []string `json:"changes,omitempty"`
	// Fields are the same changes as data (see measures.FieldChanges); Changes are their
	// summaries.
	Fields []measures.FieldChange `json:"fields,omitempty"`
}

// describe sets the change's fields and their summaries.
func (ch *Change) describe(fields ...measures.FieldChange) {
	ch.Fields = fields
	ch.Changes = measures.Summaries(fields)
}

func (r *Repo) change(h plumbing.Hash) (*object.Commit, Change, error) {
	c, err := r.git.CommitObject(h)
	if err != nil {
		return nil, Change{}, err
	}
	subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
	return c, Change{Commit: h.String(), Date: c.Author.When, Author: c.Author.Name, Email: c.Author.Email, Subject: subject}, nil
}

// Log returns the n newest commits that changed anything under content/, newest first.
func (r *Repo) Log(n int) ([]Change, error) {
	idx, err := r.changes()
	if err != nil {
		return nil, err
	}
	var out []Change
	for _, e := range idx.entries {
		if len(out) == n {
			break
		}
		if len(e.Paths) == 0 {
			continue
		}
		_, ch, err := r.change(e.Hash)
		if err != nil {
			return nil, err
		}
		ch.Files = e.Paths
		out = append(out, ch)
	}
	return out, nil
}

// History returns every commit that changed the measure id, newest first, each with the
// change in terms of fields.
func (r *Repo) History(id string) ([]Change, error) {
	idx, err := r.changes()
	if err != nil {
		return nil, err
	}
	cp, err := r.contentPath()
	if err != nil {
		return nil, err
	}
	file := path.Join(cp, measures.MeasuresDir, id+".md")
	var out []Change
	for _, e := range idx.entries {
		touched := false
		for _, p := range e.Paths {
			if p == file {
				touched = true
				break
			}
		}
		if !touched {
			continue
		}
		c, ch, err := r.change(e.Hash)
		if err != nil {
			return nil, err
		}
		now := r.measureAt(c, file)
		var before *measures.Measure
		if c.NumParents() > 0 {
			if pc, err := c.Parent(0); err == nil {
				before = r.measureAt(pc, file)
			}
		}
		if before == nil && now != nil {
			// Created here, or renamed: another measure file removed in the same commit
			// with the same text. Follow the old name further back.
			if from := r.renamedFrom(c, e.Paths, file, now); from != "" {
				fields := []measures.FieldChange{{Field: measures.FieldRenamed, From: path.Base(from), To: path.Base(file),
					Summary: "fil omdøpt fra " + path.Base(from)}}
				if pc, err := c.Parent(0); err == nil {
					if old := r.measureAt(pc, from); old != nil {
						fields = append(fields, measures.FieldChanges(old, now)...)
					}
				}
				ch.describe(fields...)
				file = from
				out = append(out, ch)
				continue
			}
		}
		switch {
		case before == nil && now != nil:
			ch.describe(measures.FieldChange{Field: measures.FieldCreated, Summary: "opprettet"})
		case now == nil:
			ch.describe(measures.FieldChange{Field: measures.FieldDeleted, Summary: "slettet"})
		default:
			ch.describe(measures.FieldChanges(before, now)...)
			if len(ch.Fields) == 0 {
				ch.describe(measures.FieldChange{Field: measures.FieldFormat, Summary: "formatering endret"})
			}
		}
		out = append(out, ch)
	}
	return out, nil
}

// renamedFrom returns the measure file that commit c removed and whose text equals now's,
// or "".
func (r *Repo) renamedFrom(c *object.Commit, paths []string, file string, now *measures.Measure) string {
	pc, err := c.Parent(0)
	if err != nil {
		return ""
	}
	for _, p := range paths {
		if p == file || path.Dir(p) != path.Dir(file) || r.measureAt(c, p) != nil {
			continue
		}
		if old := r.measureAt(pc, p); old != nil && old.Text == now.Text {
			return p
		}
	}
	return ""
}

// measureAt parses the measure file at commit c, or returns nil when it is absent. A file
// that does not parse cleanly is still returned as far as it was read.
func (r *Repo) measureAt(c *object.Commit, file string) *measures.Measure {
	tree, err := c.Tree()
	if err != nil {
		return nil
	}
	f, err := tree.File(file)
	if err != nil {
		return nil
	}
	data, err := f.Contents()
	if err != nil {
		return nil
	}
	m, _ := measures.ParseMeasure(file, []byte(data))
	return m
}
