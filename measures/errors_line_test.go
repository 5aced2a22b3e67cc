package measures

import "testing"

func TestErrorStaysOnOneLine(t *testing.T) {
	e := &Error{File: "content/measures/T99\n::error::x.md", Pos: Pos{Line: 2, Col: 5}, Key: "owners[0]\r",
		Msg: "ukjent eier «a\r\n::warning::b\u2028c»", Kind: ErrReference}
	want := `content/measures/T99\n::error::x.md:2:5: owners[0]\r: ukjent eier «a\r\n::warning::b\u2028c»`
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
