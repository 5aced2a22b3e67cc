// Package renderer turns the measures domain into documents for people: so far the
// Markdown of a single measure (samvirke show --format md) and of a diff between two
// snapshots (samvirke diff --format md, the pull-request summary). The fagråd's status
// report and the revised strategy text, with goldmark, build on it (see the project's
// renderer issue). All text a reader sees is Norwegian bokmål; content is untrusted, so
// every field is escaped.
package renderer
