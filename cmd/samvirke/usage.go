package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// cobra and pflag write their help and their errors in English. localize gives every
// command of the tree a help text, a usage text and argument and flag errors in bokmål.
func localize(root *cobra.Command) {
	root.SetUsageFunc(func(c *cobra.Command) error { return writeUsage(c.OutOrStderr(), c) })
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		//lint:ignore ST1005 the message people read, ending in the sentence that points to --help
		return fmt.Errorf(msgFlagErrorSeeHelp, norwegianError(err), flagSuggestion(c, err), c.CommandPath())
	})
	root.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		msg := fmt.Sprintf(msgUnknownCommand, args[0])
		if s := suggest(c, args[0]); len(s) > 0 {
			msg += "; mente du «" + strings.Join(s, "» eller «") + "»?"
		}
		//lint:ignore ST1005 the message people read, ending in the sentence that points to --help
		return fmt.Errorf(msgSeeHelp, msg, c.CommandPath())
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if c == root {
			c.Flags().Lookup("help").Usage = "vis hjelp"
		} else {
			c.Flags().Lookup("help").Usage = "vis hjelp for " + c.Name()
		}
		if check := c.Args; check != nil && c != root {
			c.Args = func(c *cobra.Command, args []string) error {
				if err := check(c, args); err != nil {
					msg := norwegianError(err).Error()
					if len(c.ValidArgs) > 0 && strings.HasPrefix(err.Error(), "invalid argument") {
						msg += "; gyldige er " + strings.Join(c.ValidArgs, ", ") + "."
					}
					//lint:ignore ST1005 the message people read, ending in the sentence that points to --help
					return fmt.Errorf(msgSeeHelp, msg, c.CommandPath())
				}
				return nil
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

var unknownFlagRe = regexp.MustCompile(`^unknown (?:shorthand )?flag: (?:--)?'?([^' ]+)`)

// flagSuggestion is «; mente du «--status»?» for an unknown flag near a known one.
func flagSuggestion(c *cobra.Command, err error) string {
	m := unknownFlagRe.FindStringSubmatch(err.Error())
	if m == nil || strings.HasPrefix(err.Error(), "unknown shorthand") {
		return ""
	}
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	c.InheritedFlags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	name, _, _ := strings.Cut(m[1], "=")
	if s := measures.Suggest(name, names); s != "" {
		return "; mente du «--" + s + "»?"
	}
	return ""
}

// suggest returns the commands nearest to a mistyped name: those one edit away, else
// those two edits away (cobra's own list mixes both).
func suggest(c *cobra.Command, typed string) []string {
	defer func(d int) { c.SuggestionsMinimumDistance = d }(c.SuggestionsMinimumDistance)
	for d := 1; d <= 2; d++ {
		c.SuggestionsMinimumDistance = d
		if s := c.SuggestionsFor(typed); len(s) > 0 {
			return s
		}
	}
	return nil
}

// cobraErrors turns the messages of cobra's argument checks and of pflag into bokmål;
// a message not listed passes unchanged.
var cobraErrors = []struct {
	re *regexp.Regexp
	nb func(m []string) string
}{
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`),
		func(m []string) string { return "venter " + args(m[1]) + ", fikk " + m[2] }},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`),
		func(m []string) string { return "venter minst " + args(m[1]) + ", fikk " + m[2] }},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`),
		func(m []string) string { return "venter høyst " + args(m[1]) + ", fikk " + m[2] }},
	{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`),
		func(m []string) string { return "venter " + m[1] + " til " + args(m[2]) + ", fikk " + m[3] }},
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`),
		func(m []string) string { return "ukjent argument «" + m[1] + "» til «" + m[2] + "»" }},
	{regexp.MustCompile(`^unknown flag: (.*)$`),
		func(m []string) string { return "ukjent flagg " + m[1] }},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)$`),
		func(m []string) string {
			if m[2] == "-"+m[1] {
				return "ukjent flagg -" + m[1]
			}
			return "ukjent flagg -" + m[1] + " (i " + m[2] + ")"
		}},
	{regexp.MustCompile(`^flag needs an argument: '(.)' in (.*)$`),
		func(m []string) string { return "flagget -" + m[1] + " trenger en verdi" }},
	{regexp.MustCompile(`^flag needs an argument: (.*)$`),
		func(m []string) string { return "flagget " + m[1] + " trenger en verdi" }},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: (.*)$`),
		func(m []string) string {
			msg := "ugyldig verdi «" + m[1] + "» for " + m[2]
			if strings.Contains(m[3], "strconv.Parse") {
				msg += ": skriv et tall"
			}
			return msg
		}},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)"$`),
		func(m []string) string { return "ugyldig argument «" + m[1] + "» til «" + m[2] + "»" }},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`),
		func(m []string) string { return "feil i flagget " + m[1] }},
}

func args(n string) string {
	if n == "1" {
		return "1 argument"
	}
	return n + " argumenter"
}

func norwegianError(err error) error {
	msg := err.Error()
	for _, e := range cobraErrors {
		if m := e.re.FindStringSubmatch(msg); m != nil {
			return errors.New(e.nb(m))
		}
	}
	return err
}

// writeUsage is cobra's default usage text in bokmål (samvirke uses no command groups).
func writeUsage(w io.Writer, c *cobra.Command) error {
	var b strings.Builder
	b.WriteString("Bruk:")
	if c.Runnable() {
		b.WriteString("\n  " + strings.Replace(c.UseLine(), " [flags]", " [flagg]", 1))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " [kommando]")
	}
	if len(c.Aliases) > 0 {
		b.WriteString("\n\nAlias:\n  " + c.NameAndAliases())
	}
	if c.HasExample() {
		b.WriteString("\n\nEksempler:\n" + c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\nKommandoer:")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", c.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\nFlagg:\n" + flagUsages(c.LocalFlags()))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\nFlagg for alle kommandoer:\n" + flagUsages(c.InheritedFlags()))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, msgUsageMoreHelp, c.CommandPath())
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// valueNames are what a flag's value is called in the usage, by pflag's type name.
var valueNames = map[string]string{
	"string": "tekst", "strings": "tekst", "stringSlice": "tekst", "stringArray": "tekst",
	"int": "tall", "bool": "",
}

// repeatable are pflag's types of flags that may be given more than once.
var repeatable = map[string]bool{"strings": true, "stringSlice": true, "stringArray": true, "ints": true, "intSlice": true}

// flagUsages lays out flags as pflag does, with the value names and defaults in bokmål.
// A flag whose usage names its value in backquotes (`DATO`) keeps that name.
func flagUsages(fs *pflag.FlagSet) string {
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if n, ok := valueNames[f.Value.Type()]; ok && !strings.Contains(f.Usage, "`") {
			name = n
		}
		if name != "" {
			left += " " + name
		}
		if repeatable[f.Value.Type()] && !strings.Contains(usage, "kan gjentas") {
			usage += " (kan gjentas)"
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" {
			usage += " (standard «" + d + "»)"
		}
		width = max(width, len([]rune(left)))
		lines = append(lines, line{left, usage})
	})
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s%s   %s", l.left, strings.Repeat(" ", width-len([]rune(l.left))), l.usage)
	}
	return b.String()
}

// newHelpCmd is «samvirke help [kommando]»: the command's help, or an error with the
// nearest command for a name that is none.
type helpOptions struct {
	root *cobra.Command // the tree to look the command up in

	Args []string // the command as typed: «samvirke help report»
}

// NewCmdHelp builds «samvirke help», with Norwegian errors and suggestions for a command
// it does not know; runF, when not nil, runs in place of helpRun (for tests).
func NewCmdHelp(_ *Factory, runF func(*helpOptions) error) *cobra.Command {
	opts := &helpOptions{}
	return &cobra.Command{Use: "help [kommando]", Short: "Vis hjelp for en kommando",
		RunE: func(c *cobra.Command, args []string) error {
			opts.root, opts.Args = c.Root(), args
			if runF != nil {
				return runF(opts)
			}
			return helpRun(opts)
		},
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, sub := range c.Root().Commands() {
				if sub.IsAvailableCommand() {
					names = append(names, sub.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		}}
}

// helpRun shows the help of the command typed, or says it knows no such command.
func helpRun(opts *helpOptions) error {
	args := opts.Args
	cmd, rest, err := opts.root.Find(args)
	if err == nil && cmd != nil && len(rest) == 0 {
		return cmd.Help()
	}
	if cmd == nil {
		cmd = opts.root
	}
	typed := strings.Join(args, " ")
	if len(rest) > 0 {
		typed = rest[0]
	}
	msg := fmt.Sprintf(msgUnknownCommand, typed)
	if s := suggest(cmd, typed); len(s) > 0 {
		msg += "; mente du «" + strings.Join(s, "» eller «") + "»?"
	}
	//lint:ignore ST1005 the message people read, ending in the sentence that points to --help
	return fmt.Errorf(msgSeeHelp, msg, cmd.CommandPath())
}
