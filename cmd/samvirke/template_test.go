package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/cmd/samvirke/repotemplate"
	"github.com/spf13/cobra"
	yaml "go.yaml.in/yaml/v4"
)

// shellCommands returns the scripts of a CI file: GitHub's run: values and GitLab's
// script, before_script and after_script lines.
func shellCommands(t *testing.T, file string, data []byte) []string {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s is not valid YAML: %v", file, err)
	}
	var out []string
	var walk func(v any, key string)
	walk = func(v any, key string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(x, k)
			}
		case []any:
			for _, x := range v {
				walk(x, key)
			}
		case string:
			if slices.Contains([]string{"run", "script", "before_script", "after_script"}, key) {
				out = append(out, v)
			}
		}
	}
	walk(doc, "")
	return out
}

// samvirkeCalls finds the samvirke invocations in shell text: the words after a
// "samvirke" that starts a command, up to a redirection or the next command.
func samvirkeCalls(script string) [][]string {
	var calls [][]string
	for _, line := range strings.Split(strings.ReplaceAll(script, "\\\n", " "), "\n") {
		words := strings.Fields(line)
		for i := 0; i < len(words); i++ {
			starts := i == 0 || slices.Contains([]string{"||", "&&", ";", "|", "{", "(", "then", "else", "do"}, words[i-1])
			if words[i] != "samvirke" || !starts {
				continue
			}
			var args []string
			for _, w := range words[i+1:] {
				if slices.Contains([]string{"||", "&&", ";", "|", "}", ")"}, w) || strings.HasPrefix(w, ">") || strings.HasPrefix(w, "2>") {
					break
				}
				if end, ok := strings.CutSuffix(w, ";"); ok {
					args = append(args, strings.Trim(end, `"'`))
					break
				}
				args = append(args, strings.Trim(w, `"'`))
			}
			calls = append(calls, args)
		}
	}
	return calls
}

// checkCall reports what in a samvirke invocation the command tree does not have.
func checkCall(root *cobra.Command, args []string) (missingCmd string, problems []string) {
	cmd, rest, err := root.Find(args)
	if err != nil || (cmd == root && len(rest) > 0 && !strings.HasPrefix(rest[0], "-")) {
		return args[0], nil
	}
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if !strings.HasPrefix(a, "-") {
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := cmd.Flags().Lookup(name)
		if f == nil && !strings.HasPrefix(a, "--") && len(name) == 1 {
			f = cmd.Flags().ShorthandLookup(name)
		}
		if f == nil {
			f = cmd.InheritedFlags().Lookup(name)
		}
		if f == nil {
			problems = append(problems, cmd.CommandPath()+" has no flag "+a)
			continue
		}
		if !hasValue && f.Value.Type() != "bool" {
			i++ // the flag's value
		}
	}
	return "", problems
}

// TestWorkflowsCallExistingCommands parses the CI files of the repository template and
// of the project itself and checks that every samvirke subcommand and flag they use
// exists. Commands another branch adds (report, strategy) are named in the failure.
func TestWorkflowsCallExistingCommands(t *testing.T) {
	tmpl, err := repotemplate.Files(repotemplate.InstallFor("v1.0.0"))
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string][]byte{}
	for _, p := range []string{".github/workflows/samvirke.yml", ".gitlab-ci.yml"} {
		sources["template "+p] = tmpl[p]
		data, err := os.ReadFile(filepath.Join("..", "..", p))
		if err != nil {
			t.Fatal(err)
		}
		sources["project "+p] = data
	}
	root := NewRootCmd(&IOStreams{Getenv: os.Getenv})
	missing := map[string][]string{}
	seen := map[string]bool{}
	for file, data := range sources {
		calls := 0
		for _, script := range shellCommands(t, file, data) {
			for _, args := range samvirkeCalls(script) {
				calls++
				if len(args) == 0 {
					t.Errorf("%s: samvirke without a subcommand", file)
					continue
				}
				seen[args[0]] = true
				m, problems := checkCall(root, args)
				if m != "" {
					missing[m] = append(missing[m], file)
				}
				for _, p := range problems {
					t.Errorf("%s: samvirke %s: %s", file, strings.Join(args, " "), p)
				}
			}
		}
		if calls < 7 {
			t.Errorf("%s: found %d samvirke calls, want at least 7 (the parser missed some)", file, calls)
		}
	}
	for _, want := range []string{"validate", "fmt", "check-pr", "diff", "report", "strategy"} {
		if !seen[want] {
			t.Errorf("the workflows never call samvirke %s", want)
		}
	}
	if len(missing) > 0 {
		var names []string
		for m := range missing {
			names = append(names, m)
		}
		slices.Sort(names)
		t.Errorf("the workflows call samvirke subcommands that do not exist (yet): %s", strings.Join(names, ", "))
	}
}

func TestSamvirkeCalls(t *testing.T) {
	got := samvirkeCalls("samvirke validate --format gitlab > r.json || { samvirke validate; exit 1; }\n" +
		"echo samvirke\nif x; then samvirke diff --since \"$BASE\" --format md; fi")
	want := [][]string{{"validate", "--format", "gitlab"}, {"validate"}, {"diff", "--since", "$BASE", "--format", "md"}}
	if len(got) != len(want) {
		t.Fatalf("samvirkeCalls = %q, want %q", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("call %d = %q, want %q", i, got[i], want[i])
		}
	}
	root := NewRootCmd(&IOStreams{Getenv: os.Getenv})
	if m, _ := checkCall(root, []string{"finnes-ikke", "-o", "x"}); m != "finnes-ikke" {
		t.Errorf("checkCall of an unknown command: missing = %q", m)
	}
	if _, p := checkCall(root, []string{"validate", "--formatt", "github"}); len(p) != 1 {
		t.Errorf("checkCall of an unknown flag: %v", p)
	}
	if m, p := checkCall(root, []string{"check-pr", "--base", "origin/main", "--format", "github", "--repo", "."}); m != "" || len(p) != 0 {
		t.Errorf("checkCall of a good call: %q %v", m, p)
	}
}

func TestInitWritesTheRepositoryTemplate(t *testing.T) {
	dir := strategyRepo(t)
	files := git(t, dir, "ls-files", "--", ".github", ".gitlab", ".gitlab-ci.yml", "CONTRIBUTING.md", "CODEOWNERS", ".gitattributes")
	want := ".gitattributes\n.github/CODEOWNERS\n.github/CONTRIBUTING.md\n.github/pull_request_template.md\n.github/workflows/samvirke.yml\n.gitlab-ci.yml\n.gitlab/CODEOWNERS\n.gitlab/merge_request_templates/Default.md"
	if files != want {
		t.Errorf("init committed %q, want %q", files, want)
	}
	if st := git(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("git status after init = %q", st)
	}
	wf, _ := os.ReadFile(filepath.Join(dir, ".github/workflows/samvirke.yml"))
	if !strings.Contains(string(wf), `SAMVIRKE_VERSION: "`) {
		t.Errorf("the workflow does not install a samvirke version:\n%s", wf)
	}
	if got := git(t, dir, "check-attr", "eol", "content/measures/T14.md"); got != "content/measures/T14.md: eol: lf" {
		t.Errorf("git check-attr = %q", got)
	}
}
