package main

import (
	"reflect"

	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"
)

// formHelp is the Norwegian for every key help of huh's default key map, by its English
// description. A test checks that no binding is left without one.
var formHelp = map[string]string{
	"complete":     "fullfør",
	"back":         "tilbake",
	"next":         "neste",
	"submit":       "send inn",
	"first":        "første",
	"last":         "siste",
	"page up":      "side opp",
	"page down":    "side ned",
	"select":       "velg",
	"up":           "opp",
	"down":         "ned",
	"open":         "åpne",
	"close":        "lukk",
	"new line":     "ny linje",
	"open editor":  "åpne redigeringsprogram",
	"left":         "venstre",
	"right":        "høyre",
	"filter":       "filtrer",
	"set filter":   "bruk filteret",
	"clear filter": "tøm filteret",
	"½ page up":    "½ side opp",
	"½ page down":  "½ side ned",
	"go to start":  "til starten",
	"go to end":    "til slutten",
	"confirm":      "bekreft",
	"toggle":       "velg/fjern",
	"select all":   "velg alle",
	"select none":  "velg ingen",
	"Yes":          "ja",
	"No":           "nei",
}

// formKeyMap is huh's default key map with its help in Norwegian, and j (ja) as well as
// y to answer yes.
func formKeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	eachBinding(reflect.ValueOf(km).Elem(), func(b *key.Binding) {
		if h := b.Help(); h.Desc != "" {
			if no, ok := formHelp[h.Desc]; ok {
				b.SetHelp(h.Key, no)
			}
		}
	})
	km.Confirm.Accept = key.NewBinding(key.WithKeys("j", "J", "y", "Y"), key.WithHelp("j", "ja"))
	return km
}

// eachBinding calls f on every key.Binding in the struct v, nested structs included.
func eachBinding(v reflect.Value, f func(*key.Binding)) {
	for i := range v.NumField() {
		fv := v.Field(i)
		if !fv.CanSet() {
			continue
		}
		if b, ok := fv.Addr().Interface().(*key.Binding); ok {
			f(b)
			continue
		}
		if fv.Kind() == reflect.Struct {
			eachBinding(fv, f)
		}
	}
}
