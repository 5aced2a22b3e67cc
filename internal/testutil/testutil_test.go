package testutil

import (
	"strings"
	"testing"
)

func TestLineDiff(t *testing.T) {
	tests := []struct {
		name, want, got, diff string
	}{
		{"one line changed", "a\nb\nc\n", "a\nB\nc\n", "  …\n- \"b\"\n+ \"B\"\n  …\n"},
		{"line added at the end", "a\n", "a\nb\n", "  …\n+ \"b\"\n"},
		{"no final newline", "a", "a\n", "- \"a\"\n  (no newline at the end)\n+ \"a\"\n"},
		{"two lines removed", "a\nb\nc\n", "c\n", "- \"a\"\n- \"b\"\n  …\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lineDiff(tt.want, tt.got); got != tt.diff {
				t.Errorf("lineDiff(%q, %q) =\n%s\nwant\n%s", tt.want, tt.got, got, tt.diff)
			}
		})
	}
}

func TestPackageDir(t *testing.T) {
	if got := packageDir(); got != "internal/testutil" {
		t.Errorf("packageDir() = %q, want internal/testutil", got)
	}
}

func TestGitRepoCommitsAsTheFixedIdentity(t *testing.T) {
	dir := GitRepo(t)
	if got := Git(t, dir, "branch", "--show-current"); got != "main" {
		t.Errorf("branch = %q, want main", got)
	}
	GitWithEnv(t, dir, []string{"GIT_COMMITTER_DATE=2026-01-10T12:00:00+0100"}, "commit", "-q", "--allow-empty", "-m", "tom")
	if got := Git(t, dir, "log", "-1", "--format=%an <%ae>|%cn|%cI"); got != "Kari Nordmann <kari@example.no>|Kari Nordmann|2026-01-10T12:00:00+01:00" {
		t.Errorf("commit = %q", got)
	}
	if out, err := GitCommand(dir, nil, "config", "user.name").CombinedOutput(); err == nil {
		t.Errorf("git saw a user.name (%s): the user's configuration leaked in", strings.TrimSpace(string(out)))
	}
}
