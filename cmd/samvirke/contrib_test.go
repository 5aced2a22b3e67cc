package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
)

const contribAuthor = "Kari Nordmann <kari@example.no>"

// golden compares got with testdata/name, or rewrites it with -update (testutil.Golden).
func golden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), got)
}

// strategyRepo makes a strategy repository with the embedded content by samvirke init,
// with a git identity, and returns its directory.
func strategyRepo(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "strategi")
	if _, _, err := run(t, false, nil, "init", dir, "--author", contribAuthor); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "config", "user.name", "Kari Nordmann")
	git(t, dir, "config", "user.email", "kari@example.no")
	return dir
}

// gitFails runs git expecting it to fail (e.g. a merge with a conflict).
func gitFails(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("git %s succeeded, want a failure:\n%s", strings.Join(args, " "), out)
	}
	return string(out)
}

func propose(t *testing.T, dir, title string, extra ...string) string {
	t.Helper()
	args := append([]string{"--repo", dir, "new", "--title", title, "--area", "competence", "--owner", "hdir",
		"--owner", "nav", "--text", "Et felles kurs om arbeid og helse.", "--yes"}, extra...)
	out, _, err := run(t, false, nil, args...)
	if err != nil {
		t.Fatalf("new %q: %v", title, err)
	}
	return out
}

func TestNewWritesAValidCanonicalProposal(t *testing.T) {
	dir := strategyRepo(t)
	out := propose(t, dir, "Felles kurs for fastleger og NAV-veiledere", "--input", "aa2020-2.8/7")
	file := filepath.Join(dir, "content/measures/P-felles-kurs-for-fastleger-og-nav-veiledere.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("new wrote no file: %v\n%s", err, out)
	}
	golden(t, "new-proposal.md", string(data))
	if !strings.Contains(out, "git add content/measures/P-felles-kurs-for-fastleger-og-nav-veiledere.md") {
		t.Errorf("new did not print the next steps:\n%s", out)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "validate"); err != nil {
		t.Errorf("validate after new: %v", err)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "fmt", "--check"); err != nil {
		t.Errorf("fmt --check after new: %v", err)
	}
	if st := git(t, dir, "status", "--porcelain"); st != "?? content/measures/P-felles-kurs-for-fastleger-og-nav-veiledere.md" {
		t.Errorf("new without --commit: git status = %q, want only the untracked proposal", st)
	}
	// The same title again gets -2, then -3; --commit commits it.
	propose(t, dir, "Felles kurs for fastleger og NAV-veiledere")
	out = propose(t, dir, "Felles kurs for fastleger og NAV-veiledere", "--commit", "--author", contribAuthor)
	for _, suffix := range []string{"-2", "-3"} {
		if _, err := os.Stat(filepath.Join(dir, "content/measures/P-felles-kurs-for-fastleger-og-nav-veiledere"+suffix+".md")); err != nil {
			t.Errorf("no proposal with suffix %s: %v", suffix, err)
		}
	}
	if got := git(t, dir, "log", "-1", "--format=%s", "--name-only"); got != "P-felles-kurs-for-fastleger-og-nav-veiledere-3: nytt forslag «Felles kurs for fastleger og NAV-veiledere»\n\ncontent/measures/P-felles-kurs-for-fastleger-og-nav-veiledere-3.md" {
		t.Errorf("new --commit: git log -1 = %q (printed %q)", got, out)
	}
}

func TestNewRefuses(t *testing.T) {
	dir := strategyRepo(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing flags", []string{"new", "--title", "Noe", "--yes"}, "mangler --area, --owner, --text"},
		{"unknown area", []string{"new", "--title", "Noe", "--area", "finnes-ikke", "--owner", "hdir", "--text", "T.", "--yes"}, "ukjent innsatsområde «finnes-ikke»"},
		{"unknown input", []string{"new", "--title", "Noe", "--area", "roles", "--owner", "hdir", "--text", "T.", "--input", "aa2020-1.1/99", "--yes"}, "ukjent innspill «aa2020-1.1/99»"},
		{"title without letters", []string{"new", "--title", "–", "--area", "roles", "--owner", "hdir", "--text", "T.", "--yes"}, "gir ikke noe navn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(t, false, nil, append([]string{"--repo", dir}, tt.args...)...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			if st := git(t, dir, "status", "--porcelain"); st != "" {
				t.Errorf("a refused new left %q", st)
			}
		})
	}
}

// TestProposalsByPullRequest follows two contributors: each proposes a measure on a
// branch, both branches merge into main without conflict, the content stays valid, the
// secretariat accepts both and they get distinct numbers.
func TestProposalsByPullRequest(t *testing.T) {
	dir := strategyRepo(t)
	for _, b := range []struct{ branch, title string }{
		{"forslag/kurs", "Felles kurs for fastleger"},
		{"forslag/ips", "IPS i alle fylker"},
	} {
		git(t, dir, "switch", "-q", "-c", b.branch, "main")
		propose(t, dir, b.title)
		git(t, dir, "add", "content")
		git(t, dir, "commit", "-q", "-m", "Forslag: "+b.title)
		out, _, err := run(t, false, nil, "--repo", dir, "check-pr", "--base", "main")
		if err != nil || !strings.Contains(out, "Ingen endringer som krever sekretariatet.") {
			t.Errorf("check-pr on %s = %q, %v", b.branch, out, err)
		}
	}
	git(t, dir, "switch", "-q", "main")
	git(t, dir, "merge", "-q", "--no-ff", "-m", "Merge kurs", "forslag/kurs")
	git(t, dir, "merge", "-q", "--no-ff", "-m", "Merge ips", "forslag/ips")
	if out, _, err := run(t, false, nil, "--repo", dir, "validate"); err != nil {
		t.Fatalf("validate after merging both proposals: %v\n%s", err, out)
	}
	// A cross-reference to the proposal in the strategy text and a merged: revision.
	chapter := filepath.Join(dir, "content/strategy/07-competence-building.md")
	data, _ := os.ReadFile(chapter)
	os.WriteFile(chapter, append(data, "\nSe også [[P-felles-kurs-for-fastleger]].\n\n::: tiltak T32 P-felles-kurs-for-fastleger\n"...), 0o644)
	ips := filepath.Join(dir, "content/measures/P-ips-i-alle-fylker.md")
	data, _ = os.ReadFile(ips)
	os.WriteFile(ips, bytes.Replace(data, []byte("revision: new"), []byte("revision: merged:P-felles-kurs-for-fastleger"), 1), 0o644)
	git(t, dir, "commit", "-q", "-am", "Henvisninger til forslaget")

	out, _, err := run(t, false, nil, "--repo", dir, "accept", "P-felles-kurs-for-fastleger", "--author", "Ola Nordmann <ola@example.no>")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(git(t, dir, "log", "-1", "--format=%h %s"), strings.SplitN(out, "\n", 2)[0]) {
		t.Errorf("accept printed %q", out)
	}
	want := "T37: forslaget P-felles-kurs-for-fastleger godtatt, status foreslått → ikke startet\n\n" +
		"D\tcontent/measures/P-felles-kurs-for-fastleger.md\nM\tcontent/measures/P-ips-i-alle-fylker.md\n" +
		"A\tcontent/measures/T37.md\nM\tcontent/strategy/07-competence-building.md"
	if got := git(t, dir, "show", "--no-renames", "--name-status", "--format=%s", "HEAD"); got != want {
		t.Errorf("the accept commit:\n%s\nwant\n%s", got, want)
	}
	t37 := git(t, dir, "show", "HEAD:content/measures/T37.md")
	for _, s := range []string{"id: T37\n", "status: not-started\n", "revision: new\n", "note: Forslag godtatt som T37 (var P-felles-kurs-for-fastleger).\n", "by: Ola Nordmann\n"} {
		if !strings.Contains(t37, s) {
			t.Errorf("T37.md lacks %q:\n%s", s, t37)
		}
	}
	if got := git(t, dir, "show", "HEAD:content/strategy/07-competence-building.md"); !strings.HasSuffix(got, "Se også [[T37]].\n\n::: tiltak T32 T37") {
		t.Errorf("the strategy's references were not rewritten:\n%s", got[len(got)-200:])
	}
	if got := git(t, dir, "show", "HEAD:content/measures/P-ips-i-alle-fylker.md"); !strings.Contains(got, "revision: merged:T37\n") {
		t.Errorf("merged: was not rewritten:\n%s", got)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "accept", "P-ips-i-alle-fylker"); err != nil {
		t.Fatal(err)
	}
	if got := git(t, dir, "log", "-1", "--format=%s"); !strings.HasPrefix(got, "T38: forslaget P-ips-i-alle-fylker godtatt") {
		t.Errorf("the second accept: %q, want T38", got)
	}
	if st := git(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("git status after accept = %q", st)
	}
	if out, _, err := run(t, false, nil, "--repo", dir, "validate"); err != nil {
		t.Errorf("validate after the accepts: %v\n%s", err, out)
	}
	git(t, dir, "fsck", "--strict")

	// Refusals: not a proposal, a number in use, a number in non-canonical form.
	propose(t, dir, "Tredje forslag", "--commit")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"accept", "T14"}, "ikke en forslags-id"},
		{[]string{"accept", "P-tredje-forslag", "--id", "T37"}, "nummeret T37 er allerede brukt"},
		{[]string{"accept", "P-tredje-forslag", "--id", "T037"}, "ikke et tiltaksnummer"},
		{[]string{"accept", "P-finnes-ikke"}, "fant ikke tiltaket «P-finnes-ikke»"},
	} {
		if _, _, err := run(t, false, nil, append([]string{"--repo", dir}, tt.args...)...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: err = %v, want %q", tt.args, err, tt.want)
		}
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "accept", "P-tredje-forslag", "--id", "T50"); err != nil {
		t.Errorf("accept --id T50: %v", err)
	}
}

// TestDuplicateNumberByMerge: two clones number proposals 37 independently. As T37.md
// in both, git stops the merge with a conflict; as T037.md and T37.md git merges without
// a word, and validate catches the duplicate number. Accepts on two branches of one
// clone get distinct numbers, since accept looks at every branch.
func TestDuplicateNumberByMerge(t *testing.T) {
	dir := strategyRepo(t)
	propose(t, dir, "Første", "--commit")
	propose(t, dir, "Andre", "--commit")
	other := filepath.Join(t.TempDir(), "klone")
	git(t, "", "clone", "-q", dir, other)
	git(t, other, "config", "user.name", "Ola Nordmann")
	git(t, other, "config", "user.email", "ola@example.no")

	git(t, dir, "switch", "-q", "-c", "a")
	if _, _, err := run(t, false, nil, "--repo", dir, "accept", "P-forste"); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "switch", "-q", "-c", "b", "main")
	if _, _, err := run(t, false, nil, "--repo", dir, "accept", "P-andre"); err != nil {
		t.Fatal(err)
	}
	if got := git(t, dir, "log", "-1", "--format=%s"); !strings.HasPrefix(got, "T38:") {
		t.Errorf("accept on a second branch of the same clone: %q, want T38", got)
	}

	if _, _, err := run(t, false, nil, "--repo", other, "accept", "P-andre"); err != nil {
		t.Fatal(err)
	}
	git(t, other, "fetch", "-q", "origin")
	if out := gitFails(t, other, "merge", "origin/a"); !strings.Contains(out, "CONFLICT") || !strings.Contains(out, "T37.md") {
		t.Errorf("merging two T37s: %s", out)
	}
	git(t, other, "merge", "--abort")

	// By hand on branch c: P-andre numbered as T037 (accept refuses that form).
	git(t, dir, "switch", "-q", "-c", "c", "main")
	git(t, dir, "mv", "content/measures/P-andre.md", "content/measures/T037.md")
	f := filepath.Join(dir, "content/measures/T037.md")
	data, _ := os.ReadFile(f)
	data = bytes.Replace(data, []byte("id: P-andre"), []byte("id: T037"), 1)
	os.WriteFile(f, bytes.Replace(data, []byte("status: proposed"), []byte("status: not-started"), 1), 0o644)
	git(t, dir, "commit", "-q", "-am", "T037")
	git(t, dir, "switch", "-q", "a")
	git(t, dir, "merge", "-q", "-m", "Merge c", "c")
	out, _, err := run(t, false, nil, "--repo", dir, "validate")
	if exitCode(err) != 1 || !strings.Contains(out, "content/measures/T37.md:2:5: id: nummeret 37 brukes også i content/measures/T037.md") {
		t.Errorf("validate after a merge bringing a second number 37: exit %d\n%s", exitCode(err), out)
	}
}

func TestCheckPR(t *testing.T) {
	dir := strategyRepo(t)
	git(t, dir, "switch", "-q", "-c", "pr")
	edit := func(file, from, to string) {
		t.Helper()
		p := filepath.Join(dir, "content", file)
		data, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(data, []byte(from)) {
			t.Fatalf("%s lacks %q", file, from)
		}
		os.WriteFile(p, bytes.Replace(data, []byte(from), []byte(to), 1), 0o644)
	}
	edit("measures/T14.md", "status: not-assessed", "status: done")
	edit("measures/T15.md", "  - nav\n", "")
	edit("measures/T16.md", "title: ", "title: Ny tittel – ")          // passes
	edit("measures/T17.md", "\n---\n", "\n---\nEn ny innledning.\n\n") // passes
	edit("inputs/aa2020/1.1.md", "- ", "- Endret: ")
	edit("owners.yaml", "name: Helsedirektoratet", "name: Direktoratet")
	os.Remove(filepath.Join(dir, "content/measures/T20.md"))
	edit("strategy/05-collaboration.md", "::: tiltak T20\n", "")                                          // the chapter's own wording for T20 …
	edit("strategy/05-collaboration.md", "lovende intervensjonene.\n:::\n", "lovende intervensjonene.\n") // … stays as its text
	edit("strategy/01-summary.md", "T19 T20", "T19")
	propose(t, dir, "Et nytt forslag")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "PR")
	// main moves on after the branch: the secretariat's own change there is not the PR's.
	git(t, dir, "switch", "-q", "main")
	if _, _, err := run(t, false, nil, "--repo", dir, "set", "T18", "--status", "pågår"); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "switch", "-q", "pr")

	out, _, err := run(t, false, nil, "--repo", dir, "check-pr", "--base", "main")
	if exitCode(err) != 1 {
		t.Fatalf("check-pr: exit %d, %v\n%s", exitCode(err), err, out)
	}
	golden(t, "check-pr.txt", out)
	out, _, err = run(t, false, nil, "--repo", dir, "check-pr", "--base", "main", "--format", "github")
	if exitCode(err) != 1 {
		t.Errorf("check-pr --format github: exit %d", exitCode(err))
	}
	golden(t, "check-pr.github", out)

	out, _, err = run(t, false, map[string]string{"SAMVIRKE_ALLOW_SECRETARIAT": "true"}, "--repo", dir, "check-pr", "--base", "main", "--format", "github")
	if err != nil || !strings.HasPrefix(out, "::warning file=content/inputs/aa2020/1.1.md,line=") {
		t.Errorf("check-pr with SAMVIRKE_ALLOW_SECRETARIAT: %v\n%s", err, out)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "check-pr", "--base", "main", "--allow-secretariat", "--format", "json")
	var res checkPRResult
	if err != nil || json.Unmarshal([]byte(out), &res) != nil || !res.Allowed || len(res.Findings) != 5 {
		t.Errorf("check-pr --allow-secretariat --format json: %v\n%s", err, out)
	}
	// The working tree is the head by default: undo the status change there.
	edit("measures/T14.md", "status: done", "status: not-assessed")
	out, _, _ = run(t, false, nil, "--repo", dir, "check-pr", "--base", "main")
	if strings.Contains(out, "T14.md") {
		t.Errorf("check-pr did not read the working tree:\n%s", out)
	}
	out, _, _ = run(t, false, nil, "--repo", dir, "check-pr", "--base", "main", "--head", "pr")
	if !strings.Contains(out, "T14.md") {
		t.Errorf("check-pr --head pr did not read the branch:\n%s", out)
	}
}

func TestValidateAnnotations(t *testing.T) {
	// The content sits in a subdirectory of the git work tree: paths start there.
	top := t.TempDir()
	git(t, top, "init", "-q")
	dir := filepath.Join(top, "strategi")
	os.Rename(repo(t), dir)
	file := filepath.Join(dir, "content", "measures", "T02.md")
	data, _ := os.ReadFile(file)
	data = bytes.Replace(data, []byte("status: not-assessed"), []byte("status: pagar"), 1)
	data = bytes.Replace(data, []byte("  - hdir"), []byte("  - \"a,b: 100%\""), 1)
	os.WriteFile(file, data, 0o644)

	out, _, err := run(t, false, nil, "--repo", dir, "validate", "--format", "github")
	if exitCode(err) != 1 {
		t.Errorf("validate --format github: exit %d", exitCode(err))
	}
	golden(t, "validate.github", out)
	if !strings.Contains(out, "::error file=strategi/content/measures/T02.md,line=9,col=9,title=samvirke validate – status::ukjent verdi «pagar»") {
		t.Errorf("no annotation for the bad status:\n%s", out)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "validate", "--format", "gitlab")
	if exitCode(err) != 1 {
		t.Errorf("validate --format gitlab: exit %d", exitCode(err))
	}
	golden(t, "validate.gitlab.json", out)
	var report []codeQuality
	if err := json.Unmarshal([]byte(out), &report); err != nil || len(report) != 2 {
		t.Fatalf("gitlab report: %v\n%s", err, out)
	}
	again, _, _ := run(t, false, nil, "--repo", dir, "validate", "--format", "gitlab")
	if again != out || report[0].Fingerprint == report[1].Fingerprint {
		t.Error("fingerprints are not stable and distinct")
	}
	for _, r := range report {
		if r.Location.Path != "strategi/content/measures/T02.md" || r.Location.Lines.Begin < 1 || r.Severity != "major" {
			t.Errorf("report entry %+v", r)
		}
	}
}

func TestEscapeGitHub(t *testing.T) {
	if got := escapeData("50% a\r\nb: c, d"); got != "50%25 a%0D%0Ab: c, d" {
		t.Errorf("escapeData = %q", got)
	}
	if got := escapeProperty("a,b: 50%\n"); got != "a%2Cb%3A 50%25%0A" {
		t.Errorf("escapeProperty = %q", got)
	}
}
