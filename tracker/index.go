package tracker

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path"
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
	reached := false
	var added []indexEntry
	stack := []plumbing.Hash{tip}
	seen := map[plumbing.Hash]bool{}
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
		c, err := r.git.CommitObject(h)
		if err != nil {
			return false, fmt.Errorf("read commit %s: %w", h, err)
		}
		var parentTree plumbing.Hash
		if c.NumParents() > 0 {
			pc, err := r.git.CommitObject(c.ParentHashes[0])
			if err != nil {
				return false, err
			}
			parentTree = pc.TreeHash
		}
		paths, err := r.diffTrees(parentTree, c.TreeHash, "", scope)
		if err != nil {
			return false, err
		}
		added = append(added, indexEntry{Hash: h, When: c.Committer.When.Unix(), Paths: paths})
		stack = append(stack, c.ParentHashes...)
	}
	for _, e := range added {
		idx.known[e.Hash] = true
	}
	idx.entries = append(added, idx.entries...)
	sort.SliceStable(idx.entries, func(i, j int) bool { return idx.entries[i].When > idx.entries[j].When })
	return reached, nil
}

// diffTrees lists the paths (files) under scope (the content directory; "" for all) that
// differ between two trees, descending only into subtrees whose hashes differ. Git keeps
// tree entries sorted by name, so the two lists are merged in one pass.
func (r *Repo) diffTrees(a, b plumbing.Hash, prefix, scope string) ([]string, error) {
	if a == b {
		return nil, nil
	}
	ea, err := r.treeEntries(a)
	if err != nil {
		return nil, err
	}
	eb, err := r.treeEntries(b)
	if err != nil {
		return nil, err
	}
	var out []string
	for i, j := 0, 0; i < len(ea) || j < len(eb); {
		var x, y object.TreeEntry
		switch {
		case j >= len(eb) || (i < len(ea) && treeLess(ea[i], eb[j])):
			x = ea[i]
			i++
		case i >= len(ea) || treeLess(eb[j], ea[i]):
			y = eb[j]
			j++
		default:
			x, y = ea[i], eb[j]
			i++
			j++
		}
		name := x.Name
		if name == "" {
			name = y.Name
		}
		if x.Hash == y.Hash && x.Mode == y.Mode {
			continue
		}
		p := path.Join(prefix, name)
		if scope != "" && !strings.HasPrefix(p+"/", scope+"/") && !strings.HasPrefix(scope, p+"/") {
			continue
		}
		xd, yd := x.Mode == filemode.Dir, y.Mode == filemode.Dir
		if xd || yd {
			var xh, yh plumbing.Hash
			if xd {
				xh = x.Hash
			}
			if yd {
				yh = y.Hash
			}
			sub, err := r.diffTrees(xh, yh, p, scope)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
			if (x.Mode != 0 && !xd) || (y.Mode != 0 && !yd) {
				out = append(out, p)
			}
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}

// treeLess orders entries as git sorts them: by name, a directory compared as name + "/".
func treeLess(a, b object.TreeEntry) bool {
	an, bn := a.Name, b.Name
	if a.Mode == filemode.Dir {
		an += "/"
	}
	if b.Mode == filemode.Dir {
		bn += "/"
	}
	return an < bn
}

// treeEntries returns the entries of tree h. The walk meets each tree twice in a row (as
// a commit's tree and as its child's parent tree), so the last few are kept.
func (r *Repo) treeEntries(h plumbing.Hash) ([]object.TreeEntry, error) {
	if h.IsZero() {
		return nil, nil
	}
	for _, c := range r.treeCache {
		if c.hash == h {
			return c.entries, nil
		}
	}
	t, err := object.GetTree(r.git.Storer, h)
	if err != nil {
		return nil, err
	}
	r.treeCache = append(r.treeCache, cachedTree{h, t.Entries})
	if len(r.treeCache) > 8 {
		r.treeCache = r.treeCache[1:]
	}
	return t.Entries, nil
}

type cachedTree struct {
	hash    plumbing.Hash
	entries []object.TreeEntry
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
