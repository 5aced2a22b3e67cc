// Package tracker is samvirke's git-backed store, the only package that touches git
// (through go-git); what it writes is an ordinary git repository any git client reads.
//
//   - Reading: Open finds the repository that holds content/ (repo.go); the content is
//     loaded from the working tree or, through an fs.FS over a commit's tree
//     (treefs.go), from any commit, branch, tag or date (Resolve).
//   - Writing: one write transaction (tx.go) under which Save (one measure), Revert
//     (the TUI's undo) and Apply (an Edit of several files written and deleted in one
//     commit) all run: the locks (lock.go, and git's own lock files, gitlock.go), the
//     journal that lets an interrupted save be finished (journal.go) and the repairs
//     done before a write (repair.go), files written atomically (atomic.go), the index
//     and the refs written through git's lock files (indexfile.go, refs.go) and Windows
//     line endings kept (eol.go).
//   - History: History, Log and LastChanged read a change index in .git/samvirke/
//     (history.go, index.go), built in one pass and extended from where it stopped.
//   - Sync: Sync fetches, merges (with the measures merge driver) and pushes
//     (sync.go, syncmerge.go, syncremote.go, synctags.go); Upstream compares with the
//     remote branch.
//   - Init: Init creates a new strategy repository (init.go).
package tracker
