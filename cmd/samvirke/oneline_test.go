package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFieldsStayOnTheirLine: ids, titles and file names with line breaks in them cannot
// start a line of validate, fmt --check, diff --format md or show --format md, where a
// CI runner printing the output would obey a «::error::» or «::warning::»; the Markdown
// keeps its tables whole and lets no raw HTML or javascript: link through.
func TestFieldsStayOnTheirLine(t *testing.T) {
	dir := repo(t)
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", "-A")
	git(t, dir, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "x")
	measuresDir := filepath.Join(dir, "content", "measures")
	edit := func(name, old, new string) {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(measuresDir, name))
		if err != nil || !strings.Contains(string(data), old) {
			t.Fatalf("%s lacks %q (%v)", name, old, err)
		}
		os.WriteFile(filepath.Join(measuresDir, name), []byte(strings.Replace(string(data), old, new, 1)), 0o644)
	}
	edit("T02.md", "id: T02", `id: "T02\n::error file=x::id"`)
	edit("T02.md", "title: Avklare roller mellom sektorene", `title: "Roller\r::error::tittel | x"`)
	edit("T01.md", "title: Øke kunnskapen om effekter", `title: "Kunnskap\r::error::tittel | x"`)
	edit("T10.md", "\n---\n", "\n---\n<script>alert(1)</script>\n\n[r]: javascript:alert(1)\n\n[lenke][r] <javascript:alert(2)>\n\n::error::tekst\n")
	data, _ := os.ReadFile(filepath.Join(measuresDir, "T10.md"))
	os.WriteFile(filepath.Join(measuresDir, "T99\n::error::fil.md"), data, 0o644)

	outputs := map[string]string{}
	for _, args := range [][]string{{"validate"}, {"fmt", "--check"}, {"diff", "--since", "HEAD", "--format", "md"},
		{"show", "T10", "--format", "md"}} {
		out, errOut, _ := run(t, false, nil, append([]string{"--repo", dir}, args...)...)
		name := strings.Join(args, " ")
		outputs[name] = out
		for _, s := range []string{out, errOut} {
			for i, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
				if strings.HasPrefix(strings.TrimSpace(line), "::") {
					t.Errorf("%s: line %d starts a workflow command: %q", name, i+1, line)
				}
			}
		}
	}
	if v := outputs["validate"]; !strings.Contains(v, `«T02\n::error file=x::id»`) || !strings.Contains(v, `T99\n::error::fil.md`) {
		t.Errorf("validate does not show the line breaks as \\n:\n%s", v)
	}
	diff := outputs["diff --since HEAD --format md"]
	for _, line := range strings.Split(strings.TrimSpace(diff), "\n") {
		if line != "" && !strings.HasPrefix(line, "|") && !strings.HasPrefix(line, "### ") && !strings.HasPrefix(line, "- ") {
			t.Errorf("diff --format md: a line outside the tables and list: %q\n%s", line, diff)
		}
	}
	if !strings.Contains(diff, "| ny id | T02 → T02 :\\:error file=x:\\:id | | |\n") {
		t.Errorf("diff --format md does not keep the renamed measure on one row:\n%s", diff)
	}
	if !strings.Contains(diff, "| T01 | Kunnskap :\\:error:\\:tittel \\| x | tittel endret |\n") {
		t.Errorf("diff --format md does not keep the changed title on one row:\n%s", diff)
	}
	show := outputs["show T10 --format md"]
	for _, bad := range []string{"<script", "](javascript", "]: javascript", "<javascript"} {
		if strings.Contains(show, bad) {
			t.Errorf("show --format md holds %q:\n%s", bad, show)
		}
	}
	if !strings.Contains(show, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(show, "lenke javascript:alert(2)") {
		t.Errorf("show --format md does not show the hostile text as text:\n%s", show)
	}
}
