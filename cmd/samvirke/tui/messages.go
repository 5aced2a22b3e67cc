package tui

// The messages of the status line, in one place so that they can be reviewed together.
// Each is a format for flash or flashErr. The texts of the views (headings, column
// names, the ? help in help.go, the key help in keys.go) stay beside the views.
const (
	msgDeclined           = "Ikke lagret.%s «samvirke demo» lager et prøverepo der du kan lagre fritt."
	msgNoTempFile         = "Kunne ikke lage en midlertidig fil: %v"
	msgNoEditor           = "Fant ikke redigeringsprogrammet «%s»; sett EDITOR til et program du har. Ingenting er lagret."
	msgEditorFailed       = "%s avsluttet %s; ingenting er lagret. Teksten ligger i %s."
	msgEditorUnreadable   = "Kunne ikke lese filen fra redigeringsprogrammet: %v"
	msgEditorInvalid      = "Ikke lagret: %v. Teksten ligger i %s."
	msgEditorNoChange     = "Ingen endring i tittel eller tekst.%s"
	msgNoMeasure          = "Velg et tiltak først."
	msgNoOwner            = "Ikke lagret: et tiltak må ha minst én eier."
	msgNoteDropped        = "Notatet er forkastet."
	msgNoteEmpty          = "Notatet er tomt; skriv noe eller trykk esc."
	msgCancelled          = "Avbrutt; ingenting er lagret."
	msgPickItem           = "Velg et innspill (ikke en gruppe) for å knytte det til et tiltak."
	msgEditElsewhere      = "Endre tiltak fra Tiltak eller detaljvisningen; her knytter l innspill til et tiltak."
	msgFilterCleared      = "Filteret er fjernet."
	msgSorted             = "Sortert etter %s."
	msgOwnerFilter        = "Viser tiltakene til %s. esc fjerner filteret."
	msgReloadFailed       = "Kunne ikke lese innholdet på nytt: %v"
	msgGitReadFailed      = "Kunne ikke lese historikken i git: %v"
	msgReloadedWithErrors = "Innholdet ble endret utenfra og har %d feil; kjør «samvirke validate»."
	msgReloaded           = "Innholdet ble endret utenfra og er lest på nytt."
	msgReadOnly           = "Kan ikke endre: %s"
	msgNothingToUndo      = "Ingen lagring å angre i denne økten."
	msgSyncing            = "Synkroniserer med det delte repoet …"
	msgNoSync             = "Dette repoet har ikke noe delt repo å synkronisere med."
	msgBusy               = "Vent litt: en lagring eller synkronisering pågår."
	msgNotSaved           = "Ikke lagret: %s"
	msgUndone             = "✓ Angret: %s %s"
	msgSaved              = "✓ Lagret %s %s"
	msgContentErrors      = "Advarsel: innholdet har %d feil; kjør «samvirke validate» for detaljer."
	msgQuitAfterSave      = "Avslutter når lagringen er ferdig …"
	msgPickerHint         = "Trykk / for å søke; ↑/↓ eller j/k flytter markøren."
)
