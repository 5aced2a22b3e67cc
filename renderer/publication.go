package renderer

import (
	"strings"

	"github.com/samvirke/samvirke/renderer/lang"
)

// What a document says about itself outside its pages: the browser tab and PDF title,
// the running header and the PDF subject. The date and the version are in all of them,
// so two printed reports are never mistaken for each other.

// docTitle is «Statusrapport til fagrådet, 1. desember 2026 (versjon c8d82df)».
func docTitle(name string, o DocOptions) string {
	var b strings.Builder
	b.WriteString(name)
	if d := o.Date.Norwegian(); d != "" {
		b.WriteString(", " + d)
	}
	if o.Version != "" {
		b.WriteString(lang.F(o.T().Doc.VersionF, o.Version))
	}
	return b.String()
}

// writeMasthead starts a document's Markdown: its title as the heading, then the kicker
// in bold and the date, «**Revidert strategi** · 1. desember 2026». kicker is Markdown.
func writeMasthead(b *strings.Builder, title, kicker string, o DocOptions) {
	b.WriteString("# " + escapeHeading(title) + "\n\n**" + kicker + "**")
	if d := o.Date.Norwegian(); d != "" {
		b.WriteString(" · " + d)
	}
	b.WriteString("\n\n")
}

// runningHead is the line at the top of every printed page.
func runningHead(name string, o DocOptions) string {
	if d := o.Date.Norwegian(); d != "" {
		return name + " · " + d
	}
	return name
}

// subject is the PDF's subject: the strategy, the document and its data.
func subject(name string, o DocOptions) string {
	s := o.T().Doc.StrategyTitle + ": " + name
	if o.Version != "" {
		s += lang.F(o.T().Doc.SubjectAsOfF, o.AsOf.Norwegian(), o.Version)
	}
	return s + "."
}

// PrintInfo is what the printed report carries besides its pages.
func (r *Report) PrintInfo() PrintInfo {
	return PrintInfo{Header: runningHead(r.t.Report.Title, r.opts.DocOptions), Subject: subject(r.t.Report.TitleLower, r.opts.DocOptions)}
}

// PrintInfo is what the printed strategy carries besides its pages.
func (s *Strategy) PrintInfo() PrintInfo {
	t := s.opts.T()
	return PrintInfo{Header: runningHead(t.Doc.StrategyTitle+" · "+t.Strategy.Subtitle, s.opts), Subject: subject(t.Strategy.SubtitleLower, s.opts)}
}

// dataText is the cover's line on where the figures come from: «Datagrunnlag per
// 1. desember 2026 (versjon c8d82df).»
func dataText(o DocOptions) string {
	t := o.T()
	switch {
	case o.Version != "":
		s := lang.F(t.Doc.DataAsOfF, nbsp(o.AsOf.Norwegian()), o.Version)
		if o.Uncommitted {
			s += t.Doc.DataUncommitted
		}
		return s + ")."
	case o.Origin != "":
		return lang.F(t.Doc.DataOriginF, o.Origin)
	}
	return t.Doc.DataEmbedded
}

// PrintInfo is what the printed comparison carries besides its pages.
func (x *Comparison) PrintInfo() PrintInfo {
	t := x.opts.T()
	return PrintInfo{Header: runningHead(lang.F(t.Compare.HeaderF, t.Doc.StrategyTitle), x.opts.DocOptions), Subject: subject(t.Compare.SubjectName, x.opts.DocOptions)}
}
