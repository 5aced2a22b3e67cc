package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

type completionOptions struct {
	streams *IOStreams
	root    *cobra.Command // the tree to complete

	Shell string
}

// NewCmdCompletion builds «samvirke completion»; runF, when not nil, runs in place of
// completionRun with the parsed options (for tests).
func NewCmdCompletion(f *Factory, runF func(*completionOptions) error) *cobra.Command {
	opts := &completionOptions{streams: f.IOStreams}
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Lag skript for autofullføring i skallet",
		Long: `Skriver et skript som gir autofullføring av kommandoer og flagg.

  bash:        source <(samvirke completion bash)
  zsh:         samvirke completion zsh > "${fpath[1]}/_samvirke"
  fish:        samvirke completion fish > ~/.config/fish/completions/samvirke.fish
  PowerShell:  samvirke completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.root, opts.Shell = cmd.Root(), args[0]
			if runF != nil {
				return runF(opts)
			}
			return completionRun(opts)
		},
	}
}

// completionRun writes the completion script of the shell.
func completionRun(opts *completionOptions) error {
	w := opts.streams.Out
	switch opts.Shell {
	case "bash":
		return opts.root.GenBashCompletionV2(w, true)
	case "zsh":
		return opts.root.GenZshCompletion(w)
	case "fish":
		return opts.root.GenFishCompletion(w, true)
	case "powershell":
		return opts.root.GenPowerShellCompletionWithDesc(w)
	}
	return fmt.Errorf(msgUnknownShell, opts.Shell)
}

// idArgs are the commands whose first argument is a measure id; link and unlink take
// input items after it.
var idArgs = map[string]bool{"show": true, "set": true, "history": true, "link": true, "unlink": true, "accept": true}

// formatUsageRe reads the formats a --format flag lists in its usage («utdata: text,
// json eller md»), so that completion offers the same values the command accepts.
var formatUsageRe = regexp.MustCompile(`^(?:utdata: )?([a-z]+(?:, [a-z]+)*(?: eller [a-z]+)?)`)

// registerCompletions makes the shell complete what the commands take: measure ids,
// statuses by their Norwegian labels, owners, areas, kinds, input items, formats and
// sort orders. Other arguments and flags complete nothing rather than file names, except
// --repo and init's directory (directories) and -o (files).
func registerCompletions(root *cobra.Command, g *globalOptions) {
	root.RegisterFlagCompletionFunc("repo", dirsOnly)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		switch {
		case c.ValidArgsFunction != nil || len(c.ValidArgs) > 0:
		case idArgs[c.Name()]:
			c.ValidArgsFunction = completeIDArgs(g, c.Name())
		case c.Name() == "init":
			c.ValidArgsFunction = dirsOnly
		default:
			c.ValidArgsFunction = noFiles
		}
		c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
			if fn := flagCompletion(g, f); fn != nil {
				c.RegisterFlagCompletionFunc(f.Name, fn)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	for _, sub := range root.Commands() {
		walk(sub)
	}
}

type completeFunc = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)

func noFiles(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveNoFileComp
}

func dirsOnly(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// fixed completes one of a fixed list of values.
func fixed(values ...string) completeFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// fromContent completes values read from the content.
func fromContent(g *globalOptions, values func(c *measures.Content) []string) completeFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		c := quietContent(g)
		if c == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return values(c), cobra.ShellCompDirectiveNoFileComp
	}
}

func flagCompletion(g *globalOptions, f *pflag.Flag) completeFunc {
	switch f.Name {
	case "status":
		var out []string
		for _, s := range measures.Statuses {
			out = append(out, s.Label()+"\t"+string(s))
		}
		return fixed(out...)
	case "kind":
		return fixed(measures.KindMeasure.Label()+"\t"+string(measures.KindMeasure),
			measures.KindRecommendation.Label()+"\t"+string(measures.KindRecommendation))
	case "sort":
		var out []string
		for _, k := range measures.SortKeys {
			out = append(out, string(k))
		}
		return fixed(out...)
	case "owner":
		return fromContent(g, ownerCompletions)
	case "area":
		return fromContent(g, areaCompletions)
	case "input":
		return fromContent(g, itemCompletions)
	case "format":
		if m := formatUsageRe.FindStringSubmatch(f.Usage); m != nil {
			return fixed(strings.FieldsFunc(strings.ReplaceAll(m[1], " eller ", ", "), func(r rune) bool { return r == ',' || r == ' ' })...)
		}
	case "output":
		return nil
	}
	if f.Value.Type() == "bool" {
		return nil
	}
	return noFiles
}

// completeIDArgs completes a measure id, then for link the input items not yet linked and
// for unlink the measure's own.
func completeIDArgs(g *globalOptions, name string) completeFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		c := quietContent(g)
		if c == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		if len(args) == 0 {
			var out []string
			for _, m := range c.Measures {
				if name != "accept" || measures.IsProposalID(m.ID) {
					out = append(out, m.ID+"\t"+m.Title)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		if name != "link" && name != "unlink" {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		m := c.Measure(normalizeID(args[0]))
		if m == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, it := range itemCompletions(c) {
			id, _, _ := strings.Cut(it, "\t")
			if slices.Contains(m.Inputs, id) == (name == "unlink") && !slices.Contains(args[1:], id) {
				out = append(out, it)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func ownerCompletions(c *measures.Content) []string {
	var out []string
	for _, o := range c.Owners {
		out = append(out, o.ID+"\t"+o.Short+" – "+o.Name)
	}
	return out
}

func areaCompletions(c *measures.Content) []string {
	var out []string
	for _, a := range c.Areas {
		out = append(out, a.ID+"\t"+a.Title)
	}
	return out
}

func itemCompletions(c *measures.Content) []string {
	var out []string
	for _, g := range c.Groups {
		for _, it := range g.Items {
			out = append(out, it.ID+"\t"+firstWords(it.Text, 60))
		}
	}
	return out
}

// firstWords is s on one line, cut to at most n runes at a word.
func firstWords(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n])
		if i := strings.LastIndex(s, " "); i > n/2 {
			s = s[:i]
		}
		s += "…"
	}
	return s
}
