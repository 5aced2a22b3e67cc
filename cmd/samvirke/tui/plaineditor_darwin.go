package tui

// defaultEditor is TextEdit through open: -t opens the file in the default text editor,
// -W waits until it has quit.
func defaultEditor() plainEditor {
	return plainEditor{args: []string{"open", "-W", "-t"}, name: "TextEdit", back: "Lagre og avslutt TextEdit (cmd+Q) for å komme tilbake til samvirke."}
}
