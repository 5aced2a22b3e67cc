package tracker

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// treeFS is a read-only fs.FS over a git tree, so the measures package reads a commit
// exactly as it reads the working tree. Symbolic links appear as such (and are refused
// by the loader), never followed. It is safe for concurrent use: go-git's Tree caches
// lookups in a map and its object storage is not safe for concurrent reads, so every
// operation holds mu. Each directory's tree is decoded once and kept: go-git's
// Tree.FindEntry on a path decodes every tree on the way again, which made reading the
// 10,000 files of one directory quadratic.
type treeFS struct{ *treeState }

type treeState struct {
	mu   sync.Mutex
	root *object.Tree
	dirs map[string]*object.Tree // by slash path from the root; "." is the root
}

var (
	_ fs.ReadDirFS  = treeFS{}
	_ fs.ReadFileFS = treeFS{}
	_ fs.StatFS     = treeFS{}
)

func newTreeFS(t *object.Tree) treeFS {
	return treeFS{&treeState{root: t, dirs: map[string]*object.Tree{".": t}}}
}

// dir returns the tree of the directory name, decoding it on first use.
func (t treeFS) dir(name string) (*object.Tree, error) {
	if d, ok := t.dirs[name]; ok {
		return d, nil
	}
	parent, err := t.dir(path.Dir(name))
	if err != nil {
		return nil, err
	}
	e, err := parent.FindEntry(path.Base(name))
	if err != nil {
		return nil, fs.ErrNotExist
	}
	if e.Mode != filemode.Dir {
		return nil, errors.New("not a directory")
	}
	d, err := parent.Tree(e.Name) // one name: decodes only this tree
	if err != nil {
		return nil, err
	}
	t.dirs[name] = d
	return d, nil
}

func (t treeFS) entry(name string) (*object.TreeEntry, error) {
	if !fs.ValidPath(name) {
		return nil, fs.ErrInvalid
	}
	if name == "." {
		return &object.TreeEntry{Name: ".", Mode: filemode.Dir, Hash: t.root.Hash}, nil
	}
	parent, err := t.dir(path.Dir(name))
	if err != nil {
		return nil, fs.ErrNotExist
	}
	e, err := parent.FindEntry(path.Base(name))
	if err != nil {
		return nil, fs.ErrNotExist
	}
	return e, nil
}

func (t treeFS) Stat(name string) (fs.FileInfo, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, err := t.entry(name)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return t.info(name, e), nil
}

func (t treeFS) info(name string, e *object.TreeEntry) fileInfo {
	fi := fileInfo{name: path.Base(name), mode: e.Mode}
	if e.Mode.IsFile() {
		if f, err := t.root.TreeEntryFile(e); err == nil {
			fi.size = f.Size
		}
	}
	return fi
}

func (t treeFS) ReadFile(name string) ([]byte, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.readFile(name)
}

func (t treeFS) readFile(name string) ([]byte, error) {
	e, err := t.entry(name)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if !e.Mode.IsFile() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("not a regular file")}
	}
	f, err := t.root.TreeEntryFile(e)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	rd, err := f.Reader()
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

func (t treeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.readDir(name)
}

func (t treeFS) readDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	sub, err := t.dir(name)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	out := make([]fs.DirEntry, 0, len(sub.Entries))
	for i := range sub.Entries {
		e := &sub.Entries[i]
		out = append(out, fs.FileInfoToDirEntry(fileInfo{name: e.Name, mode: e.Mode}))
	}
	return out, nil
}

func (t treeFS) Open(name string) (fs.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, err := t.entry(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	fi := t.info(name, e)
	if e.Mode == filemode.Dir {
		entries, err := t.readDir(name)
		if err != nil {
			return nil, err
		}
		return &openDir{fi: fi, entries: entries}, nil
	}
	data, err := t.readFile(name)
	if err != nil {
		return nil, err
	}
	return &openFile{fi: fi, Reader: bytes.NewReader(data)}, nil
}

type fileInfo struct {
	name string
	mode filemode.FileMode
	size int64
}

func (fi fileInfo) Name() string       { return fi.name }
func (fi fileInfo) Size() int64        { return fi.size }
func (fi fileInfo) ModTime() time.Time { return time.Time{} }
func (fi fileInfo) IsDir() bool        { return fi.mode == filemode.Dir }
func (fi fileInfo) Sys() any           { return nil }
func (fi fileInfo) Mode() fs.FileMode {
	switch fi.mode {
	case filemode.Dir:
		return fs.ModeDir | 0o755
	case filemode.Symlink:
		return fs.ModeSymlink | 0o777
	case filemode.Executable:
		return 0o755
	case filemode.Submodule:
		return fs.ModeIrregular // a gitlink: no file of this repository
	}
	return 0o644
}

type openFile struct {
	fi fileInfo
	*bytes.Reader
}

func (f *openFile) Stat() (fs.FileInfo, error) { return f.fi, nil }
func (f *openFile) Close() error               { return nil }

type openDir struct {
	fi      fileInfo
	entries []fs.DirEntry
	off     int
}

func (d *openDir) Stat() (fs.FileInfo, error) { return d.fi, nil }
func (d *openDir) Close() error               { return nil }
func (d *openDir) Read([]byte) (int, error)   { return 0, errors.New("is a directory") }
func (d *openDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.off += n
	return rest[:n], nil
}
