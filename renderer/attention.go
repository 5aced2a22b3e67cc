package renderer

import (
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// attention is the report's first chapter, «Til fagrådets oppmerksomhet»: the reporting
// period, a few generated sentences and one list per rule of measures.Attention, each
// figure linking to the table of its measures.
type attention struct {
	Period    string
	Sentences string
	Groups    []attentionGroup
	Changes   *attentionChanges // nil without a baseline

	t           *lang.Texts
	stalePeriod string // «6 måneder»
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
	t := &r.t.Attention
	period := nbsp(r.t.Doc.Month.N(months))
	at := &attention{t: r.t, Groups: []attentionGroup{
		{"ofo-forfalt", t.OverdueLabel, t.OverdueRule, t.OverdueHead, a.Overdue},
		{"ofo-forsinket", t.DelayedLabel, t.DelayedRule, t.DelayedHead, a.Delayed},
		{"ofo-uten-notat", lang.F(t.StaleLabelF, period), lang.F(t.StaleRuleF, cutoff), lang.F(t.StaleHeadF, period), a.Stale},
		{"ofo-uten-eier", t.NoOwnerLabel, t.NoOwnerRule, t.NoOwnerHead, a.NoOwner},
		{"ofo-uten-frist", t.NoDueLabel, t.NoDueRule, t.NoDueHead, a.NoDue},
		{"ofo-ikke-vurdert", t.NotAssessedLabel, t.NotAssessedRule, t.NotAssessedHead, a.NotAssessed},
	}}
	if b := r.opts.Baseline; b != nil {
		if !b.Date.IsZero() {
			at.Period = lang.F(t.PeriodF, nbsp(b.Date.Norwegian()), nbsp(today.Norwegian()))
		}
		n := len(r.changes.Status)
		at.Changes = &attentionChanges{N: n, Word: t.StatusChange.Word(n)}
	}
	at.stalePeriod = period
	at.Sentences = at.sentences(len(r.c.Measures), r.opts.Baseline)
	return at
}

// sentences says in prose what the lists say: the open problems first, then the gaps in
// the data, then the movement since the baseline.
func (at *attention) sentences(total int, b *Baseline) string {
	n := func(i int) int { return len(at.Groups[i].Measures) }
	t := &at.t.Attention
	var s []string
	if p := nonZero([]int{n(0), n(1), n(5)}, []string{t.OverdueLabel, t.DelayedLabel, t.NotAssessedLabel}); len(p) > 0 {
		s = append(s, lang.F(t.OpenF, total, join(p)))
	} else {
		s = append(s, lang.F(t.NoneOpenF, total))
	}
	if n(2) > 0 {
		s = append(s, lang.F(t.StaleF, n(2), at.stalePeriod))
	}
	if p := nonZero([]int{n(3), n(4)}, []string{t.MissingOwner, t.MissingDue}); len(p) > 0 {
		s = append(s, capitalize(join(p))+".")
	}
	if at.Changes != nil {
		since := t.SinceBaseline
		if !b.Date.IsZero() {
			since = lang.F(at.t.Doc.ReportOfF, nbsp(b.Date.Norwegian()))
		}
		if at.Changes.N == 0 {
			s = append(s, lang.F(t.NoStatusChangeF, since))
		} else {
			s = append(s, lang.F(t.StatusChangedF, since, at.Changes.N))
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
