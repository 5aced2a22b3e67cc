package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/samvirke/samvirke/tracker"
)

// sharedTagKinds are the tags sync shares, in the order sync reports them: the name
// of one baseline of the kind in Norwegian and the command that makes a tag of it.
var sharedTagKinds = []struct{ prefix, noun, command string }{
	{tracker.ReportTagPrefix, "rapportgrunnlag", "samvirke report --tag"},
	{tracker.StrategyTagPrefix, "strategigrunnlag", "samvirke strategy --tag"},
}

// printSyncTags says which rapport/ and strategi/ tags sync fetched and sent, and
// which differ here and on remote (moved on neither side).
func printSyncTags(w io.Writer, res *tracker.SyncResult, remote string) {
	for _, k := range sharedTagKinds {
		if got := tagsOf(res.TagsFetched, k.prefix); len(got) > 0 {
			fmt.Fprintf(w, msgTagsFetched, syncPlural(len(got), k.noun, k.noun), strings.Join(got, ", "))
		}
		if sent := tagsOf(res.TagsPushed, k.prefix); len(sent) > 0 {
			fmt.Fprintf(w, msgTagsPushed, syncPlural(len(sent), k.noun, k.noun), strings.Join(sent, ", "))
		}
	}
	for _, t := range res.TagsDiffering {
		command := sharedTagKinds[0].command
		for _, k := range sharedTagKinds {
			if strings.HasPrefix(t, k.prefix) {
				command = k.command
			}
		}
		fmt.Fprintf(w, msgTagDiverged, t, remote, command)
	}
}

// tagsOf are the names in tags under prefix.
func tagsOf(tags []string, prefix string) []string {
	var out []string
	for _, t := range tags {
		if strings.HasPrefix(t, prefix) {
			out = append(out, t)
		}
	}
	return out
}
