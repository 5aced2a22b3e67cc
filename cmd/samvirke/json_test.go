package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemas compiles the JSON Schemas of docs/json, by file name without .schema.json.
func schemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	files, err := filepath.Glob("../../docs/json/*.schema.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no schemas in docs/json: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for _, f := range files {
		data, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(data)
		data.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := c.AddResource("https://samvirke.example/json/"+filepath.Base(f), doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".schema.json")
		if out[name], err = c.Compile("https://samvirke.example/json/" + filepath.Base(f)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	return out
}

// TestJSONMatchesSchema runs every command that prints JSON on a repository with
// history (status, note, owners, due, progress, inputs, a proposal, a rename by accept)
// and checks each output against its schema in docs/json.
func TestJSONMatchesSchema(t *testing.T) {
	sch := schemas(t)
	dir := strategyRepo(t)
	git(t, dir, "tag", "start")
	a := []string{"--repo", dir}
	for _, args := range [][]string{
		{"set", "T14", "--status", "pågår"},
		{"set", "T14", "--note", "Møte holdt.", "--progress", "40", "--due", "31.12.2026"},
		{"set", "T14", "--owner", "nav", "--owner", "hod"},
		{"set", "T14", "--due", ""},
		{"link", "T14", "aa2020-1.1/1"},
	} {
		if _, _, err := run(t, false, nil, append(a, args...)...); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
	}
	propose(t, dir, "Felles kurs", "--commit")
	git(t, dir, "checkout", "-q", "-b", "pr")
	if _, _, err := run(t, false, nil, append(a, "set", "T15", "--status", "done")...); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		schema string
		args   []string
		check  string // a string the output must contain, to be sure the case is exercised
	}{
		{"list", []string{"list", "--format", "json"}, `"owners": [`},
		{"list", []string{"list", "--status", "avsluttet", "--format", "json"}, `[]`},
		{"show", []string{"show", "T14", "--format", "json"}, `"input_items": [`},
		{"show", []string{"show", "T01", "--format", "json"}, `"input_items": []`},
		{"inputs", []string{"inputs", "--format", "json"}, `"measures": [`},
		{"inputs", []string{"inputs", "--unaddressed", "--format", "json"}, `"measures": []`},
		{"validate", []string{"validate", "--format", "json"}, `"errors": []`},
		{"history", []string{"history", "T14", "--format", "json"}, `"field": "owners"`},
		{"history", []string{"history", "T14", "--format", "json"}, `"from": "not-assessed"`},
		{"history", []string{"history", "P-felles-kurs", "--format", "json"}, `"field": "created"`},
		{"log", []string{"log", "--format", "json"}, `"files": [`},
		{"diff", []string{"diff", "--since", "start", "--format", "json"}, `"field": "progress"`},
		{"diff", []string{"diff", "--since", "HEAD", "--format", "json"}, `"changed": []`},
		{"check-pr", []string{"check-pr", "--base", "main", "--format", "json"}, `"findings": [`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, _, err := run(t, false, nil, append(a, tt.args...)...)
			if err != nil && exitCode(err) != 1 {
				t.Fatalf("%v: %v", tt.args, err)
			}
			if !strings.Contains(out, tt.check) {
				t.Errorf("output lacks %s:\n%s", tt.check, out)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if err := sch[tt.schema].Validate(inst); err != nil {
				t.Errorf("does not match docs/json/%s.schema.json: %v\n%s", tt.schema, err, out)
			}
		})
	}
}

// TestHistoryJSONIsData checks that history --format json gives each change as fields.
func TestHistoryJSONIsData(t *testing.T) {
	dir := strategyRepo(t)
	a := []string{"--repo", dir}
	run(t, false, nil, append(a, "set", "T14", "--status", "pågår", "--note", "Startet.")...)
	run(t, false, nil, append(a, "set", "T14", "--owner", "nav", "--owner", "hod", "--progress", "10", "--due", "1.2.2027")...)
	out, _, err := run(t, false, nil, append(a, "history", "T14", "--format", "json")...)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"field": "status",` + "\n" + `        "from": "not-assessed",` + "\n" + `        "to": "in-progress",` + "\n" + `        "summary": "status ikke vurdert → pågår"`,
		`"field": "note",` + "\n" + `        "notes": [`,
		`"note": "Startet."`,
		`"field": "owners"`, `"added": [` + "\n" + `          "hod"`, `"removed": [` + "\n" + `          "hdir"`,
		`"field": "progress",` + "\n" + `        "from": null,` + "\n" + `        "to": 10,`,
		`"field": "due",` + "\n" + `        "from": null,` + "\n" + `        "to": "2027-02-01",`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("history --format json lacks\n%s\nin\n%s", want, out)
		}
	}
}
