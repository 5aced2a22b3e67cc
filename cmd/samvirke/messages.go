package main

import (
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strings"

	gogit "github.com/go-git/go-git/v5"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// This file holds the words the CLI says, in one place so they can be reviewed: counted
// nouns, the messages for values people type, the Norwegian for errors that reach the
// user from go-git, the standard library and the packages below, and, at the end, the
// messages of each command (errors, warnings, status lines) as constants named after
// what they say. Cobra's Use, Short, Long, Example and flag help stay with each
// command's definition; the sync conflict messages are built in syncmessages.go, and
// the cobra errors in Norwegian in usage.go.

// nouns are the singular and plural of the nouns the CLI counts.
var nouns = map[string][2]string{
	"feil":     {"feil", "feil"},
	"fil":      {"fil", "filer"},
	"endring":  {"endring", "endringer"},
	"commit":   {"commit", "commits"},
	"gruppe":   {"gruppe", "grupper"},
	"kapittel": {"kapittel", "kapitler"},
	"punkt":    {"punkt", "punkter"},
	"innspill": {"innspill", "innspill"},
	"tiltak":   {"tiltak", "tiltak"},
	"forslag":  {"forslag", "forslag"},
	"frist":    {"frist", "frister"},
	"side":     {"side", "sider"},
}

// count is n and the noun in the number that agrees with it: «1 fil», «2 filer».
func count(n int, noun string) string {
	forms, ok := nouns[noun]
	if !ok {
		panic("count: no plural for " + noun)
	}
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d %s", n, forms[0])
	}
	return fmt.Sprintf("%d %s", n, forms[1])
}

// them is the pronoun for n things: «den» for one, «dem» for more.
func them(n int) string {
	if n == 1 {
		return "den"
	}
	return "dem"
}

// whatNames are the Norwegian names of what a typed value names.
var whatNames = map[string]string{
	measures.WhatStatus: "status", measures.WhatOwner: "eier", measures.WhatArea: "innsatsområde",
	measures.WhatKind: "type", measures.WhatMeasure: "tiltak", measures.WhatItem: "innspill",
	measures.WhatDate: "dato",
}

// typedError turns a value people typed that names nothing, or more than one thing, into
// a Norwegian message with what they probably meant; other errors pass unchanged.
func typedError(err error) error {
	var le *measures.LookupError
	if !errors.As(err, &le) {
		return err
	}
	var b strings.Builder
	switch {
	case errors.Is(le.Err, measures.ErrAmbiguous):
		fmt.Fprintf(&b, "«%s» kan være flere %s: %s; skriv mer av id-en", le.Value, whatNames[le.What], strings.Join(le.Matches, ", "))
		return errors.New(b.String())
	case le.What == measures.WhatDate:
		return fmt.Errorf("«%s» er ikke en gyldig dato; skriv DD.MM.ÅÅÅÅ (31.12.2026) eller ÅÅÅÅ-MM-DD (2026-12-31)", le.Value)
	case le.What == measures.WhatMeasure:
		fmt.Fprintf(&b, "fant ikke tiltaket «%s»", le.Value)
	default:
		fmt.Fprintf(&b, "ukjent %s «%s»", whatNames[le.What], le.Value)
	}
	if le.Suggestion != "" {
		fmt.Fprintf(&b, "; mente du «%s»?", le.Suggestion)
	}
	switch {
	case len(le.Valid) > 0:
		fmt.Fprintf(&b, " Gyldige er %s.", strings.Join(le.Valid, ", "))
	case le.What == measures.WhatMeasure:
		b.WriteString(" Se «samvirke list».")
	case le.What == measures.WhatItem:
		b.WriteString(" Se «samvirke inputs».")
	}
	return errors.New(b.String())
}

// englishErrors are messages of go-git and the standard library that reach the user,
// with their Norwegian.
var englishErrors = []struct {
	re *regexp.Regexp
	nb string
}{
	{regexp.MustCompile(`remote "([^"]*)": remote not found`),
		"fant ikke remoten «$1»; se «git remote -v», eller legg den til med «git remote add $1 <url>»"},
	{regexp.MustCompile(`exec: "([^"]*)": executable file not found in (\$PATH|%PATH%)`),
		"fant ikke programmet «$1»; installer det eller velg et annet med EDITOR"},
	{regexp.MustCompile(`exec: "([^"]*)": executable file not found`), "fant ikke programmet «$1»"},
	{regexp.MustCompile(`authentication required`), "innlogging kreves; se SAMVIRKE_GIT_USERNAME og SAMVIRKE_GIT_PASSWORD"},
	{regexp.MustCompile(`repository not found`), "fant ikke repoet"},
	{regexp.MustCompile(`non-fast-forward update`), "remoten har endringer du ikke har hentet"},
}

// sentinels are the errors of samvirke's packages and of go-git that the CLI may wrap
// with a Norwegian message of its own; the English text at the end is dropped then, and
// stands in Norwegian when nothing else explains it.
var sentinels = []struct {
	err error
	nb  string
}{
	{errNoContent, "fant ingen content/-mappe"},
	{tracker.ErrNoContent, "fant ingen content/-mappe"},
	{tracker.ErrNotRepository, "ikke et git-repo"},
	{tracker.ErrUnknownRef, "fant ingen slik commit, gren, tagg eller dato"},
	{tracker.ErrExists, "finnes allerede"},
	{tracker.ErrNotFound, "fant ikke tiltaket"},
	{tracker.ErrDirty, "filen har endringer som ikke er lagret i git"},
	{tracker.ErrInvalid, "innholdet ville ikke vært gyldig"},
	{tracker.ErrLocked, "repoet er låst av en annen samvirke-prosess"},
	{tracker.ErrBadState, "repoet kan ikke endres nå"},
	{tracker.ErrNoChange, "ingenting er endret"},
	{tracker.ErrConflict, "både du og remoten har endret de samme filene"},
	{tracker.ErrNoIdentity, "fant ingen git-identitet"},
	{tracker.ErrNoReportTag, "fant ingen rapport-tagg"},
	{tracker.ErrTagExists, "taggen finnes allerede"},
	{tracker.ErrBadTagName, "ugyldig taggnavn"},
	{measures.ErrOutside, "utenfor content/-mappen"},
	{gogit.ErrRepositoryNotExists, "ikke et git-repo"},
	{exec.ErrNotFound, "fant ikke programmet"},
}

// userMessage is what the CLI prints for an error: the message in Norwegian.
func userMessage(err error) string {
	msg := err.Error()
	for _, e := range englishErrors {
		msg = e.re.ReplaceAllString(msg, e.nb)
	}
	for _, s := range sentinels {
		if !errors.Is(err, s.err) {
			continue
		}
		en := s.err.Error()
		switch {
		case msg == en:
			msg = s.nb
		case strings.HasSuffix(msg, ": "+en):
			msg = strings.TrimSuffix(msg, ": "+en)
		}
		msg = strings.ReplaceAll(msg, ": "+en+":", ":")
	}
	return msg
}

// noIdentityMsg tells how to set a git identity.
const noIdentityMsg = `fant ingen git-identitet; sett den med «git config --global user.name "Navn"» og «git config --global user.email navn@example.no», eller bruk --author "Navn <e-post>"`

// Messages several commands share
const (
	msgReadFailed              = "kunne ikke lese %s: %w"
	msgBaselineHasErrors       = "Advarsel: innholdet i «%s» har %d feil; sammenligner med det som kunne leses.\n"
	msgReadContentAt           = "kunne ikke lese innholdet i «%s»: %w"
	msgWriteFailed             = "kunne ikke skrive %s: %w"
	msgWrote                   = "Skrev %s til %s.\n"
	msgReadContent             = "kunne ikke lese innholdet: %w"
	msgUnknownFormatTextJSONMD = "ukjent format «%s»; bruk text, json eller md"
	msgCreateFailed            = "kunne ikke lage %s: %w"
	msgUnknownFormatTextJSONCI = "ukjent format «%s»; bruk text, json, github eller gitlab"
	msgUnknownFormatTextJSON   = "ukjent format «%s»; bruk text eller json"
)

// samvirke (every command)
const (
	msgInterrupted = "samvirke: avbrutt"
)

// --author (new --commit, set, accept)
const (
	msgAuthorEmpty   = `--author er tom; skriv "Navn <e-post>", f.eks. "Kari Nordmann <kari@example.no>"`
	msgAuthorNoName  = `--author «%s» mangler navn; skriv "Navn <%s>"`
	msgAuthorNoEmail = `--author «%s» mangler e-postadresse; skriv "%s <e-post>", f.eks. "%s <navn@example.no>"`
	msgAuthorBadForm = `--author «%s» er ikke på formen "Navn <e-post>"; skriv f.eks. "Kari Nordmann <kari@example.no>"`
)

// Reading the content (every command that reads content/)
const (
	msgContentNotDir        = "content %s er ikke en mappe; samvirke leser tiltakene fra mappen content/"
	msgNoContentDir         = "fant ingen content/-mappe %s; samvirke leser bare content/ i repoet (lag et strategi-repo med «samvirke init», eller bruk --repo)"
	msgContentSymlink       = "content/ i %s er en symbolsk lenke; samvirke leser bare en vanlig content/-mappe i repoet"
	msgAtNeedsContent       = "--at krever et git-repo med content/; fant ingen her eller over (bruk --repo)"
	msgBuiltinContent       = "Merk: fant ingen content/-mappe her eller over; viser innholdet som er bygd inn i samvirke (skrivebeskyttet)."
	msgAtNeedsRepo          = "--at krever et git-repo: %w"
	msgShowingCommit        = "Viser innholdet slik det var i commit %s (%s).\n"
	msgContentErrorsWarning = "Advarsel: innholdet har %d feil; kjør «samvirke validate» for detaljer.\n"
	msgNoSuchCommit         = "fant ingen commit for «%s»: oppgi en commit, gren, tagg eller dato (ÅÅÅÅ-MM-DD)"
	msgContentSymlinkAt     = "content er en symbolsk lenke i commit %s («%s»); samvirke følger ikke symbolske lenker"
	msgNoContentAt          = "commit %s («%s») har ingen content/-mappe"
	msgNeedsRepo            = "fant ingen content/-mappe; dette krever et strategi-repo (se «samvirke init» og --repo)"
	msgNotRepo              = "%s er ikke et git-repo; samvirke lagrer endringer som commits (se «samvirke init»): %w"
	msgOpenRepoFailed       = "kunne ikke åpne git-repoet i %s: %w"
)

// samvirke (help and the errors of arguments and flags)
const (
	msgFlagErrorSeeHelp = "%w%s\nSe «%s --help»."
	msgUnknownCommand   = "ukjent kommando «%s»"
	msgSeeHelp          = "%s\nSe «%s --help»."
	msgUsageMoreHelp    = "\n\nSe «%s [kommando] --help» for mer om hver kommando."
)

// samvirke accept
const (
	msgNotProposalID        = "«%s» er ikke en forslags-id; forslag heter P-<navn>, f.eks. P-felles-kurs (se «samvirke list --status proposed»)"
	msgNotMeasureNumber     = "--id «%s» er ikke et tiltaksnummer; skriv T og minst to sifre uten ekstra nuller foran, f.eks. T37"
	msgHasStatus            = "%s har status %s: %w"
	msgNumberTaken          = "nummeret %s er allerede brukt (%s, i arbeidskopien eller en gren); velg et annet eller la samvirke velge"
	msgAcceptCommit         = "%s: forslaget %s godtatt, status %s → %s"
	msgOnlyProposedAccepted = "%v; bare forslag med status foreslått kan godtas"
	msgAcceptDirty          = "en av filene som skal endres, har endringer som ikke er lagret i git, eller forslaget er ikke lagret (commit) ennå; lagre eller forkast dem først (git status): %v"
)

// samvirke check-pr
const (
	msgBaseMissing          = "--base mangler: oppgi grenen pull requesten skal inn i, f.eks. origin/main"
	msgNoCommonHistoryCI    = "fant ikke «%s» eller «%s», eller de har ingen felles historikk (i CI: hent hele historikken, f.eks. fetch-depth: 0): %v"
	msgFindChangedFiles     = "finn filene pull requesten endrer: %w"
	msgNoSecretariatChanges = "Ingen endringer som krever sekretariatet."
	msgSecretariatAllowed   = "\n%s som ellers krever sekretariatet; tillatt (sekretariatets pull request).\n"
	msgSecretariatRequired  = "\n%s krever sekretariatet. Ta %s ut av pull requesten, eller be sekretariatet om å gjøre %[2]s.\n"
	msgReadBase             = "les innholdet i --base: %w"
	msgReadPR               = "les innholdet i pull requesten: %w"
)

// samvirke clone
const (
	msgCloneDirNotEmpty  = "mappen %s finnes og er ikke tom; velg en annen mappe"
	msgCloning           = "Kloner %s til %s …\n"
	msgCloned            = "Klonet til %s.\n"
	msgMergeDriverFailed = "Merk: kunne ikke sette opp samvirke som merge-driver (%v). Gjør det selv i repoet:\n  git config merge.samvirke.driver %q\n"
	msgMergeDriverSet    = "Satte opp samvirke som gits merge-driver for content/ i dette repoet (merge.samvirke.driver i .git/config), så git pull og git merge slår sammen tiltak felt for felt.\n"
)

// samvirke completion
const (
	msgUnknownShell = "ukjent skall «%s»"
)

// samvirke demo
const (
	msgDemoCreated  = "Laget et prøverepo i %s.\nDet du lagrer der, blir commits bare i det repoet. Slett mappen når du er ferdig.\n"
	msgDemoOpenWith = "Åpne det med «samvirke --repo %s».\n"
	msgDemoLocation = "Prøverepoet ligger i %s.\n"
	msgMakeTempDir  = "kunne ikke lage en midlertidig mappe: %w"
	msgMakeDemoRepo = "kunne ikke lage prøverepoet i %s: %w"
	msgDemoGreeting = "Prøverepo: %s (lagre fritt; slett mappen etterpå)"
)

// samvirke diff
const (
	msgSinceMissing     = "--since mangler: oppgi en commit, gren, tagg eller dato å sammenligne med"
	msgNoCommitsBefore  = "Ingen commits før %s; sammenligner med et tomt repo.\n"
	msgDiffNoContent    = "fant ingen content/-mappe; diff krever et strategi-repo (bruk --repo)"
	msgNoContentChanges = "Ingen endringer i innholdet."
	msgDiffAdded        = "+ %s %s (nytt, %s)\n"
	msgDiffRemoved      = "- %s %s (fjernet)\n"
	msgDiffInputAdded   = "+ innspill %s %s (%s)\n"
	msgDiffInputRemoved = "- innspill %s %s (fjernet)\n"
	msgDiffInputChanged = "~ innspill %s %s (endret, %s)\n"
	msgDiffRenamed      = "~ %s → %s (ny id)\n"
)

// samvirke export
const (
	msgExportNeedsOutput = "oppgi filen med -o, med endelsen .xlsx (Excel-arbeidsbok) eller .csv (CSV for Excel)"
	msgExported          = "Skrev %d tiltak og anbefalinger til %s.\n"
)

// samvirke fmt
const (
	msgFmtNoContent      = "fant ingen content/-mappe; kjør samvirke fmt i et strategi-repo eller bruk --repo"
	msgFmtSkippedInvalid = "%s med feil ble ikke formatert; se «samvirke validate».\n"
	msgNotCanonical      = "%s er ikke i kanonisk form; kjør «samvirke fmt».\n"
)

// samvirke history
const (
	msgNoCommitsChanged = "ingen commits har endret «%s»"
)

// samvirke import
const (
	msgImportInvalidContent  = "innholdet har allerede %s; rett det først (samvirke validate):\n%v"
	msgColumnsNotRead        = "Merk: kolonnene %s i %s er ikke lest inn.\n"
	msgDryRun                = "Prøvekjøring (--dry-run): ingenting er lagret."
	msgImportDirty           = "en av filene importen endrer, har endringer som ikke er lagret i git; lagre (commit) eller forkast dem først (git status), så er ingenting lagret: %v"
	msgImportUnknownFileType = "%s: samvirke leser Excel-arbeidsbøker (.xlsx) og CSV-filer (.csv); lagre filen som en av dem"
	msgOpenFailed            = "kunne ikke åpne %s: %w"
	msgCSVOneSheet           = "%s: en CSV-fil har bare ett ark; ta bort --sheet"
	msgNoSuchSheet           = "%s har ikke arket «%s»; arkene er %s"
	msgPasswordProtected     = "%s er beskyttet med passord (eller er en gammel .xls-fil); lagre en kopi uten passord som .xlsx og importer den"
	msgTooLarge              = "%s er for stor: samvirke leser høyst %d rader og %d MiB"
	msgNoSheets              = "%s har ingen ark"
	msgNotUTF8CSV            = "%s er ikke en CSV-fil i UTF-8; lagre den som «CSV UTF-8» og prøv igjen (%v)"
	msgNotXLSX               = "%s er ikke en Excel-arbeidsbok (.xlsx) samvirke kan lese; åpne den i Excel eller LibreOffice og lagre den som .xlsx"
	msgImportNotSaved        = "%s har %s, så ingenting er lagret:\n%w"
	msgImportCommit          = "Import fra %s: %s\n"
	msgImportCommitProposal  = "\n%s: nytt forslag «%s»"
	msgImportChanged         = "%s endret"
	msgImportAdded           = "%s lagt til"
)

// samvirke init
const (
	msgInitExists     = "%s har allerede et git-repo eller en content/-mappe; velg en ny mappe"
	msgInitCreated    = "Laget strategi-repo i %s (commit %s).\n"
	msgInitTagFailed  = "repoet er laget, men taggen %s%s ble ikke laget: %w"
	msgInitTagged     = "Merket strategiteksten fra 2016 som %s%s; sammenlign med «samvirke strategy --compare %s%s».\n"
	msgInitBadPath    = "%s er en symbolsk lenke, en fil der init trenger en mappe, eller en mappe der init skriver en fil (i %s); init skriver ikke dit, heller ikke med --force"
	msgInitFilesExist = "disse filene i %s finnes allerede: %s; init skriver ikke over dem (flytt dem, eller bruk --force for å skrive over dem)"
)

// samvirke inputs
const (
	msgUnknownFormatTableJSON = "ukjent format «%s»; bruk table eller json"
	msgUnaddressedInputs      = "\n%d av %d innspill er ikke knyttet til noe tiltak\n"
	msgInputsSummary          = "\n%s, %s, %d knyttet til minst ett tiltak\n"
)

// samvirke link
const (
	msgNotLinked = "%s er ikke knyttet til %s"
)

// samvirke list
const (
	msgUnknownFormatTableJSONCSV = "ukjent format «%s»; bruk table, json eller csv"
	msgExcelNeedsCSV             = "--excel gjelder bare --format csv"
	msgUnknownSort               = "ukjent sortering «%s»; bruk id, title, status, due eller owner"
)

// samvirke list (the table)
const (
	msgMeasureCount = "\n%d av %d tiltak og anbefalinger\n"
)

// samvirke merge-file (git's merge driver)
const (
	msgMergeInvalid         = "samvirke: sammenslåingen av %s ga ugyldig innhold, så din versjon er beholdt:\n%v\n"
	msgMergeConflictHeading = "samvirke: begge sider har endret samme %s i %s ulikt:\n"
	msgMergeConflictField   = "  %s, %s:\n    din verdi:    %s\n    den andres:   %s\n"
	msgMergeConflictHelp    = `Filen har ingen konfliktmarkører; den inneholder din versjon. Rett feltet om den andre
verdien skal gjelde (f.eks. med samvirke set), så «git add %s» og fullfør
(«git commit», eller «git rebase --continue»); eller avbryt med «git merge --abort».
`
	msgFieldCount = "%d felt"
)

// samvirke new
const (
	msgNewCancelled     = "avbrutt; ingenting er skrevet"
	msgCommitNeedsRepo  = "--commit krever et git-repo: %w"
	msgNewNoContent     = "fant ingen content/-mappe; kjør samvirke new i en kopi (klone) av strategi-repoet, eller bruk --repo"
	msgContentHasErrors = "innholdet har allerede %d feil; rett dem først (samvirke validate):\n%v"
	msgNewMissingFlags  = "mangler %s; oppgi dem som flagg, eller kjør samvirke new i en terminal uten --yes for å bli spurt"
	msgTitleGivesNoID   = "tittelen «%s» gir ikke noe navn til id-en; bruk bokstaver eller sifre"
	msgProposalInvalid  = "forslaget er ikke skrevet fordi det ikke er gyldig:\n%v"
	msgNewCommitMessage = "%s: nytt forslag «%s»"
	msgNewCommitted     = "%s %s\n\nNeste steg: send commiten (git push) og lag en pull request.\n"
	msgWriteProposal    = "skriv %s: %w"
	msgNewWritten       = `Skrev %s (forslag %s).

Neste steg:
  1. Se over filen, og kjør «samvirke validate».
  2. Lagre forslaget på en egen gren og send det:
       git switch -c %s
       git add %s
       git commit -m "%s: nytt forslag"
       git push -u origin %s
  3. Lag en pull request (GitHub) eller merge request (GitLab) fra grenen.
Sekretariatet gir forslaget et T-nummer når det godtas.
(Med «samvirke new --commit» lager samvirke commiten for deg.)
`
	msgTitleNeedsLetters = "skriv en tittel med bokstaver eller sifre"
	msgChooseOwner       = "velg minst én eier"
	msgProposalNeedsText = "forslaget trenger en tekst"
	msgUnknownInput      = "ukjent innspill «%s»"
)

// samvirke report
const (
	msgReportNeedsRepo     = "--since og --tag krever et strategi-repo i git; fant ikke noe (se «samvirke init» og --repo)"
	msgReportDirty         = "content/ har endringer som ikke er committet; commit dem før du merker rapporten med --tag, så taggen peker på det rapporten viser"
	msgStaleMonths         = "--stale-months må være minst 1, ikke %d"
	msgNoReportBaseline    = "Merk: ingen rapport er merket som grunnlag ennå, så denne har ingen endringer å vise. Med --tag NAVN blir denne rapporten grunnlaget for den neste; med --since velger du selv hva det sammenlignes med."
	msgReportTagExists     = "rapporten er skrevet, men taggen %s%s finnes fra før; velg et annet navn"
	msgReportBadTagName    = "rapporten er skrevet, men «%s» kan ikke være navnet på en tagg; bruk bokstaver, sifre, punktum, bindestrek og understrek"
	msgReportTagFailedText = "rapporten er skrevet, men taggen ble ikke laget: %s"
	msgReportTagFailed     = "rapporten er skrevet, men taggen ble ikke laget: %w"
	msgReportTagged        = "Merket %s som grunnlag for neste rapport: %s\n"
	msgReportTagNoContent  = "Advarsel: fant ikke innholdet i %s; rapporten er ikke med i utviklingen over rapportene.\n"
	msgReportTagUnreadable = "Advarsel: kunne ikke lese innholdet i %s; rapporten er ikke med i utviklingen over rapportene.\n"
)

// samvirke report and strategy (the documents)
const (
	msgUnknownLang      = "ukjent språk «%s» for --lang; bruk nb (bokmål, standard) eller nn (nynorsk)"
	msgUnknownDocFormat = "ukjent format «%s»; bruk html, md, pdf eller docx"
	msgFormatMismatch   = "--format %s passer ikke med filnavnet %s; fjern --format eller endre filnavnet"
	msgFormatFromName   = "kan ikke se formatet av filnavnet %s; bruk .html, .md, .pdf eller .docx, eller oppgi --format"
	msgNotToTerminal    = "%s skrives ikke til terminalen; skriv til en fil med -o (f.eks. -o rapport.%s) eller send utdata videre med > eller |"
	msgNoChrome         = "PDF lages med Chromium eller Chrome, men fant ingen (så etter chromium, chromium-browser, google-chrome og chrome i PATH og /usr/bin/chromium). Installer chromium (Debian/Ubuntu: «apt-get install chromium», macOS: «brew install --cask chromium») eller Google Chrome, eller pek på nettleseren med SAMVIRKE_CHROME=/sti/til/chrome. HTML-utgaven (--format html) krever ingen nettleser: %w"
	msgPDFFailed        = "kunne ikke lage PDF med %s: %w"
	msgNoPandoc         = "Word-filer (.docx) lages med pandoc, men fant det ikke (så etter pandoc i PATH og /usr/bin/pandoc). Installer pandoc (Debian/Ubuntu: «apt-get install pandoc», macOS: «brew install pandoc», Windows: «winget install pandoc»), eller pek på det med SAMVIRKE_PANDOC=/sti/til/pandoc. HTML- og PDF-utgaven krever ikke pandoc: %w"
	msgDOCXFailed       = "kunne ikke lage Word-filen med %s: %w"
)

// samvirke resolve
const (
	msgNothingToResolve = "det er ingenting å løse: grenen og %s har ikke gått hver sin vei (siste henting). Kjør «samvirke sync»"
	msgStillUnresolved  = "%d felt er fortsatt uløst; ingenting er endret.\n%s"
	msgResolved         = "Løst og slått sammen med %s i commit %s. Kjør «samvirke sync» for å dele den.\n"
	msgKeepMissing      = "oppgi hva som skal gjelde: --keep mine, --keep theirs eller --keep FELT=mine|theirs"
	msgUnknownKeep      = "ukjent valg «%s» i --keep %s; bruk mine (dine verdier) eller theirs (de andres)"
)

// samvirke set (and the errors of saving an edit)
const (
	msgNothingToSet     = "ingenting å endre; oppgi minst én av --status, --progress, --due, --owner og --note"
	msgEmptyNote        = "notatet er tomt; skriv teksten etter --note, f.eks. --note \"Oppstartsmøte holdt.\""
	msgProgressRange    = "framdrift må være mellom 0 og 100, ikke %d"
	msgMeasureNotFound  = "fant ikke tiltaket «%s»; se «samvirke list»"
	msgMeasureFileDirty = "filen til %s har endringer som ikke er lagret i git; lagre (commit) eller forkast dem først (git diff content/measures/%s.md)"
	msgSetInvalid       = "endringen er ikke lagret fordi innholdet da ikke ville vært gyldig:\n%v"
	msgLocked           = "en annen samvirke-prosess skriver til repoet; prøv igjen om litt"
	msgGitLockHeld      = "et git-program (f.eks. git commit eller en git-klient) holder låsen %s, så ingenting er lagret; prøv igjen om litt. Kjører ikke noe git-program lenger, er låsen blitt liggende igjen: slett filen og prøv igjen"
	msgBranchMoved      = "grenen ble endret av et annet program mens samvirke lagret, så ingenting er lagret og filene er som før; prøv igjen"
	msgBadState         = "repoet kan ikke endres nå (frakoblet HEAD, bart repo eller en pågående merge/rebase): %v"
	msgAlreadySo        = "%s er allerede slik; ingenting å lagre"
	msgSaveFailed       = "lagringen av %s feilet: %w"
)

// samvirke show
const (
	msgShowLog    = "\nLogg:"
	msgShowInputs = "\nInnspill fra Åpen arena:"
)

// samvirke site
const (
	msgSiteNeedsOutput = "oppgi mappen nettstedet skal skrives til med -o, for eksempel -o public"
	msgSiteFailed      = "kunne ikke lage nettstedet: %w"
	msgSiteWriteFailed = "kunne ikke skrive nettstedet til %s: %w"
	msgSiteWritten     = "Skrev %s til %s (%s uendret%s).\n"
)

// samvirke site (the reports on the site)
const (
	msgSiteBadTagName      = "Advarsel: navnet på taggen %s kan ikke være en adresse på nettstedet; rapporten er ikke med der.\n"
	msgSiteReportPDFFailed = "kunne ikke lage PDF av rapporten %s med %s: %w"
	msgSiteNoChrome        = "Merk: fant ingen Chromium eller Chrome, så rapportene på nettstedet er uten PDF. Installer chromium, eller pek på nettleseren med SAMVIRKE_CHROME=/sti/til/chrome."
)

// samvirke strategy
const (
	msgStrategyNeedsRepo     = "--compare og --tag krever et strategi-repo i git; fant ikke noe (se «samvirke init» og --repo)"
	msgStrategyDirty         = "content/ har endringer som ikke er committet; commit dem før du merker strategiteksten med --tag, så taggen peker på det dokumentet viser"
	msgNoStrategyTag         = "fant ingen %s-tagg å sammenligne med; oppgi et grunnlag med --compare REF (en tagg, commit, gren eller dato), eller merk en versjon med «samvirke strategy --tag NAVN»"
	msgReadStrategyTags      = "kunne ikke lese strategi/-taggene: %w"
	msgStrategyTagExists     = "strategiteksten er skrevet, men taggen %s finnes fra før; velg et annet navn"
	msgStrategyBadTagName    = "strategiteksten er skrevet, men «%s» kan ikke være navnet på en tagg; bruk bokstaver, sifre, punktum, bindestrek og understrek"
	msgStrategyTagFailedText = "strategiteksten er skrevet, men taggen ble ikke laget: %s"
	msgStrategyTagFailed     = "strategiteksten er skrevet, men taggen ble ikke laget: %w"
	msgStrategyTagged        = "Merket %s som grunnlag for neste sammenligning: %s\n"
)

// samvirke sync
const (
	msgUpToDate         = "Alt er oppdatert."
	msgFetched          = "Hentet %s fra %s.\n"
	msgPushed           = "Sendte endringene til %s.\n"
	msgRebasedAndPushed = "Hentet %s fra %s, la %s herfra oppå og sendte %s.\n"
	msgMergedAndPushed  = "Hentet %s fra %s, slo sammen endringene med %s herfra og sendte resultatet (%s):\n"
	msgSyncFetching     = "Henter fra %s …"
	msgSyncPushing      = "Sender til %s …"
	msgSyncPushingTags  = "Sender rapportgrunnlag til %s …"
	msgMergedOurs       = "dine endringer (%s)"
	msgMergedTheirs     = "endringer fra %s (%s)"
	msgMergedNoFields   = "slått sammen"
	msgAnd              = " og "
)

// samvirke sync (tags)
const (
	msgTagsFetched = "Hentet %s: %s.\n"
	msgTagsPushed  = "Sendte %s: %s.\n"
	msgTagDiverged = "Merk: taggen %s finnes både her og på %s, men peker på ulike commits; ingen av dem er flyttet. Bruk et nytt navn med «%s».\n"
)

// samvirke sync, resolve, clone and the TUI when a sync stops
const (
	msgSyncNoCommonHistory = "denne grenen og %s har ingen felles historikk; ingenting er endret. Sjekk at --remote peker på riktig repo"
	msgSyncRewritten       = `historikken på %[1]s/%[2]s er skrevet om (force-push): %[3]s du hentet derfra før, finnes ikke lenger der (var %[4]s, nå %[5]s).
Ingenting er endret, verken her eller på %[1]s, og ingenting blir sendt på nytt.
Spør den som endret %[1]s/%[2]s. Skal den nye historikken gjelde, kan du ta vare på dine commits og starte fra den:
  git branch min-kopi
  git reset --hard %[1]s/%[2]s
  git update-ref -d refs/samvirke/seen/%[1]s/%[2]s`
	msgSyncTimeout            = "fikk ikke svar fra %s innen %s; ingenting er endret. Sjekk nettverket og adressen (git remote -v), eller vent lenger med --timeout"
	msgSyncMergeInvalid       = "sammenslåingen med %s ville gitt ugyldig innhold, så ingenting er endret: %w"
	msgSyncDirty              = "filer som %s har endret, har ulagrede endringer her; lagre (commit) eller flytt dem først, så ingenting går tapt: %v"
	msgSyncFailed             = "synkronisering med %s feilet: %w"
	msgGitOperationInProgress = "en git-operasjon pågår i repoet (%s); fullfør eller avbryt den først (f.eks. «git cherry-pick --abort» eller «git revert --abort»)"
	msgSecondsDecimal         = "%.1f sekunder"
	msgSameFields             = "de samme %d feltene"
	msgSyncConflict           = "både du og %s har endret %s ulikt; ingenting er endret, verken her eller på %s.\n"
	msgSyncConflictMine       = "  din verdi:  %s\n              satt av %s\n"
	msgSyncConflictTheirs     = "  fra %s: %s\n              satt av %s\n"
	msgSyncChoose             = "\nVelg hva som skal gjelde, så sync igjen:\n"
	msgSyncResolveMine        = "  samvirke resolve %s --keep mine      (behold dine verdier)\n"
	msgSyncResolveTheirs      = "  samvirke resolve %s --keep theirs    (bruk verdiene fra %s)\n"
	msgSyncResolveField       = "  samvirke resolve %s --keep %s=theirs   (felt for felt)\n"
	msgGitMergeInProgress     = "en git merge pågår i repoet; samvirke endrer ingenting før den er ferdig. Fullfør den (rett filene, «git add» og «git commit») eller avbryt den med «git merge --abort», og kjør så samvirke sync"
	msgGitRebaseInProgress    = "en git rebase pågår i repoet; samvirke endrer ingenting før den er ferdig. Fullfør den («git rebase --continue») eller avbryt den med «git rebase --abort», og kjør så samvirke sync"
	msgBranchDeleted          = "grenen er slettet"
	msgSameField              = "samme felt"
	msgSyncAgain              = "  samvirke sync"
	msgNoValue                = "(ingen)"
)

// samvirke tui (starting it)
const (
	msgTUINotRepo       = "%s er ikke et git-repo, og samvirke lagrer endringer som commits (skrivebeskyttet)."
	msgTUINeedsTerminal = "samvirke tui trenger en terminal for både inn- og utdata; i skript, bruk «samvirke list» eller «samvirke show»"
	msgForeignRepo      = "%s er ikke et strategi-repo laget med «samvirke init» (fila %s mangler); det kan være kildekoden til samvirke eller et annet prosjekt."
	msgTUIEmbedded      = "innebygd innhold, skrivebeskyttet (fant ingen content/ her eller over). «samvirke demo» lager et repo du kan endre; --repo åpner et annet."
	msgRepairFailed     = "Kunne ikke fullføre en avbrutt lagring: "
)

// samvirke validate
const (
	msgValidateErrors  = "%d feil i innholdet.\n"
	msgValid           = "Innholdet er gyldig: %d tiltak og anbefalinger, %s med %s, %s.\n"
	msgValidateSummary = "\n%s i %s.\n"
)

// samvirke version
const (
	msgDevelVersion = "(utviklingsversjon)"
	msgLocalChanges = " med lokale endringer"
)
