package tracker

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
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
	// Norwegian summaries.
	Fields []measures.FieldChange `json:"fields,omitempty"`
}

// describe sets the changes of ch: as data and as Norwegian sentences.
func (ch *Change) describe(fields ...measures.FieldChange) {
	ch.Fields = fields
	ch.Changes = measures.Summaries(fields)
}

// change describes commit h, read from its raw object.
func (r *Repo) change(h plumbing.Hash) (Change, error) {
	c, err := r.readCommit(h)
	if err != nil {
		return Change{}, err
	}
	subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
	return Change{Commit: h.String(), Date: c.Author.When, Author: c.Author.Name, Email: c.Author.Email, Subject: subject}, nil
}

// changesWithObjects reads the change index with the raw object reader open (useRaw),
// as Log and History read the commits and blobs it names; call done when finished.
func (r *Repo) changesWithObjects() (idx *changeIndex, done func(), err error) {
	if done, err = r.useRaw(); err != nil {
		return nil, nil, err
	}
	if idx, err = r.changes(); err != nil {
		done()
		return nil, nil, err
	}
	return idx, done, nil
}

// Log returns the n newest commits that changed anything under content/, newest first.
func (r *Repo) Log(n int) ([]Change, error) {
	idx, done, err := r.changesWithObjects()
	if err != nil {
		return nil, err
	}
	defer done()
	var out []Change
	for _, e := range idx.entries {
		if len(out) == n {
			break
		}
		if len(e.Paths) == 0 {
			continue
		}
		ch, err := r.change(e.Hash)
		if err != nil {
			return nil, err
		}
		ch.Files = e.Paths
		out = append(out, ch)
	}
	return out, nil
}

// History returns every commit that changed the measure id, newest first, each with the
// change in terms of fields. The change index gives the commits that touched the file
// and its blobs before and after each: History reads those commits and blobs and no
// tree, so its time does not grow with the number of files a commit changed.
func (r *Repo) History(id string) ([]Change, error) {
	idx, done, err := r.changesWithObjects()
	if err != nil {
		return nil, err
	}
	defer done()
	cp, err := r.contentPath()
	if err != nil {
		return nil, err
	}
	file := path.Join(cp, measures.MeasuresDir, id+".md")
	var out []Change
	for _, e := range idx.entries {
		k := slices.Index(e.Paths, file)
		if k < 0 {
			continue
		}
		ch, from, err := r.fileChange(e, k)
		if err != nil {
			return nil, err
		}
		if from != "" {
			file = from // follow the old name further back
		}
		out = append(out, ch)
	}
	return out, nil
}

// fileChange describes what the commit of index entry e did to its k-th file. from is
// the file's old name when the commit renamed it: removed another measure file in the
// same directory with the same text.
func (r *Repo) fileChange(e indexEntry, k int) (ch Change, from string, err error) {
	if ch, err = r.change(e.Hash); err != nil {
		return ch, "", err
	}
	file, blobs := e.Paths[k], e.Blobs[k]
	now, err := r.parseBlob(file, blobs.new)
	if err != nil {
		return ch, "", err
	}
	before, err := r.parseBlob(file, blobs.old)
	if err != nil {
		return ch, "", err
	}
	if before == nil && now != nil {
		from, old, err := r.renamedFrom(e, file, now, blobs.new)
		if err != nil {
			return ch, "", err
		}
		if from != "" {
			fields := []measures.FieldChange{{Field: measures.FieldRenamed, From: path.Base(from), To: path.Base(file),
				Summary: "fil omdøpt fra " + path.Base(from)}}
			if old != nil {
				fields = append(fields, measures.FieldChanges(old, now)...)
			}
			ch.describe(fields...)
			return ch, from, nil
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
	return ch, "", nil
}

// renamedFrom returns the measure file in file's directory that e's commit removed and
// whose text equals now's, with its last version, or "". The candidates are the entry's
// files whose new blob is zero; one with now's very blob matches without comparing
// texts, and each other is parsed once.
func (r *Repo) renamedFrom(e indexEntry, file string, now *measures.Measure, nowBlob plumbing.Hash) (string, *measures.Measure, error) {
	dir := path.Dir(file)
	for i, p := range e.Paths {
		b := e.Blobs[i]
		if p == file || path.Dir(p) != dir || !b.new.IsZero() || b.old.IsZero() {
			continue
		}
		old, err := r.parseBlob(p, b.old)
		if err != nil {
			return "", nil, err
		}
		if old != nil && (b.old == nowBlob || old.Text == now.Text) {
			return p, old, nil
		}
	}
	return "", nil, nil
}

// parseBlob parses blob as the measure file called file, or returns nil for the zero
// hash (no file). A file that does not parse cleanly is still returned as far as it
// was read.
func (r *Repo) parseBlob(file string, blob plumbing.Hash) (*measures.Measure, error) {
	if blob.IsZero() {
		return nil, nil
	}
	typ, data, err := r.raw.read(blob)
	if err != nil {
		return nil, err
	}
	if typ != plumbing.BlobObject {
		return nil, fmt.Errorf("object %s is a %s, not a blob: %w", blob, typ, plumbing.ErrObjectNotFound)
	}
	m, _ := measures.ParseMeasure(file, bytes.Clone(data)) // the cache's bytes stay as they are
	return m, nil
}

// LastChanged returns, for every measure id whose file a commit on HEAD changed, the
// time of the newest such commit. It reads the change index (see History).
func (r *Repo) LastChanged() (map[string]time.Time, error) {
	idx, err := r.changes()
	if err != nil {
		return nil, err
	}
	cp, err := r.contentPath()
	if err != nil {
		return nil, err
	}
	dir := path.Join(cp, measures.MeasuresDir) + "/"
	out := map[string]time.Time{}
	for _, e := range idx.entries {
		for _, p := range e.Paths {
			if !strings.HasPrefix(p, dir) || !strings.HasSuffix(p, ".md") {
				continue
			}
			id := strings.TrimSuffix(p[len(dir):], ".md")
			if _, seen := out[id]; !seen {
				out[id] = time.Unix(e.When, 0)
			}
		}
	}
	return out, nil
}
