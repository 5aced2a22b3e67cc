package measures

// Kind tells a strategy measure from a recommendation to the ministries.
type Kind string

// The kinds of record under content/measures.
const (
	KindMeasure        Kind = "measure"
	KindRecommendation Kind = "recommendation"
)

// Kinds lists every valid kind.
var Kinds = []Kind{KindMeasure, KindRecommendation}

// Label returns the Norwegian name of the kind.
func (k Kind) Label() string {
	switch k {
	case KindMeasure:
		return "tiltak"
	case KindRecommendation:
		return "anbefaling"
	}
	return string(k)
}

// Valid reports whether k is one of [Kinds].
func (k Kind) Valid() bool { return k == KindMeasure || k == KindRecommendation }
