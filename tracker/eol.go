package tracker

import (
	"bytes"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing/format/gitattributes"
)

// Files edited on Windows may have CRLF line endings and a byte order mark. samvirke keeps
// both when it rewrites such a file, so a save changes only the lines that changed, and it
// treats the file as git does: with the template's .gitattributes (content/** text eol=lf)
// or core.autocrlf, git stores the file with LF, so a CRLF file whose LF form is committed
// is clean, and the blob samvirke commits is the LF form.

var utf8BOM = []byte("\xef\xbb\xbf")

// restyle returns data (LF line endings, no BOM, as measures encodes it) with the line
// endings and BOM of like, the file it replaces.
func restyle(data, like []byte) []byte {
	bom := bytes.HasPrefix(like, utf8BOM)
	crlf := bytes.Contains(like, []byte("\r\n"))
	if !bom && !crlf {
		return data
	}
	out := data
	if crlf {
		out = bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	if bom && !bytes.HasPrefix(out, utf8BOM) {
		out = append(append([]byte{}, utf8BOM...), out...)
	}
	return out
}

// cleanForGit returns what git stores for the work-tree file rel with content data: the
// LF form when its attributes (or core.autocrlf) make git convert line endings on
// commit, else data unchanged.
func (r *Repo) cleanForGit(rel string, data []byte) []byte {
	if !bytes.Contains(data, []byte("\r\n")) || !r.convertsLineEndings(rel) {
		return data
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
}

// convertsLineEndings says whether git turns CRLF into LF when it commits rel: the
// attribute text (set or auto) or eol, else core.autocrlf true or input; -text never.
func (r *Repo) convertsLineEndings(rel string) bool {
	if wt, err := r.git.Worktree(); err == nil {
		patterns, _ := gitattributes.ReadPatterns(wt.Filesystem, nil)
		if gitDir, err := r.gitDir(); err == nil {
			info, _ := gitattributes.ReadAttributesFile(osfs.New(gitDir), nil, "info/attributes", true)
			patterns = append(patterns, info...)
		}
		m := gitattributes.NewMatcher(patterns)
		attrs, _ := m.Match(strings.Split(rel, "/"), []string{"text", "eol"})
		if a, ok := attrs["text"]; ok {
			if a.IsUnset() {
				return false
			}
			if a.IsSet() || a.IsValueSet() {
				return true
			}
		}
		if a, ok := attrs["eol"]; ok && a.IsValueSet() {
			return true
		}
	}
	local, _ := r.git.Config()
	global, _ := config.LoadConfig(config.GlobalScope)
	for _, cfg := range []*config.Config{local, global} {
		if cfg == nil || cfg.Raw == nil {
			continue
		}
		if v := cfg.Raw.Section("core").Option("autocrlf"); v != "" {
			v = strings.ToLower(v)
			return v == "true" || v == "input"
		}
	}
	return false
}
