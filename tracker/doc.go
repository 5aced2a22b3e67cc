// Package tracker is samvirke's git-backed store: it opens the repository that holds
// content/, loads the content from the working tree or from any commit, branch, tag or
// date, and creates new strategy repositories. It is the only package that touches git,
// through go-git; what it writes is an ordinary git repository that any git client reads.
//
// Saving edits as validated commits, per-measure history, semantic diffs and sync with a
// remote build on this package (see the project's issue on the tracker).
package tracker
