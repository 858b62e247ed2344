package analysis

import (
	"testing"
	"unsafe"
)

// TestTokenSize: a Token stays 80 bytes on 64-bit machines (Cell an
// int32 beside Sep): the tokeniser writes one per word of every
// document, and a field added or reordered that grows it shows here.
func TestTokenSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("the bound is for 64-bit machines")
	}
	if got := unsafe.Sizeof(Token{}); got > 80 {
		t.Fatalf("a Token is %d bytes, more than 80", got)
	}
}
