package renderer

import "strings"

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
		b.WriteString(" (versjon " + o.Version + ")")
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
	s := StrategyTitle + ": " + name
	if o.Version != "" {
		s += ". Datagrunnlag per " + o.AsOf.Norwegian() + " (versjon " + o.Version + ")"
	}
	return s + "."
}

// PrintInfo is what the printed report carries besides its pages.
func (r *Report) PrintInfo() PrintInfo {
	return PrintInfo{Header: runningHead(reportTitle, r.opts.DocOptions), Subject: subject(strings.ToLower(reportTitle[:1])+reportTitle[1:], r.opts.DocOptions)}
}

// PrintInfo is what the printed strategy carries besides its pages.
func (s *Strategy) PrintInfo() PrintInfo {
	return PrintInfo{Header: runningHead(StrategyTitle+" · Revidert strategi", s.opts), Subject: subject("revidert strategi", s.opts)}
}

// dataText is the cover's line on where the figures come from: «Datagrunnlag per
// 1. desember 2026 (versjon c8d82df).»
func dataText(o DocOptions) string {
	switch {
	case o.Version != "":
		s := "Datagrunnlag per " + nbsp(o.AsOf.Norwegian()) + " (versjon\u00a0" + o.Version
		if o.Uncommitted {
			s += ", med endringer som ikke er lagret i en versjon ennå"
		}
		return s + ")."
	case o.Origin != "":
		return "Datagrunnlag: " + o.Origin + "."
	}
	return "Datagrunnlag: innholdet som følger med samvirke, uten versjoner å spore tallene til."
}

// PrintInfo is what the printed comparison carries besides its pages.
func (x *Comparison) PrintInfo() PrintInfo {
	return PrintInfo{Header: runningHead(StrategyTitle+" · Endringer i revisjonen", x.opts.DocOptions), Subject: subject("endringer i revisjonen av strategien", x.opts.DocOptions)}
}
