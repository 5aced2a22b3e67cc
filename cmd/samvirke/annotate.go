package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/samvirke/samvirke/measures"
)

// problem is one finding of validate or check-pr, in the shape every output format needs.
type problem struct {
	File    string `json:"file"` // from the repository root: content/measures/T14.md
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Key     string `json:"key,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func problemsOf(es measures.Errors) []problem {
	out := make([]problem, len(es))
	for i, e := range es {
		out[i] = problem{File: e.File, Line: e.Line, Column: e.Col, Key: e.Key, Code: measures.Code(e), Message: e.Msg}
	}
	return out
}

// withPrefix puts the path of the content's parent inside the git work tree before each
// file, so CI annotations point at the file when content/ is not at the repository root.
func withPrefix(ps []problem, prefix string) []problem {
	if prefix == "" {
		return ps
	}
	out := make([]problem, len(ps))
	for i, p := range ps {
		p.File = path.Join(prefix, p.File)
		out[i] = p
	}
	return out
}

// repoPrefix returns the path from the enclosing git work tree's root to root,
// slash-separated, or "" when root is that root (or not in a work tree).
func repoPrefix(root string) string {
	if root == "" {
		return ""
	}
	for dir := root; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			rel, err := filepath.Rel(dir, root)
			if err != nil || rel == "." {
				return ""
			}
			return filepath.ToSlash(rel)
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

func (p problem) text() string {
	e := measures.Error{File: p.File, Pos: measures.Pos{Line: p.Line, Col: p.Column}, Key: p.Key, Msg: p.Message}
	return e.Error()
}

// writeGitHub writes GitHub Actions workflow commands (::error file=…,line=…::message),
// escaped as the runner expects: %, CR and LF in the message, and also : and , in
// property values.
func writeGitHub(w io.Writer, ps []problem, level, tool string) {
	for _, p := range ps {
		props := []string{"file=" + escapeProperty(p.File)}
		if p.Line > 0 {
			props = append(props, "line="+strconv.Itoa(p.Line))
			if p.Column > 0 {
				props = append(props, "col="+strconv.Itoa(p.Column))
			}
		}
		title := tool
		if p.Key != "" {
			title += " – " + p.Key
		}
		props = append(props, "title="+escapeProperty(title))
		fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(p.Message))
	}
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// codeQuality is one entry of a GitLab Code Quality report.
type codeQuality struct {
	Description string              `json:"description"`
	CheckName   string              `json:"check_name"`
	Fingerprint string              `json:"fingerprint"`
	Severity    string              `json:"severity"`
	Location    codeQualityLocation `json:"location"`
}

type codeQualityLocation struct {
	Path  string `json:"path"`
	Lines struct {
		Begin int `json:"begin"`
	} `json:"lines"`
}

// writeGitLab writes a GitLab Code Quality report. The fingerprint hashes the tool, file,
// key, code and message but not the line, so a problem keeps its fingerprint when lines
// above it move; equal problems in one file are told apart by their order.
func writeGitLab(w io.Writer, ps []problem, severity, tool string) error {
	out := make([]codeQuality, 0, len(ps))
	seen := map[string]int{}
	for _, p := range ps {
		key := strings.Join([]string{tool, p.File, p.Key, p.Code, p.Message}, "\x00")
		seen[key]++
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(seen[key])))
		desc := p.Message
		if p.Key != "" {
			desc = p.Key + ": " + desc
		}
		cq := codeQuality{Description: desc, CheckName: tool + "/" + p.Code, Fingerprint: hex.EncodeToString(sum[:16]),
			Severity: severity}
		cq.Location.Path = p.File
		cq.Location.Lines.Begin = max(p.Line, 1)
		out = append(out, cq)
	}
	return writeJSON(w, out)
}
