package testutil

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// AuthorName and AuthorEmail are who the tests' git commands commit as.
const (
	AuthorName  = "Kari Nordmann"
	AuthorEmail = "kari@example.no"
)

// GitCommand returns the real git CLI set up to run args in dir: none of the user's or
// the system's configuration, and AuthorName <AuthorEmail> as author and committer.
// env is added last and so wins (e.g. GIT_COMMITTER_DATE=…). For a command that needs
// its standard input or runs in the background; Git and GitWithEnv run it at once.
func GitCommand(dir string, env []string, args ...string) *exec.Cmd {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME="+AuthorName, "GIT_AUTHOR_EMAIL="+AuthorEmail,
		"GIT_COMMITTER_NAME="+AuthorName, "GIT_COMMITTER_EMAIL="+AuthorEmail)
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// Git runs git with args in dir (see GitCommand) and returns its output, standard error
// included, with the white space around it trimmed. A failure ends the test.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	return GitWithEnv(t, dir, nil, args...)
}

// GitWithEnv is Git with env added to git's environment, e.g. to fix a commit's date.
func GitWithEnv(t testing.TB, dir string, env []string, args ...string) string {
	t.Helper()
	out, err := GitCommand(dir, env, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// GitRepo makes an empty repository on the branch main in a new temporary directory
// of the test and returns the directory.
func GitRepo(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	Git(t, dir, "init", "-q", "-b", "main")
	return dir
}

// GitAsConfigured runs git with args in dir as Git does, but commits as the repository's
// own configuration says (user.name in .git/config), not as AuthorName: for tests of
// what samvirke reads from a repository's identity. None of the user's or the system's
// configuration is read.
func GitAsConfigured(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}
