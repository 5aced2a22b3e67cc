package main

import (
	"strings"
	"testing"
)

// TestCobraSpeaksNorwegian: help, usage and the errors of cobra's and pflag's own checks
// are in bokmål, for every command.
func TestCobraSpeaksNorwegian(t *testing.T) {
	errs := []struct {
		args []string
		want string
	}{
		{[]string{"show"}, "venter 1 argument, fikk 0\nSe «samvirke show --help»."},
		{[]string{"show", "T01", "T02"}, "venter 1 argument, fikk 2"},
		{[]string{"lst"}, "ukjent kommando «lst»; mente du «list»?\nSe «samvirke --help»."},
		{[]string{"xyzzy"}, "ukjent kommando «xyzzy»\n"},
		{[]string{"list", "--bogus"}, "ukjent flagg --bogus\nSe «samvirke list --help»."},
		{[]string{"list", "-x"}, "ukjent flagg -x\n"},
		{[]string{"set", "T01", "--progress", "x"}, "ugyldig verdi «x» for --progress: skriv et tall"},
		{[]string{"set", "T01", "--progress"}, "flagget --progress trenger en verdi"},
	}
	for _, tt := range errs {
		_, _, err := run(t, false, nil, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("samvirke %s: err = %v, want %q", strings.Join(tt.args, " "), err, tt.want)
		}
	}

	root := NewRootCmd(&IOStreams{})
	var all []string
	for _, c := range root.Commands() {
		all = append(all, c.Name())
	}
	for _, name := range append(all, "") {
		args := []string{"--help"}
		if name != "" {
			args = []string{name, "--help"}
		}
		out, _, err := run(t, false, nil, args...)
		if err != nil {
			t.Fatalf("samvirke %s --help: %v", name, err)
		}
		if !strings.Contains(out, "Bruk:\n") || !strings.Contains(out, "vis hjelp") {
			t.Errorf("samvirke %s --help has no Norwegian usage:\n%s", name, out)
		}
		for _, en := range []string{"Usage:", "Flags:", "Global Flags:", "Available Commands:", "Examples:", "help for ", "(default ", " string ", " strings ", " int ", "[flags]", "[command]"} {
			if strings.Contains(out, en) {
				t.Errorf("samvirke %s --help says %q:\n%s", name, en, out)
			}
		}
	}
}
