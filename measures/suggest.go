package measures

import "strings"

// suggest returns the candidate closest to s by edit distance, if it is close enough to
// be a likely typo.
func suggest(s string, candidates []string) string {
	best, bestD := "", len(s)/2+2
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Suggest returns the candidate closest to s when it is close enough to be a likely
// typo of it, else "". Case does not count.
func Suggest(s string, candidates []string) string { return suggest(s, candidates) }

// didYouMean formats a hint for an unknown value.
func didYouMean(s string, candidates []string) string {
	if m := suggest(s, candidates); m != "" {
		return "; mente du «" + m + "»?"
	}
	return ""
}
