package tracker

import (
	"bytes"
	"cmp"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/google/renameio/v2/maybe"
)

// The change index lists, for every commit reachable from HEAD, the files under content/
// it changed against its first parent, each with its blob before and after. It lives in
// .git/samvirke/changes-v2, is built in one pass over the commits, extended from the
// commits it already has, rebuilt when its tip is no longer reachable (after a rebase or
// force-push), and harmless to delete. With the blobs, History reads no trees at all.
//
// File format, one line per commit, newest first after a header line "tip <hash>":
//   <hash> <unix time>[\t<old blob> <new blob> <path>]…
// Paths are relative to the repository; one that holds a tab or line break, or starts
// with a double quote, is written as a Go-quoted string. A blob is 40 hex digits, or 0
// where there is no file (added, removed, or not a regular file: a directory, symbolic
// link or submodule).

const (
	indexFile    = "samvirke/changes-v2"
	oldIndexFile = "samvirke/changes-v1" // the format without blobs; removed when v2 is written
)

// KeepChangeIndexIn makes the change index (see History) live in dir instead of
// .git/samvirke/, for a repository in which samvirke should write nothing, such as a
// source checkout opened by accident. dir is created when the index is first written.
func (r *Repo) KeepChangeIndexIn(dir string) { r.indexDir = dir }

// indexPath is where the change index lives: in dir given to KeepChangeIndexIn, else in gitDir.
func (r *Repo) indexPath(gitDir string) string {
	if r.indexDir != "" {
		return filepath.Join(r.indexDir, filepath.Base(indexFile))
	}
	return filepath.Join(gitDir, filepath.FromSlash(indexFile))
}

type indexEntry struct {
	Hash  plumbing.Hash
	When  int64
	Paths []string
	Blobs []blobChange // one for each path
}

// blobChange is a file's blob before and after a commit; zero where there is none.
type blobChange struct {
	old, new plumbing.Hash
}

// pathChange is one file a tree diff found.
type pathChange struct {
	path string
	blobChange
}

type changeIndex struct {
	tip     plumbing.Hash
	entries []indexEntry           // newest first
	known   map[plumbing.Hash]bool // the entries' commits; built by extend, only when needed
}

// changes returns the up-to-date change index, updating the file under .git/ when HEAD moved.
func (r *Repo) changes() (*changeIndex, error) {
	gitDir, err := r.gitDir()
	if err != nil {
		return nil, err
	}
	head, err := r.git.Head()
	if err != nil {
		return &changeIndex{}, nil // no commits yet
	}
	p := r.indexPath(gitDir)
	idx, err := readIndex(p)
	if err != nil {
		idx = &changeIndex{}
	}
	if idx.tip == head.Hash() {
		return idx, nil
	}
	reached, err := r.extend(idx, head.Hash())
	if err != nil {
		return nil, err
	}
	if !idx.tip.IsZero() && !reached {
		idx = &changeIndex{}
		if _, err := r.extend(idx, head.Hash()); err != nil {
			return nil, err
		}
	}
	idx.tip = head.Hash()
	if err := writeIndex(p, idx); err != nil {
		return nil, err
	}
	return idx, nil
}

// extend adds the commits reachable from tip that the index lacks. It reports whether
// the walk met the index's old tip (so the old entries are still all reachable).
func (r *Repo) extend(idx *changeIndex, tip plumbing.Hash) (bool, error) {
	scope, err := r.contentPath()
	if err != nil {
		return false, err
	}
	done, err := r.useRaw()
	if err != nil {
		return false, err
	}
	defer done()
	if idx.known == nil {
		idx.known = make(map[plumbing.Hash]bool, len(idx.entries))
		for _, e := range idx.entries {
			idx.known[e.Hash] = true
		}
	}
	reached := false
	var added []indexEntry
	stack := []plumbing.Hash{tip}
	seen := map[plumbing.Hash]bool{}
	// The walk usually meets a commit right after its child, which read it for its tree.
	var last struct {
		hash plumbing.Hash
		c    commitHeader
	}
	readCommit := func(h plumbing.Hash) (commitHeader, error) {
		if h == last.hash && !h.IsZero() {
			return last.c, nil
		}
		c, err := r.readCommitHeader(h)
		if err != nil {
			return commitHeader{}, err
		}
		last.hash, last.c = h, c
		return c, nil
	}
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if h == idx.tip && !idx.tip.IsZero() {
			reached = true
		}
		if seen[h] || idx.known[h] {
			continue
		}
		seen[h] = true
		c, err := readCommit(h)
		if err != nil {
			return false, fmt.Errorf("read commit %s: %w", h, err)
		}
		var parentTree plumbing.Hash
		if len(c.parents) > 0 {
			pc, err := readCommit(c.parents[0])
			if err != nil {
				return false, fmt.Errorf("read commit %s: %w", c.parents[0], err)
			}
			parentTree = pc.tree
		}
		changes, err := r.diffTreeChanges(parentTree, c.tree, scope)
		if err != nil {
			return false, err
		}
		e := indexEntry{Hash: h, When: c.when}
		for _, ch := range changes {
			e.Paths = append(e.Paths, ch.path)
			e.Blobs = append(e.Blobs, ch.blobChange)
		}
		added = append(added, e)
		stack = append(stack, c.parents...)
	}
	for _, e := range added {
		idx.known[e.Hash] = true
	}
	idx.entries = append(added, idx.entries...)
	sort.SliceStable(idx.entries, func(i, j int) bool { return idx.entries[i].When > idx.entries[j].When })
	return reached, nil
}

// commitHeader is what the index needs of a commit.
type commitHeader struct {
	tree    plumbing.Hash
	parents []plumbing.Hash
	when    int64 // committer time, Unix seconds
}

// readCommitHeader reads the tree, parents and committer time of commit h from the raw
// object (the header lines git writes: tree, parent…, author, committer), and through
// go-git's commit decoder when the header is not in that plain form.
func (r *Repo) readCommitHeader(h plumbing.Hash) (commitHeader, error) {
	typ, data, err := r.raw.read(h)
	if err != nil {
		return commitHeader{}, err
	}
	if typ != plumbing.CommitObject {
		return commitHeader{}, fmt.Errorf("object %s is a %s: %w", h, typ, plumbing.ErrObjectNotFound)
	}
	if c, ok := parseCommitHeader(data); ok {
		return c, nil
	}
	c, err := decodeCommit(data)
	if err != nil {
		return commitHeader{}, fmt.Errorf("commit %s: %w", h, err)
	}
	return commitHeader{tree: c.TreeHash, parents: c.ParentHashes, when: c.Committer.When.Unix()}, nil
}

// readCommit reads commit h whole from its raw object.
func (r *Repo) readCommit(h plumbing.Hash) (*object.Commit, error) {
	typ, data, err := r.raw.read(h)
	if err != nil {
		return nil, err
	}
	if typ != plumbing.CommitObject {
		return nil, fmt.Errorf("object %s is a %s: %w", h, typ, plumbing.ErrObjectNotFound)
	}
	c, err := decodeCommit(data)
	if err != nil {
		return nil, fmt.Errorf("commit %s: %w", h, err)
	}
	return c, nil
}

// decodeCommit decodes a raw commit object with go-git's decoder. The commit has no
// storer: its Tree and Parents methods must not be called.
func decodeCommit(data []byte) (*object.Commit, error) {
	obj := &plumbing.MemoryObject{}
	obj.SetType(plumbing.CommitObject)
	obj.Write(data)
	c := &object.Commit{}
	if err := c.Decode(obj); err != nil {
		return nil, err
	}
	return c, nil
}

func parseCommitHeader(data []byte) (commitHeader, bool) {
	var c commitHeader
	hasTree, hasCommitter := false, false
	for len(data) > 0 {
		line := data
		nl := bytes.IndexByte(data, '\n')
		if nl >= 0 {
			line, data = data[:nl], data[nl+1:]
		} else {
			data = nil
		}
		if len(line) == 0 {
			break // end of the header
		}
		key, val, _ := bytes.Cut(line, []byte{' '})
		switch string(key) {
		case "tree":
			h, ok := parseHex(val)
			if !ok || hasTree {
				return c, false
			}
			c.tree, hasTree = h, true
		case "parent":
			h, ok := parseHex(val)
			if !ok {
				return c, false
			}
			c.parents = append(c.parents, h)
		case "committer":
			// Name <email> <seconds> <zone>
			gt := bytes.LastIndexByte(val, '>')
			if gt < 0 || hasCommitter {
				return c, false
			}
			f := bytes.Fields(val[gt+1:])
			if len(f) != 2 {
				return c, false
			}
			when, err := strconv.ParseInt(string(f[0]), 10, 64)
			if err != nil {
				return c, false
			}
			c.when, hasCommitter = when, true
		}
	}
	return c, hasTree && hasCommitter
}

func parseHex(b []byte) (plumbing.Hash, bool) {
	var h plumbing.Hash
	if len(b) != 2*len(h) {
		return h, false
	}
	if _, err := hex.Decode(h[:], b); err != nil {
		return h, false
	}
	return h, true
}

// diffTrees lists the paths (files) under scope (the content directory; "" for all) that
// differ between two trees, descending only into subtrees whose hashes differ. Git keeps
// tree entries sorted by name, so the two lists are merged in one pass, on the raw tree
// objects; the bytes the two trees share at the start and at the end are skipped whole.
func (r *Repo) diffTrees(a, b plumbing.Hash, prefix, scope string) ([]string, error) {
	changes, err := r.diffTreeChangesIn(a, b, prefix, scope)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(changes))
	for i, c := range changes {
		paths[i] = c.path
	}
	return paths, nil
}

// diffTreeChanges is diffTrees with each file's blobs, sorted by path.
func (r *Repo) diffTreeChanges(a, b plumbing.Hash, scope string) ([]pathChange, error) {
	return r.diffTreeChangesIn(a, b, "", scope)
}

func (r *Repo) diffTreeChangesIn(a, b plumbing.Hash, prefix, scope string) ([]pathChange, error) {
	done, err := r.useRaw()
	if err != nil {
		return nil, err
	}
	defer done()
	var out []pathChange
	if err := r.diffRawTrees(a, b, prefix, scope, &out); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, nil
}

// diffRawTrees adds to out every file that differs between the trees a and b (either
// may be zero, for none), below prefix and inside scope ("" for all), walking both
// trees' raw entries in git's order and skipping the bytes they share at either end.
func (r *Repo) diffRawTrees(a, b plumbing.Hash, prefix, scope string, out *[]pathChange) error {
	if a == b {
		return nil
	}
	ta, err := r.rawTree(a)
	if err != nil {
		return err
	}
	tb, err := r.rawTree(b)
	if err != nil {
		return err
	}
	i, j, err := skipCommonPrefix(ta, tb)
	if err != nil {
		return err
	}
	suffix := commonSuffix(ta, tb)
	for i < len(ta) || j < len(tb) {
		if len(ta)-i == len(tb)-j && len(ta)-i <= suffix {
			break // the rest is the same bytes, so the same entries
		}
		var x, y treeEntry
		var nx, ny int
		if i < len(ta) {
			if x, nx, err = parseTreeEntry(ta, i); err != nil {
				return fmt.Errorf("tree %s: %w", a, err)
			}
		}
		if j < len(tb) {
			if y, ny, err = parseTreeEntry(tb, j); err != nil {
				return fmt.Errorf("tree %s: %w", b, err)
			}
		}
		switch {
		case j >= len(tb) || (i < len(ta) && compareEntries(x, y) < 0):
			y = treeEntry{}
			i = nx
		case i >= len(ta) || compareEntries(y, x) < 0:
			x = treeEntry{}
			j = ny
		default:
			i, j = nx, ny
		}
		if x.mode == y.mode && bytes.Equal(x.hash, y.hash) {
			continue
		}
		name := x.name
		if name == nil {
			name = y.name
		}
		p := string(name)
		if prefix != "" {
			p = prefix + "/" + p
		}
		if scope != "" && !strings.HasPrefix(p+"/", scope+"/") && !strings.HasPrefix(scope, p+"/") {
			continue
		}
		if err := r.diffEntry(x, y, p, scope, out); err != nil {
			return err
		}
	}
	return nil
}

// diffEntry adds the changes at path p, where the entry x of the old tree and y of the
// new one differ (either may be missing, zero): a file's blobs, or, where either is a
// directory, the changes inside it, and the file it replaced or was replaced by.
func (r *Repo) diffEntry(x, y treeEntry, p, scope string, out *[]pathChange) error {
	xd, yd := x.mode == filemode.Dir, y.mode == filemode.Dir
	if !xd && !yd {
		*out = append(*out, pathChange{p, blobChange{blobOf(x), blobOf(y)}})
		return nil
	}
	var xh, yh plumbing.Hash
	if xd {
		copy(xh[:], x.hash)
	}
	if yd {
		copy(yh[:], y.hash)
	}
	if err := r.diffRawTrees(xh, yh, p, scope, out); err != nil {
		return err
	}
	if (x.mode != 0 && !xd) || (y.mode != 0 && !yd) {
		c := pathChange{path: p} // a file replaced by a directory, or back
		if !xd {
			c.old = blobOf(x)
		}
		if !yd {
			c.new = blobOf(y)
		}
		*out = append(*out, c)
	}
	return nil
}

// blobOf is the blob of a file entry, or zero for no entry or one that is not a
// regular file.
func blobOf(e treeEntry) plumbing.Hash {
	var h plumbing.Hash
	if isBlob(e.mode) {
		copy(h[:], e.hash)
	}
	return h
}

// isBlob tells whether a tree entry of mode m is a file with contents (not a directory,
// symbolic link or submodule).
func isBlob(m filemode.FileMode) bool {
	return m == filemode.Regular || m == filemode.Executable || m == filemode.Deprecated
}

func (r *Repo) rawTree(h plumbing.Hash) ([]byte, error) {
	if h.IsZero() {
		return nil, nil
	}
	typ, data, err := r.raw.read(h)
	if err != nil {
		return nil, err
	}
	if typ != plumbing.TreeObject {
		return nil, fmt.Errorf("object %s is a %s, not a tree: %w", h, typ, plumbing.ErrObjectNotFound)
	}
	return data, nil
}

// treeEntry is one entry of a raw tree object: "<octal mode> <name>\x00<20-byte hash>".
type treeEntry struct {
	mode filemode.FileMode
	name []byte
	hash []byte
}

var errBadTree = errors.New("malformed tree object")

func parseTreeEntry(t []byte, i int) (treeEntry, int, error) {
	var e treeEntry
	sp := bytes.IndexByte(t[i:], ' ')
	if sp <= 0 {
		return e, 0, errBadTree
	}
	for _, d := range t[i : i+sp] {
		if d < '0' || d > '7' {
			return e, 0, errBadTree
		}
		e.mode = e.mode<<3 | filemode.FileMode(d-'0')
	}
	start := i + sp + 1
	nul := bytes.IndexByte(t[start:], 0)
	if nul <= 0 || start+nul+1+20 > len(t) {
		return e, 0, errBadTree
	}
	e.name = t[start : start+nul]
	e.hash = t[start+nul+1 : start+nul+21]
	return e, start + nul + 21, nil
}

// compareEntries orders entries as git sorts them: by name, a directory compared as
// name + "/".
func compareEntries(a, b treeEntry) int {
	n := min(len(a.name), len(b.name))
	if c := bytes.Compare(a.name[:n], b.name[:n]); c != 0 {
		return c
	}
	return cmp.Compare(nameByte(a, n), nameByte(b, n))
}

// nameByte is byte n of the entry's sort key (its name, plus "/" for a directory), -1 past the end.
func nameByte(e treeEntry, n int) int {
	switch {
	case n < len(e.name):
		return int(e.name[n])
	case n == len(e.name) && e.mode == filemode.Dir:
		return '/'
	}
	return -1
}

// skipCommonPrefix returns where the first entry that is not byte-identical in both
// trees starts in each (the same place, as everything before it is the same bytes).
func skipCommonPrefix(a, b []byte) (int, int, error) {
	n := commonPrefix(a, b)
	pos := 0
	for {
		nul := bytes.IndexByte(a[pos:min(n, len(a))], 0)
		if nul < 0 || pos+nul+21 > n {
			return pos, pos, nil
		}
		pos += nul + 21
	}
}

// commonPrefix returns the length of the longest common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	const chunk = 256
	for i+chunk <= n && bytes.Equal(a[i:i+chunk], b[i:i+chunk]) {
		i += chunk
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix returns the length of the longest common suffix of a and b.
func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	la, lb := len(a), len(b)
	i := 0
	const chunk = 256
	for i+chunk <= n && bytes.Equal(a[la-i-chunk:la-i], b[lb-i-chunk:lb-i]) {
		i += chunk
	}
	for i < n && a[la-1-i] == b[lb-1-i] {
		i++
	}
	return i
}

// readIndex reads the change index file in one piece: the paths of each line are
// substrings of one string, so a 20,000-line index costs a few thousand allocations.
func readIndex(p string) (*changeIndex, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	header, rest, _ := strings.Cut(string(data), "\n")
	tip, ok := strings.CutPrefix(header, "tip ")
	if !ok {
		return nil, errors.New("bad change index header")
	}
	idx := &changeIndex{tip: plumbing.NewHash(tip)}
	idx.entries = make([]indexEntry, 0, strings.Count(rest, "\n"))
	for line := range strings.Lines(rest) {
		e, err := parseIndexLine(strings.TrimSuffix(line, "\n"))
		if err != nil {
			return nil, err
		}
		idx.entries = append(idx.entries, e)
	}
	return idx, nil
}

var errBadIndexLine = errors.New("bad change index line")

func parseIndexLine(line string) (indexEntry, error) {
	head, files, _ := strings.Cut(line, "\t")
	hash, whenText, ok := strings.Cut(head, " ")
	if !ok || len(hash) != 40 {
		return indexEntry{}, errBadIndexLine
	}
	when, err := strconv.ParseInt(whenText, 10, 64)
	if err != nil {
		return indexEntry{}, errBadIndexLine
	}
	e := indexEntry{Hash: plumbing.NewHash(hash), When: when}
	if files == "" {
		return e, nil
	}
	n := strings.Count(files, "\t") + 1
	e.Paths, e.Blobs = make([]string, 0, n), make([]blobChange, 0, n)
	for f := range strings.SplitSeq(files, "\t") {
		oldText, rest, ok1 := strings.Cut(f, " ")
		newText, p, ok2 := strings.Cut(rest, " ")
		before, ok3 := indexBlob(oldText)
		after, ok4 := indexBlob(newText)
		if !ok1 || !ok2 || !ok3 || !ok4 || p == "" {
			return indexEntry{}, errBadIndexLine
		}
		if p[0] == '"' {
			if p, err = strconv.Unquote(p); err != nil {
				return indexEntry{}, errBadIndexLine
			}
		}
		e.Paths = append(e.Paths, p)
		e.Blobs = append(e.Blobs, blobChange{before, after})
	}
	return e, nil
}

// indexBlob parses a blob of the index: 40 hex digits, or 0 for none.
func indexBlob(s string) (plumbing.Hash, bool) {
	var h plumbing.Hash
	if s == "0" {
		return h, true
	}
	if len(s) != 2*len(h) {
		return h, false
	}
	for i := range h {
		hi, ok1 := unhex(s[2*i])
		lo, ok2 := unhex(s[2*i+1])
		if !ok1 || !ok2 {
			return h, false
		}
		h[i] = hi<<4 | lo
	}
	return h, true
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

func writeIndex(p string, idx *changeIndex) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "tip %s\n", idx.tip)
	blob := func(h plumbing.Hash) {
		if h.IsZero() {
			b.WriteString("0")
		} else {
			b.WriteString(h.String())
		}
	}
	for _, e := range idx.entries {
		fmt.Fprintf(&b, "%s %d", e.Hash, e.When)
		for i, path := range e.Paths {
			b.WriteByte('\t')
			blob(e.Blobs[i].old)
			b.WriteByte(' ')
			blob(e.Blobs[i].new)
			b.WriteByte(' ')
			if strings.ContainsAny(path, "\t\n\r") || strings.HasPrefix(path, `"`) {
				path = strconv.Quote(path)
			}
			b.WriteString(path)
		}
		b.WriteByte('\n')
	}
	if err := maybe.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		return err
	}
	os.Remove(filepath.Join(filepath.Dir(p), filepath.Base(oldIndexFile)))
	return nil
}
