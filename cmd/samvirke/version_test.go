package main

import (
	"strings"
	"testing"
)

// TestVersionStamped checks that the version, commit and date a release build stamps in
// with -ldflags take precedence over the build information from version control.
func TestVersionStamped(t *testing.T) {
	vcs := versionInfo("(devel)", "ffffffffffffffffffff", "2026-11-01T12:00:00Z", true)
	for _, tt := range []struct {
		name, version, commit, date, want string
	}{
		{"a release", "v1.2.0", "0123456789abcdef0123", "2026-12-01T08:30:00Z", "samvirke v1.2.0, commit 0123456789ab fra 1. desember 2026 ("},
		{"nothing stamped", "", "", "", "samvirke (utviklingsversjon), commit ffffffffffff med lokale endringer fra 1. november 2026 ("},
		{"only the version", "v1.2.0", "", "", "samvirke v1.2.0, commit ffffffffffff med lokale endringer fra 1. november 2026 ("},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := formatVersion(tt.version, stamped(vcs, tt.commit, tt.date))
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("formatVersion = %q, want %q…", got, tt.want)
			}
		})
	}
}
