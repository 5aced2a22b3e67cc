package measures

import (
	"bytes"
	"strings"
)

// conflictMarkers finds the first block of git conflict markers (a line starting with
// «<<<<<<< » up to one starting with «>>>>>>> ») and returns its lines, 1-based.
func conflictMarkers(data []byte) (from, to int, ok bool) {
	for i, line := range bytes.Split(data, []byte("\n")) {
		s := strings.TrimRight(string(line), "\r")
		switch {
		case from == 0 && (s == "<<<<<<<" || strings.HasPrefix(s, "<<<<<<< ")):
			from = i + 1
		case from > 0 && (s == ">>>>>>>" || strings.HasPrefix(s, ">>>>>>> ")):
			return from, i + 1, true
		}
	}
	return 0, 0, false
}

// checkConflictMarkers reports git conflict markers as one error that says how to fix them.
func checkConflictMarkers(c *errs, data []byte) bool {
	from, to, ok := conflictMarkers(data)
	if !ok {
		return true
	}
	c.add(ErrSyntax, Pos{Line: from, Col: 1}, "", "git-konfliktmarkører i linje %d–%d: filen ble slått sammen av git utenfor samvirke. "+
		"Behold den versjonen som skal gjelde (mellom «<<<<<<<» og «=======» er din, mellom «=======» og «>>>>>>>» den andre), "+
		"slett markørlinjene og kjør samvirke validate igjen; eller avbryt med «git merge --abort» (ved rebase: «git rebase --abort») "+
		"og bruk samvirke sync, som slår sammen tiltak felt for felt", from, to)
	return false
}
