package measures

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
)

// TestEncodeGolden checks the canonical form of messy but valid files.
func TestEncodeGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/fmt/*.in.md")
	if len(inputs) == 0 {
		t.Fatal("no testdata/fmt/*.in.md files")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".in.md")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			if strings.HasPrefix(name, "group") {
				g, err := ParseGroup("content/inputs/aa2020/1.3.md", data)
				if err != nil {
					t.Fatal(err)
				}
				got = g.Encode()
				again, err := ParseGroup("content/inputs/aa2020/1.3.md", got)
				if err != nil || !bytes.Equal(again.Encode(), got) {
					t.Errorf("canonical form does not round-trip: %v", err)
				}
			} else {
				m, err := ParseMeasure("content/measures/T14.md", data)
				if err != nil {
					t.Fatal(err)
				}
				got = m.Encode()
				again, err := ParseMeasure("content/measures/T14.md", got)
				if err != nil || !bytes.Equal(again.Encode(), got) {
					t.Errorf("canonical form does not round-trip: %v", err)
				}
			}
			testutil.Golden(t, strings.TrimSuffix(in, ".in.md")+".golden", got)
		})
	}
}
