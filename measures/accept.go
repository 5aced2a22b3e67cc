package measures

import "fmt"

// NumberTakenError is returned by [AcceptID] when the number asked for is used: by ID
// in the work tree, on a branch or in the history.
type NumberTakenError struct {
	Number string // the id asked for
	By     string // the id that has the number
}

func (e *NumberTakenError) Error() string {
	return fmt.Sprintf("number %s is taken by %s", e.Number, e.By)
}

// AcceptID is the numbering policy of accepting a proposal: the id asked for when it
// is given and its number is not taken by any of used, else T + one more than the
// highest number in used (T01 when there is none). used holds every measure id known
// (the content's, the branches', the history's); ids that are not numbered are ignored.
func AcceptID(requested string, used []string) (string, error) {
	byNumber := map[int]string{}
	last := 0
	for _, id := range used {
		if n, ok := MeasureNumber(id); ok {
			byNumber[n] = id
			last = max(last, n)
		}
	}
	if requested == "" {
		return NumberedID(last + 1), nil
	}
	n, _ := MeasureNumber(requested)
	if prev, taken := byNumber[n]; taken {
		return "", &NumberTakenError{Number: requested, By: prev}
	}
	return requested, nil
}

// AcceptNote is the note of the log entry that records a proposal accepted as id.
func AcceptNote(proposal, id string) string {
	return fmt.Sprintf("Forslag godtatt som %s (var %s).", id, proposal)
}
