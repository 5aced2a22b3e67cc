//go:build !windows && !darwin

package tui

// defaultEditor is Debian's and Ubuntu's sensible-editor where there is one (it asks
// once, then follows the user's choice), else nano, else vi.
func defaultEditor() plainEditor {
	for _, e := range []plainEditor{{args: []string{"sensible-editor"}, name: "sensible-editor"}, {args: []string{"nano"}, name: "nano"}} {
		if _, err := lookPath(e.args[0]); err == nil {
			return e
		}
	}
	return plainEditor{args: []string{"vi"}, name: "vi"}
}
