package renderer

import (
	"html"
	"regexp"

	"github.com/samvirke/samvirke/measures"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
)

// refLink matches the links refHTML writes for [[T14]]: <a class="ref" href="#T14">.
// Content cannot write this markup itself (raw HTML is dropped), so every match is one.
var refLink = regexp.MustCompile(`<a class="ref" href="#([A-Za-z0-9-]+)">`)

// Text converts Markdown texts of one content to safe HTML for pages of their own,
// reusing one converter. A Text is not safe for concurrent use: make one per goroutine.
type Text struct{ md goldmark.Markdown }

// NewText returns a Text for the texts of c.
func NewText(c *measures.Content) *Text { return &Text{md: newMarkdown(c, nil)} }

// HTML renders the Markdown src as safe HTML (the rules of the reports: raw HTML dropped,
// unsafe link targets removed, [[T14]] as a link): href makes the address of a measure's
// page from its id. prefix keeps the ids of headings and footnotes apart from the page's
// others.
func (t *Text) HTML(src, prefix string, href func(id string) string) (string, error) {
	p := parse(t.md, src, newHeadingIDs(), prefix)
	out, err := p.html(t.md)
	if err != nil {
		return "", err
	}
	return refLink.ReplaceAllStringFunc(out, func(a string) string {
		id := refLink.FindStringSubmatch(a)[1]
		return `<a class="ref" href="` + html.EscapeString(href(id)) + `">`
	}), nil
}

// TextHTML renders one Markdown text of c as Text.HTML does.
func TextHTML(c *measures.Content, src, prefix string, href func(id string) string) (string, error) {
	return NewText(c).HTML(src, prefix, href)
}

var _ parser.IDs = newHeadingIDs()
