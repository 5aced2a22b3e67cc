package main

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"
)

func TestFormKeyHelpIsNorwegian(t *testing.T) {
	var walk func(path string, v reflect.Value)
	n := 0
	walk = func(path string, v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			f, name := v.Field(i), path+"."+v.Type().Field(i).Name
			if b, ok := f.Addr().Interface().(*key.Binding); ok {
				n++
				desc := b.Help().Desc
				if _, english := formKeyHelp[desc]; english {
					t.Errorf("%s: help %q is not Norwegian", name, desc)
				}
				checkNorwegian(t, name, desc)
				continue
			}
			if f.Kind() == reflect.Struct {
				walk(name, f)
			}
		}
	}
	walk("KeyMap", reflect.ValueOf(norwegianKeyMap()).Elem())
	if n < 40 {
		t.Errorf("only %d key bindings seen", n)
	}
}
