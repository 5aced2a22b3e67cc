package measures

import (
	"errors"

	yaml "go.yaml.in/yaml/v4"
)

// Owner is an organisation responsible for measures.
type Owner struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Short string `json:"short"`
	Kind  string `json:"kind"` // directorate, ministry, agency or other
}

// OwnerKinds lists the valid owner kinds.
var OwnerKinds = []string{"directorate", "ministry", "agency", "other"}

// Area is one of the strategy's main action areas (hovedinnsatsområder).
type Area struct {
	ID     string `json:"id"`
	Number int    `json:"number"`
	Title  string `json:"title"`
}

// ChapterRef is a chapter of the strategy text as listed in areas.yaml.
type ChapterRef struct {
	ID     string `json:"id"`
	Number int    `json:"number"`
	Title  string `json:"title"`
}

var (
	ownerKeys = []string{"id", "name", "short", "kind"}
	areaKeys  = []string{"id", "number", "title"}
	eventKeys = []string{"id", "title", "date", "place", "source"}
	areasFile = []string{"areas", "chapters"}
)

// parseYAMLList parses a file whose top level is a list of mappings and calls each for
// every entry.
func parseYAMLList(c *errs, data []byte, known []string, each func(m *mapping, i int)) {
	data, ok := normalize(c, data)
	if !ok {
		return
	}
	root, ok := loadYAMLText(c, data)
	if !ok {
		return
	}
	if root.Kind != yaml.SequenceNode {
		c.add(ErrSyntax, posOf(root), "", "filen må være en liste («- id: …»)")
		return
	}
	for i, n := range root.Content {
		each(readMapping(c, n, "", known), i)
	}
}

// loadYAML parses one YAML document and returns its top node, reporting syntax errors
// with their position.
func loadYAML(c *errs, data []byte) (*yaml.Node, bool) {
	var root yaml.Node
	if err := yaml.Load(data, &root); err != nil {
		var le *yaml.LoadError
		if errors.As(err, &le) {
			c.add(ErrSyntax, Pos{Line: le.Mark.Line, Col: le.Mark.Column}, "", "ugyldig YAML: %s", le.Message)
		} else {
			c.add(ErrSyntax, Pos{Line: 1}, "", "ugyldig YAML: %v", err)
		}
		return nil, false
	}
	n := &root
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	return n, true
}

// loadYAMLText is loadYAML for a whole YAML file, reporting its unsafe characters.
func loadYAMLText(c *errs, data []byte) (*yaml.Node, bool) {
	src, hits := scanUnsafe(string(data))
	root, ok := loadYAML(c, []byte(src))
	if !ok {
		root = nil
	}
	checkYAMLText(c, root, hits)
	return root, ok
}

// ParseOwners parses content/owners.yaml.
func ParseOwners(file string, data []byte) ([]Owner, error) {
	c := &errs{file: file}
	var out []Owner
	parseYAMLList(c, data, ownerKeys, func(m *mapping, _ int) {
		o := Owner{ID: m.str("id", true), Name: m.str("name", true), Short: m.str("short", true), Kind: m.str("kind", true)}
		if o.ID != "" && !plainIDRe.MatchString(o.ID) {
			c.add(ErrInvalidValue, m.pos("id"), "id", "«%s» er ikke en gyldig id (små bokstaver, sifre og bindestrek)", o.ID)
		}
		if o.Kind != "" && !contains(OwnerKinds, o.Kind) {
			c.add(ErrInvalidValue, m.pos("kind"), "kind", "ukjent verdi «%s»; gyldige verdier er directorate, ministry, agency, other%s", o.Kind, didYouMean(o.Kind, OwnerKinds))
		}
		out = append(out, o)
	})
	return out, c.result()
}

// ParseAreas parses content/areas.yaml: the action areas and the strategy's chapters.
func ParseAreas(file string, data []byte) ([]Area, []ChapterRef, error) {
	c := &errs{file: file}
	data, ok := normalize(c, data)
	if !ok {
		return nil, nil, c.result()
	}
	root, ok := loadYAMLText(c, data)
	if !ok {
		return nil, nil, c.result()
	}
	top := readMapping(c, root, "", areasFile)
	areas := readNumbered(c, top, "areas")
	if len(areas) == 0 {
		c.add(ErrMissingKey, top.pos("areas"), "areas", "minst ett innsatsområde må finnes")
	}
	var chapters []ChapterRef
	for _, a := range readNumbered(c, top, "chapters") {
		chapters = append(chapters, ChapterRef(a))
	}
	return areas, chapters, c.result()
}

// readNumbered reads the list under key in areas.yaml: entries of id, number and title,
// as the action areas and the chapters both are.
func readNumbered(c *errs, top *mapping, key string) []Area {
	var out []Area
	for _, n := range top.list(key) {
		m := readMapping(c, n, key+".", areaKeys)
		a := Area{ID: m.str("id", true), Title: m.str("title", true)}
		a.Number, _ = m.integer("number", true, 0, 1000)
		if a.ID != "" && !plainIDRe.MatchString(a.ID) {
			c.add(ErrInvalidValue, m.pos("id"), key+".id", "«%s» er ikke en gyldig id (små bokstaver, sifre og bindestrek)", a.ID)
		}
		out = append(out, a)
	}
	return out
}

// ParseEvents parses content/events.yaml.
func ParseEvents(file string, data []byte) ([]Event, error) {
	c := &errs{file: file}
	var out []Event
	parseYAMLList(c, data, eventKeys, func(m *mapping, _ int) {
		e := Event{ID: m.str("id", true), Title: m.str("title", true), Place: m.str("place", false), Source: m.str("source", false)}
		e.Date, _ = m.date("date", false)
		if e.ID != "" && !eventIDRe.MatchString(e.ID) {
			c.add(ErrInvalidValue, m.pos("id"), "id", "«%s» er ikke en gyldig arrangement-id (små bokstaver og sifre)", e.ID)
		}
		out = append(out, e)
	})
	return out, c.result()
}

func (c *errs) result() error {
	if len(c.list) == 0 {
		return nil
	}
	return c.list
}
