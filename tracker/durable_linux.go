//go:build linux

package tracker

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncFS flushes the file system that holds dir to stable storage. go-git writes loose
// objects and refs without fsync; a save calls this after the objects (before the journal
// that names them) and after the branch moves, so a power cut cannot leave a journal or a
// branch pointing at objects the disk never got. syncfs(2) flushes one file system, which
// costs well under a millisecond here.
func syncFS(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
