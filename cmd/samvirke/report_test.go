package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/renderer"
)

const kari = "Kari Nordmann <kari@example.no>"

func TestReportAndStrategyFormats(t *testing.T) {
	dir := repo(t) // content/ without git
	tests := []struct {
		name    string
		tty     bool
		args    []string
		file    string // written with -o
		want    string // in the file or on stdout
		wantErr string
	}{
		{"report md on stdout by default", true, []string{"report"}, "", "# Statusrapport til fagrådet", ""},
		{"report html from -o's extension", true, []string{"report", "-o", "r.html"}, "r.html", `<html lang="nb">`, ""},
		{"report md from -o's extension", true, []string{"report", "-o", "r.md"}, "r.md", "## Vedlegg: Alle tiltak", ""},
		{"strategy md on stdout", true, []string{"strategy"}, "", "## 1. Sammendrag", ""},
		{"strategy html to a pipe", false, []string{"strategy", "--format", "html"}, "", "<!DOCTYPE html>", ""},
		{"html not to a terminal", true, []string{"strategy", "--format", "html"}, "", "", "skrives ikke til terminalen"},
		{"pdf not to a terminal", true, []string{"report", "--format", "pdf"}, "", "", "skrives ikke til terminalen"},
		{"unknown extension", false, []string{"report", "-o", "r.txt"}, "", "", "kan ikke se formatet av filnavnet"},
		{"format and extension disagree", false, []string{"report", "-o", "r.html", "--format", "md"}, "", "", "passer ikke med filnavnet"},
		{"docx not to a terminal", true, []string{"strategy", "--format", "docx"}, "", "", "skrives ikke til terminalen"},
		{"unknown format", false, []string{"strategy", "--format", "odt"}, "", "", "ukjent format «odt»; bruk html, md, pdf eller docx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			args := append([]string{"--repo", dir}, tt.args...)
			for i, a := range args {
				if i > 0 && args[i-1] == "-o" {
					args[i] = filepath.Join(out, a)
				}
			}
			stdout, stderr, err := run(t, tt.tty, nil, args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				if entries, _ := os.ReadDir(out); len(entries) > 0 {
					t.Errorf("a failed command left files: %v", entries)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := stdout
			if tt.file != "" {
				data, err := os.ReadFile(filepath.Join(out, tt.file))
				if err != nil {
					t.Fatal(err)
				}
				got = string(data)
				if stdout != "" || !strings.Contains(stderr, "Skrev ") {
					t.Errorf("with -o: stdout %q, stderr %q", stdout, stderr)
				}
				if entries, _ := os.ReadDir(out); len(entries) != 1 {
					t.Errorf("-o left %d files, want only %s (atomic write leaves no temporary file)", len(entries), tt.file)
				}
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("output lacks %q:\n%.600s", tt.want, got)
			}
		})
	}
	out, _, err := run(t, false, nil, "--repo", dir, "report")
	if err != nil || !strings.Contains(out, "ikke ligger i et git-repo") || !strings.Contains(out, "Ingen sammenligning: innholdet har ingen tidligere versjoner") {
		t.Errorf("report outside git says nothing of it: %v\n%.800s", err, out)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "report", "--since", "HEAD"); err == nil || !strings.Contains(err.Error(), "krever et strategi-repo i git") {
		t.Errorf("report --since without git: err = %v", err)
	}
}

func TestReportBaselineAndTag(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	if _, _, err := run(t, false, nil, "init", dir, "--author", kari); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := run(t, false, nil, "--repo", dir, "report")
	if err != nil {
		t.Fatal(err)
	}
	head := git(t, dir, "rev-parse", "--short=7", "HEAD")
	for _, want := range []string{"Datagrunnlag per ", "(versjon\u00a0" + head + ")", "Ingen sammenligning: dette er den første rapporten."} {
		if !strings.Contains(out, want) {
			t.Errorf("first report lacks %q", want)
		}
	}
	if strings.Contains(out, "--tag") || !strings.Contains(errOut, "--tag NAVN") {
		t.Errorf("the hint to tag the report belongs on standard error, not in the document: stderr %q", errOut)
	}
	// Tag the first report as the baseline of the next.
	file := filepath.Join(t.TempDir(), "oktober.md")
	_, errOut, err = run(t, false, nil, "--repo", dir, "report", "-o", file, "--tag", "2026-10", "--author", kari)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "som grunnlag for neste rapport: rapport/2026-10") {
		t.Errorf("report --tag said %q", errOut)
	}
	if got := git(t, dir, "cat-file", "-t", "rapport/2026-10"); got != "tag" {
		t.Errorf("rapport/2026-10 is a %q, want an annotated tag", got)
	}
	if got, want := git(t, dir, "rev-parse", "rapport/2026-10^{commit}"), git(t, dir, "rev-parse", "HEAD"); got != want {
		t.Errorf("tag on %s, want HEAD %s", got, want)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "set", "T14", "--status", "pågår", "--note", "Arbeidet er i gang.", "--author", kari); err != nil {
		t.Fatal(err)
	}
	out, _, err = run(t, false, nil, "--repo", dir, "report")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Sammenlignet med rapporten av ", "1 statusendring",
		"| [T14](#T14) | Undersøke om taushetsplikten hindrer samvirke | ikke vurdert | pågår |", "Arbeidet er i gang."} {
		if !strings.Contains(out, want) {
			t.Errorf("report after a change lacks %q", want)
		}
	}
	out, _, err = run(t, false, nil, "--repo", dir, "report", "--since", "HEAD")
	if err != nil || !strings.Contains(out, "Sammenlignet med datagrunnlaget per ") || !strings.Contains(out, "Ingen statusendringer") {
		t.Errorf("report --since HEAD: %v\n%.1200s", err, out)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "report", "--since", "finnes-ikke"); err == nil || !strings.Contains(err.Error(), "fant ingen commit for «finnes-ikke»") {
		t.Errorf("report --since finnes-ikke: err = %v", err)
	}
	// Uncommitted content: --tag is refused and no tag is made.
	t14 := filepath.Join(dir, "content/measures/T14.md")
	data, _ := os.ReadFile(t14)
	os.WriteFile(t14, []byte(strings.Replace(string(data), "status: in-progress", "status: done", 1)), 0o644)
	out, _, err = run(t, false, nil, "--repo", dir, "report")
	if err != nil || !strings.Contains(out, "med endringer som ikke er lagret i en versjon ennå") {
		t.Errorf("report from a changed work tree does not say so: %v", err)
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "report", "--tag", "2026-11", "--author", kari); err == nil || !strings.Contains(err.Error(), "ikke er committet") {
		t.Errorf("report --tag with uncommitted content: err = %v", err)
	}
	if tags := git(t, dir, "tag", "-l", "rapport/*"); tags != "rapport/2026-10" {
		t.Errorf("tags = %q, want only rapport/2026-10", tags)
	}
	os.WriteFile(t14, data, 0o644)
	git(t, dir, "checkout", "--", "content")
	if _, _, err := run(t, false, nil, "--repo", dir, "report", "--tag", "2026-10", "--author", kari); err == nil || !strings.Contains(err.Error(), "finnes fra før") {
		t.Errorf("report --tag with a name in use: err = %v", err)
	}
}

func TestDocumentsFromEmbeddedContent(t *testing.T) {
	t.Chdir(t.TempDir())
	out, errOut, err := run(t, false, nil, "report")
	if err != nil || !strings.Contains(errOut, "bygd inn") || !strings.Contains(out, "Datagrunnlag: innholdet som følger med samvirke") ||
		!strings.Contains(out, "44 tiltak og anbefalinger") {
		t.Errorf("report from the embedded content: %v\n%.800s", err, out)
	}
	out, _, err = run(t, false, nil, "strategy")
	if err != nil || !strings.Contains(out, "## 5. Samhandling, samvirketiltak og felles fag- og konseptutvikling") || !strings.Contains(out, `<a id="T14"></a>`) {
		t.Errorf("strategy from the embedded content: %v", err)
	}
	if _, _, err := run(t, false, nil, "report", "--tag", "x"); err == nil {
		t.Error("report --tag without a repository succeeded")
	}
}

func TestPDFNeedsABrowser(t *testing.T) {
	dir := repo(t)
	file := filepath.Join(t.TempDir(), "r.pdf")
	t.Setenv("SAMVIRKE_CHROME", filepath.Join(t.TempDir(), "ingen-chrome"))
	_, _, err := run(t, false, nil, "--repo", dir, "report", "-o", file)
	if err == nil || !strings.Contains(err.Error(), "Installer chromium") || !strings.Contains(err.Error(), "apt-get install chromium") {
		t.Errorf("report -o r.pdf without a browser: err = %v", err)
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("a PDF file was written without a browser")
	}
	os.Unsetenv("SAMVIRKE_CHROME")
	if _, err := renderer.FindBrowser(); err != nil {
		t.Skip("no Chromium or Chrome here to print a real PDF")
	}
	if _, _, err := run(t, false, nil, "--repo", dir, "strategy", "-o", file); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(file); !strings.HasPrefix(string(data), "%PDF-") {
		t.Errorf("strategy -o r.pdf wrote %.10q", data)
	}
}

// TestStrategyRefusesUnknownRef: a [[T99]] in a chapter fails strategy (no file is
// written, in any format) and validate, both naming the file, the line and the id.
func TestStrategyRefusesUnknownRef(t *testing.T) {
	dir := repo(t)
	file := filepath.Join(dir, "content", "strategy", "01-summary.md")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(data), "[[T01]]", "[[T99]]", 1)), 0o644)
	const want = "content/strategy/01-summary.md:6:26: henvisningen til «T99» peker ikke på noe tiltak"
	for _, name := range []string{"s.html", "s.md"} {
		out := filepath.Join(t.TempDir(), name)
		_, _, err := run(t, false, nil, "--repo", dir, "strategy", "-o", out)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "ingen fil er skrevet") {
			t.Errorf("strategy -o %s: err = %v, want %q", name, err, want)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("strategy -o %s wrote the file (%v)", name, err)
		}
	}
	stdout, _, err := run(t, false, nil, "--repo", dir, "validate")
	if err == nil || !strings.Contains(stdout+err.Error(), want) {
		t.Errorf("validate: err = %v, out %q, want %q", err, stdout, want)
	}
}
