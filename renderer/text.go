package renderer

import (
	"html"
	"regexp"

	"github.com/samvirke/samvirke/measures"
	"github.com/yuin/goldmark/parser"
)

// refLink matches the links refHTML writes for [[T14]]: <a class="ref" href="#T14">.
// Content cannot write this markup itself (raw HTML is dropped), so every match is one.
var refLink = regexp.MustCompile(`<a class="ref" href="#([A-Za-z0-9-]+)">`)

// TextHTML renders the Markdown text src of content c as safe HTML (the rules of the
// reports: raw HTML dropped, unsafe link targets removed, [[T14]] as a link), for a page
// of its own: href makes the address of a measure's page from its id. prefix keeps the
// ids of headings and footnotes apart from the page's others.
func TextHTML(c *measures.Content, src, prefix string, href func(id string) string) (string, error) {
	md := newMarkdown(c, nil)
	p := parse(md, src, newHeadingIDs(), prefix)
	out, err := p.html(md)
	if err != nil {
		return "", err
	}
	return refLink.ReplaceAllStringFunc(out, func(a string) string {
		id := refLink.FindStringSubmatch(a)[1]
		return `<a class="ref" href="` + html.EscapeString(href(id)) + `">`
	}), nil
}

var _ parser.IDs = newHeadingIDs()
