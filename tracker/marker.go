package tracker

import (
	"os"
	"path/filepath"
)

// MarkerFile is the file Init writes at the root of a new strategy repository, beside
// content/. Its presence tells samvirke that the repository is one made for the strategy
// (and its clones), where saving an edit as a commit is what the user expects; a
// repository without it, such as samvirke's own source checkout, gets a question before
// the first save and keeps no files of samvirke's in .git/.
const MarkerFile = ".samvirke"

// markerText is the marker's content: what it is for, in Norwegian, for whoever finds it.
const markerText = `# Dette er et strategi-repo laget med «samvirke init».
# samvirke lagrer endringer her som commits uten å spørre først.
# Slett ikke fila: uten den spør samvirke før den første lagringen.
`

// MadeByInit reports whether the repository's root (the directory that holds content/)
// has the MarkerFile that Init writes, as a regular file.
func (r *Repo) MadeByInit() bool {
	fi, err := os.Lstat(filepath.Join(r.Root, MarkerFile))
	return err == nil && fi.Mode().IsRegular()
}
