package tracker

import (
	"context"
	"errors"
	"net/http"
	"net/http/cgi"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// gitHTTPServer serves the bare repositories under root with git's smart-HTTP backend on
// loopback, requiring basic auth kari:hemmelig.
func gitHTTPServer(t *testing.T, root string) *httptest.Server {
	t.Helper()
	execPath, err := testutil.GitCommand(root, nil, "--exec-path").Output()
	if err != nil {
		t.Skipf("git --exec-path: %v", err)
	}
	backend := &cgi.Handler{
		Path: filepath.Join(strings.TrimSpace(string(execPath)), "git-http-backend"),
		Env:  []string{"GIT_PROJECT_ROOT=" + root, "GIT_HTTP_EXPORT_ALL=1", "REMOTE_USER=kari"},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "kari" || p != "hemmelig" {
			w.Header().Set("WWW-Authenticate", `Basic realm="git"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		backend.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSyncOverHTTP(t *testing.T) {
	root := t.TempDir()
	bare := filepath.Join(root, "strategi.git")
	testutil.Git(t, root, "init", "-q", "--bare", "-b", "main", bare)
	testutil.Git(t, bare, "config", "http.receivepack", "true")
	srv := gitHTTPServer(t, root)
	url := srv.URL + "/strategi.git"

	a, aDir := newRepo(t)
	testutil.Git(t, aDir, "remote", "add", "origin", url)
	t.Setenv("SAMVIRKE_GIT_USERNAME", "kari")
	t.Setenv("SAMVIRKE_GIT_PASSWORD", "feil")
	if _, err := a.Sync(context.Background(), "origin"); err == nil {
		t.Fatal("sync with a wrong password succeeded")
	}
	t.Setenv("SAMVIRKE_GIT_PASSWORD", "hemmelig")
	if res, err := a.Sync(context.Background(), "origin"); err != nil || res.Action != "pushed" {
		t.Fatalf("first sync over HTTP = %+v, %v", res, err)
	}

	// A second clone over HTTP with the git CLI, a remote change, and a diverged sync.
	bDir := filepath.Join(root, "b")
	authURL := strings.Replace(url, "http://", "http://kari:hemmelig@", 1)
	testutil.Git(t, root, "clone", "-q", authURL, bDir)
	editAndPush(t, bDir, "content/measures/T10.md", "status: done", "status: in-operation")
	if _, err := a.Save(context.Background(), "T02", setStatus(measures.InProgress, "I gang."), SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
	}
	res, err := a.Sync(context.Background(), "origin")
	if err != nil || res.Action != "rebased" {
		t.Fatalf("diverged sync over HTTP = %+v, %v", res, err)
	}
	testutil.Git(t, bDir, "pull", "-q", "--ff-only")
	if got := testutil.Git(t, bDir, "log", "-1", "--format=%s"); !strings.HasPrefix(got, "T02: status ikke vurdert → pågår") {
		t.Errorf("clone B sees %q at the tip, want the rebased save", got)
	}
	// A conflicting change is refused and nothing is pushed.
	editAndPush(t, bDir, "content/measures/T02.md", "status: in-progress", "status: delayed")
	if _, err := a.Save(context.Background(), "T02", setStatus(measures.Done, "Ferdig."), SaveOptions{Author: author}); err != nil {
		t.Fatal(err)
	}
	before := testutil.Git(t, bare, "rev-parse", "main")
	if _, err := a.Sync(context.Background(), "origin"); !errors.Is(err, ErrConflict) {
		t.Errorf("conflicting sync over HTTP = %v, want ErrConflict", err)
	}
	if testutil.Git(t, bare, "rev-parse", "main") != before {
		t.Error("a conflicting sync pushed")
	}
	testutil.Git(t, bare, "fsck", "--strict")
}
