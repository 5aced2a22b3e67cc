package measures

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// The check-pr policy: what only the secretariat may change. Everyone else's pull
// requests propose measures (P-ids, status proposed) and edit texts; statuses, owners,
// due dates, progress, logs, revisions, ids, deletions, the owner, area and event
// files, the inputs from Åpen arena, and every file outside content/ are the
// secretariat's.

// Finding is one change that only the secretariat may make: the file, the position and
// key where it is (zero when the change has no place, as a deleted file), and why.
type Finding struct {
	File    string
	Pos     Pos
	Key     string
	Message string
}

// SecretariatChanges lists what cur changes from old, measure by measure, that only the
// secretariat may change.
func SecretariatChanges(old, cur *Content) []Finding {
	var out []Finding
	add := func(file string, p Pos, key, format string, args ...any) {
		out = append(out, Finding{File: file, Pos: p, Key: key, Message: fmt.Sprintf(format, args...)})
	}
	d := Compare(old, cur)
	for _, m := range d.Removed {
		add(m.File, Pos{}, "", "tiltaket %s «%s» er slettet; bare sekretariatet sletter tiltak (sett heller status cancelled i samråd med sekretariatet)", m.ID, m.Title)
	}
	for _, r := range d.Renamed {
		m := cur.Measure(r.To)
		add(m.File, m.KeyPos("id"), "id", "%s har fått ny id %s; bare sekretariatet gir tiltak nye id-er (med «samvirke accept»)", r.From, r.To)
	}
	for _, m := range d.Added {
		if !IsProposalID(m.ID) {
			add(m.File, m.KeyPos("id"), "id", "nye tiltak foreslås med en P-id (P-<navn>, se «samvirke new»); sekretariatet gir T-nummer når forslaget godtas")
		}
		if m.Status != Proposed {
			add(m.File, m.KeyPos("status"), "status", "et nytt forslag skal ha status proposed (foreslått), ikke %s", m.Status)
		}
	}
	for _, ch := range d.Changed {
		out = append(out, secretariatFields(old.Measure(ch.ID), cur.Measure(ch.ID))...)
	}
	return out
}

// secretariatFields lists the secretariat's fields that m changes from o.
func secretariatFields(o, m *Measure) []Finding {
	var out []Finding
	add := func(key, format string, args ...any) {
		p := m.KeyPos(key)
		if p.Line == 0 {
			p = m.KeyPos("id")
		}
		out = append(out, Finding{File: m.File, Pos: p, Key: key, Message: fmt.Sprintf(format, args...)})
	}
	if o.Status != m.Status {
		add("status", "status endret fra %s til %s; bare sekretariatet endrer status", o.Status.Label(), m.Status.Label())
	}
	if !slices.Equal(o.Owners, m.Owners) {
		add("owners", "eierne er endret; bare sekretariatet endrer eierne av et tiltak")
	}
	if dueText(o.Due) != dueText(m.Due) {
		add("due", "fristen er endret fra %s til %s; bare sekretariatet endrer frister", dueText(o.Due), dueText(m.Due))
	}
	if progressValue(o.Progress) != progressValue(m.Progress) {
		add("progress", "framdriften er endret; bare sekretariatet fører framdriften")
	}
	if !slices.Equal(o.Log, m.Log) {
		add("log", "loggen er endret; bare sekretariatet fører loggen (skriv heller hva som har skjedd i beskrivelsen av pull requesten)")
	}
	if o.Revision != m.Revision {
		add("revision", "revisjonen er endret fra %s til %s; det avgjør arbeidsgruppen", o.Revision.Label(), m.Revision.Label())
	}
	return out
}

func dueText(d *Date) string {
	if d == nil {
		return "ingen"
	}
	return d.String()
}

func progressValue(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// SecretariatFiles are the files of content/ (besides the measures and the inputs) that
// only the secretariat changes.
var SecretariatFiles = []string{OwnersFile, AreasFile, EventsFile}

// SecretariatFileMessage says why a change to name (a file of [SecretariatFiles] or
// under [InputsDir], relative to content/) is the secretariat's.
func SecretariatFileMessage(name string) string {
	if strings.HasPrefix(name, InputsDir+"/") {
		return "innspillene fra Åpen arena gjengis ordrett og endres bare av sekretariatet (endret rekkefølge gir punktene nye id-er)"
	}
	return name + " er endret; bare sekretariatet endrer eiere, innsatsområder, kapitler og arrangementer"
}

// PathChange is one path a pull request changes, as the policy sees it.
type PathChange struct {
	Path      string      // from the work tree's root, slash-separated
	InContent bool        // under the content directory
	Deleted   bool        // gone in the newer version
	Added     bool        // not in the older version
	Mode      fs.FileMode // type in the newer version: 0 (regular), fs.ModeSymlink or fs.ModeIrregular (a gitlink)
}

// SecretariatPath says why a changed path is the secretariat's, or "" when it is not
// (a regular file under content/, left to [SecretariatChanges]): symbolic links and
// other non-files anywhere, CODEOWNERS and .gitattributes anywhere, the CI files, and
// every other file outside content/.
func SecretariatPath(pc PathChange) string {
	verb := "endret"
	switch {
	case pc.Deleted:
		verb = "slettet"
	case pc.Added:
		verb = "lagt til"
	}
	base := path.Base(pc.Path)
	switch {
	case pc.Mode&fs.ModeSymlink != 0:
		return "en symbolsk lenke er " + verb + "; samvirke følger ikke symbolske lenker, og bare sekretariatet legger inn annet enn vanlige filer"
	case pc.Mode&fs.ModeType != 0:
		return "en git-undermodul er " + verb + "; bare sekretariatet legger inn annet enn vanlige filer"
	case base == "CODEOWNERS":
		return "CODEOWNERS er " + verb + "; bare sekretariatet endrer hvem som må godkjenne endringer"
	case base == ".gitattributes":
		return ".gitattributes er " + verb + "; bare sekretariatet endrer linjeslutter og flettedrivere"
	case pc.InContent:
		return ""
	case IsCIFile(pc.Path):
		return "CI-filen er " + verb + "; bare sekretariatet endrer kontrollene som kjører på pull requester"
	case strings.HasPrefix(pc.Path, ".gitlab/"):
		return "filen i .gitlab/ er " + verb + "; bare sekretariatet endrer GitLab-oppsettet (CI, maler og godkjenning)"
	}
	return "filen utenfor content/ er " + verb + "; en pull request med innhold endrer bare filer under content/, resten gjør sekretariatet"
}

// IsCIFile reports whether p (from the work tree's root) configures GitHub Actions or
// GitLab CI.
func IsCIFile(p string) bool {
	return p == ".gitlab-ci.yml" || strings.HasPrefix(p, ".gitlab/ci/") ||
		strings.HasPrefix(p, ".github/workflows/") || strings.HasPrefix(p, ".github/actions/")
}
