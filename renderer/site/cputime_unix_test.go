//go:build unix

package site

import (
	"syscall"
	"time"
)

// cpuTime returns the user and system CPU time this process has used: on a machine
// shared with other work it varies far less than the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
