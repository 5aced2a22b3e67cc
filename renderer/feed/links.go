package feed

import (
	"net/url"
	"strings"

	"github.com/samvirke/samvirke/renderer/lang"
)

// Links makes the addresses of the site's pages: absolute under Base when it is set
// (https://eksempel.no/samvirke/), else relative to the site's root, as the feed files
// lie there. Lang is the language of the pages linked to, and so of the feeds' texts.
type Links struct {
	Base string
	Lang lang.Lang
}

// Page returns the address of the page at the slash-separated path p ("tiltak/T14/").
func (l Links) Page(p string) string {
	if l.Base == "" {
		if p == "" {
			return "./"
		}
		return p
	}
	return strings.TrimSuffix(l.Base, "/") + "/" + p
}

// Measure returns the address of a measure's page.
func (l Links) Measure(id string) string { return l.Page("tiltak/" + url.PathEscape(id) + "/") }

// host is the site's host name, for UIDs; "samvirke" when the site has no address.
func (l Links) host() string {
	if u, err := url.Parse(l.Base); err == nil && u.Host != "" {
		return u.Hostname()
	}
	return "samvirke"
}
