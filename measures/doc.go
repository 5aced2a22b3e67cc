// Package measures is the domain of samvirke: the measures (tiltak) of the strategy
// «Arbeid og helse – et tettere samvirke» and the recommendations to the ministries, the
// consultation inputs they answer, their owners, the action areas and the strategy text.
//
// It parses the plain files under content/ (Markdown with YAML front matter), validates
// them with errors that name file, line, column and key, writes them back in a canonical
// form, and answers queries. It does no git, no rendering and no terminal work: the
// tracker, renderer and cmd packages build on it.
//
// Content is read from an [fs.FS] rooted at the content directory, so the same code reads
// the working tree, a git commit or the content embedded in the binary.
package measures
