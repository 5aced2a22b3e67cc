package tracker

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// MergeDriverCommand is git's command line for the driver, with exe as samvirke.
func MergeDriverCommand(exe string) string { return shellQuote(exe) + " merge-file %O %A %B %P" }

// shellQuote quotes s for sh when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ErrNoGit: the git command is not installed (the merge driver is only for git itself).
var ErrNoGit = errors.New("git is not installed")

// EnsureMergeDriver sets merge.samvirke.driver (and .name) in the repository's own git
// config when .gitattributes sends files to the samvirke driver and the config lacks it,
// with exe as the samvirke command. It reports whether it set it. git's config is
// written with git itself; without git on PATH it returns ErrNoGit.
func (r *Repo) EnsureMergeDriver(exe string) (bool, error) {
	wt, err := r.git.Worktree()
	if err != nil {
		return false, nil // bare: nothing is merged here
	}
	top := wt.Filesystem.Root()
	attrs, err := os.ReadFile(filepath.Join(top, ".gitattributes"))
	if err != nil || !strings.Contains(string(attrs), "merge=samvirke") {
		return false, nil
	}
	cfg, err := r.git.Config()
	if err != nil {
		return false, err
	}
	if cfg.Raw.Section("merge").Subsection("samvirke").HasOption("driver") {
		return false, nil
	}
	if _, err := exec.LookPath("git"); err != nil {
		return false, ErrNoGit
	}
	for _, kv := range [][2]string{{"merge.samvirke.name", "samvirke: slå sammen tiltak felt for felt"}, {"merge.samvirke.driver", MergeDriverCommand(exe)}} {
		cmd := exec.Command("git", "config", "--local", kv[0], kv[1])
		cmd.Dir = top
		if out, err := cmd.CombinedOutput(); err != nil {
			return false, fmt.Errorf("git config %s: %v: %s", kv[0], err, out)
		}
	}
	return true, nil
}

// CloneOptions are the settings of Clone.
type CloneOptions struct {
	Timeout  time.Duration // 0 is DefaultNetworkTimeout
	Progress io.Writer
}

// Clone clones url into dir (which must not exist or be empty) with the same
// credentials and timeout as Sync, and opens it.
func Clone(ctx context.Context, url, dir string, opts CloneOptions) (*Repo, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultNetworkTimeout
	}
	auth, err := authFor(url)
	if err != nil {
		return nil, err
	}
	tctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	_, err = git.PlainCloneContext(tctx, dir, false, &git.CloneOptions{URL: url, Auth: auth, Progress: opts.Progress})
	if err != nil {
		if errors.Is(err, transport.ErrEmptyRemoteRepository) {
			return nil, fmt.Errorf("clone %s: %w", redact(url), err)
		}
		return nil, networkError("clone", url, SyncOptions{Timeout: opts.Timeout}, tctx, err)
	}
	return Open(dir)
}
