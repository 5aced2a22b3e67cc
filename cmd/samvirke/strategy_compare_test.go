package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStrategyCompare: init tags the 2016 text as strategi/2016; a reworded and a
// renumbered measure (git mv, committed) come out word-marked and paired with their old
// selves; --tag makes strategi/NAME on HEAD and refuses a name in use.
func TestStrategyCompare(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	out, _, err := run(t, false, nil, "init", dir, "--author", kari)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "strategi/2016") {
		t.Errorf("init did not say it tagged strategi/2016: %q", out)
	}
	if got := git(t, dir, "cat-file", "-t", "strategi/2016"); got != "tag" {
		t.Fatalf("strategi/2016 is a %q, want an annotated tag", got)
	}
	t01 := filepath.Join(dir, "content/measures/T01.md")
	data, _ := os.ReadFile(t01)
	os.WriteFile(t01, []byte(strings.Replace(string(data), "Snarlig sette et felles oppdrag", "Raskt gi et felles oppdrag", 1)), 0o644)
	git(t, dir, "mv", "content/measures/T36.md", "content/measures/T40.md")
	t40 := filepath.Join(dir, "content/measures/T40.md")
	data, _ = os.ReadFile(t40)
	os.WriteFile(t40, []byte(strings.Replace(string(data), "id: T36", "id: T40", 1)), 0o644)
	for _, ch := range []string{"01-summary.md", "07-competence-building.md"} { // the text follows the new number
		file := filepath.Join(dir, "content/strategy", ch)
		data, _ = os.ReadFile(file)
		os.WriteFile(file, []byte(strings.ReplaceAll(string(data), "T36", "T40")), 0o644)
	}
	git(t, dir, "-c", "user.name=Kari Nordmann", "-c", "user.email=kari@example.no", "commit", "-qam", "revision")
	out, _, err = run(t, false, nil, "--repo", dir, "strategy", "--compare", "strategi/2016")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Sammenlignet med «strategi/2016», commit ",
		"1 revidert",
		"<del>Snarlig sette</del><ins>Raskt gi</ins> et felles oppdrag",
		"**T40 (var T36) ",
		"- T36 Årlig felles møteplass for arbeid og helse-feltet → [T40](#T40)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("strategy --compare lacks %q", want)
		}
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "strategy", "--compare", "finnes-ikke"); err == nil || !strings.Contains(err.Error(), "fant ingen commit for «finnes-ikke»") {
		t.Errorf("strategy --compare finnes-ikke: err = %v", err)
	}
	_, errOut, err := run(t, false, nil, "--repo", dir, "strategy", "--tag", "utkast-1", "--author", kari)
	if err != nil || !strings.Contains(errOut, "grunnlag for neste sammenligning: strategi/utkast-1") {
		t.Errorf("strategy --tag: %v, %q", err, errOut)
	}
	if got, want := git(t, dir, "rev-parse", "strategi/utkast-1^{commit}"), git(t, dir, "rev-parse", "HEAD"); got != want {
		t.Errorf("tag on %s, want HEAD %s", got, want)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "strategy", "--tag", "utkast-1", "--author", kari); err == nil || !strings.Contains(err.Error(), "finnes fra før") {
		t.Errorf("strategy --tag with a name in use: err = %v", err)
	}
}
