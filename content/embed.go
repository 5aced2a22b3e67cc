// Package content is the strategy's data: the measures, the Åpen arena inputs, the owners,
// the action areas and the strategy text, as plain files that people edit by hand (see
// README.md in this directory). The files are embedded in the samvirke binary, which reads
// them when it runs outside a strategy repository and writes them out for `samvirke init`.
package content

import (
	"embed"
	"io/fs"
)

//go:embed README.md *.yaml measures inputs strategy
var files embed.FS

// FS returns the embedded content, rooted at the content directory.
func FS() fs.FS { return files }
