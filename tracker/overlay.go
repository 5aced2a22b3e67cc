package tracker

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing/fstest"
)

// overlayFS is the content directory as it would be after a change: base with some
// files replaced or added (files) and some removed (deleted).
type overlayFS struct {
	base    fs.FS
	files   fstest.MapFS
	deleted map[string]bool
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if o.deleted[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if _, ok := o.files[name]; ok {
		return o.files.Open(name)
	}
	f, err := o.base.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		f, err = o.files.Open(name) // a directory that only new files are in
	}
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil || !fi.IsDir() {
		return f, err
	}
	f.Close()
	entries, err := o.ReadDir(name)
	if err != nil {
		return nil, err
	}
	return &overlayDir{fi: fi, entries: entries}, nil
}

// overlayDir is an open directory of an overlayFS, listing the overlay's entries.
type overlayDir struct {
	fi      fs.FileInfo
	entries []fs.DirEntry
}

func (d *overlayDir) Stat() (fs.FileInfo, error) { return d.fi, nil }
func (d *overlayDir) Close() error               { return nil }
func (d *overlayDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.fi.Name(), Err: fs.ErrInvalid}
}

func (d *overlayDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.entries))
	out := d.entries[:n]
	d.entries = d.entries[n:]
	return out, nil
}

// Lstat and ReadLink keep the base's symbolic links visible, so Load still refuses them.
func (o overlayFS) Lstat(name string) (fs.FileInfo, error) {
	if o.deleted[name] {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
	}
	if _, ok := o.files[name]; ok {
		return o.files.Stat(name)
	}
	var fi fs.FileInfo
	var err error
	if l, ok := o.base.(fs.ReadLinkFS); ok {
		fi, err = l.Lstat(name)
	} else {
		fi, err = fs.Stat(o.base, name)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return o.files.Stat(name) // a directory that only new files are in
	}
	return fi, err
}

func (o overlayFS) ReadLink(name string) (string, error) {
	if l, ok := o.base.(fs.ReadLinkFS); ok && !o.deleted[name] {
		if _, replaced := o.files[name]; !replaced {
			return l.ReadLink(name)
		}
	}
	return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
}

func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	seen := map[string]bool{}
	out := entries[:0:0]
	for _, e := range entries {
		p := path.Join(name, e.Name())
		if o.deleted[p] {
			continue
		}
		if _, ok := o.files[p]; ok {
			continue
		}
		seen[e.Name()] = true
		out = append(out, e)
	}
	for p := range o.files {
		rest, ok := strings.CutPrefix(p, name+"/")
		if name == "." {
			rest, ok = p, true
		}
		if !ok {
			continue
		}
		child, _, _ := strings.Cut(rest, "/") // a file here, or the directory that holds it
		if seen[child] {
			continue
		}
		seen[child] = true
		fi, err := o.files.Stat(path.Join(name, child))
		if err != nil {
			return nil, err
		}
		out = append(out, fs.FileInfoToDirEntry(fi))
	}
	if err != nil && len(out) == 0 {
		return nil, err
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
