package main

import (
	"reflect"

	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"
)

// formKeyHelp is the bokmål for the key help of huh's forms (huh writes it in English).
var formKeyHelp = map[string]string{
	"quit": "avbryt", "complete": "fullfør", "back": "tilbake", "next": "neste", "submit": "ferdig",
	"first": "første", "last": "siste", "page up": "side opp", "page down": "side ned", "select": "velg",
	"up": "opp", "down": "ned", "open": "åpne", "close": "lukk", "new line": "ny linje",
	"open editor": "åpne i redigeringsprogram", "left": "venstre", "right": "høyre", "filter": "søk",
	"set filter": "bruk søket", "clear filter": "tøm søket", "½ page up": "½ side opp",
	"½ page down": "½ side ned", "go to start": "til starten", "go to end": "til slutten",
	"confirm": "bekreft", "toggle": "velg/fjern", "select all": "velg alle", "select none": "velg ingen",
	"Yes": "ja", "No": "nei",
}

// norwegianKeyMap is huh's default key map with its help in bokmål.
func norwegianKeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	translateBindings(reflect.ValueOf(km).Elem())
	return km
}

// translateBindings sets the Norwegian help of every key.Binding in v, a struct of
// bindings and structs of bindings.
func translateBindings(v reflect.Value) {
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if !f.CanSet() {
			continue
		}
		if b, ok := f.Addr().Interface().(*key.Binding); ok {
			h := b.Help()
			if nb, ok := formKeyHelp[h.Desc]; ok {
				b.SetHelp(h.Key, nb)
			}
			continue
		}
		if f.Kind() == reflect.Struct {
			translateBindings(f)
		}
	}
}
