package content_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
)

func load(t *testing.T) *measures.Content {
	t.Helper()
	c, err := measures.Load(content.FS())
	if err != nil {
		t.Fatalf("the embedded content does not validate:\n%v", err)
	}
	return c
}

func TestContentCounts(t *testing.T) {
	c := load(t)
	var t36, d []string
	for _, m := range c.Measures {
		switch {
		case strings.HasPrefix(m.ID, "T") && m.Kind == measures.KindMeasure:
			t36 = append(t36, m.ID)
		case strings.HasPrefix(m.ID, "D"):
			d = append(d, m.ID)
		}
	}
	if len(t36) != 36 {
		t.Errorf("%d T-measures, want the 36 of the strategy", len(t36))
	}
	for i, id := range t36 {
		if want := fmt.Sprintf("T%02d", i+1); id != want {
			t.Errorf("measure %d is %s, want %s", i+1, id, want)
		}
		m := c.Measure(id)
		if want := fmt.Sprintf("tiltak %d", i+1); !strings.HasSuffix(m.Source, want) {
			t.Errorf("%s: source %q does not name %q", id, m.Source, want)
		}
	}
	if len(d) != 8 {
		t.Errorf("%d recommendations, want the 8 of the foreword", len(d))
	}
	if len(c.Groups) != 50 {
		t.Errorf("%d input groups, want the 50 of Åpen arena 2020", len(c.Groups))
	}
	// 287, was 290: an unbulleted line continues the bullet above it and an indented
	// « - » line is a sub-bullet (1.4, 2.6 and 4.6 lost one item each; content/README.md §4).
	if c.ItemCount() != 287 {
		t.Errorf("%d input bullets, want 287", c.ItemCount())
	}
	if len(c.Strategy) != 8 {
		t.Errorf("%d strategy chapters, want 8 (foreword, summary, chapters 2–7)", len(c.Strategy))
	}
}

// TestSummaryListsAllMeasures checks that the summary chapter places every T-measure once.
func TestSummaryListsAllMeasures(t *testing.T) {
	c := load(t)
	seen := map[string]int{}
	for _, ch := range c.Strategy {
		if ch.ID != "summary" {
			continue
		}
		for _, line := range strings.Split(ch.Text, "\n") {
			if d, ok := measures.ParseDirective(line); ok {
				for _, id := range d.IDs {
					seen[id]++
				}
			}
		}
	}
	for i := 1; i <= 36; i++ {
		if id := fmt.Sprintf("T%02d", i); seen[id] != 1 {
			t.Errorf("summary lists %s %d times, want once", id, seen[id])
		}
	}
}

func TestNoOCRArtefacts(t *testing.T) {
	f, err := os.Open("testdata/ocr-artefacts.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var patterns []*regexp.Regexp
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			patterns = append(patterns, regexp.MustCompile("(?m)"+line))
		}
	}
	if len(patterns) < 40 {
		t.Fatalf("only %d OCR patterns", len(patterns))
	}
	c := load(t)
	texts := map[string]string{}
	for _, ch := range c.Strategy {
		texts[ch.File] = ch.Title + "\n" + ch.Text
	}
	for _, m := range c.Measures {
		texts[m.File] = m.Title + "\n" + m.Text
	}
	for file, text := range texts {
		for _, re := range patterns {
			if loc := re.FindStringIndex(text); loc != nil {
				line := 1 + strings.Count(text[:loc[0]], "\n")
				t.Errorf("%s: OCR artefact %q (pattern %s) near text line %d", file, text[loc[0]:loc[1]], re, line)
			}
		}
	}
	// The patterns must be real: each matches the raw scan, where the seed is available.
	if raw, err := os.ReadFile("../../shared/seeds/003_47dd878ffa4fb05e.txt"); err == nil {
		for _, re := range patterns {
			if !re.Match(raw) {
				t.Errorf("pattern %s matches nothing in the OCR scan: it tests nothing", re)
			}
		}
	}
}

// TestContentIsCanonical: every record file is already in the form samvirke fmt writes.
func TestContentIsCanonical(t *testing.T) {
	c := load(t)
	check := func(file string, want []byte) {
		got, err := fs.ReadFile(content.FS(), strings.TrimPrefix(file, "content/"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not in canonical form; run samvirke fmt", file)
		}
	}
	for _, m := range c.Measures {
		check(m.File, m.Encode())
	}
	for _, g := range c.Groups {
		check(g.File, g.Encode())
	}
	for _, ch := range c.Strategy {
		check(ch.File, ch.Encode())
	}
}

// TestNorwegianLetters guards against a transcription that lost æ, ø and å altogether.
func TestNorwegianLetters(t *testing.T) {
	c := load(t)
	for _, ch := range c.Strategy {
		if n := strings.Count(ch.Text, "ø") + strings.Count(ch.Text, "å") + strings.Count(ch.Text, "æ"); n < 10 {
			t.Errorf("%s has only %d æ/ø/å", ch.File, n)
		}
	}
}
