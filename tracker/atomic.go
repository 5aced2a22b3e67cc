package tracker

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// writeFileAtomic replaces path with data in one step: the data goes to a temporary file,
// is flushed to disk and renamed over path, so a reader (or a kill) sees the old file or
// the new one, never a part. The temporary file is made in tmpDir (under .git/, so a kill
// leaves nothing in the work tree for git status to show) and, when a rename from there
// is impossible (another file system), beside path. renameio does the same on Unix but
// not on Windows, where the secretariat works; this is the part of it that works on both.
func writeFileAtomic(tmpDir, path string, data []byte) error {
	err := writeVia(tmpDir, path, data)
	if err != nil && tmpDir != filepath.Dir(path) {
		err = writeVia(filepath.Dir(path), path, data)
	}
	return err
}

func writeVia(dir, path string, data []byte) error {
	f, err := os.CreateTemp(dir, ".samvirke-*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = renameReplacing(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// renameReplacing renames from over to. On Windows a file another program has open
// (an editor, a virus scanner, git reading the index) cannot be replaced for a moment:
// try again for up to a second there.
func renameReplacing(from, to string) error {
	err := os.Rename(from, to)
	if runtime.GOOS != "windows" {
		return err
	}
	for i := 0; err != nil && i < 50; i++ {
		time.Sleep(20 * time.Millisecond)
		err = os.Rename(from, to)
	}
	return err
}
