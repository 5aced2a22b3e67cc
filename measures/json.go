package measures

import (
	"bytes"
	"encoding/json"
)

// JSON output lists empty lists as [], never null, so that scripts can iterate without
// checking. The MarshalJSON methods below fill nil slices before encoding.

// MarshalJSON implements [json.Marshaler].
func (m Measure) MarshalJSON() ([]byte, error) {
	type plain Measure
	p := plain(m)
	p.Owners, p.Inputs = list(p.Owners), list(p.Inputs)
	if p.Log == nil {
		p.Log = []LogEntry{}
	}
	return marshal(p)
}

// MarshalJSON implements [json.Marshaler].
func (it Item) MarshalJSON() ([]byte, error) {
	type plain Item
	p := plain(it)
	p.Measures = list(p.Measures)
	return marshal(p)
}

// MarshalJSON implements [json.Marshaler].
func (g Group) MarshalJSON() ([]byte, error) {
	type plain Group
	p := plain(g)
	if p.Items == nil {
		p.Items = []Item{}
	}
	return marshal(p)
}

// MarshalJSON implements [json.Marshaler].
func (d Diff) MarshalJSON() ([]byte, error) {
	type plain Diff
	p := plain(d)
	p.Added, p.Removed = nonNilSlice(p.Added), nonNilSlice(p.Removed)
	p.Renamed, p.Changed, p.Groups = nonNilSlice(p.Renamed), nonNilSlice(p.Changed), nonNilSlice(p.Groups)
	return marshal(p)
}

// MarshalJSON implements [json.Marshaler].
func (c MeasureChange) MarshalJSON() ([]byte, error) {
	type plain MeasureChange
	p := plain(c)
	p.Changes, p.InputsAdded, p.InputsRemoved = list(p.Changes), list(p.InputsAdded), list(p.InputsRemoved)
	p.NewLog, p.Fields = nonNilSlice(p.NewLog), nonNilSlice(p.Fields)
	return marshal(p)
}

// MarshalJSON implements [json.Marshaler]. A change of a list (owners, inputs) always
// has added and removed; other changes have neither.
func (c FieldChange) MarshalJSON() ([]byte, error) {
	if c.Field != FieldOwners && c.Field != FieldInputs {
		type plain FieldChange
		return marshal(plain(c))
	}
	return marshal(struct {
		Field   string   `json:"field"`
		From    any      `json:"from,omitempty"`
		To      any      `json:"to,omitempty"`
		Added   []string `json:"added"`
		Removed []string `json:"removed"`
		Summary string   `json:"summary"`
	}{c.Field, c.From, c.To, list(c.Added), list(c.Removed), c.Summary})
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// marshal encodes v as json.Marshal does but leaves <, > and & as they are, as the
// commands' encoders do.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// MarshalWith encodes v, a struct or a map, as a JSON object with the key and value
// added at the end.
func MarshalWith(v any, key string, value any) ([]byte, error) {
	obj, err := marshal(v)
	if err != nil {
		return nil, err
	}
	k, err := marshal(key)
	if err != nil {
		return nil, err
	}
	val, err := marshal(value)
	if err != nil {
		return nil, err
	}
	if len(obj) < 2 || obj[len(obj)-1] != '}' {
		return nil, &json.UnsupportedValueError{Str: "not an object"}
	}
	out := append(obj[:len(obj)-1:len(obj)-1], ',')
	if len(obj) == 2 {
		out = out[:1]
	}
	out = append(append(append(out, k...), ':'), val...)
	return append(out, '}'), nil
}
