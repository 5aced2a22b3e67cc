package tracker

import (
	"bufio"
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
// it changed against its first parent. It lives in .git/samvirke/changes-v1, is built in
// one pass over the commits, extended from the commits it already has, rebuilt when its
// tip is no longer reachable (after a rebase or force-push), and harmless to delete.
//
// File format, one line per commit, newest first after a header line "tip <hash>":
//   <hash> <unix time> <path>\t<path>…   (paths relative to the repository, may be none)

const indexFile = "samvirke/changes-v1"

type indexEntry struct {
	Hash  plumbing.Hash
	When  int64
	Paths []string
}

type changeIndex struct {
	tip     plumbing.Hash
	entries []indexEntry // newest first
	known   map[plumbing.Hash]bool
}

// changes returns the up-to-date change index, updating the file under .git/ when HEAD moved.
func (r *Repo) changes() (*changeIndex, error) {
	gitDir, err := r.gitDir()
	if err != nil {
		return nil, err
	}
	head, err := r.git.Head()
	if err != nil {
		return &changeIndex{known: map[plumbing.Hash]bool{}}, nil // no commits yet
	}
	p := filepath.Join(gitDir, filepath.FromSlash(indexFile))
	idx, err := readIndex(p)
	if err != nil {
		idx = &changeIndex{known: map[plumbing.Hash]bool{}}
	}
	if idx.tip == head.Hash() {
		return idx, nil
	}
	reached, err := r.extend(idx, head.Hash())
	if err != nil {
		return nil, err
	}
	if !idx.tip.IsZero() && !reached {
		idx = &changeIndex{known: map[plumbing.Hash]bool{}}
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
		paths, err := r.diffTrees(parentTree, c.tree, "", scope)
		if err != nil {
			return false, err
		}
		added = append(added, indexEntry{Hash: h, When: c.when, Paths: paths})
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
	done, err := r.useRaw()
	if err != nil {
		return nil, err
	}
	defer done()
	var out []string
	if err := r.diffRawTrees(a, b, prefix, scope, &out); err != nil {
		return nil, err
	}
	sort.Strings(out)
	return out, nil
}

func (r *Repo) diffRawTrees(a, b plumbing.Hash, prefix, scope string, out *[]string) error {
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
		xd, yd := x.mode == filemode.Dir, y.mode == filemode.Dir
		if xd || yd {
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
				*out = append(*out, p)
			}
			continue
		}
		*out = append(*out, p)
	}
	return nil
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

func readIndex(p string) (*changeIndex, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	idx := &changeIndex{known: map[plumbing.Hash]bool{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), "tip ") {
		return nil, errors.New("bad change index header")
	}
	idx.tip = plumbing.NewHash(strings.TrimPrefix(sc.Text(), "tip "))
	for sc.Scan() {
		fields := strings.SplitN(sc.Text(), " ", 3)
		if len(fields) < 2 {
			return nil, errors.New("bad change index line")
		}
		when, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			return nil, err
		}
		e := indexEntry{Hash: plumbing.NewHash(fields[0]), When: when}
		if len(fields) == 3 && fields[2] != "" {
			e.Paths = strings.Split(fields[2], "\t")
		}
		idx.entries = append(idx.entries, e)
		idx.known[e.Hash] = true
	}
	return idx, sc.Err()
}

func writeIndex(p string, idx *changeIndex) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "tip %s\n", idx.tip)
	for _, e := range idx.entries {
		fmt.Fprintf(&b, "%s %d %s\n", e.Hash, e.When, strings.Join(e.Paths, "\t"))
	}
	return maybe.WriteFile(p, []byte(b.String()), 0o644)
}
