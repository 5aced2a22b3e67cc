package main

import (
	"strings"
	"testing"
)

// TestListTextFoldsNorwegianLetters: list --text folds as the TUI's search does
// (measures.Fold), so «oke», «øke» and «ØKE» all find «Undersøke» (T14).
func TestListTextFoldsNorwegianLetters(t *testing.T) {
	dir := strategyRepo(t)
	for _, q := range []string{"oke", "øke", "ØKE", "undersoke"} {
		out, _, err := run(t, false, nil, "--repo", dir, "list", "--text", q)
		if err != nil {
			t.Fatalf("list --text %q: %v", q, err)
		}
		if !strings.Contains(out, "T14 ") || !strings.Contains(out, "Undersøke") {
			t.Errorf("list --text %q finds:\n%s\nwant T14 «Undersøke om taushetsplikten …»", q, out)
		}
	}
}
