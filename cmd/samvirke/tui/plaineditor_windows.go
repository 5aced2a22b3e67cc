package tui

func defaultEditor() plainEditor {
	return plainEditor{args: []string{"notepad.exe"}, name: "Notisblokk (Notepad)", gui: true}
}
