package content_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

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

const scanFile = "../../shared/seeds/003_47dd878ffa4fb05e.txt"

// scanLines returns the raw OCR scan of the 2016 strategy by line (1-based), or nil
// where the seed is not available.
func scanLines(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile(scanFile)
	if err != nil {
		return nil
	}
	return append([]string{""}, strings.Split(string(raw), "\n")...)
}

// ownWording returns, per measure id, the chapter file and the body of the ::: tiltak
// block that carries the chapter's own wording for it.
func ownWording(t *testing.T, c *measures.Content) map[string][2]string {
	t.Helper()
	out := map[string][2]string{}
	for _, ch := range c.Strategy {
		lines := strings.SplitAfter(ch.Text, "\n")
		for i, line := range lines {
			d, ok := measures.ParseDirective(line)
			if !ok {
				continue
			}
			body, _, ok := measures.DirectiveBody(strings.Join(lines[i+1:], ""))
			if !ok {
				continue
			}
			for _, id := range d.IDs {
				if prev, dup := out[id]; dup {
					t.Errorf("%s has its own wording in %s and in %s", id, prev[0], ch.File)
				}
				out[id] = [2]string{ch.File, body}
			}
		}
	}
	return out
}

// TestChapterRecommendations: chapters 2–7 keep their own «Anbefalinger» wording, one
// ::: tiltak block per measure, in the chapter the measure's chapter key names.
func TestChapterRecommendations(t *testing.T) {
	c := load(t)
	own := ownWording(t, c)
	for i := 1; i <= 36; i++ {
		id := fmt.Sprintf("T%02d", i)
		m := c.Measure(id)
		w, ok := own[id]
		if !ok {
			t.Errorf("%s: no chapter gives its own wording", id)
			continue
		}
		if want := "content/strategy/"; !strings.HasPrefix(w[0], want) || c.ChapterRef(m.Chapter) == nil ||
			!strings.HasSuffix(w[0], "-"+m.Chapter+".md") {
			t.Errorf("%s: chapter %q, but its recommendation stands in %s", id, m.Chapter, w[0])
		}
	}
	if len(own) != 36 {
		t.Errorf("%d measures with the chapter's own wording, want the 36 of chapters 2–7", len(own))
	}
	// Spot checks against the raw scan: the scan's line (OCR errors and all) and the
	// chapter's text for the same recommendation.
	spots := []struct {
		id       string
		line     int
		scan, us string
	}{
		{"T01", 633, "37. Det settes snarlig ut et felles oppdrag hvor en oppsummerer politikk, samarbeidsformer,", "37. Det settes snarlig ut et felles oppdrag hvor en oppsummerer politikk, samarbeidsformer,"},
		{"T03", 761, "grad samarbeide om analyse og vurdering ved reformprosesser, for eksempel ved", "I større grad samarbeide om analyse og vurdering ved reformprosesser, for eksempel ved høringer"},
		{"T07", 1145, "Innenfor konsept/modellutviklingsarbeidet (kap. 4), utrede hvordan finansieringsformer kan", "Innenfor konsept/modellutviklingsarbeidet (kap. 5), utrede hvordan finansieringsformer kan"},
		{"T11", 1158, "e Utrede/vurdere om det i det pagdende arbeidet rundt samarbeidsavtaler mellom", "Utrede/vurdere om det i det pågående arbeidet rundt samarbeidsavtaler mellom"},
		{"T14", 1535, "Gjennomfgre en undersgkelse for G avdekke om bestemmelsene om taushetsplikt utgjsr en", "Gjennomføre en undersøkelse for å avdekke om bestemmelsene om taushetsplikt utgjør en"},
		{"T25", 1963, "FoU-satsninger som fokuserer pa brukere/pasienter med psykiske/psykososiale problemer,", "FoU-satsninger som fokuserer på brukere/pasienter med psykiske/psykososiale problemer,"},
		{"T34", 2171, "e Ha etablert og konstituert et felles fagrad for omradet arbeid og helse | Igpet av 2015. Radet", "Ha etablert og konstituert et felles fagråd for området arbeid og helse i løpet av 2015. Rådet"},
	}
	lines := scanLines(t)
	for _, s := range spots {
		if lines != nil && (s.line >= len(lines) || !strings.Contains(lines[s.line], s.scan)) {
			t.Errorf("%s: the scan's line %d does not read %q", s.id, s.line, s.scan)
		}
		if w := own[s.id]; !strings.Contains(w[1], s.us) {
			t.Errorf("%s: %s does not keep the chapter's wording %q:\n%s", s.id, w[0], s.us, w[1])
		}
	}
}

// TestCrossReferences: every «kapittel N», «kap. N.M» and «under N.M» in the strategy
// names a chapter or section heading that exists, and each is the source's reference
// (in the source's section numbering, one below the chapter) renumbered to the chapter's
// number, as content/README.md §9 lists them.
func TestCrossReferences(t *testing.T) {
	c := load(t)
	headings := map[string]bool{}
	for _, ch := range c.Strategy {
		headings[strconv.Itoa(ch.Number)] = true
		for _, m := range sectionRe.FindAllStringSubmatch(ch.Text, -1) {
			headings[m[1]] = true
		}
	}
	// The mapping: file, the reference as we write it, the scan's line and its reference.
	mapping := []struct {
		file, ref string
		line      int
		scan      string
	}{
		{"02-introduction.md", "kapittel 6", 487, "kapittel 5"},
		{"03-public-health.md", "kap 5.2", 729, "kap 4.2"},
		{"04-services.md", "kap. 5", 900, "kap. 4"},
		{"04-services.md", "kap. 6", 947, "kap. 5"},
		{"04-services.md", "under 4.3", 1135, "under 3.3"},
		{"04-services.md", "kap. 5", 1145, "kap. 4"},
		{"05-collaboration.md", "kapittel 4.4", 1282, "kapittel 3.4"},
		{"05-collaboration.md", "kap. 4.4", 1458, "kap. 3.4"},
		{"07-competence-building.md", "under 5.2", 2007, "under 4.2"},
	}
	found := map[string]int{}
	for _, ch := range c.Strategy {
		for _, m := range crossRefRe.FindAllStringSubmatch(ch.Text, -1) {
			if !headings[m[2]] {
				t.Errorf("%s: «%s» names no heading (no chapter or section %s)", ch.File, m[0], m[2])
			}
			found[path.Base(ch.File)+" "+m[0]]++
		}
	}
	lines := scanLines(t)
	for _, r := range mapping {
		key := r.file + " " + r.ref
		if found[key] == 0 {
			t.Errorf("%s: the reference «%s» (scan line %d) is missing", r.file, r.ref, r.line)
		}
		found[key]--
		if lines != nil && !strings.Contains(lines[r.line], r.scan) {
			t.Errorf("scan line %d has no «%s»", r.line, r.scan)
		}
		if got := renumber(r.scan); got != r.ref {
			t.Errorf("%s: «%s» in the scan renumbers to «%s», we write «%s»", r.file, r.scan, got, r.ref)
		}
	}
	for key, n := range found {
		if n > 0 {
			t.Errorf("%s: a cross-reference not in the mapping of content/README.md §9", key)
		}
	}
}

var (
	sectionRe  = regexp.MustCompile(`(?m)^#{2,3} (\d+\.\d+) `)
	crossRefRe = regexp.MustCompile(`\b(kapittel|kap\.?|under) (\d+(?:\.\d+)?)`)
)

// renumber moves a reference in the source's section numbering to the chapter's number:
// «kap. 4.2» → «kap. 5.2».
func renumber(ref string) string {
	m := crossRefRe.FindStringSubmatch(ref)
	num, rest, _ := strings.Cut(m[2], ".")
	n, _ := strconv.Atoi(num)
	out := m[1] + " " + strconv.Itoa(n+1)
	if rest != "" {
		out += "." + rest
	}
	return out
}

// skeleton reduces a text to the letters the OCR scan reads reliably: vowels, the letters
// it confuses with æ, ø and å (g, d, p, z, j, s, @, &, 3, |) and all but letters are
// dropped, and an I inside a word (the scan's reading of l) is an l. Two texts with the
// same words have the same skeleton whatever the scan made of their letters.
func skeleton(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == 'I' && i+1 < len(rs) && unicode.IsLower(rs[i+1]) {
			r = 'l'
		}
		r = unicode.ToLower(r)
		if unicode.IsLetter(r) && !strings.ContainsRune("aeiouyæøågdpzjs", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestWordingMatchesScan: every measure's text and every chapter's own wording of a
// recommendation is word for word in the raw scan, once the typo corrections that
// content/README.md §9 lists are undone.
func TestWordingMatchesScan(t *testing.T) {
	raw, err := os.ReadFile(scanFile)
	if err != nil {
		t.Skipf("the scan is not here: %v", err)
	}
	scan := skeleton(string(raw))
	// The listed corrections, as [ours, the source's].
	undoOwn := map[string][][2]string{
		"T14": {{"for samvirke mellom", "for samarbeid samvirke mellom"}},
		"T15": {{"at det utarbeides", "at utarbeides"}},
		"T22": {{"fellesskap", "felleskap"}},
		"T23": {{"helseregistre,", "helseregistrene,"}, {"data fra arbeids", "data arbeids"}},
	}
	undoMeasure := map[string][][2]string{
		"T22": {{"fellesskap", "felleskap"}},
		"D02": {{"personer med", "personer md"}},
	}
	check := func(what, id, text string, undo [][2]string) {
		for _, u := range undo {
			if !strings.Contains(text, u[0]) {
				t.Errorf("%s %s: the listed correction «%s» is not in the text", what, id, u[0])
			}
			text = strings.ReplaceAll(text, u[0], u[1])
		}
		if !strings.Contains(scan, skeleton(text)) {
			t.Errorf("%s %s is not word for word in the scan:\n%s", what, id, text)
		}
	}
	c := load(t)
	for id, w := range ownWording(t, c) {
		check("the chapter's wording of", id, w[1], undoOwn[id])
	}
	for _, m := range c.Measures {
		check("the text of", m.ID, m.Text, undoMeasure[m.ID])
	}
	if strings.Contains(scan, skeleton("Sikrer finansiering av mer forskningsinnsats")) {
		t.Error("skeleton is too coarse: a changed word still matches the scan")
	}
}

// TestCorrectionsListed: each row of the list of typo corrections in content/README.md §9
// quotes the scan's line as it is and names a file that has the corrected words.
func TestCorrectionsListed(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([^`]+)`[^|]* \\| «([^»]+)»[^|(]*\\((\\d+)(?:–(\\d+))?\\) \\| «([^»]+)»")
	lines := scanLines(t)
	rows := row.FindAllStringSubmatch(string(readme), -1)
	if len(rows) < 25 {
		t.Fatalf("only %d rows of corrections found in README.md", len(rows))
	}
	for _, r := range rows {
		file, src, ours := r[1], r[2], r[5]
		if !strings.Contains(file, "/") {
			file = "strategy/" + file
		}
		data, err := fs.ReadFile(content.FS(), file)
		if err != nil {
			t.Errorf("README.md names %s: %v", file, err)
			continue
		}
		if !strings.Contains(string(data), ours) {
			t.Errorf("%s does not have the corrected «%s»", file, ours)
		}
		if lines == nil {
			continue
		}
		from, _ := strconv.Atoi(r[3])
		to := from
		if r[4] != "" {
			to, _ = strconv.Atoi(r[4])
		}
		if to >= len(lines) || !strings.Contains(skeleton(strings.Join(lines[from:to+1], " ")), skeleton(src)) {
			t.Errorf("README.md: the scan's line %s does not read «%s»", r[3], src)
		}
	}
}

// TestLinkCounts: the links from measures to input bullets are as many as content/README.md
// §10 says.
func TestLinkCounts(t *testing.T) {
	c := load(t)
	links, points := 0, map[string]bool{}
	for _, m := range c.Measures {
		links += len(m.Inputs)
		for _, in := range m.Inputs {
			points[in] = true
		}
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("**%d koblinger fra %d av %d punkter**", links, len(points), c.ItemCount())
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md §10 does not say %s", want)
	}
	if links != 72 || len(points) != 44 {
		t.Errorf("%d links from %d bullets, want 72 from 44 (update README.md §10 with the reasons)", links, len(points))
	}
}
