package tracker

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
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
}

// change describes commit h, read from its raw object.
func (r *Repo) change(h plumbing.Hash) (*object.Commit, Change, error) {
	c, err := r.readCommit(h)
	if err != nil {
		return nil, Change{}, err
	}
	subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
	return c, Change{Commit: h.String(), Date: c.Author.When, Author: c.Author.Name, Email: c.Author.Email, Subject: subject}, nil
}

// Log returns the n newest commits that changed anything under content/, newest first.
func (r *Repo) Log(n int) ([]Change, error) {
	done, err := r.useRaw()
	if err != nil {
		return nil, err
	}
	defer done()
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
// change in terms of fields. It reads only the commits that touched the file (from the
// change index) and, in each, the trees on the file's path: the time grows with the
// size of those trees, not with their square.
func (r *Repo) History(id string) ([]Change, error) {
	done, err := r.useRaw()
	if err != nil {
		return nil, err
	}
	defer done()
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
		if !slices.Contains(e.Paths, file) {
			continue
		}
		ch, from, err := r.fileChange(e.Hash, file)
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

// fileChange describes what commit h did to the measure file. from is the file's old
// name when the commit renamed it: removed another measure file in the same directory
// with the same text.
func (r *Repo) fileChange(h plumbing.Hash, file string) (ch Change, from string, err error) {
	c, ch, err := r.change(h)
	if err != nil {
		return ch, "", err
	}
	var parentTree plumbing.Hash
	if len(c.ParentHashes) > 0 {
		pc, err := r.readCommitHeader(c.ParentHashes[0])
		if err != nil {
			return ch, "", fmt.Errorf("read commit %s: %w", c.ParentHashes[0], err)
		}
		parentTree = pc.tree
	}
	now, nowBlob, err := r.measureIn(c.TreeHash, file)
	if err != nil {
		return ch, "", err
	}
	before, _, err := r.measureIn(parentTree, file)
	if err != nil {
		return ch, "", err
	}
	if before == nil && now != nil && !parentTree.IsZero() {
		from, old, err := r.renamedFrom(parentTree, c.TreeHash, file, now, nowBlob)
		if err != nil {
			return ch, "", err
		}
		if from != "" {
			ch.Changes = append([]string{"fil omdøpt fra " + path.Base(from)}, measures.Changes(old, now)...)
			return ch, from, nil
		}
	}
	switch {
	case before == nil && now != nil:
		ch.Changes = []string{"opprettet"}
	case now == nil:
		ch.Changes = []string{"slettet"}
	default:
		ch.Changes = measures.Changes(before, now)
		if len(ch.Changes) == 0 {
			ch.Changes = []string{"formatering endret"}
		}
	}
	return ch, "", nil
}

// renamedFrom returns the measure file in file's directory that the commit (tree, with
// parent tree parentTree) removed and whose text equals now's, with its last version, or
// "". The candidates come from one merge of the directory's two raw trees; a removed
// file with now's very blob matches without parsing, the others are parsed once each.
func (r *Repo) renamedFrom(parentTree, tree plumbing.Hash, file string, now *measures.Measure, nowBlob plumbing.Hash) (string, *measures.Measure, error) {
	dir := path.Dir(file)
	before, ok, err := r.lookupRaw(parentTree, dir)
	if err != nil || !ok || before.mode != filemode.Dir {
		return "", nil, err
	}
	var dirHash plumbing.Hash
	if after, ok, err := r.lookupRaw(tree, dir); err != nil {
		return "", nil, err
	} else if ok && after.mode == filemode.Dir {
		copy(dirHash[:], after.hash)
	}
	var beforeHash plumbing.Hash
	copy(beforeHash[:], before.hash)
	removed, err := r.removedFiles(beforeHash, dirHash)
	if err != nil {
		return "", nil, err
	}
	for _, e := range removed {
		p := path.Join(dir, string(e.name))
		var blob plumbing.Hash
		copy(blob[:], e.hash)
		old, err := r.parseBlob(p, blob)
		if err != nil {
			return "", nil, err
		}
		if old != nil && (blob == nowBlob || old.Text == now.Text) {
			return p, old, nil
		}
	}
	return "", nil, nil
}

// measureIn parses the measure file in tree (the zero hash: no tree), or returns nil
// when it is absent. A file that does not parse cleanly is still returned as far as it
// was read. blob is the file's blob hash.
func (r *Repo) measureIn(tree plumbing.Hash, file string) (m *measures.Measure, blob plumbing.Hash, err error) {
	e, ok, err := r.lookupRaw(tree, file)
	if err != nil || !ok || !isBlob(e.mode) {
		return nil, blob, err
	}
	copy(blob[:], e.hash)
	m, err = r.parseBlob(file, blob)
	return m, blob, err
}

// parseBlob parses blob as the measure file called file; see measureIn.
func (r *Repo) parseBlob(file string, blob plumbing.Hash) (*measures.Measure, error) {
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
