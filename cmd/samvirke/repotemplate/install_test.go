package repotemplate

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"
)

// installScripts returns the «Installer samvirke» scripts of the template's workflows:
// every GitHub step of that name and GitLab's default before_script.
func installScripts(t *testing.T) map[string]string {
	t.Helper()
	files, err := Files("v9.9.9")
	if err != nil {
		t.Fatal(err)
	}
	var gh struct {
		Jobs map[string]struct {
			Steps []struct{ Name, Run string }
		}
	}
	if err := yaml.Unmarshal(files[".github/workflows/samvirke.yml"], &gh); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for job, j := range gh.Jobs {
		for _, s := range j.Steps {
			if s.Name == "Installer samvirke" {
				out["github "+job] = s.Run
			}
		}
	}
	var gl struct {
		Default struct {
			BeforeScript []string `yaml:"before_script"`
		}
	}
	if err := yaml.Unmarshal(files[".gitlab-ci.yml"], &gl); err != nil {
		t.Fatal(err)
	}
	if len(gl.Default.BeforeScript) > 0 {
		out["gitlab default"] = gl.Default.BeforeScript[0]
	}
	return out
}

// TestInstallScriptsAreOne checks that every workflow installs samvirke with the same
// script, so that the one TestInstallScript runs is the one they all run.
func TestInstallScriptsAreOne(t *testing.T) {
	scripts := installScripts(t)
	if len(scripts) < 3 {
		t.Fatalf("found the install script in %d places, want at least 3: %v", len(scripts), scripts)
	}
	want := scripts["gitlab default"]
	for where, s := range scripts {
		if s != want {
			t.Errorf("%s installs samvirke differently from GitLab's before_script:\n%s", where, s)
		}
	}
}

// release is a fake release: its archives by name and the checksums file listing them.
func release(t *testing.T, binary string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	var sums strings.Builder
	for _, arch := range []string{"amd64", "arm64"} {
		var buf bytes.Buffer
		gz := gzip.NewWriter(&buf)
		tw := tar.NewWriter(gz)
		for name, body := range map[string]string{"samvirke": binary, "LICENSE": "MIT\n"} {
			tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(body))})
			tw.Write([]byte(body))
		}
		tw.Close()
		gz.Close()
		name := "samvirke_linux_" + arch + ".tar.gz"
		files[name] = buf.Bytes()
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(buf.Bytes()), name)
	}
	files["checksums.txt"] = []byte(sums.String())
	return files
}

// TestInstallScript runs the workflows' install script with sh against a local release
// server and a stand-in for go that records what it is asked to install.
func TestInstallScript(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the script runs on the Linux runners")
	}
	for _, tool := range []string{"sh", "curl", "sha256sum", "tar", "install"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	script := installScripts(t)["gitlab default"]
	good := release(t, "#!/bin/sh\necho 'samvirke v9.9.9 fra utgivelsen'\n")
	tampered := release(t, "#!/bin/sh\necho 'samvirke v9.9.9 fra utgivelsen'\n")
	for name := range tampered {
		if strings.HasSuffix(name, ".tar.gz") {
			tampered[name] = append(tampered[name], 0)
		}
	}
	unlisted := release(t, "#!/bin/sh\necho 'samvirke v9.9.9 fra utgivelsen'\n")
	unlisted["checksums.txt"] = []byte("0000  samvirke_windows_amd64.zip\n")
	releases := map[string]map[string][]byte{"v9.9.9": good, "latest": good, "v6.6.6": tampered, "v5.5.5": unlisted}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/releases/")
		if strings.HasPrefix(p, "download/v5.0.0/") {
			http.Error(w, "feil", http.StatusInternalServerError)
			return
		}
		var version, file string
		if rest, ok := strings.CutPrefix(p, "latest/download/"); ok {
			version, file = "latest", rest
		} else if rest, ok := strings.CutPrefix(p, "download/"); ok {
			version, file, _ = strings.Cut(rest, "/")
		}
		body, ok := releases[version][file]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(body)
	}))
	defer srv.Close()

	for _, tt := range []struct {
		name, version string
		wantOK        bool
		wantOut       string // in the script's output (its last line is `samvirke version`)
		wantGoInstall string // what go install was asked for, "" for nothing
	}{
		{"a release", "v9.9.9", true, "samvirke v9.9.9 fra utgivelsen", ""},
		{"the latest release", "latest", true, "samvirke v9.9.9 fra utgivelsen", ""},
		{"no release of that version", "v1.0.1", true, "har ingen utgivelse", "github.com/samvirke/samvirke/cmd/samvirke@v1.0.1"},
		{"from the source", "./cmd/samvirke", true, "samvirke fra go install ./cmd/samvirke", "./cmd/samvirke"},
		{"an archive that is not the one in checksums.txt", "v6.6.6", false, "FAILED", ""},
		{"an archive checksums.txt does not list", "v5.5.5", false, "", ""},
		{"the release server fails", "v5.0.0", false, "HTTP-status 500", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			gopath := filepath.Join(dir, "go")
			fake := filepath.Join(dir, "fakebin")
			os.MkdirAll(fake, 0o755)
			goStub := `#!/bin/sh
case "$1" in
  env) echo "$FAKE_GOPATH" ;;
  install)
    echo "$2" >> "$FAKE_GOPATH/go-install.log"
    printf '#!/bin/sh\necho "samvirke fra go install %s"\n' "$2" > "$FAKE_GOPATH/bin/samvirke"
    chmod 755 "$FAKE_GOPATH/bin/samvirke" ;;
esac
`
			if err := os.WriteFile(filepath.Join(fake, "go"), []byte(goStub), 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("sh", "-c", script)
			cmd.Env = []string{
				"PATH=" + fake + ":" + filepath.Join(gopath, "bin") + ":/usr/local/bin:/usr/bin:/bin",
				"HOME=" + dir, "TMPDIR=" + dir, "FAKE_GOPATH=" + gopath,
				"SAMVIRKE_VERSION=" + tt.version, "SAMVIRKE_RELEASES=" + srv.URL + "/releases",
			}
			out, err := cmd.CombinedOutput()
			if (err == nil) != tt.wantOK {
				t.Fatalf("the script: err = %v, want ok = %v\n%s", err, tt.wantOK, out)
			}
			if !strings.Contains(string(out), tt.wantOut) {
				t.Errorf("the script's output lacks %q:\n%s", tt.wantOut, out)
			}
			log, _ := os.ReadFile(filepath.Join(gopath, "go-install.log"))
			if got := strings.TrimSpace(string(log)); got != tt.wantGoInstall {
				t.Errorf("go install %q, want %q", got, tt.wantGoInstall)
			}
			if _, err := os.Stat(filepath.Join(gopath, "bin", "samvirke")); !tt.wantOK && err == nil {
				t.Errorf("a failed install left samvirke in GOPATH/bin")
			}
		})
	}
}
