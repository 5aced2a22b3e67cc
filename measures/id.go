package measures

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	numberedIDRe = regexp.MustCompile(`^T(\d{2,})$`)
	recommendRe  = regexp.MustCompile(`^D(\d{2})$`)
	proposalRe   = regexp.MustCompile(`^P-[a-z0-9]+(-[a-z0-9]+)*$`)
	plainIDRe    = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
)

// ValidMeasureID reports whether id has the form of a measure id: T + at least two
// digits (T01, T37, T100), D + two digits, or P-<slug> for proposals not yet numbered.
func ValidMeasureID(id string) bool {
	return numberedIDRe.MatchString(id) || recommendRe.MatchString(id) || proposalRe.MatchString(id)
}

// IsProposalID reports whether id is a P-<slug> proposal id.
func IsProposalID(id string) bool { return proposalRe.MatchString(id) }

// MeasureNumber returns the number of a numbered measure id (T37 → 37).
func MeasureNumber(id string) (int, bool) {
	m := numberedIDRe.FindStringSubmatch(id)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}

// NumberedID returns the canonical id of measure number n: T07, T37, T100.
func NumberedID(n int) string { return "T" + fmt.Sprintf("%02d", n) }

// idSortKey orders T before D before P, numbers numerically.
func idSortKey(id string) (group int, num int, rest string) {
	if m := numberedIDRe.FindStringSubmatch(id); m != nil {
		n, _ := strconv.Atoi(m[1])
		return 0, n, ""
	}
	if m := recommendRe.FindStringSubmatch(id); m != nil {
		n, _ := strconv.Atoi(m[1])
		return 1, n, ""
	}
	return 2, 0, id
}

// CompareIDs orders measure ids naturally: T01 < T02 < T10 < T100 < D01 < P-….
func CompareIDs(a, b string) int {
	ga, na, ra := idSortKey(a)
	gb, nb, rb := idSortKey(b)
	switch {
	case ga != gb:
		return ga - gb
	case na != nb:
		return na - nb
	}
	return strings.Compare(ra, rb)
}

// compareDotted orders group numbers such as "1.2" < "1.10" < "2.1".
func compareDotted(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, errx := strconv.Atoi(pa[i])
		y, erry := strconv.Atoi(pb[i])
		if errx == nil && erry == nil {
			if x != y {
				return x - y
			}
			continue
		}
		if c := strings.Compare(pa[i], pb[i]); c != 0 {
			return c
		}
	}
	return len(pa) - len(pb)
}
