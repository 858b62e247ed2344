package reports

import (
	"encoding/binary"
	"fmt"
	"math"
	"reflect"

	"github.com/styrdok/styrdok/analysis"
)

// AppendDecided appends to b what a run decides of document d after its
// analysis, which the kept reports and fragments depend on besides the
// analysis itself: its file name, its attribution (every field, by name)
// and its status. The encoding is one-to-one (strings with their
// lengths, numbers by their bits), so two different decisions never
// append the same bytes; it is a key's input (fragKey; the reports key,
// cmd/styrdok/run_reuse.go), not a stored format.
//
// fmt's %#v, which made these keys before, was ~0.07 s of a one-file
// re-run of 2,000 documents, on the run's one serial path (two keys a
// document). The attribution is walked by reflection, so that a field
// added to analysis.Attribution is in the key without a change here.
func AppendDecided(b []byte, d *analysis.DocumentAnalysis) []byte {
	b = appendKeyString(b, d.File)
	b = appendKeyValue(b, reflect.ValueOf(&d.Municipality).Elem())
	return appendKeyString(b, d.Meta.Status)
}

func appendKeyString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendKeyValue appends v one-to-one: a kind and then the value;
// structs field by field with their names, arrays and slices with their
// lengths. A kind it does not walk (a map, a pointer, an interface) is
// appended as %#v prints it, with its length.
func appendKeyValue(b []byte, v reflect.Value) []byte {
	b = append(b, byte(v.Kind()))
	switch v.Kind() {
	case reflect.String:
		return appendKeyString(b, v.String())
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return binary.AppendUvarint(b, v.Uint())
	case reflect.Float32, reflect.Float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float()))
	case reflect.Struct:
		t := v.Type()
		b = binary.AppendUvarint(b, uint64(v.NumField()))
		for i := range v.NumField() {
			b = appendKeyString(b, t.Field(i).Name)
			b = appendKeyValue(b, v.Field(i))
		}
		return b
	case reflect.Array, reflect.Slice:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		for i := range v.Len() {
			b = appendKeyValue(b, v.Index(i))
		}
		return b
	default:
		return appendKeyString(b, fmt.Sprintf("%#v", v))
	}
}
