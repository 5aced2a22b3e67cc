package measures

import (
	"errors"
	"testing"
)

func TestAcceptID(t *testing.T) {
	tests := []struct {
		name, requested string
		used            []string
		want, takenBy   string
	}{
		{"none used", "", nil, "T01", ""},
		{"next after the highest", "", []string{"T03", "T37", "D01", "P-kurs", "T09"}, "T38", ""},
		{"past 99", "", []string{"T99"}, "T100", ""},
		{"a free number asked for", "T50", []string{"T03", "T37"}, "T50", ""},
		{"a taken number asked for", "T37", []string{"T03", "T37"}, "", "T37"},
		{"taken by another spelling", "T007", []string{"T07"}, "", "T07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AcceptID(tt.requested, tt.used)
			var taken *NumberTakenError
			switch {
			case tt.takenBy == "" && err != nil:
				t.Fatalf("err = %v", err)
			case tt.takenBy != "" && (!errors.As(err, &taken) || taken.By != tt.takenBy || taken.Number != tt.requested):
				t.Fatalf("err = %v, want the number taken by %s", err, tt.takenBy)
			case got != tt.want:
				t.Errorf("AcceptID(%q, %v) = %q, want %q", tt.requested, tt.used, got, tt.want)
			}
		})
	}
}

func TestAcceptNote(t *testing.T) {
	if got, want := AcceptNote("P-kurs", "T38"), "Forslag godtatt som T38 (var P-kurs)."; got != want {
		t.Errorf("AcceptNote = %q, want %q", got, want)
	}
}
