package measures

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v4"
)

// The canonical form of a content file: front matter keys in a fixed order, strings
// double-quoted only where YAML needs it, lists indented under their key, multi-line
// notes as literal blocks, LF line endings, no BOM, one body, one final newline.
// Encoding a parsed canonical file gives the same bytes.

func str(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }
func date(d Date) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: d.String()}
}
func num(v int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
}

type frontMatter struct{ n *yaml.Node }

func newFrontMatter() *frontMatter { return &frontMatter{&yaml.Node{Kind: yaml.MappingNode}} }

func (f *frontMatter) set(key string, v *yaml.Node) {
	f.n.Content = append(f.n.Content, str(key), v)
}

func (f *frontMatter) setStr(key, v string) {
	if v != "" {
		f.set(key, str(v))
	}
}

func (f *frontMatter) setList(key string, vs []string) {
	if len(vs) == 0 {
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, v := range vs {
		seq.Content = append(seq.Content, str(v))
	}
	f.set(key, seq)
}

func dumpYAML(n *yaml.Node) []byte {
	out, err := yaml.Dump(n, yaml.WithV4Defaults(), yaml.WithLineWidth(-1),
		yaml.WithQuotePreference(yaml.QuoteDouble), yaml.WithCompactSeqIndent(false), yaml.WithIndent(2))
	if err != nil {
		// Only strings and ints built here are dumped: failure is a programming error.
		panic(fmt.Sprintf("measures: encode front matter: %v", err))
	}
	return out
}

func (f *frontMatter) document(body string) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	if len(f.n.Content) > 0 {
		b.Write(dumpYAML(f.n))
	}
	b.WriteString("---\n")
	if body = strings.TrimSpace(body); body != "" {
		b.WriteString(body)
		b.WriteString("\n")
	}
	return b.Bytes()
}

// Encode returns the measure's file in canonical form.
func (m *Measure) Encode() []byte {
	f := newFrontMatter()
	f.setStr("id", m.ID)
	f.setStr("title", m.Title)
	f.setStr("kind", string(m.Kind))
	f.setStr("area", m.Area)
	f.setStr("chapter", m.Chapter)
	f.setList("owners", m.Owners)
	f.setStr("status", string(m.Status))
	if m.Progress != nil {
		f.set("progress", num(*m.Progress))
	}
	if m.Due != nil {
		f.set("due", date(*m.Due))
	}
	f.setStr("revision", string(m.Revision))
	f.setStr("source", m.Source)
	f.setList("inputs", m.Inputs)
	if len(m.Log) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, e := range m.Log {
			ef := newFrontMatter()
			ef.set("date", date(e.Date))
			ef.setStr("status", string(e.Status))
			ef.set("note", str(strings.TrimSpace(e.Note)))
			ef.setStr("by", e.By)
			seq.Content = append(seq.Content, ef.n)
		}
		f.set("log", seq)
	}
	return f.document(m.Text)
}

// Encode returns the group's file in canonical form: the bullets renumbered, continuation
// lines indented under their bullet.
func (g *Group) Encode() []byte {
	f := newFrontMatter()
	f.setStr("id", g.ID)
	f.setStr("event", g.Event)
	f.setStr("title", g.Title)
	f.setStr("initiator", g.Initiator)
	f.setStr("facilitator", g.Facilitator)
	if g.Participants != nil {
		f.set("participants", num(*g.Participants))
	}
	f.setStr("participants_note", g.ParticipantsNote)
	f.set("day", num(g.Day))
	f.set("session", num(g.Session))
	f.setStr("note", g.Note)
	var b strings.Builder
	if g.Lead != "" {
		b.WriteString(g.Lead + "\n\n")
	}
	for i, it := range g.Items {
		marker := "- "
		if g.Ordered {
			marker = strconv.Itoa(i+1) + ". "
		}
		indent := strings.Repeat(" ", len(marker))
		for j, line := range strings.Split(it.Text, "\n") {
			if j == 0 {
				b.WriteString(marker + line + "\n")
			} else {
				b.WriteString(indent + line + "\n")
			}
		}
	}
	return f.document(b.String())
}

// Encode returns the chapter's file in canonical form.
func (ch *Chapter) Encode() []byte {
	f := newFrontMatter()
	f.setStr("id", ch.ID)
	f.set("number", num(ch.Number))
	f.setStr("title", ch.Title)
	return f.document(ch.Text)
}
