package tracker

import (
	"bytes"
	"container/list"
	"errors"
	"fmt"
	"io"
	"path"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// rawObjects reads git objects as bytes, for the change index, tree diffs and History.
// Packed objects are read straight from the packfiles with go-git's pack scanner, deltas
// patched by applyDelta, and resolved objects are cached by their place in the pack. go-git's own
// object reading hashes every object it puts in its cache (SHA-1 with collision
// detection) and decodes trees into entry structs; on a long history that cost five
// times git's own time. Objects not found in a pack (loose objects, alternates, packs
// that arrived after opening) are read through go-git's storer. Not safe for concurrent use.
type rawObjects struct {
	st    storer.EncodedObjectStorer
	packs []*rawPack
	cache *objectLRU
}

type rawPack struct {
	idx *idxfile.MemoryIndex
	f   billy.File
	sc  *packfile.Scanner
}

// rawCacheSize bounds the bytes of resolved objects kept: enough for a full delta chain
// of a large tree (git's default chain depth is 50) several times over.
const rawCacheSize = 96 << 20

// openRawObjects opens the repository's packfiles. It never fails for want of packs:
// then every read goes through the storer.
func (r *Repo) openRawObjects() (*rawObjects, error) {
	o := &rawObjects{st: r.git.Storer, cache: newObjectLRU(rawCacheSize)}
	st, ok := r.git.Storer.(*filesystem.Storage)
	if !ok {
		return o, nil
	}
	hashes, err := st.ObjectPacks()
	if err != nil {
		return nil, fmt.Errorf("list packfiles: %w", err)
	}
	fsys := st.Filesystem()
	for _, h := range hashes {
		p, err := openRawPack(fsys, h)
		if err != nil {
			o.close()
			return nil, err
		}
		o.packs = append(o.packs, p)
	}
	return o, nil
}

// useRaw opens the raw object reader for the rest of one operation and returns the
// function that closes it again; when it is open already (the operation is part of a
// larger one), the reader is shared and the function does nothing.
func (r *Repo) useRaw() (func(), error) {
	if r.raw != nil {
		return func() {}, nil
	}
	raw, err := r.openRawObjects()
	if err != nil {
		return nil, err
	}
	r.raw = raw
	return func() { raw.close(); r.raw = nil }, nil
}

func openRawPack(fsys billy.Filesystem, h plumbing.Hash) (*rawPack, error) {
	base := path.Join("objects", "pack", "pack-"+h.String())
	idxf, err := fsys.Open(base + ".idx")
	if err != nil {
		return nil, fmt.Errorf("open pack index: %w", err)
	}
	defer idxf.Close()
	idx := idxfile.NewMemoryIndex()
	if err := idxfile.NewDecoder(idxf).Decode(idx); err != nil {
		return nil, fmt.Errorf("read pack index %s: %w", h, err)
	}
	f, err := fsys.Open(base + ".pack")
	if err != nil {
		return nil, fmt.Errorf("open packfile: %w", err)
	}
	return &rawPack{idx: idx, f: f, sc: packfile.NewScanner(f)}, nil
}

func (o *rawObjects) close() error {
	var errs []error
	for _, p := range o.packs {
		errs = append(errs, p.f.Close())
	}
	o.packs = nil
	return errors.Join(errs...)
}

// read returns the type and content of object h. The content may be shared with the
// cache: callers must not change it.
func (o *rawObjects) read(h plumbing.Hash) (plumbing.ObjectType, []byte, error) {
	for i, p := range o.packs {
		if off, err := p.idx.FindOffset(h); err == nil {
			return o.readAt(i, off)
		}
	}
	obj, err := o.st.EncodedObject(plumbing.AnyObject, h)
	if err != nil {
		return 0, nil, fmt.Errorf("read object %s: %w", h, err)
	}
	rd, err := obj.Reader()
	if err != nil {
		return 0, nil, fmt.Errorf("read object %s: %w", h, err)
	}
	defer rd.Close()
	data := make([]byte, obj.Size())
	if _, err := io.ReadFull(rd, data); err != nil {
		return 0, nil, fmt.Errorf("read object %s: %w", h, err)
	}
	return obj.Type(), data, nil
}

// readAt resolves the object at offset off of pack i, patching deltas onto their
// (cached) bases.
func (o *rawObjects) readAt(i int, off int64) (plumbing.ObjectType, []byte, error) {
	key := objectKey{i, off}
	if e, ok := o.cache.get(key); ok {
		return e.typ, e.data, nil
	}
	p := o.packs[i]
	hdr, err := p.sc.SeekObjectHeader(off)
	if err != nil {
		return 0, nil, fmt.Errorf("read packed object at %d: %w", off, err)
	}
	// The object's own (inflated) bytes are read before any base: resolving the base
	// moves the scanner.
	buf := bytes.NewBuffer(make([]byte, 0, hdr.Length))
	if _, _, err := p.sc.NextObject(buf); err != nil {
		return 0, nil, fmt.Errorf("inflate packed object at %d: %w", off, err)
	}
	typ, data := hdr.Type, buf.Bytes()
	switch hdr.Type {
	case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
	case plumbing.OFSDeltaObject, plumbing.REFDeltaObject:
		var base []byte
		if hdr.Type == plumbing.OFSDeltaObject {
			typ, base, err = o.readAt(i, hdr.OffsetReference)
		} else {
			typ, base, err = o.read(hdr.Reference)
		}
		if err != nil {
			return 0, nil, err
		}
		if data, err = applyDelta(base, data); err != nil {
			return 0, nil, fmt.Errorf("patch packed object at %d: %w", off, err)
		}
	default:
		return 0, nil, fmt.Errorf("packed object at %d: %w", off, plumbing.ErrInvalidType)
	}
	o.cache.put(key, cachedObject{typ, data})
	return typ, data, nil
}

// errBadDelta: a delta that does not fit its base or is cut short.
var errBadDelta = errors.New("malformed delta")

// applyDelta applies a git delta (base size, result size, then copy and insert
// instructions) to base, into a buffer of exactly the result's size. go-git's
// packfile.PatchDelta does the same but grows its buffer from 64 KiB by doubling, which
// for a 10,000-entry tree rebuilt along a delta chain of 50 was most of History's time.
// FuzzApplyDelta checks that both agree.
func applyDelta(base, delta []byte) ([]byte, error) {
	baseSize, delta, ok := deltaSize(delta)
	if !ok || baseSize != uint64(len(base)) {
		return nil, errBadDelta
	}
	size, delta, ok := deltaSize(delta)
	if !ok {
		return nil, errBadDelta
	}
	// A result is nearly always at most the base plus the inserted bytes; a delta that
	// claims more is not trusted with a buffer of that size up front.
	out := make([]byte, 0, min(size, uint64(len(base)+len(delta))))
	for len(delta) > 0 {
		cmd := delta[0]
		delta = delta[1:]
		switch {
		case cmd&0x80 != 0: // copy from the base: offset and size, their bytes present by flag
			var off, n uint64
			for k := range 7 {
				if cmd&(1<<k) == 0 {
					continue
				}
				if len(delta) == 0 {
					return nil, errBadDelta
				}
				if k < 4 {
					off |= uint64(delta[0]) << (8 * k)
				} else {
					n |= uint64(delta[0]) << (8 * (k - 4))
				}
				delta = delta[1:]
			}
			if n == 0 {
				n = 0x10000
			}
			if off+n > uint64(len(base)) || uint64(len(out))+n > size {
				return nil, errBadDelta
			}
			out = append(out, base[off:off+n]...)
		case cmd != 0: // insert the next cmd bytes of the delta
			n := int(cmd)
			if n > len(delta) || uint64(len(out)+n) > size {
				return nil, errBadDelta
			}
			out = append(out, delta[:n]...)
			delta = delta[n:]
		default:
			return nil, errBadDelta
		}
	}
	if uint64(len(out)) != size {
		return nil, errBadDelta
	}
	return out, nil
}

// deltaSize reads one of a delta's leading sizes: 7 bits a byte, least significant
// first, the high bit set on every byte but the last. Like git (get_delta_hdr_size) and
// go-git, a size cut short by the end of the delta ends there.
func deltaSize(b []byte) (uint64, []byte, bool) {
	var v uint64
	for i, c := range b {
		if i > 8 {
			return 0, nil, false // more than 63 bits
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c&0x80 == 0 {
			return v, b[i+1:], true
		}
	}
	return v, nil, true
}

type objectKey struct {
	pack int
	off  int64
}

type cachedObject struct {
	typ  plumbing.ObjectType
	data []byte
}

// objectLRU keeps the most recently used objects up to a total size in bytes.
type objectLRU struct {
	max, size int
	order     *list.List // of *lruEntry, most recent at the front
	items     map[objectKey]*list.Element
}

type lruEntry struct {
	key objectKey
	obj cachedObject
}

func newObjectLRU(max int) *objectLRU {
	return &objectLRU{max: max, order: list.New(), items: map[objectKey]*list.Element{}}
}

func (c *objectLRU) get(k objectKey) (cachedObject, bool) {
	el, ok := c.items[k]
	if !ok {
		return cachedObject{}, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*lruEntry).obj, true
}

func (c *objectLRU) put(k objectKey, obj cachedObject) {
	if len(obj.data) > c.max/4 {
		return
	}
	if _, ok := c.items[k]; ok {
		return
	}
	c.items[k] = c.order.PushFront(&lruEntry{k, obj})
	c.size += len(obj.data)
	for c.size > c.max {
		el := c.order.Back()
		e := el.Value.(*lruEntry)
		c.order.Remove(el)
		delete(c.items, e.key)
		c.size -= len(e.obj.data)
	}
}
