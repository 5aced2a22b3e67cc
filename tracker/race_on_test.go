//go:build race

package tracker

// raceEnabled: the race detector makes the simulation several times slower.
const raceEnabled = true
