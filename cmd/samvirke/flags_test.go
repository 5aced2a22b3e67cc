package main

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/samvirke/samvirke/tracker"
	"github.com/spf13/cobra"
)

// These tests check each command's flag parsing through its runF: the arguments, flags
// and defaults that reach the options, and the Norwegian errors for bad ones, without
// running the command.

// flagCase is one command line for a command whose options are T: want holds the flags
// and arguments expected in the options (see flagValues); wantErr, when set, is part of
// the error expected instead, and then the command must not run.
type flagCase[T any] struct {
	name    string
	args    []string
	want    T
	wantAt  string // --at, kept in the shared options
	wantErr string
}

// parseFlags builds a command with newCmd under a root that has --repo, --author's check
// and the Norwegian flag and argument errors of the real tree, runs args through it, and
// returns the options runF got (nil when it was not called).
func parseFlags[T any](t *testing.T, newCmd func(*Factory, func(*T) error) *cobra.Command, args []string) (*T, *Factory, error) {
	t.Helper()
	s, _, _, _ := testStreams()
	f := newFactory(s)
	var got *T
	cmd := newCmd(f, func(o *T) error { got = o; return nil })
	root := &cobra.Command{Use: "samvirke", SilenceErrors: true, SilenceUsage: true, PersistentPreRunE: checkAuthorFlag}
	root.PersistentFlags().StringVar(&f.global.Repo, "repo", "", "")
	root.SetOut(s.Out)
	root.SetErr(s.ErrOut)
	root.AddCommand(cmd)
	localize(root)
	root.SetArgs(append([]string{cmd.Name()}, args...))
	err := root.Execute()
	return got, f, err
}

// testFlags runs the cases of one command.
func testFlags[T any](t *testing.T, newCmd func(*Factory, func(*T) error) *cobra.Command, cases []flagCase[T]) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got, f, err := parseFlags(t, newCmd, tt.args)
			line := strings.Join(tt.args, " ")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || got != nil {
					t.Fatalf("%s: error %v (ran: %v), want an error with %q and no run", line, err, got != nil, tt.wantErr)
				}
				return
			}
			if err != nil || got == nil {
				t.Fatalf("%s: error %v (ran: %v), want options", line, err, got != nil)
			}
			if g, w := flagValues(got), flagValues(&tt.want); !reflect.DeepEqual(g, w) {
				t.Errorf("%s: options\n%v\nwant\n%v", line, g, w)
			}
			if f.global.At != tt.wantAt {
				t.Errorf("%s: --at = %q, want %q", line, f.global.At, tt.wantAt)
			}
		})
	}
}

// flagValues are the fields of an options struct that hold its flags and arguments: the
// exported ones that are not functions, and groups of flags (a struct such as
// docOutput), without the streams, shared options and clock it depends on.
func flagValues(opts any) map[string]any {
	v := reflect.ValueOf(opts).Elem()
	out := map[string]any{}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		switch {
		case f.Type.Kind() == reflect.Struct:
			out[f.Name] = fmt.Sprintf("%+v", v.Field(i))
		case f.IsExported() && f.Type.Kind() != reflect.Func:
			out[f.Name] = v.Field(i).Interface()
		}
	}
	return out
}

func TestListFlags(t *testing.T) {
	testFlags(t, NewCmdList, []flagCase[listOptions]{
		{name: "defaults", want: listOptions{Sort: "id", Format: "table"}},
		{name: "filters", args: []string{"--status", "pågår", "--status", "done,planned", "--owner", "nav", "--area", "2", "--kind", "tiltak", "--text", "kurs"},
			want: listOptions{Status: []string{"pågår", "done", "planned"}, Owner: "nav", Area: "2", Kind: "tiltak", Text: "kurs", Sort: "id", Format: "table"}},
		{name: "csv for Excel, sorted", args: []string{"--format", "csv", "--excel", "--sort", "due"}, want: listOptions{Sort: "due", Format: "csv", Excel: true}},
		{name: "at", args: []string{"--at", "2026-01-01"}, want: listOptions{Sort: "id", Format: "table"}, wantAt: "2026-01-01"},
		{name: "unknown format", args: []string{"--format", "xml"}, wantErr: "ukjent format «xml»; bruk table, json eller csv"},
		{name: "excel without csv", args: []string{"--excel"}, wantErr: "--excel gjelder bare --format csv"},
		{name: "unknown sort", args: []string{"--sort", "size"}, wantErr: "ukjent sortering «size»"},
		{name: "an argument", args: []string{"T14"}, wantErr: "Se «samvirke list --help»."},
		{name: "unknown flag", args: []string{"--stauts", "x"}, wantErr: "mente du «--status»?"},
	})
}

func TestShowFlags(t *testing.T) {
	testFlags(t, NewCmdShow, []flagCase[showOptions]{
		{name: "id", args: []string{"t14"}, want: showOptions{ID: "t14", Format: "text"}},
		{name: "json at a tag", args: []string{"T14", "--format", "json", "--at", "rapport/1"}, want: showOptions{ID: "T14", Format: "json"}, wantAt: "rapport/1"},
		{name: "markdown", args: []string{"T14", "--format", "md"}, want: showOptions{ID: "T14", Format: "md"}},
		{name: "no id", wantErr: "Se «samvirke show --help»."},
		{name: "two ids", args: []string{"T14", "T15"}, wantErr: "Se «samvirke show --help»."},
		{name: "unknown format", args: []string{"T14", "--format", "html"}, wantErr: "ukjent format «html»; bruk text, json eller md"},
	})
}

func TestInputsFlags(t *testing.T) {
	testFlags(t, NewCmdInputs, []flagCase[inputsOptions]{
		{name: "defaults", want: inputsOptions{Format: "table"}},
		{name: "unaddressed as json", args: []string{"--unaddressed", "--format", "json"}, want: inputsOptions{Unaddressed: true, Format: "json"}},
		{name: "unknown format", args: []string{"--format", "csv"}, wantErr: "ukjent format «csv»; bruk table eller json"},
		{name: "bad bool", args: []string{"--unaddressed=kanskje"}, wantErr: "--unaddressed"},
	})
}

func TestValidateFlags(t *testing.T) {
	testFlags(t, NewCmdValidate, []flagCase[validateOptions]{
		{name: "defaults", want: validateOptions{Format: "text"}},
		{name: "github", args: []string{"--format", "github"}, want: validateOptions{Format: "github"}},
		{name: "gitlab at a commit", args: []string{"--format", "gitlab", "--at", "HEAD~1"}, want: validateOptions{Format: "gitlab"}, wantAt: "HEAD~1"},
		{name: "unknown format", args: []string{"--format", "junit"}, wantErr: "ukjent format «junit»; bruk text, json, github eller gitlab"},
	})
}

func TestFmtFlags(t *testing.T) {
	testFlags(t, NewCmdFmt, []flagCase[fmtOptions]{
		{name: "defaults", want: fmtOptions{}},
		{name: "check", args: []string{"--check"}, want: fmtOptions{Check: true}},
		{name: "no --at", args: []string{"--at", "HEAD"}, wantErr: "ukjent flagg --at"},
		{name: "an argument", args: []string{"content/"}, wantErr: "Se «samvirke fmt --help»."},
	})
}

func TestReportFlags(t *testing.T) {
	testFlags(t, NewCmdReport, []flagCase[reportOptions]{
		{name: "defaults", want: reportOptions{out: docOutput{Lang: "nb"}, Stale: 6}},
		{name: "nynorsk", args: []string{"--lang", "nn"}, want: reportOptions{out: docOutput{Lang: "nn"}, Stale: 6}},
		{name: "to a file, tagged", args: []string{"-o", "rapport.pdf", "--tag", "2026-11", "--author", "Kari Nordmann <kari@example.no>"},
			want: reportOptions{out: docOutput{Output: "rapport.pdf", Lang: "nb"}, Tag: "2026-11", Author: "Kari Nordmann <kari@example.no>", Stale: 6}},
		{name: "format, since, stale months", args: []string{"--format", "html", "--since", "2026-01-01", "--stale-months", "3"},
			want: reportOptions{out: docOutput{Format: "html", Lang: "nb"}, Since: "2026-01-01", Stale: 3}},
		{name: "stale months not a number", args: []string{"--stale-months", "tre"}, wantErr: "--stale-months"},
		{name: "author without an address", args: []string{"--author", "Kari"}, wantErr: "--author «Kari» mangler e-postadresse"},
		{name: "an argument", args: []string{"rapport.html"}, wantErr: "Se «samvirke report --help»."},
	})
}

func TestStrategyFlags(t *testing.T) {
	testFlags(t, NewCmdStrategy, []flagCase[strategyOptions]{
		{name: "defaults", want: strategyOptions{out: docOutput{Lang: "nb"}}},
		{name: "compare to a file", args: []string{"--compare", "strategi/2016", "-o", "endringer.html"},
			want: strategyOptions{out: docOutput{Output: "endringer.html", Lang: "nb"}, Compare: "strategi/2016"}},
		{name: "tag as docx", args: []string{"--tag", "utkast-1", "--format", "docx", "--author", "Kari Nordmann <kari@example.no>"},
			want: strategyOptions{out: docOutput{Format: "docx", Lang: "nb"}, Tag: "utkast-1", Author: "Kari Nordmann <kari@example.no>"}},
		{name: "author without a name", args: []string{"--author", "<kari@example.no>"}, wantErr: "mangler navn"},
		{name: "unknown flag", args: []string{"--compar", "x"}, wantErr: "mente du «--compare»?"},
	})
}

func TestHistoryFlags(t *testing.T) {
	testFlags(t, NewCmdHistory, []flagCase[historyOptions]{
		{name: "id", args: []string{"t14"}, want: historyOptions{ID: "t14", Format: "text"}},
		{name: "json", args: []string{"T14", "--format", "json"}, want: historyOptions{ID: "T14", Format: "json"}},
		{name: "no id", wantErr: "Se «samvirke history --help»."},
		{name: "unknown format", args: []string{"T14", "--format", "md"}, wantErr: "ukjent format «md»; bruk text eller json"},
	})
}

func TestLogFlags(t *testing.T) {
	testFlags(t, NewCmdLog, []flagCase[logOptions]{
		{name: "defaults", want: logOptions{Number: 20, Format: "text"}},
		{name: "number and json", args: []string{"-n", "50", "--format", "json"}, want: logOptions{Number: 50, Format: "json"}},
		{name: "long number", args: []string{"--number", "3"}, want: logOptions{Number: 3, Format: "text"}},
		{name: "number not a number", args: []string{"-n", "mange"}, wantErr: "-n"},
		{name: "unknown format", args: []string{"--format", "csv"}, wantErr: "ukjent format «csv»; bruk text eller json"},
	})
}

func TestDiffFlags(t *testing.T) {
	testFlags(t, NewCmdDiff, []flagCase[diffOptions]{
		{name: "since a date", args: []string{"--since", "01.12.2026"}, want: diffOptions{Since: "01.12.2026", Format: "text"}},
		{name: "since and until as markdown", args: []string{"--since", "2026-12-01", "--until", "2026-12-31", "--format", "md"},
			want: diffOptions{Since: "2026-12-01", Until: "2026-12-31", Format: "md"}},
		{name: "no since", wantErr: "--since mangler"},
		{name: "unknown format", args: []string{"--since", "HEAD", "--format", "html"}, wantErr: "ukjent format «html»; bruk text, json eller md"},
		{name: "an argument", args: []string{"HEAD"}, wantErr: "Se «samvirke diff --help»."},
	})
}

func TestSyncFlags(t *testing.T) {
	testFlags(t, NewCmdSync, []flagCase[syncOptions]{
		{name: "defaults", want: syncOptions{Remote: "origin", Timeout: tracker.DefaultNetworkTimeout}},
		{name: "remote and timeout", args: []string{"--remote", "upstream", "--timeout", "2m"}, want: syncOptions{Remote: "upstream", Timeout: 2 * time.Minute}},
		{name: "timeout not a duration", args: []string{"--timeout", "lenge"}, wantErr: "--timeout"},
		{name: "an argument", args: []string{"origin"}, wantErr: "Se «samvirke sync --help»."},
	})
}

func TestResolveFlags(t *testing.T) {
	testFlags(t, NewCmdResolve, []flagCase[resolveOptions]{
		{name: "keep mine", args: []string{"T14", "--keep", "mine"}, want: resolveOptions{IDs: []string{"T14"}, Keep: []string{"mine"}, Remote: "origin"}},
		{name: "field by field, two ids", args: []string{"t14", "owners.yaml", "--keep", "status=theirs", "--keep", "text=mine", "--remote", "upstream", "--author", "Kari Nordmann <kari@example.no>"},
			want: resolveOptions{IDs: []string{"t14", "owners.yaml"}, Keep: []string{"status=theirs", "text=mine"}, Remote: "upstream", Author: "Kari Nordmann <kari@example.no>"}},
		{name: "no id", args: []string{"--keep", "mine"}, wantErr: "Se «samvirke resolve --help»."},
		{name: "empty author", args: []string{"T14", "--keep", "mine", "--author", " "}, wantErr: "--author er tom"},
	})
}

func TestInitFlags(t *testing.T) {
	testFlags(t, NewCmdInit, []flagCase[initOptions]{
		{name: "directory", args: []string{"strategi"}, want: initOptions{Dir: "strategi"}},
		{name: "author and force", args: []string{".", "--force", "--author", "Kari Nordmann <kari@example.no>"},
			want: initOptions{Dir: ".", Author: "Kari Nordmann <kari@example.no>", Force: true}},
		{name: "no directory", wantErr: "Se «samvirke init --help»."},
		{name: "two directories", args: []string{"a", "b"}, wantErr: "Se «samvirke init --help»."},
		{name: "author not an address", args: []string{"strategi", "--author", "Kari <kari"}, wantErr: "er ikke på formen"},
	})
}

func TestCloneFlags(t *testing.T) {
	testFlags(t, NewCmdClone, []flagCase[cloneOptions]{
		{name: "url", args: []string{"https://github.com/org/strategi.git"}, want: cloneOptions{URL: "https://github.com/org/strategi.git", Timeout: 5 * time.Minute}},
		{name: "directory and timeout", args: []string{"git@gitlab.com:org/strategi.git", "mappe", "--timeout", "30s"},
			want: cloneOptions{URL: "git@gitlab.com:org/strategi.git", Dir: "mappe", Timeout: 30 * time.Second}},
		{name: "no url", wantErr: "Se «samvirke clone --help»."},
		{name: "three arguments", args: []string{"a", "b", "c"}, wantErr: "Se «samvirke clone --help»."},
	})
}

func TestCloneDir(t *testing.T) {
	for _, tt := range []struct{ url, want string }{
		{"https://github.com/org/strategi.git", "strategi"},
		{"git@gitlab.com:org/strategi.git", "strategi"},
		{"https://example.no/strategi/", "strategi"},
		{"git@host:strategi", "strategi"},
	} {
		if got := cloneDir(tt.url); got != tt.want {
			t.Errorf("cloneDir(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

func TestMergeFileFlags(t *testing.T) {
	testFlags(t, NewCmdMergeFile, []flagCase[mergeFileOptions]{
		{name: "git's three files", args: []string{".merge_file_O", ".merge_file_A", ".merge_file_B"},
			want: mergeFileOptions{Base: ".merge_file_O", Mine: ".merge_file_A", Theirs: ".merge_file_B"}},
		{name: "with the path", args: []string{"o", "a", "b", "content/measures/T14.md"},
			want: mergeFileOptions{Base: "o", Mine: "a", Theirs: "b", Path: "content/measures/T14.md"}},
		{name: "two files", args: []string{"o", "a"}, wantErr: "Se «samvirke merge-file --help»."},
		{name: "five arguments", args: []string{"o", "a", "b", "p", "x"}, wantErr: "Se «samvirke merge-file --help»."},
	})
}

func TestVersionFlags(t *testing.T) {
	testFlags(t, NewCmdVersion, []flagCase[versionOptions]{
		{name: "no arguments", want: versionOptions{}},
		{name: "an argument", args: []string{"v1"}, wantErr: "Se «samvirke version --help»."},
	})
}

func TestCompletionFlags(t *testing.T) {
	testFlags(t, NewCmdCompletion, []flagCase[completionOptions]{
		{name: "bash", args: []string{"bash"}, want: completionOptions{Shell: "bash"}},
		{name: "powershell", args: []string{"powershell"}, want: completionOptions{Shell: "powershell"}},
		{name: "unknown shell", args: []string{"tcsh"}, wantErr: "gyldige er bash, zsh, fish, powershell."},
		{name: "no shell", wantErr: "Se «samvirke completion --help»."},
	})
}

func TestTUIFlags(t *testing.T) {
	testFlags(t, NewCmdTUI, []flagCase[tuiCmdOptions]{
		{name: "defaults", want: tuiCmdOptions{}},
		{name: "author", args: []string{"--author", "Kari Nordmann <kari@example.no>"}, want: tuiCmdOptions{Author: "Kari Nordmann <kari@example.no>"}},
		{name: "bad author", args: []string{"--author", "kari@example.no"}, wantErr: "--author «kari@example.no» mangler navn"},
		{name: "an argument", args: []string{"T14"}, wantErr: "Se «samvirke tui --help»."},
	})
}

func TestDemoFlags(t *testing.T) {
	testFlags(t, NewCmdDemo, []flagCase[demoOptions]{
		{name: "defaults", want: demoOptions{}},
		{name: "author", args: []string{"--author", "Kari Nordmann <kari@example.no>"}, want: demoOptions{Author: "Kari Nordmann <kari@example.no>"}},
		{name: "an argument", args: []string{"mappe"}, wantErr: "Se «samvirke demo --help»."},
	})
}

// TestTUINeedsATerminal: «samvirke tui» with a pipe on either side says so; «samvirke»
// alone lists the measures instead.
func TestTUINeedsATerminal(t *testing.T) {
	dir := repo(t)
	for _, tt := range []struct {
		name          string
		inTTY, outTTY bool
	}{{"pipes", false, false}, {"input a pipe", false, true}, {"output a pipe", true, false}} {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, errOut := testStreams()
			s.InTTY, s.OutTTY = tt.inTTY, tt.outTTY
			if code := execute(context.Background(), s, []string{"--repo", dir, "tui"}); code != 1 || !strings.Contains(errOut.String(), "samvirke tui trenger en terminal for både inn- og utdata") {
				t.Errorf("samvirke tui = %d, %q; want 1 and that it needs a terminal", code, errOut)
			}
			s, _, out, _ := testStreams()
			s.InTTY, s.OutTTY = tt.inTTY, tt.outTTY
			if code := execute(context.Background(), s, []string{"--repo", dir}); code != 0 || !strings.Contains(out.String(), "T01") {
				t.Errorf("samvirke = %d, %q; want the list", code, out)
			}
		})
	}
}

func TestSetFlags(t *testing.T) {
	testFlags(t, NewCmdSet, []flagCase[setOptions]{
		{name: "status and note", args: []string{"t14", "--status", "pågår", "--note", "Oppstartsmøte holdt."},
			want: setOptions{ID: "t14", Status: "pågår", Note: "Oppstartsmøte holdt."}},
		{name: "progress, due, owners, author", args: []string{"T14", "--progress", "40", "--due", "30.06.2027", "--owner", "nav", "--owner", "hdir,ks", "--author", "Kari Nordmann <kari@example.no>"},
			want: setOptions{ID: "T14", Progress: 40, Due: "30.06.2027", Owners: []string{"nav", "hdir", "ks"}, Author: "Kari Nordmann <kari@example.no>"}},
		{name: "due emptied", args: []string{"T14", "--due", ""}, want: setOptions{ID: "T14"}},
		{name: "nothing to change", args: []string{"T14"}, wantErr: "ingenting å endre; oppgi minst én av --status, --progress, --due, --owner og --note"},
		{name: "empty note", args: []string{"T14", "--note", "  "}, wantErr: "notatet er tomt"},
		{name: "progress not a number", args: []string{"T14", "--progress", "mye"}, wantErr: "--progress"},
		{name: "no id", args: []string{"--status", "done"}, wantErr: "Se «samvirke set --help»."},
		{name: "bad author", args: []string{"T14", "--note", "x", "--author", "Kari"}, wantErr: "mangler e-postadresse"},
	})
}

func TestLinkFlags(t *testing.T) {
	testFlags(t, NewCmdLink, []flagCase[linkOptions]{
		{name: "items", args: []string{"t14", "aa2020-1.9/2", "aa2020-3.5/5"}, want: linkOptions{ID: "t14", Items: []string{"aa2020-1.9/2", "aa2020-3.5/5"}}},
		{name: "author", args: []string{"T14", "aa2020-1.9/2", "--author", "Kari Nordmann <kari@example.no>"},
			want: linkOptions{ID: "T14", Items: []string{"aa2020-1.9/2"}, Author: "Kari Nordmann <kari@example.no>"}},
		{name: "no item", args: []string{"T14"}, wantErr: "Se «samvirke link --help»."},
	})
	got, _, err := parseFlags(t, NewCmdUnlink, []string{"T14", "aa2020-1.9/2"})
	if err != nil || got == nil || !got.unlink || got.ID != "T14" {
		t.Errorf("unlink T14 aa2020-1.9/2: %+v, %v; want unlink of T14", got, err)
	}
}

func TestAcceptFlags(t *testing.T) {
	testFlags(t, NewCmdAccept, []flagCase[acceptOptions]{
		{name: "proposal", args: []string{"P-felles-kurs"}, want: acceptOptions{Proposal: "P-felles-kurs"}},
		{name: "number and author", args: []string{"p-felles", "--id", "t40", "--author", "Kari Nordmann <kari@example.no>"},
			want: acceptOptions{Proposal: "p-felles", ID: "t40", Author: "Kari Nordmann <kari@example.no>"}},
		{name: "no proposal", wantErr: "Se «samvirke accept --help»."},
		{name: "two proposals", args: []string{"P-a", "P-b"}, wantErr: "Se «samvirke accept --help»."},
	})
}

func TestNewFlags(t *testing.T) {
	testFlags(t, NewCmdNew, []flagCase[newOptions]{
		{name: "defaults", want: newOptions{}},
		{name: "everything", args: []string{"--title", "Felles kurs", "--area", "competence", "--owner", "hdir", "--owner", "nav,ks", "--text", "Utvikle et kurs.",
			"--input", "aa2020-2.8/7", "-y", "--commit", "--author", "Kari Nordmann <kari@example.no>"},
			want: newOptions{Title: "Felles kurs", Area: "competence", Owners: []string{"hdir", "nav,ks"}, Text: "Utvikle et kurs.",
				Inputs: []string{"aa2020-2.8/7"}, Yes: true, Commit: true, Author: "Kari Nordmann <kari@example.no>"}},
		{name: "long yes", args: []string{"--yes"}, want: newOptions{Yes: true}},
		{name: "an argument", args: []string{"Felles kurs"}, wantErr: "Se «samvirke new --help»."},
		{name: "unknown flag", args: []string{"--titel", "x"}, wantErr: "mente du «--title»?"},
	})
}

func TestExportFlags(t *testing.T) {
	testFlags(t, NewCmdExport, []flagCase[exportOptions]{
		{name: "xlsx", args: []string{"-o", "tiltak.xlsx"}, want: exportOptions{Output: "tiltak.xlsx"}},
		{name: "csv at a tag", args: []string{"--output", "tiltak.CSV", "--at", "rapport/2026-11"}, want: exportOptions{Output: "tiltak.CSV"}, wantAt: "rapport/2026-11"},
		{name: "no file", wantErr: "oppgi filen med -o, med endelsen .xlsx"},
		{name: "other extension", args: []string{"-o", "tiltak.ods"}, wantErr: "oppgi filen med -o, med endelsen .xlsx"},
	})
}

func TestImportFlags(t *testing.T) {
	testFlags(t, NewCmdImport, []flagCase[importOptions]{
		{name: "file", args: []string{"tiltak.xlsx"}, want: importOptions{File: "tiltak.xlsx"}},
		{name: "everything", args: []string{"ark.xlsx", "--sheet", "Ark1", "--dry-run", "--new-as-proposals", "--clear-empty", "--author", "Kari Nordmann <kari@example.no>"},
			want: importOptions{File: "ark.xlsx", Sheet: "Ark1", DryRun: true, NewAsProposals: true, ClearEmpty: true, Author: "Kari Nordmann <kari@example.no>"}},
		{name: "no file", wantErr: "Se «samvirke import --help»."},
		{name: "unknown flag", args: []string{"a.csv", "--dryrun"}, wantErr: "mente du «--dry-run»?"},
	})
}

func TestFeedFlags(t *testing.T) {
	testFlags(t, NewCmdFeed, []flagCase[feedOptions]{
		{name: "defaults", want: feedOptions{Number: 100, Lang: "nb"}},
		{name: "file, url, number", args: []string{"-o", "endringer.xml", "--url", "https://eksempel.github.io/strategi/", "-n", "0"},
			want: feedOptions{Output: "endringer.xml", URL: "https://eksempel.github.io/strategi/", Number: 0, Lang: "nb"}},
		{name: "number not a number", args: []string{"--number", "alle"}, wantErr: "--number"},
	})
}

func TestCalendarFlags(t *testing.T) {
	testFlags(t, NewCmdCalendar, []flagCase[calendarOptions]{
		{name: "defaults", want: calendarOptions{Lang: "nb"}},
		{name: "nynorsk", args: []string{"--lang", "nn"}, want: calendarOptions{Lang: "nn"}},
		{name: "file and url", args: []string{"-o", "frister.ics", "--url", "https://eksempel.github.io/strategi/"},
			want: calendarOptions{Output: "frister.ics", URL: "https://eksempel.github.io/strategi/", Lang: "nb"}},
		{name: "an argument", args: []string{"frister.ics"}, wantErr: "Se «samvirke calendar --help»."},
	})
}

func TestSiteFlags(t *testing.T) {
	testFlags(t, NewCmdSite, []flagCase[siteOptions]{
		{name: "directory", args: []string{"-o", "public"}, want: siteOptions{Output: "public", PDF: true, Lang: "nb"}},
		{name: "no PDF, nynorsk", args: []string{"-o", "public", "--pdf=false", "--lang", "nn"}, want: siteOptions{Output: "public", Lang: "nn"}},
		{name: "directory and url", args: []string{"--output", "public", "--url", "https://eksempel.github.io/strategi/"},
			want: siteOptions{Output: "public", URL: "https://eksempel.github.io/strategi/", PDF: true, Lang: "nb"}},
		{name: "no directory", wantErr: "oppgi mappen nettstedet skal skrives til med -o"},
	})
}

func TestCheckPRFlags(t *testing.T) {
	testFlags(t, NewCmdCheckPR, []flagCase[checkPROptions]{
		{name: "base", args: []string{"--base", "origin/main"}, want: checkPROptions{Base: "origin/main", Format: "text"}},
		{name: "head, github, allowed", args: []string{"--base", "origin/main", "--head", "HEAD", "--format", "github", "--allow-secretariat"},
			want: checkPROptions{Base: "origin/main", Head: "HEAD", Format: "github", Allow: true}},
		{name: "no base", wantErr: "--base mangler"},
		{name: "unknown format", args: []string{"--base", "main", "--format", "md"}, wantErr: "ukjent format «md»; bruk text, json, github eller gitlab"},
	})
	for _, v := range []string{"1", "true", "YES"} {
		s, _, _, _ := testStreams()
		s.Getenv = func(k string) string { return map[string]string{allowSecretariatEnv: v}[k] }
		var got *checkPROptions
		cmd := NewCmdCheckPR(newFactory(s), func(o *checkPROptions) error { got = o; return nil })
		cmd.SetArgs([]string{"--base", "main"})
		if err := cmd.Execute(); err != nil || got == nil || !got.Allow {
			t.Errorf("%s=%s: %v, allowed %v; want allowed", allowSecretariatEnv, v, err, got != nil && got.Allow)
		}
	}
}

func TestHelpFlags(t *testing.T) {
	testFlags(t, NewCmdHelp, []flagCase[helpOptions]{
		{name: "no command", want: helpOptions{Args: []string{}}},
		{name: "a command", args: []string{"report"}, want: helpOptions{Args: []string{"report"}}},
	})
}
