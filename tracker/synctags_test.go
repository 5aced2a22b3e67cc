package tracker

import (
	"github.com/samvirke/samvirke/internal/testutil"
	"slices"
	"testing"
)

// TestSyncStrategyTags: a strategi/ tag made in one clone reaches the other through the
// bare remote, and one made under the same name on both sides, pointing at different
// commits, is moved on neither and reported.
func TestSyncStrategyTags(t *testing.T) {
	clones, dirs, remote := samvirkeClones(t, 2)
	a, b := clones[0], clones[1]
	if _, err := a.TagStrategy("2016", author); err != nil {
		t.Fatal(err)
	}
	if _, err := a.TagReport("2026-11", author); err != nil {
		t.Fatal(err)
	}
	res, err := syncAs(t, a, author)
	if err != nil || !slices.Equal(res.TagsPushed, []string{"rapport/2026-11", "strategi/2016"}) {
		t.Fatalf("sync = %+v, %v; want both tags pushed", res, err)
	}
	if got, want := testutil.GitWithEnv(t, remote, nil, "rev-parse", "strategi/2016"), testutil.GitWithEnv(t, dirs[0], nil, "rev-parse", "strategi/2016"); got != want {
		t.Errorf("the remote's strategi/2016 is %s, want %s", got, want)
	}
	res, err = syncAs(t, b, authorB)
	if err != nil || !slices.Equal(res.TagsFetched, []string{"rapport/2026-11", "strategi/2016"}) {
		t.Fatalf("b's sync = %+v, %v; want both tags fetched", res, err)
	}
	tag, err := b.LatestStrategyTag()
	if err != nil || tag.Ref != "strategi/2016" || tag.Commit.Hash.String() != testutil.GitWithEnv(t, dirs[0], nil, "rev-parse", "HEAD") {
		t.Fatalf("b's latest strategy tag = %+v, %v", tag, err)
	}
	if res, err := syncAs(t, b, authorB); err != nil || len(res.TagsFetched)+len(res.TagsPushed)+len(res.TagsDiffering) != 0 {
		t.Errorf("a second sync = %+v, %v; want no tags moved", res, err)
	}
	// The same name made separately on both sides, on different commits.
	save(t, a, author, "T02", note(4, "Nytt.", "Kari"))
	if _, err := a.TagStrategy("utkast-1", author); err != nil {
		t.Fatal(err)
	}
	if _, err := b.TagStrategy("utkast-1", authorB); err != nil {
		t.Fatal(err)
	}
	if _, err := syncAs(t, a, author); err != nil {
		t.Fatal(err)
	}
	bTag := testutil.GitWithEnv(t, dirs[1], nil, "rev-parse", "strategi/utkast-1")
	remoteTag := testutil.GitWithEnv(t, remote, nil, "rev-parse", "strategi/utkast-1")
	res, err = syncAs(t, b, authorB)
	if err != nil || !slices.Equal(res.TagsDiffering, []string{"strategi/utkast-1"}) || len(res.TagsPushed) != 0 {
		t.Fatalf("b's sync = %+v, %v; want the differing tag reported and nothing pushed", res, err)
	}
	if testutil.GitWithEnv(t, dirs[1], nil, "rev-parse", "strategi/utkast-1") != bTag {
		t.Error("sync moved a local strategi/ tag that differs from the remote's")
	}
	if testutil.GitWithEnv(t, remote, nil, "rev-parse", "strategi/utkast-1") != remoteTag {
		t.Error("sync moved the remote's strategi/ tag")
	}
}
