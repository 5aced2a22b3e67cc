package renderer

import (
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
)

// attention is the report's first chapter, «Til fagrådets oppmerksomhet»: the reporting
// period, a few generated sentences and one list per rule of measures.Attention, each
// figure linking to the table of its measures.
type attention struct {
	Period    string
	Sentences string
	Groups    []attentionGroup
	Changes   *attentionChanges // nil without a baseline
}

// attentionGroup is one rule's measures: «3 forfalt» in the list, linking to #ID.
type attentionGroup struct {
	ID, Label, Rule, Heading string
	Measures                 []*measures.Measure
}

type attentionChanges struct {
	N    int
	Word string // «statusendring» or «statusendringer», as N asks
}

// attentionTableMax is the most measures a rule lists in a table; more are listed by id.
const attentionTableMax = 12

// newAttention applies the rules of measures.NeedsAttention to the report's content.
func (r *Report) newAttention() *attention {
	months := r.opts.StaleMonths
	if months <= 0 {
		months = measures.DefaultStaleMonths
	}
	today := r.opts.Date
	a := measures.NeedsAttention(r.c, today, months)
	cutoff := nbsp(measures.StaleCutoff(today, months).Norwegian())
	at := &attention{Groups: []attentionGroup{
		{"ofo-forfalt", "forfalt", "fristen er passert, og de er verken gjennomført, i ordinær drift eller avsluttet", "Forfalt", a.Overdue},
		{"ofo-forsinket", "forsinket", "har status forsinket", "Forsinket", a.Delayed},
		{"ofo-uten-notat", "uten nytt notat på " + nbsp(count(months, "måned", "måneder")), "ingen notat i loggen siden " + cutoff, "Uten nytt notat på " + nbsp(count(months, "måned", "måneder")), a.Stale},
		{"ofo-uten-eier", "uten eier", "ingen ansvarlig eier er satt", "Uten eier", a.NoOwner},
		{"ofo-uten-frist", "uten frist", "ingen frist er satt", "Uten frist", a.NoDue},
		{"ofo-ikke-vurdert", "ikke vurdert", "status er ennå ikke vurdert", "Ikke vurdert", a.NotAssessed},
	}}
	if b := r.opts.Baseline; b != nil {
		if !b.Date.IsZero() {
			at.Period = "Rapportperioden er " + nbsp(b.Date.Norwegian()) + " til " + nbsp(today.Norwegian()) + ": fra rapporten det sammenlignes med, til denne."
		}
		n := len(r.changes.Status)
		at.Changes = &attentionChanges{N: n, Word: strings.TrimPrefix(count(n, "statusendring", "statusendringer"), strconv.Itoa(n)+" ")}
	}
	at.Sentences = at.sentences(len(r.c.Measures), r.opts.Baseline)
	return at
}

// sentences says in prose what the lists say: the open problems first, then the gaps in
// the data, then the movement since the baseline.
func (at *attention) sentences(total int, b *Baseline) string {
	n := func(i int) int { return len(at.Groups[i].Measures) }
	var s []string
	if p := nonZero([]int{n(0), n(1), n(5)}, []string{"forfalt", "forsinket", "ikke vurdert"}); len(p) > 0 {
		s = append(s, "Av de "+strconv.Itoa(total)+" tiltakene og anbefalingene er "+join(p)+".")
	} else {
		s = append(s, "Ingen av de "+strconv.Itoa(total)+" tiltakene og anbefalingene er forfalt, forsinket eller ikke vurdert.")
	}
	if n(2) > 0 {
		s = append(s, capitalize(count(n(2), "har", "har"))+" ikke fått noe nytt notat på "+strings.TrimPrefix(at.Groups[2].Label, "uten nytt notat på ")+".")
	}
	if p := nonZero([]int{n(3), n(4)}, []string{"mangler eier", "mangler frist"}); len(p) > 0 {
		s = append(s, capitalize(join(p))+".")
	}
	if at.Changes != nil {
		since := "sammenligningsgrunnlaget"
		if !b.Date.IsZero() {
			since = "rapporten av " + nbsp(b.Date.Norwegian())
		}
		if at.Changes.N == 0 {
			s = append(s, "Ingen har endret status siden "+since+".")
		} else {
			s = append(s, "Siden "+since+" har "+strconv.Itoa(at.Changes.N)+" endret status.")
		}
	}
	return strings.Join(s, " ")
}

// nonZero returns «3 forfalt» for each label whose count is not 0.
func nonZero(ns []int, labels []string) []string {
	var out []string
	for i, n := range ns {
		if n > 0 {
			out = append(out, strconv.Itoa(n)+" "+labels[i])
		}
	}
	return out
}

// join lists parts the Norwegian way: «a, b og c».
func join(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " og " + parts[len(parts)-1]
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// nbsp keeps a date or a number with its unit on one line: «1.\u00a0desember\u00a02026».
func nbsp(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }
