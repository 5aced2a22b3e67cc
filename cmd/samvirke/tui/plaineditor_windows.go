package tui

func defaultEditor() plainEditor {
	return plainEditor{args: []string{"notepad.exe"}, name: "Notisblokk (Notepad)", back: "Lagre og lukk Notisblokk for å komme tilbake til samvirke."}
}
