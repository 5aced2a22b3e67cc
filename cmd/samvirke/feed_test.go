package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// debianPython is the Python that Debian's python3-feedparser and python3-icalendar
// are installed for (.ci/python).
const debianPython = "/usr/bin/python3"

// parseWith reads file with the standard Python parser for kind ("atom" or "ics") and
// decodes what testdata/feeds.py prints. It skips when the parsers are missing, unless
// SAMVIRKE_REQUIRE_PYTHON=1 (set by .ci/run).
func parseWith(t *testing.T, kind, file string, v any) {
	t.Helper()
	module := map[string]string{"atom": "feedparser", "ics": "icalendar"}[kind]
	if err := exec.Command(debianPython, "-c", "import "+module).Run(); err != nil {
		if os.Getenv("SAMVIRKE_REQUIRE_PYTHON") == "1" {
			t.Fatalf("python3-%s is not installed (bash .ci/python)", module)
		}
		t.Skipf("python3-%s is not installed (bash .ci/python)", module)
	}
	out, err := exec.Command(debianPython, filepath.Join("testdata", "feeds.py"), kind, file).Output()
	if err != nil {
		t.Fatalf("feeds.py %s %s: %v", kind, file, err)
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("feeds.py output: %v\n%s", err, out)
	}
}

// atomSchema is RFC 4287's RELAX NG schema (renderer/feed/testdata).
const atomSchema = "../../renderer/feed/testdata/atom.rng"

// checkAtomSchema validates file against RFC 4287's schema with jing (installed by
// .ci/python); it skips when jing is missing, unless SAMVIRKE_REQUIRE_PYTHON=1.
// TestAtomSchemaCatchesAnInvalidFeed in renderer/feed shows that it rejects a feed
// without an id.
func checkAtomSchema(t *testing.T, file string) {
	t.Helper()
	path, err := exec.LookPath("jing")
	if err != nil {
		if os.Getenv("SAMVIRKE_REQUIRE_PYTHON") == "1" {
			t.Fatal("jing is not installed (bash .ci/python)")
		}
		t.Skip("jing is not installed (bash .ci/python)")
	}
	if out, err := exec.Command(path, atomSchema, file).CombinedOutput(); err != nil {
		t.Errorf("%s does not match RFC 4287's schema: %v\n%s", file, err, out)
	}
}

type parsedFeed struct {
	Bozo          bool   `json:"bozo"`
	BozoException string `json:"bozo_exception"`
	Version       string `json:"version"`
	Language      string `json:"language"`
	Title         string `json:"title"`
	Entries       []struct {
		ID, Title, Link, Summary, Updated, Author string
	} `json:"entries"`
}

func TestFeedParsesWithFeedparser(t *testing.T) {
	dir := strategyRepo(t)
	for _, args := range [][]string{
		{"set", "T14", "--status", "pågår", "--note", "Arbeidet er i gang."},
		{"set", "T15", "--due", "2027-03-31"},
	} {
		if _, errOut, err := run(t, false, nil, append([]string{"--repo", dir}, args...)...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errOut)
		}
	}
	// A commit whose subject is hostile: markup and a control character.
	chapters, _ := filepath.Glob(filepath.Join(dir, "content", "strategy", "*.md"))
	f0, _ := os.OpenFile(chapters[0], os.O_APPEND|os.O_WRONLY, 0)
	f0.WriteString("\nEn ny setning.\n")
	f0.Close()
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "<script>alert(1)</script> & \x01 \"strategi\"")

	file := filepath.Join(t.TempDir(), "endringer.xml")
	_, errOut, err := run(t, false, nil, "--repo", dir, "feed", "-o", file, "--url", "https://eksempel.no/strategi/")
	if err != nil {
		t.Fatalf("feed: %v\n%s", err, errOut)
	}
	if errOut != "Skrev 4 endringer til "+file+".\n" {
		t.Errorf("feed said %q", errOut)
	}
	checkAtomSchema(t, file)
	var f parsedFeed
	parseWith(t, "atom", file, &f)
	if f.Bozo || f.Version != "atom10" || f.Language != "nb" {
		t.Fatalf("feedparser: bozo %v (%s), version %q, language %q", f.Bozo, f.BozoException, f.Version, f.Language)
	}
	commits := strings.Split(git(t, dir, "log", "--format=%H", "--", "content"), "\n")
	if len(f.Entries) != len(commits) {
		t.Fatalf("%d entries, want one per commit that changed content (%d)", len(f.Entries), len(commits))
	}
	for i, want := range []struct{ title, link, summary string }{
		{`<script>alert(1)</script> &   "strategi"`, "https://eksempel.no/strategi/strategi/", "Endret strategiteksten."},
		{"T15: frist 2027-03-31", "https://eksempel.no/strategi/tiltak/T15/", "Endret T15 «"},
		{"T14: status ikke vurdert → pågår", "https://eksempel.no/strategi/tiltak/T14/", "Endret T14 «Undersøke om taushetsplikten hindrer samvirke»."},
	} {
		e := f.Entries[i]
		if e.ID != "urn:samvirke:commit:"+commits[i] {
			t.Errorf("entry %d: id %q, want the commit %s", i, e.ID, commits[i])
		}
		if !strings.HasPrefix(e.Title, strings.Fields(want.title)[0]) || e.Link != want.link || !strings.HasPrefix(e.Summary, want.summary) {
			t.Errorf("entry %d = %q %q %q, want %q %q %q…", i, e.Title, e.Link, e.Summary, want.title, want.link, want.summary)
		}
	}
	if f.Entries[0].Title != "<script>alert(1)</script> &   \"strategi\"" {
		t.Errorf("the hostile subject came out as %q", f.Entries[0].Title)
	}
	if f.Entries[1].Author != "Kari Nordmann" || strings.Contains(f.Entries[1].Author, "@") {
		t.Errorf("author %q, want the name without an address", f.Entries[1].Author)
	}
}

type parsedCalendar struct {
	Name   string `json:"name"`
	Events []struct {
		UID, Summary, Description, URL, Start, End, Ical string
		AllDay                                           bool `json:"all_day"`
	} `json:"events"`
}

// TestCalendarParsesWithIcalendar exports the due dates, reads them with Python's
// icalendar, moves one due date and exports again: one event changes, every UID stays.
func TestCalendarParsesWithIcalendar(t *testing.T) {
	dir := strategyRepo(t)
	set := func(id, due string) {
		t.Helper()
		if _, errOut, err := run(t, false, nil, "--repo", dir, "set", id, "--due", due); err != nil {
			t.Fatalf("set %s --due %s: %v\n%s", id, due, err, errOut)
		}
	}
	set("T14", "2027-01-31")
	set("T15", "2027-03-31")
	set("D02", "2027-06-30")
	if _, _, err := run(t, false, nil, "--repo", dir, "set", "T14", "--status", "pågår", "--progress", "40"); err != nil {
		t.Fatal(err)
	}
	export := func(name string) parsedCalendar {
		t.Helper()
		file := filepath.Join(t.TempDir(), name)
		if _, errOut, err := run(t, false, nil, "--repo", dir, "calendar", "-o", file, "--url", "https://eksempel.no/strategi/"); err != nil || errOut != "Skrev 3 frister til "+file+".\n" {
			t.Fatalf("calendar: %v %q", err, errOut)
		}
		var c parsedCalendar
		parseWith(t, "ics", file, &c)
		return c
	}
	before := export("frister.ics")
	if before.Name != "Frister i «Arbeid og helse – et tettere samvirke»" || len(before.Events) != 3 {
		t.Fatalf("calendar %q with %d events, want 3", before.Name, len(before.Events))
	}
	byUID := map[string]int{}
	for i, e := range before.Events {
		byUID[e.UID] = i
	}
	t14 := before.Events[byUID["frist-T14@eksempel.no"]]
	if !t14.AllDay || t14.Start != "2027-01-31" || t14.End != "2027-02-01" ||
		t14.Summary != "Frist: T14 Undersøke om taushetsplikten hindrer samvirke" ||
		t14.URL != "https://eksempel.no/strategi/tiltak/T14/" ||
		!strings.Contains(t14.Description, "Status: pågår") || !strings.Contains(t14.Description, "Framdrift: 40 %") {
		t.Errorf("the event of T14: %+v", t14)
	}

	set("T15", "2027-04-30")
	after := export("frister-2.ics")
	if len(after.Events) != len(before.Events) {
		t.Fatalf("%d events after moving a due date, want %d", len(after.Events), len(before.Events))
	}
	changed := 0
	for _, e := range after.Events {
		i, ok := byUID[e.UID]
		if !ok {
			t.Errorf("new UID %s after moving a due date", e.UID)
			continue
		}
		if e.Ical != before.Events[i].Ical {
			changed++
			if e.UID != "frist-T15@eksempel.no" || e.Start != "2027-04-30" {
				t.Errorf("the event %s changed (start %s)", e.UID, e.Start)
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d events changed, want 1", changed)
	}
}
