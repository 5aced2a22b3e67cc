package measures

import (
	"errors"
	"testing"
)

func TestParseStatusTyped(t *testing.T) {
	tests := []struct {
		in   string
		want Status
	}{
		{"pågår", InProgress}, {"Pågår", InProgress}, {"PÅGÅR", InProgress}, {"pagar", InProgress},
		{"in-progress", InProgress}, {"  in-progress ", InProgress}, {"ikke vurdert", NotAssessed},
		{"Ikke-vurdert", NotAssessed}, {"gjennomfort", Done}, {"i ordinaer drift", InOperation},
		{"foreslatt", Proposed}, {"not_started", NotStarted},
	}
	for _, tt := range tests {
		if got, err := ParseStatusTyped(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseStatusTyped(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
		}
	}
	_, err := ParseStatusTyped("pågårr")
	var le *LookupError
	if !errors.As(err, &le) || !errors.Is(err, ErrUnknownName) || le.Suggestion != "pågår" || len(le.Valid) != len(Statuses) {
		t.Errorf("ParseStatusTyped(pågårr) = %#v, want unknown with suggestion pågår", err)
	}
	if _, err := ParseStatusTyped("ferdig"); !errors.As(err, &le) || le.Suggestion != "" {
		t.Errorf("ParseStatusTyped(ferdig) = %v, want unknown without a far-fetched suggestion", err)
	}
}

func TestParseKindTyped(t *testing.T) {
	for in, want := range map[string]Kind{"tiltak": KindMeasure, "Tiltak": KindMeasure, "measure": KindMeasure,
		"anbefaling": KindRecommendation, "recommendation": KindRecommendation} {
		if got, err := ParseKindTyped(in); err != nil || got != want {
			t.Errorf("ParseKindTyped(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	if _, err := ParseKindTyped("tilak"); err == nil || err.(*LookupError).Suggestion != "tiltak" {
		t.Errorf("ParseKindTyped(tilak) = %v, want a suggestion of tiltak", err)
	}
}

func loadFixture(t *testing.T) *Content {
	t.Helper()
	c, err := Load(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"P-zebra-striper", "P-oke-kunnskap", "P-oke-samarbeid"} {
		m := c.Measure("T01").Clone()
		m.ID, m.Status = id, Proposed
		c.Replace(m)
	}
	return c
}

func TestResolveOwnerAndArea(t *testing.T) {
	c := loadFixture(t)
	for in, want := range map[string]string{"nav": "nav", "NAV": "nav", "Nav": "nav", "Arbeids- og velferdsdirektoratet": "nav",
		"hdir": "hdir", "HOD": "hod"} {
		if got, err := c.ResolveOwner(in); err != nil || got != want {
			t.Errorf("ResolveOwner(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	var le *LookupError
	if _, err := c.ResolveOwner("nva"); !errors.As(err, &le) || le.Suggestion != "nav" {
		t.Errorf("ResolveOwner(nva) = %v, want a suggestion of nav", err)
	}
	for in, want := range map[string]string{"roles": "roles", "1": "roles", "Styrke kunnskapsgrunnlaget": "knowledge", "KNOWLEDGE": "knowledge"} {
		if got, err := c.ResolveArea(in); err != nil || got != want {
			t.Errorf("ResolveArea(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	if _, err := c.ResolveArea("knowlege"); !errors.As(err, &le) || le.Suggestion != "knowledge" {
		t.Errorf("ResolveArea(knowlege) = %v, want a suggestion of knowledge", err)
	}
}

func TestResolveMeasure(t *testing.T) {
	c := loadFixture(t)
	tests := []struct {
		in, want   string
		err        error
		suggestion string
	}{
		{"T01", "T01", nil, ""},
		{"t01", "T01", nil, ""},
		{"d01", "D01", nil, ""},
		{"P-zebra", "P-zebra-striper", nil, ""},
		{"p-zebra-striper", "P-zebra-striper", nil, ""},
		{"P-oke", "", ErrAmbiguous, ""},
		{"T1", "", ErrUnknownName, "T01"},
		{"T2", "", ErrUnknownName, "T02"},
		{"T3", "", ErrUnknownName, ""},
		{"T001", "", ErrUnknownName, "T01"},
		{"P-zebar-striper", "", ErrUnknownName, "P-zebra-striper"},
	}
	for _, tt := range tests {
		got, err := c.ResolveMeasure(tt.in)
		var le *LookupError
		if got != tt.want || !errors.Is(err, tt.err) || (err != nil && (!errors.As(err, &le) || le.Suggestion != tt.suggestion)) {
			t.Errorf("ResolveMeasure(%q) = %q, %v, want %q, %v (suggestion %q)", tt.in, got, err, tt.want, tt.err, tt.suggestion)
		}
	}
}

func TestResolveItem(t *testing.T) {
	c := loadFixture(t)
	if got, err := c.ResolveItem("AA2020-1.1/1"); err != nil || got != "aa2020-1.1/1" {
		t.Errorf("ResolveItem(AA2020-1.1/1) = %q, %v", got, err)
	}
	var le *LookupError
	if _, err := c.ResolveItem("aa2020-1.1/9"); !errors.As(err, &le) || le.What != WhatItem || le.Suggestion == "" {
		t.Errorf("ResolveItem(aa2020-1.1/9) = %v, want unknown with a suggestion", err)
	}
}

func TestParseDateTyped(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2026-12-31", Date{2026, 12, 31}, true},
		{"31.12.2026", Date{2026, 12, 31}, true},
		{"1.2.2026", Date{2026, 2, 1}, true},
		{" 01.02.2026 ", Date{2026, 2, 1}, true},
		{"31.02.2026", Date{}, false},
		{"2026-02-31", Date{}, false},
		{"31/12/2026", Date{}, false},
		{"31.12.26", Date{}, false},
	}
	for _, tt := range tests {
		got, err := ParseDateTyped(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseDateTyped(%q) = %v, %v, want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
	for in, want := range map[string]bool{"31.12.2026": true, "2026-12-31": true, "31.02.2026": true, "HEAD~1": false, "main": false, "v1.2.3": false} {
		if IsTypedDate(in) != want {
			t.Errorf("IsTypedDate(%q) = %v", in, !want)
		}
	}
	if got := (Date{2026, 12, 1}).AddDays(-1); got != (Date{2026, 11, 30}) {
		t.Errorf("AddDays(-1) = %v", got)
	}
}
