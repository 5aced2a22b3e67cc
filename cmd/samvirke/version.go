package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/samvirke/samvirke/measures"

	"github.com/spf13/cobra"
)

// version, commit and date are stamped in by the release build (.goreleaser.yaml:
// -ldflags "-X main.version=v1.2.0 -X main.commit=… -X main.date=2026-12-01T12:00:00Z");
// they take precedence over the module's build information, which a `go install` or a
// `go build` in a checkout fills in.
var version, commit, date = "", "", ""

func versionString() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = &debug.BuildInfo{}
	}
	return formatVersion(version, stamped(bi, commit, date))
}

// stamped returns bi with the commit and date stamped in at build time in place of the
// ones from version control, when they are set. A release is built from a clean tag, so
// a stamped commit is never «med lokale endringer».
func stamped(bi *debug.BuildInfo, rev, when string) *debug.BuildInfo {
	if rev == "" && when == "" {
		return bi
	}
	out := *bi
	out.Settings = nil
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision", "vcs.time", "vcs.modified":
			if rev != "" {
				continue
			}
		}
		out.Settings = append(out.Settings, s)
	}
	if rev != "" {
		out.Settings = append(out.Settings, debug.BuildSetting{Key: "vcs.revision", Value: rev})
		if when != "" {
			out.Settings = append(out.Settings, debug.BuildSetting{Key: "vcs.time", Value: when})
		}
	}
	return &out
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
		v = msgDevelVersion
	}
	out := "samvirke " + v
	if len(rev) >= 12 {
		out += ", commit " + rev[:12]
		if modified {
			out += msgLocalChanges
		}
	}
	if t, err := time.Parse(time.RFC3339, when); err == nil && t.Year() > 1 {
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

type versionOptions struct {
	streams *IOStreams
}

// NewCmdVersion builds «samvirke version»; runF, when not nil, runs in place of
// versionRun (for tests).
func NewCmdVersion(f *Factory, runF func(*versionOptions) error) *cobra.Command {
	opts := &versionOptions{streams: f.IOStreams}
	return &cobra.Command{
		Use:   "version",
		Short: "Vis versjonen av samvirke",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
}

func versionRun(opts *versionOptions) error {
	_, err := fmt.Fprintln(opts.streams.Out, versionString())
	return err
}
