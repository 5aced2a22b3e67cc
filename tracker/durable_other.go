//go:build !linux

package tracker

import "os"

// syncFS is syncfs(2) on Linux. Elsewhere there is no call that flushes a whole file
// system cheaply, so it only checks that dir is there: the files a save writes are still
// fsynced one by one (renameio), the objects and refs go-git writes are not.
func syncFS(dir string) error {
	_, err := os.Stat(dir)
	return err
}
