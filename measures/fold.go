package measures

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// norwegianFolder writes æ, ø and å (lower case; Fold lowers first) as ae, o and a.
var norwegianFolder = strings.NewReplacer("æ", "ae", "ø", "o", "å", "a")

// stripMarks drops combining accents: é → e, ü → u. It keeps no state (a
// transform.Chain does, and Fold runs on many goroutines at once, e.g. the TUI's index).
func stripMarks(s string) string {
	return norm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s)))
}

// Fold is the one folding rule for search, filters and slugs, in the CLI, the TUI and
// new: Unicode NFC first (so «å» typed as one character and an «å» written as a +
// U+030A, as macOS file names and some editors write it, fold alike), lower case, æ→ae,
// ø→o, å→a, other accents dropped. «oke», «øke» and «Øke» fold alike. Content is kept
// as written (normalising at load would make fmt and set rewrite lines nobody changed);
// text is folded where it is compared.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	s = norwegianFolder.Replace(strings.ToLower(norm.NFC.String(s)))
	return stripMarks(s)
}

// FoldTyped folds what people type for matching names: Fold, spaces trimmed and runs
// of space, hyphen and underscore made one space. «Pågår», «pagar» and «PÅGÅR» fold
// alike; so do «ikke vurdert» and «not-assessed»'s own words.
func FoldTyped(s string) string {
	return strings.Join(strings.FieldsFunc(Fold(s), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), " ")
}

// Contains reports whether text holds query, both folded with Fold.
func Contains(text, query string) bool { return strings.Contains(Fold(text), Fold(query)) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
