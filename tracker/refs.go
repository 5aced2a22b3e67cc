package tracker

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// branchState is what a branch's files say: its loose ref file (refs/heads/<name>) or,
// without one, its line in packed-refs, as git reads them. broken is a loose file that
// is there but holds no commit hash (an empty file left by a write cut short).
type branchState struct {
	hash   plumbing.Hash // zero when the branch has no (valid) value
	broken bool
}

// refFile is the loose file of ref name.
func refFile(gitDir string, name plumbing.ReferenceName) string {
	return filepath.Join(gitDir, filepath.FromSlash(name.String()))
}

// readBranch reads branch name straight from the files, so that a broken loose file is
// seen as broken (go-git reports it as a missing reference).
func readBranch(gitDir string, name plumbing.ReferenceName) (branchState, error) {
	data, err := os.ReadFile(refFile(gitDir, name))
	switch {
	case err == nil:
		line := strings.TrimSpace(string(data))
		if plumbing.IsHash(line) {
			return branchState{hash: plumbing.NewHash(line)}, nil
		}
		return branchState{broken: true}, nil
	case !errors.Is(err, fs.ErrNotExist):
		return branchState{}, fmt.Errorf("read %s: %w", name, err)
	}
	h, err := packedRef(gitDir, name)
	return branchState{hash: h}, err
}

// packedRef returns name's hash in packed-refs, or the zero hash.
func packedRef(gitDir string, name plumbing.ReferenceName) (plumbing.Hash, error) {
	data, err := os.ReadFile(filepath.Join(gitDir, "packed-refs"))
	if errors.Is(err, fs.ErrNotExist) {
		return plumbing.ZeroHash, nil
	}
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("read packed-refs: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		h, ref, ok := strings.Cut(sc.Text(), " ")
		if ok && ref == name.String() && plumbing.IsHash(h) {
			return plumbing.NewHash(h), nil
		}
	}
	return plumbing.ZeroHash, nil
}

// lastReflogHash returns the newest value the reflog of name records (git writes one; a
// repository used only through samvirke may have none), or the zero hash.
func lastReflogHash(gitDir string, name plumbing.ReferenceName) plumbing.Hash {
	data, err := os.ReadFile(filepath.Join(gitDir, "logs", filepath.FromSlash(name.String())))
	if err != nil {
		return plumbing.ZeroHash
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	fields := strings.Fields(lines[len(lines)-1])
	if len(fields) >= 2 && plumbing.IsHash(fields[1]) {
		return plumbing.NewHash(fields[1])
	}
	return plumbing.ZeroHash
}
