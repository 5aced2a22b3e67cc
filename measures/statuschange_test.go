package measures

import (
	"errors"
	"testing"
)

func TestRecordChange(t *testing.T) {
	today := Date{2026, 5, 4}
	earlier := LogEntry{Date: Date{2026, 1, 2}, Note: "Startet.", By: "hdir"}
	future := LogEntry{Date: Date{2026, 6, 1}, Note: "Fram i tid.", By: "hdir"}
	tests := []struct {
		name       string
		log        []LogEntry
		status     Status
		note       string
		wantStatus Status
		want       *LogEntry // the entry appended, nil for none
		wantErr    error
	}{
		{"status only", []LogEntry{earlier}, InProgress, "", InProgress,
			&LogEntry{Date: today, Status: InProgress, Note: "Status endret til pågår.", By: "kari"}, nil},
		{"status and note", nil, Done, "  Ferdig i mai. ", Done,
			&LogEntry{Date: today, Status: Done, Note: "Ferdig i mai.", By: "kari"}, nil},
		{"note only", []LogEntry{earlier}, "", "Møte holdt.", NotStarted,
			&LogEntry{Date: today, Note: "Møte holdt.", By: "kari"}, nil},
		{"same status and note: a note, no status", nil, NotStarted, "Møte holdt.", NotStarted,
			&LogEntry{Date: today, Note: "Møte holdt.", By: "kari"}, nil},
		{"same status, no note: nothing", nil, NotStarted, "", NotStarted, nil, nil},
		{"blank note: nothing", nil, "", "   ", NotStarted, nil, nil},
		{"a future entry refuses", []LogEntry{future}, InProgress, "", NotStarted, nil, ErrFutureDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Measure{ID: "T01", Status: NotStarted, Log: append([]LogEntry(nil), tt.log...)}
			err := m.RecordChange(tt.status, tt.note, "kari", today)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if m.Status != tt.wantStatus {
				t.Errorf("status = %s, want %s", m.Status, tt.wantStatus)
			}
			switch {
			case tt.want == nil && len(m.Log) != len(tt.log):
				t.Errorf("log = %+v, want no new entry", m.Log)
			case tt.want != nil && (len(m.Log) != len(tt.log)+1 || m.Log[len(m.Log)-1] != *tt.want):
				t.Errorf("log = %+v, want %+v appended", m.Log, *tt.want)
			}
		})
	}
}
