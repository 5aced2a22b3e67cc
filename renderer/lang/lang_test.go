package lang

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
)

// texts walks a catalogue and calls f with the path and value of every string in it.
func texts(v reflect.Value, path string, f func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		f(path, v.String())
	case reflect.Struct:
		for i := range v.NumField() {
			texts(v.Field(i), path+"."+v.Type().Field(i).Name, f)
		}
	}
}

func catalogue(l Lang) map[string]string {
	out := map[string]string{}
	texts(reflect.ValueOf(*l.Texts()), "Texts", func(p, s string) { out[p] = s })
	return out
}

// TestEveryKeyInBothLanguages: no text is empty in either language, and a format has
// the same verbs in both, so a translation can never drop or swap an argument.
func TestEveryKeyInBothLanguages(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	nbT, nnT := catalogue(NB), catalogue(NN)
	if len(nbT) < 200 {
		t.Fatalf("the catalogue has %d texts; the walk misses fields", len(nbT))
	}
	for key, b := range nbT {
		n := nnT[key]
		if b == "" {
			t.Errorf("nb %s is empty", key)
		}
		if n == "" {
			t.Errorf("nn %s is empty", key)
		}
		if key == "Texts.Lang" {
			continue
		}
		if g, w := verbs.FindAllString(n, -1), verbs.FindAllString(b, -1); !slicesEqual(g, w) {
			t.Errorf("nn %s has the verbs %q, nb has %q", key, g, w)
		}
	}
}

func slicesEqual(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

// bokmaal are forms that are bokmål and not nynorsk, with the nynorsk form. Words that
// are correct in both («mange», «både», «av», «etter», «som») are not on the list.
var bokmaal = map[string]string{
	"ikke": "ikkje", "hvordan": "korleis", "hvis": "viss", "noen": "nokon", "noe": "noko",
	"fra": "frå", "efter": "etter", "hva": "kva", "hvor": "kor", "hver": "kvar",
	"hvert": "kvart", "hvilke": "kva for", "ennå": "enno", "siden": "sidan", "uten": "utan",
	"en": "ein", "et": "eit", "ett": "eitt", "de": "dei", "dem": "dei", "nå": "no",
	"eier": "eigar", "eiere": "eigarar", "ansvarlig": "ansvarleg", "innhold": "innhald",
	"innspill": "innspel", "innspillene": "innspela", "endringer": "endringar",
	"endringene": "endringane", "notater": "notat", "forsinket": "forseinka",
	"avsluttet": "avslutta", "startet": "starta", "fjernet": "fjerna", "endret": "endra",
	"flyttet": "flytta", "laget": "laga", "merket": "merkt", "lagret": "lagra",
	"forrige": "førre", "mangler": "manglar", "svarer": "svarar", "tidligere": "tidlegare",
	"sammen": "saman", "sammenlignet": "samanlikna", "sammenligning": "samanlikning",
	"anbefalinger": "tilrådingar", "tiltakene": "tiltaka", "følger": "følgjer",
	"versjoner": "versjonar", "tallene": "tala", "kilde": "kjelde", "videreføres": "vidareførast",
	"foreslått": "føreslått", "knyttet": "knytte", "satt": "sett", "gruppen": "gruppa",
	"oppmerksomhet": "merksemd", "sammendrag": "samandrag", "rapportene": "rapportane",
	"utviklingen": "utviklinga", "kapitlene": "kapitla", "nedenfor": "nedanfor",
	"strøket": "stroke", "tegnforklaring": "teiknforklaring", "annet": "anna", "sted": "stad",
	"utgår": "går ut", "deltakerne": "deltakarane", "skrev": "skreiv", "hvorfor": "kvifor",
}

var word = regexp.MustCompile(`[\p{L}]+`)

// TestNynorskHasNoBokmaal: no nynorsk text uses a form of the list above.
func TestNynorskHasNoBokmaal(t *testing.T) {
	for key, s := range catalogue(NN) {
		if key == "Texts.Doc.Publisher" { // the directorates' names
			continue
		}
		for _, w := range word.FindAllString(s, -1) {
			if nn, ok := bokmaal[strings.ToLower(w)]; ok {
				t.Errorf("nn %s = %q has the bokmål «%s» (nynorsk: «%s»)", key, s, w, nn)
			}
		}
	}
}

// TestBokmaalListCatchesBokmaal: the check is real: the bokmål catalogue trips it.
func TestBokmaalListCatchesBokmaal(t *testing.T) {
	hits := 0
	for _, s := range catalogue(NB) {
		for _, w := range word.FindAllString(s, -1) {
			if _, ok := bokmaal[strings.ToLower(w)]; ok {
				hits++
			}
		}
	}
	if hits < 50 {
		t.Errorf("the bokmål catalogue has %d words of the list; the list checks nothing", hits)
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Lang
		err  bool
	}{{"", NB, false}, {"nb", NB, false}, {"NN", NN, false}, {" nn ", NN, false}, {"de", "", true}, {"no", "", true}} {
		got, err := Parse(tc.in)
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("Parse(%q) = %q, %v; want %q, error %v", tc.in, got, err, tc.want, tc.err)
		}
		if tc.err && !errors.Is(err, ErrUnknown) {
			t.Errorf("Parse(%q) error %v is not ErrUnknown", tc.in, err)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		p    Plural
		n    int
		want string
	}{
		{nn.Changes.StatusChanges.Plural, 1, "1 statusendring"},
		{nn.Changes.StatusChanges.Plural, 2, "2 statusendringar"},
		{nb.Changes.StatusChanges.Plural, 2, "2 statusendringer"},
		{nn.Doc.Measure, 1, "1 tiltak"},
		{nn.Doc.Measure, 2, "2 tiltak"},
		{nn.Doc.Month, 6, "6 månader"},
	} {
		if got := tc.p.N(tc.n); got != tc.want {
			t.Errorf("%v.N(%d) = %q, want %q", tc.p, tc.n, got, tc.want)
		}
	}
	if got := nn.Changes.NewNotes.N(0); got != "ingen nye notat" {
		t.Errorf("NewNotes.N(0) = %q", got)
	}
}

// TestStatusLabels: every status and revision has a nynorsk label of its own in the
// domain, with no bokmål form.
func TestStatusLabels(t *testing.T) {
	for _, s := range measures.Statuses {
		l := NN.Texts().Status(s)
		if l == string(s) {
			t.Errorf("status %s has no nynorsk label", s)
		}
		for _, w := range word.FindAllString(l, -1) {
			if _, ok := bokmaal[w]; ok {
				t.Errorf("nynorsk label of %s = %q is bokmål", s, l)
			}
		}
		if NB.Texts().Status(s) != s.Label() {
			t.Errorf("nb label of %s is not Label()", s)
		}
	}
	for _, r := range []measures.Revision{measures.RevisionKeep, measures.RevisionRevise, measures.RevisionNew, measures.RevisionRetire, "merged:T02"} {
		for _, w := range word.FindAllString(NN.Texts().Revision(r), -1) {
			if _, ok := bokmaal[w]; ok {
				t.Errorf("nynorsk revision %s = %q is bokmål", r, NN.Texts().Revision(r))
			}
		}
	}
}
