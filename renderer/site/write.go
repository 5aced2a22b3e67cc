package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/google/renameio/v2/maybe"
)

// Manifest is the file in the output directory that lists every file the site wrote
// there, one slash-separated path a line. The next Write deletes what it lists and the
// new site no longer has (the page of a deleted measure), and nothing else: a file
// samvirke did not write is never deleted.
const Manifest = ".samvirke-nettsted"

// WriteResult counts the files a Write wrote, left as they were and removed.
type WriteResult struct{ Written, Unchanged, Removed int }

// Write writes the site under dir, rewriting only the files whose bytes changed, each
// atomically; then it removes the files the previous Write listed in the manifest that
// the site no longer has (and directories that become empty), and writes the manifest.
func (s *Site) Write(dir string) (WriteResult, error) {
	var r WriteResult
	old, err := readManifest(dir)
	if err != nil {
		return r, err
	}
	names := make([]string, 0, len(s.Files))
	for p := range s.Files {
		names = append(names, p)
	}
	slices.Sort(names)
	for _, p := range names {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if prev, err := os.ReadFile(dst); err == nil && bytes.Equal(prev, s.Files[p]) {
			r.Unchanged++
			continue
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return r, fmt.Errorf("write site: %w", err)
		}
		if err := maybe.WriteFile(dst, s.Files[p], 0o644); err != nil {
			return r, fmt.Errorf("write site: %w", err)
		}
		r.Written++
	}
	for _, p := range old {
		if _, ok := s.Files[p]; ok {
			continue
		}
		removed, err := removeFile(dir, p)
		if err != nil {
			return r, err
		}
		if removed {
			r.Removed++
		}
	}
	list := strings.Join(names, "\n") + "\n"
	if err := maybe.WriteFile(filepath.Join(dir, Manifest), []byte(list), 0o644); err != nil {
		return r, fmt.Errorf("write site: %w", err)
	}
	return r, nil
}

// readManifest returns the paths the manifest in dir lists, leaving out any line that
// is not a clean relative path inside dir (a manifest edited by hand can name nothing
// outside the site). No manifest is an empty list.
func readManifest(dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, Manifest))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the site's list of files: %w", err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" && fs.ValidPath(l) && l != "." && path.Clean(l) == l && l != Manifest && !strings.Contains(l, `\`) {
			out = append(out, l)
		}
	}
	return out, nil
}

// removeFile removes the regular file p under dir, if it is there, and then each of its
// directories that became empty, up to dir. A directory or a link at p, or a link on
// the way to it, is left alone: what it leads to is not the site's.
func removeFile(dir, p string) (bool, error) {
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(d))); err != nil || !fi.IsDir() {
			return false, nil
		}
	}
	dst := filepath.Join(dir, filepath.FromSlash(p))
	fi, err := os.Lstat(dst)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && !fi.Mode().IsRegular()) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("remove %s from the site: %w", p, err)
	}
	if err := os.Remove(dst); err != nil {
		return false, fmt.Errorf("remove %s from the site: %w", p, err)
	}
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if os.Remove(filepath.Join(dir, filepath.FromSlash(d))) != nil {
			break // not empty: it holds something else
		}
	}
	return true, nil
}

// Previous is what an earlier Write left in a directory: the files its manifest lists.
type Previous struct {
	dir   string
	files map[string]bool
}

// ReadPrevious reads the manifest in dir; a directory without one has no files.
func ReadPrevious(dir string) (*Previous, error) {
	list, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	p := &Previous{dir: dir, files: make(map[string]bool, len(list))}
	for _, f := range list {
		p.files[f] = true
	}
	return p, nil
}

// File returns the bytes of the file at the slash-separated path name that the earlier
// Write wrote, or nil when it wrote none there or the file is gone.
func (p *Previous) File(name string) []byte {
	if !p.files[name] {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(p.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil
	}
	return data
}
