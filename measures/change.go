package measures

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Changes describes in Norwegian what differs between two versions of a measure, one
// phrase per changed field, e.g. "status ikke vurdert → pågår" or "eiere +nav −hdir".
func Changes(old, new *Measure) []string {
	var out []string
	if old.Title != new.Title {
		out = append(out, "tittel endret")
	}
	if old.Status != new.Status {
		out = append(out, "status "+old.Status.Label()+" → "+new.Status.Label())
	}
	if p, q := intText(old.Progress), intText(new.Progress); p != q {
		out = append(out, "framdrift "+p+" → "+q)
	}
	if d, e := dateText(old.Due), dateText(new.Due); d != e {
		out = append(out, "frist "+d+" → "+e)
	}
	if s := setDiff(old.Owners, new.Owners); s != "" {
		out = append(out, "eiere "+s)
	} else if !slices.Equal(old.Owners, new.Owners) {
		out = append(out, "ansvarlig eier "+old.Lead()+" → "+new.Lead())
	}
	if old.Area != new.Area {
		out = append(out, "innsatsområde "+old.Area+" → "+new.Area)
	}
	if old.Revision != new.Revision {
		out = append(out, "revisjon "+old.Revision.Label()+" → "+new.Revision.Label())
	}
	if s := setDiff(old.Inputs, new.Inputs); s != "" {
		out = append(out, "innspill "+s)
	}
	if n := len(new.Log) - len(old.Log); n > 0 && slices.Equal(old.Log, new.Log[:len(old.Log)]) {
		if n == 1 {
			out = append(out, "notat lagt til")
		} else {
			out = append(out, fmt.Sprintf("%d notater lagt til", n))
		}
	} else if !slices.Equal(old.Log, new.Log) {
		out = append(out, "logg endret")
	}
	if old.Text != new.Text {
		out = append(out, "tekst endret")
	}
	if old.Source != new.Source || old.Chapter != new.Chapter || old.Kind != new.Kind {
		out = append(out, "andre felt endret")
	}
	return out
}

// CommitMessage is the commit message for a change: "T14: status ikke vurdert → pågår".
func CommitMessage(old, new *Measure) string {
	ch := Changes(old, new)
	if len(ch) == 0 {
		return new.ID + ": ingen endring"
	}
	return new.ID + ": " + strings.Join(ch, ", ")
}

func intText(p *int) string {
	if p == nil {
		return "–"
	}
	return strconv.Itoa(*p) + " %"
}

func dateText(d *Date) string {
	if d == nil {
		return "–"
	}
	return d.String()
}

// setDiff returns "+a +b −c" for what b adds to and removes from a, or "".
func setDiff(a, b []string) string {
	var parts []string
	for _, v := range b {
		if !slices.Contains(a, v) {
			parts = append(parts, "+"+v)
		}
	}
	for _, v := range a {
		if !slices.Contains(b, v) {
			parts = append(parts, "−"+v)
		}
	}
	return strings.Join(parts, " ")
}
