package renderer

// The fixed words the strategy text adds around its references and lead-ins. They are
// named here, in one file, so they can move into the language catalogue as they are.
const (
	// wordBrokenRefs leads the error of a strategy that refers to measures that do not
	// exist; the errors, one a line with file, line and id, follow it.
	wordBrokenRefs = "strategiteksten viser til tiltak som ikke finnes, så ingen fil er skrevet; rett henvisningene (se også «samvirke validate»)"

	// wordRefMeasure and wordRefRecommendation name what a [[T14]] reference points to,
	// in lower case: the reference stands mid-sentence.
	wordRefMeasure        = "tiltak"
	wordRefRecommendation = "anbefaling"
	// wordRefPage goes before the page number a printed reference gets: «…», side 23.
	wordRefPage = ", side\u00a0"
	// wordSeeHome points from a second ::: tiltak block to where the measure stands in
	// full: «T14 Title – se hele tiltaket, side 23».
	wordSeeHome = "se hele tiltaket"
	// wordTOC is the heading of the Markdown report's table of contents.
	wordTOC = "Innhold"
	// wordDiffKind heads the column of what happened to a measure in diff --format md
	// (nytt, fjernet, ny id).
	wordDiffKind = "Endring"
	// measuresHeading is the report's chapter of measures by area, the one whose
	// sections the Markdown contents list too.
	measuresHeading = "Tiltakene etter innsatsområde"
)
