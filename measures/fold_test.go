package measures

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"oke", "oke"},
		{"øke", "oke"},
		{"Øke", "oke"},
		{"Undersøke", "undersoke"},
		{"ÆRØY på Østlandet", "aeroy pa ostlandet"},
		{"A\u030arsplan", "arsplan"}, // NFD å
		{"Årsplan", "arsplan"},
		{"café Müller", "cafe muller"},
		{"T14 IPS", "t14 ips"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldTyped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Pågår ", "pagar"},
		{"PÅGÅR", "pagar"},
		{"ikke-vurdert", "ikke vurdert"},
		{"not_assessed", "not assessed"},
		{"ikke   vurdert", "ikke vurdert"},
	}
	for _, tt := range tests {
		if got := FoldTyped(tt.in); got != tt.want {
			t.Errorf("FoldTyped(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContains(t *testing.T) {
	tests := []struct {
		text, query string
		want        bool
	}{
		{"Undersøke samarbeid", "oke", true},
		{"Undersøke samarbeid", "øke", true},
		{"Undersøke samarbeid", "ØKE", true},
		{"Årsplan", "a\u030ars", true},
		{"Undersøke", "aeke", false},
	}
	for _, tt := range tests {
		if got := Contains(tt.text, tt.query); got != tt.want {
			t.Errorf("Contains(%q, %q) = %v, want %v", tt.text, tt.query, got, tt.want)
		}
	}
}

func TestProposalSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Felles kurs for fastleger", "felles-kurs-for-fastleger"},
		{"Bedre samhandling i Øst-Agder og på Ærøy", "bedre-samhandling-i-ost-agder-og-pa-aeroy"},
		{"  «IPS» – 2027: café & co.  ", "ips-2027-cafe-co"},
		{"ÆØÅ æøå", "aeoa-aeoa"},
		{"!!!", ""},
		{"Et svært langt forslag om samarbeid mellom helsetjenesten og NAV i alle landets kommuner",
			"et-svaert-langt-forslag-om-samarbeid-mellom"},
	}
	for _, tt := range tests {
		got := ProposalSlug(tt.in)
		if got != tt.want {
			t.Errorf("ProposalSlug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) > MaxSlug {
			t.Errorf("ProposalSlug(%q) is %d long, over %d", tt.in, len(got), MaxSlug)
		}
	}
}

func TestProposalID(t *testing.T) {
	tests := []struct {
		taken []string
		want  string
	}{
		{nil, "P-kurs"},
		{[]string{"P-kurs"}, "P-kurs-2"},
		{[]string{"P-kurs", "P-kurs-2", "P-kurs-3"}, "P-kurs-4"},
		{[]string{"P-kurs-2"}, "P-kurs"},
	}
	for _, tt := range tests {
		set := map[string]bool{}
		for _, id := range tt.taken {
			set[id] = true
		}
		if got := ProposalID("kurs", func(id string) bool { return set[id] }); got != tt.want {
			t.Errorf("ProposalID(kurs, taken %v) = %q, want %q", tt.taken, got, tt.want)
		}
	}
}
