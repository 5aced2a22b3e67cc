//go:build unix

package tracker

import (
	"syscall"
	"time"
)

// cpuTime returns the user and system CPU time used by this process (who =
// syscall.RUSAGE_SELF) or by its finished children (syscall.RUSAGE_CHILDREN): on a
// machine shared with other work it varies far less than the wall time.
func cpuTime(who int) time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(who, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

const (
	rusageSelf     = syscall.RUSAGE_SELF
	rusageChildren = syscall.RUSAGE_CHILDREN
)
