package analysis

// Word-at-a-time helpers: eight bytes of a string read and tested in one
// 64-bit word (the text filter's lower-casing and hyphen scan, the form
// cache's hash). Each is exact; the byte loops they replace are kept as
// references in wordatatime_test.go.

// byteOnes has 1 in each of a word's eight bytes.
const byteOnes = 0x0101010101010101

// hiBits are the high bits of a word's eight bytes: none is set when all
// eight are ASCII.
const hiBits = 0x8080808080808080

// load8 is s[i:i+8] as a little-endian word (one load: the compiler
// joins the bytes' loads).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lowerASCII8 lowers the capitals of x, eight ASCII bytes (no high bit
// set): a byte from 'A' to 'Z' gets 0x20 more. Adding 0x80-'A' to a byte
// below 0x80 sets its high bit when it is 'A' or more, adding 0x80-'Z'-1
// when it is above 'Z'; neither sum carries into the next byte.
func lowerASCII8(x uint64) uint64 {
	capital := (x + (0x80-'A')*byteOnes) &^ (x + (0x80-'Z'-1)*byteOnes) & hiBits
	return x | capital>>2
}

// load4 is s[i:i+4] as a little-endian word.
func load4(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// hasHyphenByte8 reports whether one of x's eight bytes is '-' or 0xE2
// (the zero-byte test on x xor each: exact, since a byte's borrow only
// sets high bits above a byte that is zero).
func hasHyphenByte8(x uint64) bool {
	return hasZeroByte8(x^('-'*byteOnes)) || hasZeroByte8(x^(0xE2*byteOnes))
}

// hasZeroByte8 reports whether one of x's eight bytes is zero.
func hasZeroByte8(x uint64) bool {
	return (x-byteOnes)&^x&(0x80*byteOnes) != 0
}
