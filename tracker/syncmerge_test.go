package tracker

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

const authorB = "Ola Nordmann <ola@example.no>"

// samvirkeClones makes a bare remote and n samvirke clones of it (the first made by Init
// and pushed, the others cloned with the git CLI), each opened as a Repo.
func samvirkeClones(t *testing.T, n int) (clones []*Repo, dirs []string, remote string) {
	t.Helper()
	root := t.TempDir()
	remote = filepath.Join(root, "remote.git")
	testutil.Git(t, root, "init", "-q", "--bare", "-b", "main", remote)
	a, aDir := newRepo(t)
	testutil.Git(t, aDir, "remote", "add", "origin", remote)
	if _, err := a.Sync(context.Background(), "origin"); err != nil {
		t.Fatal(err)
	}
	clones, dirs = []*Repo{a}, []string{aDir}
	for i := 1; i < n; i++ {
		dir := filepath.Join(root, fmt.Sprintf("clone%d", i))
		testutil.Git(t, root, "clone", "-q", remote, dir)
		r, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		clones, dirs = append(clones, r), append(dirs, dir)
	}
	return clones, dirs, remote
}

func save(t *testing.T, r *Repo, who, id string, change func(m *measures.Measure)) {
	t.Helper()
	_, err := r.Save(context.Background(), id, func(m *measures.Measure, _ string) error { change(m); return nil }, SaveOptions{Author: who})
	if err != nil {
		t.Fatalf("save %s: %v", id, err)
	}
}

func note(day int, text, by string) func(m *measures.Measure) {
	return func(m *measures.Measure) {
		m.Log = append(m.Log, measures.LogEntry{Date: measures.Date{Year: 2026, Month: 3, Day: day}, Note: text, By: by})
	}
}

func syncAs(t *testing.T, r *Repo, who string) (*SyncResult, error) {
	t.Helper()
	return r.SyncWith(context.Background(), SyncOptions{Author: who})
}

func measureIn(t *testing.T, dir, id string) *measures.Measure {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys, _, err := r.ContentFS("")
	if err != nil {
		t.Fatal(err)
	}
	c, err := measures.Load(fsys)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return c.Measure(id)
}

// TestSyncMergesSameMeasure: two clones edit the same measure (different fields, a note
// each, owners on one side and input links on the other); after both sync, both have
// every change and every note, with one merge commit and no conflict.
func TestSyncMergesSameMeasure(t *testing.T) {
	clones, dirs, remote := samvirkeClones(t, 2)
	a, b := clones[0], clones[1]
	save(t, a, author, "T02", func(m *measures.Measure) { m.Status = measures.InProgress })
	save(t, a, author, "T02", note(3, "Møte i fagrådet.", "Kari"))
	save(t, a, author, "T02", func(m *measures.Measure) { m.Owners = append(m.Owners, "nav") })
	save(t, b, authorB, "T02", func(m *measures.Measure) { m.Title = "Avklare roller og ansvar mellom sektorene" })
	save(t, b, authorB, "T02", note(2, "Brev til departementet.", "Ola"))
	save(t, b, authorB, "T02", func(m *measures.Measure) { m.Inputs = append(m.Inputs, "aa2020-1.1/2") })

	if res, err := syncAs(t, b, authorB); err != nil || res.Action != "pushed" {
		t.Fatalf("first sync = %+v, %v", res, err)
	}
	if ahead, behind, ok, err := a.AheadBehind("origin"); err != nil || !ok || ahead != 3 || behind != 0 {
		t.Errorf("before fetching: ahead %d, behind %d, %v, %v; want 3, 0 (from the last fetch)", ahead, behind, ok, err)
	}
	res, err := syncAs(t, a, author)
	if err != nil || res.Action != "merged" || len(res.Merged) != 1 || res.Merged[0].ID != "T02" {
		t.Fatalf("second sync = %+v, %v; want a merge of T02", res, err)
	}
	if ahead, behind, ok, _ := b.AheadBehind("origin"); !ok || ahead != 0 || behind != 0 {
		t.Errorf("b before its fetch: ahead %d, behind %d", ahead, behind)
	}
	if res2, err := syncAs(t, b, authorB); err != nil || res2.Action != "fast-forward" {
		t.Fatalf("b's sync after = %+v, %v", res2, err)
	}
	for _, dir := range dirs {
		m := measureIn(t, dir, "T02")
		if m.Status != measures.InProgress || m.Title != "Avklare roller og ansvar mellom sektorene" ||
			!slices.Equal(m.Owners, []string{"hdir", "nav"}) || !slices.Equal(m.Inputs, []string{"aa2020-1.1/1", "aa2020-1.1/2"}) {
			t.Errorf("%s: T02 = %+v", dir, m)
		}
		var notes []string
		for _, e := range m.Log {
			notes = append(notes, e.Note)
		}
		if !slices.Equal(notes, []string{"Brev til departementet.", "Møte i fagrådet."}) {
			t.Errorf("%s: notes %q", dir, notes)
		}
		if st := testutil.Git(t, dir, "status", "--porcelain"); st != "" {
			t.Errorf("%s: git status %q", dir, st)
		}
		testutil.Git(t, dir, "fsck", "--strict")
	}
	msg := testutil.Git(t, remote, "log", "-1", "--format=%B", "main")
	for _, want := range []string{"Slått sammen med origin/main: T02", "3 commits fra origin og 3 commits herfra", "herfra: status ikke vurdert → pågår",
		"fra origin: tittel endret"} {
		if !strings.Contains(msg, want) {
			t.Errorf("merge message lacks %q:\n%s", want, msg)
		}
	}
	if parents := testutil.Git(t, remote, "log", "-1", "--format=%P", "main"); len(strings.Fields(parents)) != 2 {
		t.Errorf("the merge commit has parents %q, want two", parents)
	}
}

// TestSyncConflictThenResolve: the same field changed differently; sync refuses and
// changes nothing in either clone; resolve settles it and the next sync shares it.
func TestSyncConflictThenResolve(t *testing.T) {
	for _, keep := range []Side{Mine, Theirs} {
		t.Run(string(keep), func(t *testing.T) {
			clones, dirs, remote := samvirkeClones(t, 2)
			a, b := clones[0], clones[1]
			save(t, a, author, "T02", func(m *measures.Measure) { m.Status = measures.InProgress })
			save(t, a, author, "T02", note(3, "Kari sitt notat.", "Kari"))
			save(t, b, authorB, "T02", func(m *measures.Measure) { m.Status = measures.Delayed })
			if _, err := syncAs(t, b, authorB); err != nil {
				t.Fatal(err)
			}
			headA := testutil.Git(t, dirs[0], "rev-parse", "HEAD")
			remoteBefore := testutil.Git(t, remote, "rev-parse", "main")
			res, err := syncAs(t, a, author)
			if !errors.Is(err, ErrConflict) || len(res.Conflicts) != 1 {
				t.Fatalf("sync = %+v, %v; want one conflict", res, err)
			}
			c := res.Conflicts[0]
			if c.ID != "T02" || c.Field != "status" || c.Ours != "in-progress" || c.Theirs != "delayed" ||
				!strings.HasPrefix(c.OursBy, "Kari Nordmann <kari@example.no>") || !strings.HasPrefix(c.TheirsBy, "Ola Nordmann <ola@example.no>") {
				t.Errorf("conflict = %+v", c)
			}
			if testutil.Git(t, dirs[0], "rev-parse", "HEAD") != headA || testutil.Git(t, remote, "rev-parse", "main") != remoteBefore {
				t.Fatal("a refused sync moved a branch")
			}
			if st := testutil.Git(t, dirs[0], "status", "--porcelain"); st != "" {
				t.Errorf("git status = %q", st)
			}
			if _, err := a.ResolveSync(context.Background(), SyncOptions{Author: author, Choices: Choices{"T01": {"*": keep}}}); !errors.Is(err, ErrConflict) {
				t.Errorf("resolve of another measure = %v, want ErrConflict", err)
			}
			res, err = a.ResolveSync(context.Background(), SyncOptions{Author: author, Choices: Choices{"T02": {"status": keep}}})
			if err != nil || res.Action != "merged" {
				t.Fatalf("resolve = %+v, %v", res, err)
			}
			if res, err := syncAs(t, a, author); err != nil || res.Action != "pushed" {
				t.Fatalf("sync after resolve = %+v, %v", res, err)
			}
			if res, err := syncAs(t, b, authorB); err != nil || res.Action != "fast-forward" {
				t.Fatalf("b's sync = %+v, %v", res, err)
			}
			want := map[Side]measures.Status{Mine: measures.InProgress, Theirs: measures.Delayed}[keep]
			for _, dir := range dirs {
				m := measureIn(t, dir, "T02")
				if m.Status != want || len(m.Log) != 1 || m.Log[0].Note != "Kari sitt notat." {
					t.Errorf("%s: status %s, log %v; want %s and the note", dir, m.Status, m.Log, want)
				}
			}
		})
	}
}

// TestSyncTags: a baseline tagged in one clone is found in the other after sync; a tag
// that differs on the two sides moves on neither.
func TestSyncTags(t *testing.T) {
	clones, dirs, _ := samvirkeClones(t, 2)
	a, b := clones[0], clones[1]
	if _, err := a.TagReport("2026-11", author); err != nil {
		t.Fatal(err)
	}
	res, err := syncAs(t, a, author)
	if err != nil || !slices.Equal(res.TagsPushed, []string{"rapport/2026-11"}) {
		t.Fatalf("sync = %+v, %v", res, err)
	}
	res, err = syncAs(t, b, authorB)
	if err != nil || !slices.Equal(res.TagsFetched, []string{"rapport/2026-11"}) {
		t.Fatalf("b's sync = %+v, %v", res, err)
	}
	tag, err := b.LatestReportTag()
	if err != nil || tag.Name != "2026-11" || tag.Commit.Hash.String() != testutil.Git(t, dirs[0], "rev-parse", "HEAD") {
		t.Fatalf("b's latest report tag = %+v, %v", tag, err)
	}
	// The same name made separately on both sides.
	save(t, a, author, "T02", note(4, "Nytt.", "Kari"))
	if _, err := a.TagReport("2026-12", author); err != nil {
		t.Fatal(err)
	}
	if _, err := b.TagReport("2026-12", authorB); err != nil {
		t.Fatal(err)
	}
	if _, err := syncAs(t, a, author); err != nil {
		t.Fatal(err)
	}
	bTag := testutil.Git(t, dirs[1], "rev-parse", "rapport/2026-12")
	res, err = syncAs(t, b, authorB)
	if err != nil || !slices.Equal(res.TagsDiffering, []string{"rapport/2026-12"}) {
		t.Fatalf("b's sync = %+v, %v; want the differing tag reported", res, err)
	}
	if testutil.Git(t, dirs[1], "rev-parse", "rapport/2026-12") != bTag {
		t.Error("sync moved a local tag that differs from the remote's")
	}
}

// TestSyncForcePushed: a remote whose branch was rewritten makes sync stop.
func TestSyncForcePushed(t *testing.T) {
	clones, dirs, remote := samvirkeClones(t, 2)
	a, b := clones[0], clones[1]
	save(t, b, authorB, "T02", note(5, "Skal forsvinne.", "Ola"))
	if _, err := syncAs(t, b, authorB); err != nil {
		t.Fatal(err)
	}
	if _, err := syncAs(t, a, author); err != nil {
		t.Fatal(err)
	}
	// B rewrites history: drops its commit and force-pushes another.
	testutil.Git(t, dirs[1], "reset", "-q", "--hard", "HEAD~1")
	testutil.Git(t, dirs[1], "commit", "-q", "--allow-empty", "-m", "omskrevet")
	testutil.Git(t, dirs[1], "push", "-q", "--force", "origin", "main")
	save(t, a, author, "T10", note(6, "Lokalt.", "Kari"))
	headA := testutil.Git(t, dirs[0], "rev-parse", "HEAD")
	remoteNow := testutil.Git(t, remote, "rev-parse", "main")
	_, err := syncAs(t, a, author)
	var rw *RewrittenError
	if !errors.Is(err, ErrRewritten) || !errors.As(err, &rw) || rw.Lost != 1 {
		t.Fatalf("sync after a force-push = %v, want ErrRewritten losing 1 commit", err)
	}
	if testutil.Git(t, dirs[0], "rev-parse", "HEAD") != headA || testutil.Git(t, remote, "rev-parse", "main") != remoteNow {
		t.Error("sync went on after a force-push")
	}
	if _, err := syncAs(t, a, author); !errors.Is(err, ErrRewritten) {
		t.Errorf("second sync = %v; want it to stop again", err)
	}
}

// TestSyncTimeout: a remote that accepts the connection and never answers ends the sync
// with ErrTimeout within the timeout.
func TestSyncTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // accept and stay silent
		}
	}()
	a, aDir := newRepo(t)
	testutil.Git(t, aDir, "remote", "add", "origin", "http://"+ln.Addr().String()+"/strategi.git")
	start := time.Now()
	_, err = a.SyncWith(context.Background(), SyncOptions{Timeout: 2 * time.Second})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("sync against a silent remote = %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 6*time.Second {
		t.Errorf("sync took %s with a 2 s timeout", d)
	}
}

// TestSyncMergeOverHTTP: the merge works through git's smart-HTTP backend too.
func TestSyncMergeOverHTTP(t *testing.T) {
	root := t.TempDir()
	bare := filepath.Join(root, "strategi.git")
	testutil.Git(t, root, "init", "-q", "--bare", "-b", "main", bare)
	testutil.Git(t, bare, "config", "http.receivepack", "true")
	srv := gitHTTPServer(t, root)
	t.Setenv("SAMVIRKE_GIT_USERNAME", "kari")
	t.Setenv("SAMVIRKE_GIT_PASSWORD", "hemmelig")
	a, aDir := newRepo(t)
	testutil.Git(t, aDir, "remote", "add", "origin", srv.URL+"/strategi.git")
	if _, err := a.TagReport("2026-11", author); err != nil {
		t.Fatal(err)
	}
	if _, err := syncAs(t, a, author); err != nil {
		t.Fatal(err)
	}
	bDir := filepath.Join(root, "b")
	testutil.Git(t, root, "clone", "-q", strings.Replace(srv.URL, "http://", "http://kari:hemmelig@", 1)+"/strategi.git", bDir)
	b, err := Open(bDir)
	if err != nil {
		t.Fatal(err)
	}
	save(t, a, author, "T02", note(3, "Fra Kari.", "Kari"))
	save(t, b, authorB, "T02", note(4, "Fra Ola.", "Ola"))
	if _, err := syncAs(t, b, authorB); err != nil {
		t.Fatal(err)
	}
	if res, err := syncAs(t, a, author); err != nil || res.Action != "merged" {
		t.Fatalf("sync = %+v, %v", res, err)
	}
	if res, err := syncAs(t, b, authorB); err != nil || res.Action != "fast-forward" {
		t.Fatalf("b's sync = %+v, %v", res, err)
	}
	if got := testutil.Git(t, bare, "tag", "--list"); got != "rapport/2026-11" {
		t.Errorf("tags on the remote: %q", got)
	}
	if m := measureIn(t, bDir, "T02"); len(m.Log) != 2 {
		t.Errorf("b's T02 log = %v", m.Log)
	}
	testutil.Git(t, bare, "fsck", "--strict")
}

// TestSyncMergesOwnersFile: owners.yaml merges entry by entry; the same entry changed
// differently is settled by file name.
func TestSyncMergesOwnersFile(t *testing.T) {
	clones, dirs, _ := samvirkeClones(t, 2)
	a, b := clones[0], clones[1]
	commitEdit := func(dir, from, to string) {
		p := filepath.Join(dir, "content/owners.yaml")
		data, _ := os.ReadFile(p)
		if !strings.Contains(string(data), from) {
			t.Fatalf("owners.yaml lacks %q", from)
		}
		os.WriteFile(p, []byte(strings.Replace(string(data), from, to, 1)), 0o644)
		testutil.Git(t, dir, "-c", "user.name=Test", "-c", "user.email=test@example.no", "commit", "-q", "-am", "owners")
	}
	commitEdit(dirs[0], "- id: hdir\n", "- id: hdir\n  # Kari\n")
	commitEdit(dirs[1], "- id: hod\n", "- id: hod\n  # Ola\n")
	if _, err := syncAs(t, b, authorB); err != nil {
		t.Fatal(err)
	}
	if res, err := syncAs(t, a, author); err != nil || res.Action != "merged" {
		t.Fatalf("sync = %+v, %v", res, err)
	}
	data, _ := os.ReadFile(filepath.Join(dirs[0], "content/owners.yaml"))
	if !strings.Contains(string(data), "# Kari") || !strings.Contains(string(data), "# Ola") {
		t.Errorf("owners.yaml:\n%s", data)
	}
	if _, err := syncAs(t, b, authorB); err != nil {
		t.Fatal(err)
	}
	commitEdit(dirs[0], "  # Kari\n", "  # Kari A\n")
	commitEdit(dirs[1], "  # Kari\n", "  # Kari B\n")
	if _, err := syncAs(t, b, authorB); err != nil {
		t.Fatal(err)
	}
	res, err := syncAs(t, a, author)
	if !errors.Is(err, ErrConflict) || len(res.Conflicts) != 1 || res.Conflicts[0].ID != "hdir" {
		t.Fatalf("sync = %+v, %v", res, err)
	}
	if _, err := a.ResolveSync(context.Background(), SyncOptions{Author: author, Choices: Choices{"owners.yaml": {"*": Theirs}}}); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(filepath.Join(dirs[0], "content/owners.yaml"))
	if !strings.Contains(string(data), "# Kari B") || strings.Contains(string(data), "# Kari A") {
		t.Errorf("owners.yaml after resolve:\n%s", data)
	}
}
