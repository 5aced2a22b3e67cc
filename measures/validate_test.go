package measures

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// fixture returns the small valid fixture content as a writable in-memory FS.
func fixture(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("testdata/content"), p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLoadFixture(t *testing.T) {
	c, err := Load(fixture(t))
	if err != nil {
		t.Fatalf("Load(fixture) = %v", err)
	}
	if len(c.Measures) != 4 || len(c.Groups) != 1 || c.ItemCount() != 3 || len(c.Strategy) != 1 {
		t.Fatalf("Load(fixture) = %d measures, %d groups, %d items, %d chapters", len(c.Measures), len(c.Groups), c.ItemCount(), len(c.Strategy))
	}
	if got := []string{c.Measures[0].ID, c.Measures[2].ID, c.Measures[3].ID}; strings.Join(got, " ") != "T01 T10 D01" {
		t.Errorf("measure order = %v, want T01 T10 D01", got)
	}
	if it := c.Item("aa2020-1.1/2"); it == nil || len(it.Measures) != 1 || it.Measures[0] != "T01" {
		t.Errorf("Item(aa2020-1.1/2).Measures = %v, want [T01]", it)
	}
	if u := c.Unaddressed(); len(u) != 1 || u[0].ID != "aa2020-1.1/3" {
		t.Errorf("Unaddressed() = %v, want [aa2020-1.1/3]", u)
	}
}

func TestValidateReferences(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		from    string
		to      string
		kind    error
		wantMsg string
		line    int
	}{
		{"unknown owner", "measures/T02.md", "  - hdir\n", "  - hdri\n", ErrReference, "ukjent eier «hdri»; gyldige er hdir, nav, hod (se content/owners.yaml); mente du «hdir»?", 8},
		{"unknown area", "measures/T02.md", "area: roles", "area: role", ErrReference, "ukjent innsatsområde «role»", 5},
		{"unknown chapter", "measures/T02.md", "chapter: summary", "chapter: sumary", ErrReference, "ukjent kapittel «sumary»", 6},
		{"unknown input item", "measures/T02.md", "aa2020-1.1/1", "aa2020-1.1/9", ErrReference, "gruppen aa2020-1.1 har bare 3 innspill", 13},
		{"unknown input group", "measures/T02.md", "aa2020-1.1/1", "aa2020-9.9/1", ErrReference, "gruppen «aa2020-9.9» finnes ikke", 13},
		{"merged target missing", "measures/T10.md", "merged:T01", "merged:T99", ErrReference, "«T99», som ikke finnes", 10},
		{"kind does not fit id", "measures/D01.md", "kind: recommendation", "kind: measure", ErrInvalidValue, "D-id-er er anbefalinger", 4},
		{"unknown event", "inputs/aa2020/1.1.md", "event: aa2020", "event: aa2021", ErrFileName, "event er «aa2021»", 3},
		{"strategy reference", "strategy/01-summary.md", "[[T01]]", "[[T77]]", ErrReference, "henvisningen til «T77»", 6},
		{"strategy reference after a blank line", "strategy/01-summary.md", "---\nArbeidsgruppen foreslår [[T01]]", "---\n\nArbeidsgruppen foreslår [[T77]]", ErrReference, "henvisningen til «T77»", 7},
		{"measure text reference", "measures/T01.md", "av tiltak.", "av tiltak,\nse [[T99]].", ErrReference, "henvisningen til «T99» peker ikke på noe tiltak", 24},
		{"strategy directive", "strategy/01-summary.md", "::: tiltak T01 T02", "::: tiltak T01 T03", ErrReference, "henvisningen til «T03»", 8},
		{"chapter title differs", "strategy/01-summary.md", "title: Sammendrag", "title: Oppsummering", ErrInvalidValue, "stemmer ikke med content/areas.yaml", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixture(t)
			old := string(fsys[tt.file].Data)
			if !strings.Contains(old, tt.from) {
				t.Fatalf("%s does not contain %q", tt.file, tt.from)
			}
			fsys[tt.file] = &fstest.MapFile{Data: []byte(strings.Replace(old, tt.from, tt.to, 1))}
			_, err := Load(fsys)
			for _, e := range AsErrors(err) {
				if errors.Is(e, tt.kind) && strings.Contains(e.Msg, tt.wantMsg) {
					if e.File != "content/"+tt.file || e.Line != tt.line {
						t.Errorf("error at %s:%d, want content/%s:%d", e.File, e.Line, tt.file, tt.line)
					}
					return
				}
			}
			t.Errorf("Load = %v\nwant a %v error containing %q", err, tt.kind, tt.wantMsg)
		})
	}
}

func TestValidateDuplicateAndStrayFiles(t *testing.T) {
	fsys := fixture(t)
	fsys["measures/T03.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["measures/T02.md"].Data), "id: T02", "id: T03", 1))}
	fsys["measures/notes.txt"] = &fstest.MapFile{Data: []byte("x")}
	fsys["measures/link.md"] = &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("T01.md")}
	_, err := Load(fsys)
	es := AsErrors(err)
	var kinds []string
	for _, e := range es {
		kinds = append(kinds, Code(e)+" "+e.File)
	}
	got := strings.Join(kinds, "\n")
	for _, want := range []string{"file-name content/measures/notes.txt", "symlink content/measures/link.md"} {
		if !strings.Contains(got, want) {
			t.Errorf("Load errors:\n%s\nwant %q", got, want)
		}
	}
	// T03 with id T03 is valid on its own; make a real duplicate by id.
	fsys = fixture(t)
	fsys["measures/T03.md"] = fsys["measures/T02.md"]
	_, err = Load(fsys)
	if !errors.Is(err, ErrFileName) {
		t.Errorf("a copy of T02.md saved as T03.md: Load = %v, want a file name error", err)
	}
}

func TestLoadMissingMetaFiles(t *testing.T) {
	fsys := fixture(t)
	delete(fsys, "owners.yaml")
	_, err := Load(fsys)
	for _, e := range AsErrors(err) {
		if e.File == "content/owners.yaml" && strings.Contains(e.Msg, "filen mangler") {
			return
		}
	}
	{
		t.Errorf("Load without owners.yaml = %v, want an error naming content/owners.yaml", err)
	}
}

// TestBrokenRefs: the references that name no measure, in chapters and in measure texts,
// each with its file and line, and none in valid content.
func TestBrokenRefs(t *testing.T) {
	fsys := fixture(t)
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.BrokenRefs(); len(got) != 0 {
		t.Fatalf("BrokenRefs() of valid content = %v", got)
	}
	fsys["measures/T01.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["measures/T01.md"].Data), "av tiltak.", "av tiltak, se [[T99]].", 1))}
	fsys["strategy/01-summary.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["strategy/01-summary.md"].Data), "[[T01]]", "[[T98]]", 1))}
	c, _ = Load(fsys)
	var got []string
	for _, e := range c.BrokenRefs() {
		got = append(got, e.Error())
	}
	want := []string{"content/strategy/01-summary.md:6:26: henvisningen til «T98» peker ikke på noe tiltak",
		"content/measures/T01.md:23:54: henvisningen til «T99» peker ikke på noe tiltak"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("BrokenRefs() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
