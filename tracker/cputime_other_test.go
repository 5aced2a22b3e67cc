//go:build !unix

package tracker

import "time"

func cpuTime(int) time.Duration { return 0 }

const (
	rusageSelf     = 0
	rusageChildren = -1
)
