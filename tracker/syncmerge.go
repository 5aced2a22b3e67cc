package tracker

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/samvirke/samvirke/measures"
)

// Side is a side of a merge: Mine (this clone) or Theirs (the remote).
type Side string

// The sides of a merge.
const (
	Mine   Side = "mine"
	Theirs Side = "theirs"
)

// Choices says how to settle conflicts: by record id (T14, an owner id) or file name
// (owners.yaml, T14.md), then by field (status, text, …; "*" for every field).
type Choices map[string]map[string]Side

// side returns the choice for a conflict, or "".
func (ch Choices) side(c measures.Conflict) Side {
	for _, key := range []string{c.ID, path.Base(c.File), c.File} {
		if m, ok := ch[key]; ok {
			if s, ok := m[measures.FieldName(c.Field)]; ok {
				return s
			}
			if s, ok := m["*"]; ok {
				return s
			}
		}
	}
	return ""
}

// SyncConflict is a field both sides changed differently, with who set each value: the
// author and date of the latest commit on each side that changed the file.
type SyncConflict struct {
	measures.Conflict
	OursBy   string `json:"ours_by"`
	TheirsBy string `json:"theirs_by"`
}

// MergedFile is a file both sides changed that the merge combined.
type MergedFile struct {
	Path   string
	ID     string   // the measure's id, or the file's name
	Ours   []string // what this clone changed (Norwegian phrases, for measures)
	Theirs []string // what the remote changed
}

// treeMerge is the result of merging two commits' trees.
type treeMerge struct {
	tree      plumbing.Hash
	merged    []MergedFile
	conflicts []SyncConflict
}

// fileAt returns the blob contents and mode of p in c's tree; ok is false when absent.
func fileAt(c *object.Commit, p string) (data []byte, mode filemode.FileMode, ok bool, err error) {
	tree, err := c.Tree()
	if err != nil {
		return nil, 0, false, err
	}
	e, err := tree.FindEntry(p)
	if err != nil {
		return nil, 0, false, nil
	}
	f, err := tree.TreeEntryFile(e)
	if err != nil {
		return nil, 0, false, err
	}
	s, err := f.Contents()
	return []byte(s), e.Mode, true, err
}

// mergeCommits merges local and theirs against base file by file: a file only one side
// changed takes that side; a file both changed is merged by [measures.MergeFile], with
// choices settling conflicts. The tree is written; conflicts left are returned.
func (r *Repo) mergeCommits(base, local, theirs *object.Commit, choices Choices) (*treeMerge, error) {
	localFiles, err := r.diffTrees(base.TreeHash, local.TreeHash, "", "")
	if err != nil {
		return nil, err
	}
	remoteFiles, err := r.diffTrees(base.TreeHash, theirs.TreeHash, "", "")
	if err != nil {
		return nil, err
	}
	out := &treeMerge{tree: theirs.TreeHash}
	for _, f := range localFiles {
		o, mode, inOurs, err := fileAt(local, f)
		if err != nil {
			return nil, err
		}
		var data []byte
		switch {
		case !slices.Contains(remoteFiles, f):
			data = o
		default:
			var keep bool
			if data, keep, err = r.mergeFile(out, base, local, theirs, f, choices); err != nil {
				return nil, err
			}
			if keep {
				continue // the remote's version stays
			}
			inOurs = data != nil
		}
		if err := r.setInTree(&out.tree, f, data, mode, inOurs); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// mergeFile merges one file both sides changed. keep: take theirs as it is.
func (r *Repo) mergeFile(out *treeMerge, base, local, theirs *object.Commit, f string, choices Choices) (data []byte, keep bool, err error) {
	b, _, inBase, err := fileAt(base, f)
	if err != nil {
		return nil, false, err
	}
	o, _, inOurs, err := fileAt(local, f)
	if err != nil {
		return nil, false, err
	}
	t, _, inTheirs, err := fileAt(theirs, f)
	if err != nil {
		return nil, false, err
	}
	if inOurs == inTheirs && bytes.Equal(o, t) {
		return nil, true, nil
	}
	id := strings.TrimSuffix(path.Base(f), path.Ext(f))
	if !inOurs || !inTheirs { // deleted on one side, changed on the other
		c := measures.Conflict{File: f, ID: id, Field: "filen", Ours: presence(inOurs), Theirs: presence(inTheirs)}
		switch choices.side(c) {
		case Mine:
			if !inOurs {
				return nil, false, nil
			}
			return o, false, nil
		case Theirs:
			return nil, true, nil
		}
		return nil, true, r.addConflicts(out, base, local, theirs, f, []measures.Conflict{c})
	}
	if !inBase {
		b = nil
	}
	merged, cs := measures.MergeFile(f, b, o, t)
	if len(cs) > 0 {
		var left []measures.Conflict
		merged, left = settle(f, b, o, t, merged, cs, choices)
		if len(left) > 0 {
			return nil, true, r.addConflicts(out, base, local, theirs, f, left)
		}
	}
	out.merged = append(out.merged, mergedInfo(f, id, b, o, t))
	return merged, false, nil
}

func presence(ok bool) string {
	if ok {
		return "endret"
	}
	return "slettet"
}

// settle applies choices to a file's conflicts: all mine keeps the merge (which keeps
// ours), all theirs merges the other way round, a mix (measures only) takes each chosen
// field from the side chosen. It returns the conflicts no choice covers.
func settle(f string, b, o, t, merged []byte, cs []measures.Conflict, choices Choices) ([]byte, []measures.Conflict) {
	var left, theirsFields []measures.Conflict
	for _, c := range cs {
		switch choices.side(c) {
		case "":
			left = append(left, c)
		case Theirs:
			theirsFields = append(theirsFields, c)
		}
	}
	if len(left) > 0 || len(theirsFields) == 0 {
		return merged, left
	}
	other, _ := measures.MergeFile(f, b, t, o)
	if len(theirsFields) == len(cs) {
		return other, nil
	}
	mine, err1 := measures.ParseMeasure(f, merged)
	them, err2 := measures.ParseMeasure(f, other)
	if err1 != nil || err2 != nil {
		return merged, theirsFields
	}
	for _, c := range theirsFields {
		if !measures.TakeField(mine, them, c.Field) {
			return merged, theirsFields
		}
	}
	return mine.Encode(), nil
}

// mergedInfo describes what each side changed in a merged file.
func mergedInfo(f, id string, b, o, t []byte) MergedFile {
	mf := MergedFile{Path: f, ID: id}
	if path.Base(path.Dir(f)) != measures.MeasuresDir || b == nil {
		return mf
	}
	bm, err1 := measures.ParseMeasure(f, b)
	om, err2 := measures.ParseMeasure(f, o)
	tm, err3 := measures.ParseMeasure(f, t)
	if err1 == nil && err2 == nil && err3 == nil {
		mf.Ours, mf.Theirs = measures.Changes(bm, om), measures.Changes(bm, tm)
	}
	return mf
}

// addConflicts records conflicts with the author of the latest change on each side.
func (r *Repo) addConflicts(out *treeMerge, base, local, theirs *object.Commit, f string, cs []measures.Conflict) error {
	oursBy, err := lastChangeBy(local, base.Hash, f)
	if err != nil {
		return err
	}
	theirsBy, err := lastChangeBy(theirs, base.Hash, f)
	if err != nil {
		return err
	}
	for _, c := range cs {
		out.conflicts = append(out.conflicts, SyncConflict{Conflict: c, OursBy: oursBy, TheirsBy: theirsBy})
	}
	return nil
}

// lastChangeBy names the author and date of the newest first-parent commit from tip back
// to base that changed file f.
func lastChangeBy(tip *object.Commit, base plumbing.Hash, f string) (string, error) {
	c := tip
	for c.Hash != base && c.NumParents() > 0 {
		p, err := c.Parent(0)
		if err != nil {
			return "", err
		}
		a, _, okA, err := fileAt(c, f)
		if err != nil {
			return "", err
		}
		b, _, okB, err := fileAt(p, f)
		if err != nil {
			return "", err
		}
		if okA != okB || !bytes.Equal(a, b) {
			break
		}
		c = p
	}
	return fmt.Sprintf("%s <%s>, %s", c.Author.Name, c.Author.Email, c.Author.When.Format("2006-01-02 15:04")), nil
}

// setInTree writes data as file f (or removes it when !present) in the tree *tree.
func (r *Repo) setInTree(tree *plumbing.Hash, f string, data []byte, mode filemode.FileMode, present bool) error {
	blob := plumbing.ZeroHash
	if present {
		var err error
		if blob, err = r.writeBlob(data); err != nil {
			return err
		}
	}
	if mode == 0 {
		mode = filemode.Regular
	}
	t, err := object.GetTree(r.git.Storer, *tree)
	if err != nil {
		return err
	}
	*tree, err = r.replaceInTree(t, splitPath(f), blob, mode)
	return err
}

// validateTree loads and validates the content of tree.
func (r *Repo) validateTree(tree plumbing.Hash) error {
	t, err := object.GetTree(r.git.Storer, tree)
	if err != nil {
		return err
	}
	cp, err := r.contentPath()
	if err != nil {
		return err
	}
	sub, err := t.Tree(cp)
	if err != nil {
		return fmt.Errorf("merged tree: %w", ErrNoContent)
	}
	if _, err := measures.Load(newTreeFS(sub)); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return nil
}

// mergeMessage is the Norwegian message of a sync's merge commit.
func mergeMessage(remote, branch string, merged []MergedFile, pulled, pushed int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Slått sammen med %s/%s", remote, branch)
	if len(merged) > 0 {
		ids := make([]string, len(merged))
		for i, m := range merged {
			ids[i] = m.ID
		}
		fmt.Fprintf(&b, ": %s", strings.Join(ids, ", "))
	}
	fmt.Fprintf(&b, "\n\n%s fra %s og %s herfra.", plural(pulled, "commit", "commits"), remote, plural(pushed, "commit", "commits"))
	if len(merged) > 0 {
		b.WriteString(" Begge sider endret disse filene, som er slått sammen felt for felt:\n")
	}
	for _, m := range merged {
		fmt.Fprintf(&b, "\n- %s", m.Path)
		if len(m.Ours) > 0 {
			fmt.Fprintf(&b, "\n  herfra: %s", strings.Join(m.Ours, ", "))
		}
		if len(m.Theirs) > 0 {
			fmt.Fprintf(&b, "\n  fra %s: %s", remote, strings.Join(m.Theirs, ", "))
		}
	}
	b.WriteString("\n")
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// writeMergeCommit stores a commit of tree with parents local and theirs. It writes
// objects only; moving the branch is the caller's (see moveTo).
func (r *Repo) writeMergeCommit(tree plumbing.Hash, sig object.Signature, msg string, local, theirs plumbing.Hash) (plumbing.Hash, error) {
	c := &object.Commit{Author: sig, Committer: sig, Message: msg, TreeHash: tree, ParentHashes: []plumbing.Hash{local, theirs}}
	obj := r.git.Storer.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	return r.git.Storer.SetEncodedObject(obj)
}
