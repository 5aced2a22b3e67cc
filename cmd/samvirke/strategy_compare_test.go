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

// TestStrategyCompareNewestTag: --compare without a REF compares with the newest
// strategi/ tag and names it; with none, a Norwegian error says what to do. A REF after
// a space and after = is still a REF.
func TestStrategyCompareNewestTag(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	if _, _, err := run(t, false, nil, "init", dir, "--author", kari); err != nil {
		t.Fatal(err)
	}
	commit := func(from, to string) {
		t.Helper()
		t01 := filepath.Join(dir, "content/measures/T01.md")
		data, _ := os.ReadFile(t01)
		if !strings.Contains(string(data), from) {
			t.Fatalf("T01 has no %q", from)
		}
		os.WriteFile(t01, []byte(strings.Replace(string(data), from, to, 1)), 0o644)
		git(t, dir, "-c", "user.name=Kari Nordmann", "-c", "user.email=kari@example.no", "commit", "-qam", "revision")
	}
	commit("Snarlig sette et felles oppdrag", "Raskt gi et felles oppdrag")
	if _, _, err := run(t, false, nil, "--repo", dir, "strategy", "--tag", "utkast-1", "--author", kari); err != nil {
		t.Fatal(err)
	}
	commit("Raskt gi et felles oppdrag", "Straks gi et felles oppdrag")
	for _, args := range [][]string{{"--compare"}, {"--compare", "--format", "md"}} {
		out, _, err := run(t, false, nil, append([]string{"--repo", dir, "strategy"}, args...)...)
		if err != nil {
			t.Fatalf("strategy %s: %v", strings.Join(args, " "), err)
		}
		for _, want := range []string{"Sammenlignet med «strategi/utkast-1», commit ", "<del>Raskt</del><ins>Straks</ins> gi et felles oppdrag"} {
			if !strings.Contains(out, want) {
				t.Errorf("strategy %s lacks %q", strings.Join(args, " "), want)
			}
		}
	}
	for _, args := range [][]string{{"--compare", "strategi/2016"}, {"--compare=strategi/2016"}} {
		out, _, err := run(t, false, nil, append([]string{"--repo", dir, "strategy"}, args...)...)
		if err != nil || !strings.Contains(out, "Sammenlignet med «strategi/2016», commit ") || !strings.Contains(out, "<del>Snarlig sette</del><ins>Straks gi</ins>") {
			t.Errorf("strategy %s: %v", strings.Join(args, " "), err)
		}
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "strategy", "--compare", "strategi/2016", "ekstra"); err == nil {
		t.Error("strategy --compare REF ekstra: no error for the extra argument")
	}
	help, _, _ := run(t, false, nil, "strategy", "--help")
	if !strings.Contains(strings.Join(strings.Fields(help), " "), "Uten REF sammenlignes det med den nyeste strategi/-taggen") {
		t.Errorf("strategy --help does not say what --compare without REF does:\n%s", help)
	}
	git(t, dir, "tag", "-d", "strategi/2016", "strategi/utkast-1")
	_, _, err := run(t, false, nil, "--repo", dir, "strategy", "--compare")
	if err == nil || err.Error() != "fant ingen strategi/-tagg å sammenligne med; oppgi et grunnlag med --compare REF (en tagg, commit, gren eller dato), eller merk en versjon med «samvirke strategy --tag NAVN»" {
		t.Errorf("strategy --compare without any strategi/ tag: err = %v", err)
	}
}
