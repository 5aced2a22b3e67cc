package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLangNynorsk: --lang nn writes the report, the strategy and the comparison with every
// fixed text in nynorsk (lang="nn" in HTML), the content as written; nb is the default.
func TestLangNynorsk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	if _, _, err := run(t, false, nil, "init", dir, "--author", kari); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		want   []string
		unwant []string
	}{
		{"report md", []string{"report", "--lang", "nn"},
			[]string{"## Til merksemd for fagrådet", "## Samandrag", "## Endringar sidan førre rapport", "Inga samanlikning: dette er den første rapporten.", "Datagrunnlag per ", "ikkje vurdert"},
			[]string{"Sammendrag", "oppmerksomhet", "ikke vurdert"}},
		{"report html", []string{"report", "--lang", "nn", "--format", "html"},
			[]string{`<html lang="nn">`, ">Innhald</h2>", "Til merksemd for fagrådet"},
			[]string{`lang="nb"`, ">Innhold</h2>"}},
		{"strategy md", []string{"strategy", "--lang", "NN"},
			[]string{"**Revidert strategi**", "## Innhald", "Innspel frå Åpen arena bak tiltaket:"},
			[]string{"## Innhold", "Innspill fra Åpen arena bak tiltaket:"}},
		{"strategy html", []string{"strategy", "--lang", "nn", "--format", "html"},
			[]string{`<html lang="nn">`, "Innhald"},
			[]string{`<html lang="nb">`}},
		{"compare md", []string{"strategy", "--lang", "nn", "--compare", "strategi/2016"},
			[]string{"Revidert strategi med endringane markerte", "Samanlikna med «strategi/2016», commit ", "## Oversikt over revisjonen", "Teiknforklaring"},
			[]string{"Sammenlignet", "Tegnforklaring"}},
		{"compare html", []string{"strategy", "--lang", "nn", "--compare", "strategi/2016", "--format", "html"},
			[]string{`<html lang="nn">`, "Teiknforklaring"},
			[]string{`lang="nb"`}},
		{"nb is the default", []string{"report"},
			[]string{"## Til fagrådets oppmerksomhet", "## Sammendrag"}, []string{"Samandrag"}},
		{"nb by name", []string{"strategy", "--lang", "nb", "--format", "html"},
			[]string{`<html lang="nb">`, "Innhold"}, []string{"Innhald"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(t, false, nil, append([]string{"--repo", dir}, tt.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("%v lacks %q", tt.args, w)
				}
			}
			for _, w := range tt.unwant {
				if strings.Contains(out, w) {
					t.Errorf("%v has %q", tt.args, w)
				}
			}
		})
	}
}

// TestLangUnknown: an unknown --lang fails before anything is written, in Norwegian,
// naming nb and nn.
func TestLangUnknown(t *testing.T) {
	dir := repo(t)
	for _, args := range [][]string{
		{"report", "--lang", "de", "-o", "r.html"},
		{"strategy", "--lang", "de", "-o", "s.md"},
		{"site", "--lang", "de", "-o", "public"},
	} {
		t.Run(args[0], func(t *testing.T) {
			out := t.TempDir()
			args[len(args)-1] = filepath.Join(out, args[len(args)-1])
			_, _, err := run(t, false, nil, append([]string{"--repo", dir}, args...)...)
			want := "ukjent språk «de» for --lang; bruk nb (bokmål, standard) eller nn (nynorsk)"
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("%v: err = %v, want %q", args, err, want)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("a failed command left files: %v", entries)
			}
		})
	}
}
