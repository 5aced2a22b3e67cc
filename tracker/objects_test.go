package tracker

import (
	"bytes"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

// FuzzApplyDelta checks applyDelta against go-git's packfile.PatchDelta: the same result
// for every delta go-git accepts, and an error for every one it refuses (go-git refuses
// all deltas onto an empty base and any shorter than 4 bytes, which git itself allows).
func FuzzApplyDelta(f *testing.F) {
	base := []byte("100644 T01.md\x00aaaaaaaaaaaaaaaaaaaa100644 T02.md\x00bbbbbbbbbbbbbbbbbbbb")
	target := append(append([]byte{}, base[:34]...), []byte("100644 T03.md\x00cccccccccccccccccccc")...)
	f.Add(base, packfile.DiffDelta(base, target))
	f.Add(base, packfile.DiffDelta(base, nil))
	f.Add(base, packfile.DiffDelta(base, bytes.Repeat(base, 3)))
	f.Add(bytes.Repeat([]byte("x"), 70000), packfile.DiffDelta(bytes.Repeat([]byte("x"), 70000), bytes.Repeat([]byte("x"), 140000)))
	f.Add([]byte("abc"), []byte{3, 2, 0x90, 2})
	f.Add([]byte("abc"), []byte{3, 2, 0})
	f.Add([]byte("abc"), []byte{3, 1, 1, 'z', 1, 'y'})
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		got, err := applyDelta(base, delta)
		want, wantErr := packfile.PatchDelta(base, delta)
		if wantErr != nil {
			if err == nil && len(base) > 0 && len(delta) >= 4 {
				t.Fatalf("applyDelta accepted a delta go-git refuses (%v): %q", wantErr, got)
			}
			return
		}
		if err != nil {
			t.Fatalf("applyDelta: %v; go-git gives %q", err, want)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("applyDelta = %q, go-git %q", got, want)
		}
	})
}
