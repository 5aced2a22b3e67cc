package measures

import (
	"strings"
)

// RewriteRefs returns the files that refer to the measure from, rewritten to refer to
// to instead, in canonical form, by path (content/…): other measures merged into it
// (revision merged:<from>) or naming it as [[from]] in their text, and strategy chapters
// naming it in [[from]] or in a ::: tiltak line. The measure's own file is not included;
// references inside fenced code blocks are left alone, as Validate does.
func (c *Content) RewriteRefs(from, to string) map[string][]byte {
	out := map[string][]byte{}
	for _, m := range c.Measures {
		if m.ID == from {
			continue
		}
		n := m.Clone()
		if target, ok := n.Revision.MergedInto(); ok && target == from {
			n.Revision = Revision(mergedPrefix + to)
		}
		n.Text = rewriteText(n.Text, from, to)
		if n.Revision != m.Revision || n.Text != m.Text {
			out[m.File] = n.Encode()
		}
	}
	for _, ch := range c.Strategy {
		if text := rewriteText(ch.Text, from, to); text != ch.Text {
			n := *ch
			n.Text = text
			out[ch.File] = n.Encode()
		}
	}
	return out
}

// rewriteText replaces [[from]] and from in ::: tiltak lines by to, outside code fences.
func rewriteText(text, from, to string) string {
	if !strings.Contains(text, from) {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, line := range outsideFences(lines) {
		if _, ok := ParseDirective(strings.TrimSpace(line)); ok {
			fields := strings.Fields(line)
			changed := false
			for j, f := range fields {
				if j > 0 && f == from {
					fields[j], changed = to, true
				}
			}
			if changed {
				indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
				lines[i] = indent + strings.Join(fields, " ")
			}
			continue
		}
		lines[i] = RefPattern.ReplaceAllStringFunc(line, func(ref string) string {
			if ref == "[["+from+"]]" {
				return "[[" + to + "]]"
			}
			return ref
		})
	}
	return strings.Join(lines, "\n")
}
