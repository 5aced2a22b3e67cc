package renderer

// The fixed words of the command line's own outputs in renderer: error messages and
// «samvirke diff --format md», which are bokmål only (the documents' words are in
// renderer/lang, in bokmål and nynorsk).
const (
	// wordBrokenRefs leads the error of a strategy that refers to measures that do not
	// exist; the errors, one a line with file, line and id, follow it.
	wordBrokenRefs = "strategiteksten viser til tiltak som ikke finnes, så ingen fil er skrevet; rett henvisningene (se også «samvirke validate»)"

	// wordDiffKind heads the column of what happened to a measure in diff --format md
	// (nytt, fjernet, ny id).
	wordDiffKind = "Endring"
)
