package tui

import (
	"errors"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/tracker"
)

func TestSessionSummary(t *testing.T) {
	one := []string{"abc1234 T14: status pågår → gjennomført"}
	tests := []struct {
		name    string
		commits []string
		u       tracker.Upstream
		err     error
		want    string
	}{
		{"nothing saved", nil, tracker.Upstream{}, nil, ""},
		{"no remote", one, tracker.Upstream{Branch: "main"}, nil,
			"Lagret i denne økten (1 commit):\n  abc1234 T14: status pågår → gjennomført\nCommitene finnes bare på denne maskinen: repoet har ikke noe fjernrepo å dele dem med.\n"},
		{"not on the remote", one, tracker.Upstream{Branch: "main", Remote: "origin", Ahead: 3}, nil,
			"grenen main finnes ikke på origin ennå. Kjør «samvirke sync» for å dele dem."},
		{"ahead and behind", []string{"a", "b"}, tracker.Upstream{Branch: "main", Remote: "origin", Ref: "origin/main", Ahead: 2, Behind: 1}, nil,
			"Lagret i denne økten (2 commits):\n  a\n  b\n2 commits på main finnes bare på denne maskinen (ikke sendt til origin/main, slik det så ut ved siste henting). Kjør «samvirke sync» for å dele dem. origin/main har 1 commit du ikke har hentet.\n"},
		{"shared", one, tracker.Upstream{Branch: "main", Remote: "origin", Ref: "origin/main"}, nil, "Alt er sendt til origin/main"},
		{"upstream unknown", one, tracker.Upstream{}, errors.New("x"), "Lagret i denne økten (1 commit):\n  abc1234 T14: status pågår → gjennomført\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SessionSummary(tt.commits, tt.u, tt.err)
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) || strings.HasPrefix(tt.want, "Lagret") && got != tt.want {
				t.Errorf("SessionSummary = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTabBarShowsUnsharedCommits: the tab bar says how many commits are not sent.
func TestTabBarShowsUnsharedCommits(t *testing.T) {
	m, _ := newTestModel(t, true)
	m.Update(extrasMsg{branch: "main", upstream: tracker.Upstream{Branch: "main", Remote: "origin", Ref: "origin/main", Ahead: 2}})
	if bar := strings.Split(screen(m), "\n")[0]; !strings.HasSuffix(bar, "2 ikke sendt til origin/main") {
		t.Errorf("tab bar %q", bar)
	}
}
