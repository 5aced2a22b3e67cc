package tracker

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// TestSyncSimulation: three clones make random edits and sync in random order (300
// rounds; 60 under -race, 40 with -short; SAMVIRKE_SIM_ROUNDS and SAMVIRKE_SIM_SEED
// change them); a
// conflict is settled by a person (resolve with a random side). At the end all clones
// are equal and valid and hold every log entry ever written. It logs the number of
// conflicts that needed a person.
func TestSyncSimulation(t *testing.T) {
	rounds := 300
	switch {
	case testing.Short():
		rounds = 40
	case raceEnabled: // CI's go test -race: five times slower per round
		rounds = 60
	}
	if s := os.Getenv("SAMVIRKE_SIM_ROUNDS"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	seed := uint64(14)
	if s := os.Getenv("SAMVIRKE_SIM_SEED"); s != "" { // to try other runs
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	rng := rand.New(rand.NewPCG(seed, 2026))
	clones, dirs, _ := samvirkeClones(t, 3)
	who := []string{author, authorB, "Anne Hansen <anne@example.no>"}
	ids := []string{"T01", "T02", "T10", "D01"}
	var notes []string
	conflicts, merges, start := 0, 0, time.Now()
	fields := map[string]int{}
	syncOne := func(i int) {
		res, err := syncAs(t, clones[i], who[i])
		if errors.Is(err, ErrConflict) && res != nil && len(res.Conflicts) > 0 {
			conflicts++
			choices := Choices{}
			side := []Side{Mine, Theirs}[rng.IntN(2)]
			for _, c := range res.Conflicts {
				fields[measures.FieldName(c.Field)]++
				choices[c.ID] = map[string]Side{"*": side}
			}
			if _, err := clones[i].ResolveSync(context.Background(), SyncOptions{Author: who[i], Choices: choices}); err != nil {
				t.Fatalf("resolve %v: %v", res.Conflicts, err)
			}
			res, err = syncAs(t, clones[i], who[i])
		}
		if err != nil {
			t.Fatalf("sync of clone %d: %v", i, err)
		}
		if res.Action == "merged" {
			merges++
		}
	}
	for round := range rounds {
		i := rng.IntN(3)
		if rng.IntN(3) == 0 {
			syncOne(i)
			continue
		}
		id := ids[rng.IntN(len(ids))]
		change, text := randomEdit(rng, round, i)
		if text != "" {
			notes = append(notes, text)
		}
		_, err := clones[i].Save(context.Background(), id, func(m *measures.Measure, _ string) error { change(m); return nil }, SaveOptions{Author: who[i]})
		if err != nil && !errors.Is(err, ErrNoChange) && !errors.Is(err, ErrInvalid) {
			t.Fatalf("round %d: save %s: %v", round, id, err)
		}
		if err != nil && text != "" {
			notes = notes[:len(notes)-1]
		}
	}
	for range 2 {
		for i := range clones {
			syncOne(i)
		}
	}
	head := testutil.Git(t, dirs[0], "rev-parse", "HEAD")
	var all []string
	for i, dir := range dirs {
		if h := testutil.Git(t, dir, "rev-parse", "HEAD"); h != head {
			t.Errorf("clone %d at %s, clone 0 at %s", i, h, head)
		}
		if st := testutil.Git(t, dir, "status", "--porcelain"); st != "" {
			t.Errorf("clone %d: git status %q", i, st)
		}
		all = all[:0]
		for _, id := range ids {
			for _, e := range measureIn(t, dir, id).Log {
				all = append(all, e.Note)
			}
		}
		for _, n := range notes {
			if c := strings.Count(strings.Join(all, "\n")+"\n", n+"\n"); c != 1 {
				t.Errorf("clone %d: note %q %d times", i, n, c)
			}
		}
	}
	testutil.Git(t, dirs[0], "fsck", "--strict")
	t.Logf("seed %d, %d rounds, 3 clones: %d notes, %d merges by meaning, %d conflicts needed a person (fields: %v), %s",
		seed, rounds, len(notes), merges, conflicts, fields, time.Since(start).Round(time.Millisecond))
}

// randomEdit returns a random change to a measure and, for a note, its text.
func randomEdit(rng *rand.Rand, round, clone int) (func(*measures.Measure), string) {
	switch rng.IntN(7) {
	case 0:
		s := []measures.Status{measures.NotStarted, measures.InProgress, measures.Delayed, measures.Done}[rng.IntN(4)]
		return func(m *measures.Measure) { m.Status = s }, ""
	case 1, 2:
		text := fmt.Sprintf("Notat %d fra klone %d.", round, clone)
		d := measures.Date{Year: 2026, Month: time.Month(1 + rng.IntN(10)), Day: 1 + rng.IntN(28)}
		return func(m *measures.Measure) {
			m.Log = append(m.Log, measures.LogEntry{Date: d, Note: text})
			slices.SortStableFunc(m.Log, func(a, b measures.LogEntry) int { return a.Date.Compare(b.Date) })
		}, text
	case 3:
		o := []string{"hdir", "nav", "hod"}[rng.IntN(3)]
		return func(m *measures.Measure) {
			if i := slices.Index(m.Owners, o); i >= 0 && len(m.Owners) > 1 {
				m.Owners = slices.Delete(m.Owners, i, i+1)
			} else if i < 0 {
				m.Owners = append(m.Owners, o)
			}
		}, ""
	case 4:
		in := fmt.Sprintf("aa2020-1.1/%d", 1+rng.IntN(3))
		return func(m *measures.Measure) {
			if i := slices.Index(m.Inputs, in); i >= 0 {
				m.Inputs = slices.Delete(m.Inputs, i, i+1)
			} else {
				m.Inputs = append(m.Inputs, in)
			}
		}, ""
	case 5:
		p := rng.IntN(101)
		return func(m *measures.Measure) { m.Progress = &p }, ""
	default:
		line := fmt.Sprintf("Avsnitt %d endret i runde %d.", rng.IntN(3), round)
		n := rng.IntN(3)
		return func(m *measures.Measure) {
			paras := strings.Split(m.Text, "\n\n")
			for len(paras) < 3 {
				paras = append(paras, "Avsnitt.")
			}
			paras[n] = line
			m.Text = strings.Join(paras, "\n\n")
		}, ""
	}
}
