//go:build unix

package measures

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// TestLoadSkipsNamedPipes: a named pipe where a file should be is reported and never
// opened (opening it would block the load for good).
func TestLoadSkipsNamedPipes(t *testing.T) {
	for _, name := range []string{"measures/T99.md", "inputs/aa2020/9.9.md", OwnersFile} {
		t.Run(name, func(t *testing.T) {
			dir := copyFixture(t)
			p := filepath.Join(dir, filepath.FromSlash(name))
			os.Remove(p)
			if err := unix.Mkfifo(p, 0o644); err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := Load(os.DirFS(dir))
				done <- err
			}()
			select {
			case err := <-done:
				if !hasError(err, ErrFileName, "content/"+name) {
					t.Errorf("Load = %v, want a file-name error naming content/%s", err, name)
				}
			case <-timeAfter():
				t.Fatalf("Load blocked on the named pipe content/%s", name)
			}
		})
	}
}
