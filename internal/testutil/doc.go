// Package testutil holds what the packages' tests share: golden files in testdata/,
// compared or rewritten with go test's -update flag (declared here, once), and the real
// git CLI run with a fixed identity and none of the user's or the system's configuration.
//
// Only tests import it (it imports testing). A package whose tests import it must not
// declare its own -update flag: the flag package panics on the second one.
package testutil
