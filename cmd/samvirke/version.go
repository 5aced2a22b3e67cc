package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise it comes from
// the module's build information.
var version = ""

func versionString() string {
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	return fmt.Sprintf("samvirke %s %s/%s", v, runtime.GOOS, runtime.GOARCH)
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
