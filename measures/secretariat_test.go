package measures

import (
	"io/fs"
	"os"
	"strings"
	"testing"
)

func loadTestContent(t *testing.T) *Content {
	t.Helper()
	c, err := Load(os.DirFS("testdata/content"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSecretariatChanges(t *testing.T) {
	p := 80
	tests := []struct {
		name     string
		edit     func(c *Content)
		wantKeys []string // the keys of the findings, in order; "" for none
	}{
		{"the text only", func(c *Content) { m := c.Measure("T01").Clone(); m.Text = "Ny tekst."; c.Replace(m) }, nil},
		{"status", func(c *Content) { m := c.Measure("T01").Clone(); m.Status = Done; c.Replace(m) }, []string{"status"}},
		{"owners and progress", func(c *Content) {
			m := c.Measure("T01").Clone()
			m.Owners = []string{"nav"}
			m.Progress = &p
			c.Replace(m)
		}, []string{"owners", "progress"}},
		{"due removed", func(c *Content) { m := c.Measure("T01").Clone(); m.Due = nil; c.Replace(m) }, []string{"due"}},
		{"log", func(c *Content) { m := c.Measure("T01").Clone(); m.Log = nil; c.Replace(m) }, []string{"log"}},
		{"revision", func(c *Content) { m := c.Measure("T01").Clone(); m.Revision = RevisionNew; c.Replace(m) }, []string{"revision"}},
		{"a proposal", func(c *Content) {
			c.Replace(&Measure{ID: "P-kurs", Title: "Kurs", Kind: KindMeasure, Area: "knowledge", Owners: []string{"nav"}, Status: Proposed, File: "measures/P-kurs.md"})
		}, nil},
		{"a new T-id with a status", func(c *Content) {
			c.Replace(&Measure{ID: "T77", Title: "Kurs", Kind: KindMeasure, Area: "knowledge", Owners: []string{"nav"}, Status: InProgress, File: "measures/T77.md"})
		}, []string{"id", "status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, cur := loadTestContent(t), loadTestContent(t)
			tt.edit(cur)
			var keys []string
			for _, f := range SecretariatChanges(old, cur) {
				keys = append(keys, f.Key)
				if !strings.Contains(f.Message, "sekretariatet") && !strings.Contains(f.Message, "arbeidsgruppen") && !strings.Contains(f.Message, "proposed") {
					t.Errorf("%s: message %q does not say who decides", f.Key, f.Message)
				}
			}
			if strings.Join(keys, ",") != strings.Join(tt.wantKeys, ",") {
				t.Errorf("findings %v, want %v", keys, tt.wantKeys)
			}
		})
	}
}

func TestSecretariatPath(t *testing.T) {
	tests := []struct {
		pc   PathChange
		want string // a part of the message; "" for none
	}{
		{PathChange{Path: "content/measures/T01.md", InContent: true}, ""},
		{PathChange{Path: "content/measures/T01.md", InContent: true, Mode: fs.ModeSymlink}, "symbolsk lenke er endret"},
		{PathChange{Path: "vendor/x", Added: true, Mode: fs.ModeIrregular}, "git-undermodul er lagt til"},
		{PathChange{Path: "content/CODEOWNERS", InContent: true, Deleted: true}, "CODEOWNERS er slettet"},
		{PathChange{Path: ".gitattributes"}, ".gitattributes er endret"},
		{PathChange{Path: ".github/workflows/ci.yml"}, "CI-filen er endret"},
		{PathChange{Path: ".gitlab-ci.yml", Added: true}, "CI-filen er lagt til"},
		{PathChange{Path: ".gitlab/merge_request_templates/x.md"}, "filen i .gitlab/ er endret"},
		{PathChange{Path: "README.md"}, "filen utenfor content/ er endret"},
	}
	for _, tt := range tests {
		got := SecretariatPath(tt.pc)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("SecretariatPath(%+v) = %q, want one with %q", tt.pc, got, tt.want)
		}
	}
}

func TestSecretariatFileMessage(t *testing.T) {
	if got := SecretariatFileMessage(OwnersFile); !strings.HasPrefix(got, OwnersFile+" er endret") {
		t.Errorf("SecretariatFileMessage(%s) = %q", OwnersFile, got)
	}
	if got := SecretariatFileMessage(InputsDir + "/aa2020.md"); !strings.Contains(got, "Åpen arena") {
		t.Errorf("SecretariatFileMessage(inputs) = %q", got)
	}
}
