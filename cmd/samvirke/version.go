package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/samvirke/samvirke/measures"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise it comes from
// the module's build information.
var version = ""

func versionString() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = &debug.BuildInfo{}
	}
	return formatVersion(version, bi)
}

// formatVersion is «samvirke v1.2.0, commit 0123456789ab fra 30. november 2026
// (linux/amd64)»: the version set at build time or the module's, and the commit and its
// date from the build information.
func formatVersion(v string, bi *debug.BuildInfo) string {
	var rev, when string
	modified := false
	if v == "" {
		v = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if v == "" || v == "(devel)" {
		v = "(utviklingsversjon)"
	}
	out := "samvirke " + v
	if len(rev) >= 12 {
		out += ", commit " + rev[:12]
		if modified {
			out += " med lokale endringer"
		}
	}
	if t, err := time.Parse(time.RFC3339, when); err == nil {
		out += " fra " + measures.DateOf(t).Norwegian()
	}
	return fmt.Sprintf("%s (%s/%s)", out, runtime.GOOS, runtime.GOARCH)
}

// releaseVersion is the module version samvirke was built as (v1.2.0), "" for a
// development build.
func releaseVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

func newVersionCmd(s *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Vis versjonen av samvirke",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintln(s.Out, versionString())
		},
	}
}
