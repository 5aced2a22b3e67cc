package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newCompletionCmd(s *IOStreams) *cobra.Command {
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
			root := cmd.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(s.Out, true)
			case "zsh":
				return root.GenZshCompletion(s.Out)
			case "fish":
				return root.GenFishCompletion(s.Out, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(s.Out)
			}
			return fmt.Errorf("ukjent skall «%s»", args[0])
		},
	}
}
