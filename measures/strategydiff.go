package measures

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Change is how a measure fared between a baseline and the revised strategy.
type Change string

// The changes of a [MeasureDiff].
const (
	ChangeKept    Change = "kept"    // the same title and text
	ChangeRevised Change = "revised" // its title or text changed
	ChangeNew     Change = "new"     // not in the baseline
	ChangeRetired Change = "retired" // revision: retire, or gone from the content
	ChangeMerged  Change = "merged"  // revision: merged:<ID>
)

// MeasureDiff is one measure compared with its old self: the same id, or the id it had
// before it was renamed or renumbered.
type MeasureDiff struct {
	Old, New *Measure // Old nil for a new measure, New nil for one gone from the content
	Change   Change
	// MergedInto is the measure it was merged into, for ChangeMerged.
	MergedInto string
	// Renamed is true when Old has another id than New.
	Renamed bool
	Title   []WordSpan
	Text    []Block
}

// ID is the measure's current id, or its old one when it is gone.
func (d *MeasureDiff) ID() string {
	if d.New != nil {
		return d.New.ID
	}
	return d.Old.ID
}

// ChapterDiff is one strategy chapter compared with the baseline's chapter of the same id.
type ChapterDiff struct {
	Old, New *Chapter // either may be nil
	Text     []Block
	Inserted int // words
	Deleted  int
	Kept     int
	Moved    int // paragraphs
}

// Changed reports whether the chapter's text or title differs.
func (d *ChapterDiff) Changed() bool {
	return d.Old == nil || d.New == nil || d.Inserted+d.Deleted+d.Moved > 0 || d.Old.Title != d.New.Title
}

// StrategyDiff is the revised strategy compared with a baseline, measure by measure and
// chapter by chapter.
type StrategyDiff struct {
	Measures []*MeasureDiff // current measures in id order, then those gone from the content
	Chapters []*ChapterDiff // current chapters in order, then those gone
	byID     map[string]*MeasureDiff
}

// Measure returns the comparison of the measure with the current id, or nil.
func (d *StrategyDiff) Measure(id string) *MeasureDiff { return d.byID[id] }

// Count returns how many measures had change ch.
func (d *StrategyDiff) Count(ch Change) int {
	n := 0
	for _, m := range d.Measures {
		if m.Change == ch {
			n++
		}
	}
	return n
}

// acceptedFrom finds the note accept writes: «Forslag godtatt som T37 (var P-…).»
var acceptedFrom = regexp.MustCompile(`\(var ([A-Za-z0-9-]+)\)`)

// minSimilarity is how alike the texts of a removed and an added measure must be for the
// added one to count as the removed one renumbered.
const minSimilarity = 0.6

// CompareStrategy compares the revised strategy new with the baseline old. A measure is
// paired with its old self by id, else by the «(var P-…)» note accept leaves, else by the
// most similar text of a measure that is gone (at least 60 % of the words kept).
func CompareStrategy(old, new *Content) *StrategyDiff {
	d := &StrategyDiff{byID: map[string]*MeasureDiff{}}
	pair := pairMeasures(old, new)
	used := map[string]bool{}
	for _, o := range pair {
		used[o.ID] = true
	}
	for _, m := range new.Measures {
		md := measureDiff(pair[m.ID], m)
		d.Measures = append(d.Measures, md)
		d.byID[m.ID] = md
	}
	for _, o := range old.Measures {
		if !used[o.ID] {
			d.Measures = append(d.Measures, measureDiff(o, nil))
		}
	}
	seen := map[string]bool{}
	for _, ch := range new.Strategy {
		var o *Chapter
		for _, oc := range old.Strategy {
			if oc.ID == ch.ID {
				o = oc
			}
		}
		seen[ch.ID] = true
		d.Chapters = append(d.Chapters, chapterDiff(o, ch))
	}
	for _, oc := range old.Strategy {
		if !seen[oc.ID] {
			d.Chapters = append(d.Chapters, chapterDiff(oc, nil))
		}
	}
	return d
}

// pairMeasures maps each current measure id to its old self.
func pairMeasures(old, new *Content) map[string]*Measure {
	pair := map[string]*Measure{}
	taken := map[string]bool{}
	var unpaired []*Measure
	for _, m := range new.Measures {
		if o := old.Measure(m.ID); o != nil {
			pair[m.ID], taken[o.ID] = o, true
		}
	}
	for _, m := range new.Measures {
		if pair[m.ID] != nil {
			continue
		}
		if o := acceptedOld(old, m); o != nil && !taken[o.ID] && new.Measure(o.ID) == nil {
			pair[m.ID], taken[o.ID] = o, true
			continue
		}
		unpaired = append(unpaired, m)
	}
	for _, m := range unpaired {
		var best *Measure
		bestSim := minSimilarity
		for _, o := range old.Measures {
			if taken[o.ID] || new.Measure(o.ID) != nil {
				continue
			}
			if s := Similarity(WordDiff(o.Title+"\n\n"+o.Text, m.Title+"\n\n"+m.Text)); s >= bestSim {
				best, bestSim = o, s
			}
		}
		if best != nil {
			pair[m.ID], taken[best.ID] = best, true
		}
	}
	return pair
}

// acceptedOld is the measure m's log says it was before accept numbered it.
func acceptedOld(old *Content, m *Measure) *Measure {
	for _, l := range m.Log {
		if sm := acceptedFrom.FindStringSubmatch(l.Note); sm != nil {
			return old.Measure(sm[1])
		}
	}
	return nil
}

func measureDiff(o, m *Measure) *MeasureDiff {
	d := &MeasureDiff{Old: o, New: m}
	var oldTitle, oldText, newTitle, newText string
	if o != nil {
		oldTitle, oldText = o.Title, o.Text
	}
	if m != nil {
		newTitle, newText = m.Title, m.Text
	}
	d.Title = WordDiff(oldTitle, newTitle)
	d.Text = TextDiff(oldText, newText)
	switch {
	case m == nil || m.Revision == RevisionRetire:
		d.Change = ChangeRetired
	case o == nil:
		d.Change = ChangeNew
	default:
		if id, ok := m.Revision.MergedInto(); ok {
			d.Change, d.MergedInto = ChangeMerged, id
		} else if same(o.Title, m.Title) && same(o.Text, m.Text) {
			d.Change = ChangeKept
		} else {
			d.Change = ChangeRevised
		}
	}
	if id, ok := m.revisionMerged(); ok {
		d.Change, d.MergedInto = ChangeMerged, id
	}
	d.Renamed = o != nil && m != nil && o.ID != m.ID
	return d
}

// revisionMerged is m's merged:<ID>, safe on nil.
func (m *Measure) revisionMerged() (string, bool) {
	if m == nil {
		return "", false
	}
	return m.Revision.MergedInto()
}

func same(a, b string) bool {
	return strings.TrimSpace(norm.NFC.String(a)) == strings.TrimSpace(norm.NFC.String(b))
}

func chapterDiff(o, ch *Chapter) *ChapterDiff {
	d := &ChapterDiff{Old: o, New: ch}
	var oldText, newText string
	if o != nil {
		oldText = o.Text
	}
	if ch != nil {
		newText = ch.Text
	}
	d.Text = TextDiff(oldText, newText)
	d.Inserted, d.Deleted, d.Kept = BlockCounts(d.Text)
	for _, b := range d.Text {
		if b.Move == MovedHere {
			d.Moved++
		}
	}
	return d
}
