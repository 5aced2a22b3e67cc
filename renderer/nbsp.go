package renderer

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// keepTogether matches a space in the chapters' prose where a line must not break:
// inside a date («1. januar 2015», «juni 2014») and before a per cent sign or «prosent».
var keepTogether = regexp.MustCompile(`\d{1,2}\.[ \x{a0}](?:` + months + `)(?:[ \x{a0}]\d{4}\b)?|(?:` + months + `) \d{4}\b|\d (?:%|prosent\b)`)

// mayKeepTogether is keepTogether.Match, first ruling out the texts without a digit
// (most of them): every match has one, and the regular expression is slow on long texts.
func mayKeepTogether(v []byte) bool {
	return bytes.ContainsAny(v, "0123456789") && keepTogether.Match(v)
}

const months = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"

// nbspTransformer puts non-breaking spaces into the dates and per cents of a text, so a
// phone's narrow column never breaks «1. | januar» apart. Code is left as written.
type nbspTransformer struct{}

func (nbspTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var runs [][]*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if prev, ok := n.PreviousSibling().(*ast.Text); ok && joined(prev, n) {
				return ast.WalkContinue, nil // part of the run that prev starts
			}
			if run := textRun(n); mayKeepTogether(runValue(run, src)) {
				runs = append(runs, run)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, run := range runs {
		v := keepTogether.ReplaceAllFunc(runValue(run, src), func(m []byte) []byte {
			return bytes.ReplaceAll(m, []byte(" "), []byte("\u00a0"))
		})
		first, last := run[0], run[len(run)-1]
		parent, s := first.Parent(), ast.NewString(v)
		parent.InsertBefore(parent, first, s)
		for _, t := range run {
			parent.RemoveChild(parent, t)
		}
		if last.SoftLineBreak() || last.HardLineBreak() { // an empty text after it keeps the line break
			br := ast.NewTextSegment(text.NewSegment(last.Segment.Stop, last.Segment.Stop))
			br.SetSoftLineBreak(last.SoftLineBreak())
			br.SetHardLineBreak(last.HardLineBreak())
			parent.InsertAfter(parent, s, br)
		}
	}
}

// joined reports whether b goes on where a stops, on the same line: goldmark cuts a line
// of text into several at the characters an extension might start at (a space, for
// the autolinks).
func joined(a, b *ast.Text) bool {
	return !a.SoftLineBreak() && !a.HardLineBreak() && a.Segment.Stop == b.Segment.Start
}

// textRun is t and the texts after it that it joins.
func textRun(t *ast.Text) []*ast.Text {
	run := []*ast.Text{t}
	for n, ok := t.NextSibling().(*ast.Text); ok && joined(run[len(run)-1], n); n, ok = n.NextSibling().(*ast.Text) {
		run = append(run, n)
	}
	return run
}

func runValue(run []*ast.Text, src []byte) []byte {
	var b []byte
	for _, t := range run {
		b = append(b, t.Value(src)...)
	}
	return b
}
