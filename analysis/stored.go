package analysis

import (
	"reflect"
	"time"
)

// The stored form of an analysis (the format is in codec.go), the
// normalisation that makes fresh and stored analyses alike, and what the
// batch run in package corpus needs of an Analyzer besides its analyses.

// EncodeAnalysis serializes an analysis for the store (codec.go: every
// exported field, including those JSON leaves out). Segments are left
// out: the store keeps them in its sentences view.
func EncodeAnalysis(d *DocumentAnalysis) []byte { return appendAnalysis(nil, d) }

// DecodeAnalysis reverses EncodeAnalysis. Its slices and maps are empty,
// never nil, as NormalizeEmpty makes fresh analyses (Run normalises
// them), so re-used and fresh analyses are identical; Segments is nil.
func DecodeAnalysis(data []byte) (*DocumentAnalysis, error) { return decodeAnalysis(data, nil) }

// NormalizeEmpty replaces every nil slice and map reachable through d's
// exported fields by an empty one (JSON writes [] and {} rather than
// null), so an analysis reads the same after a trip through the store.
func NormalizeEmpty(d *DocumentAnalysis) {
	normalizeAlong(reflect.ValueOf(d).Elem(), analysisPlan)
}

// normPlan says where in a type nil slices and maps can hide: the fields
// of a struct, the elements of a slice, array or pointer that need
// walking. Walking a plan made once from the type (analysisPlan) instead
// of asking reflection for every field of every theme hit made
// NormalizeEmpty several times cheaper.
type normPlan struct {
	kind    reflect.Kind
	fields  []int       // struct: exported fields that need walking
	plans   []*normPlan // struct: their plans
	elem    *normPlan   // slice, array, pointer: the element's plan (nil: no need)
	dynamic bool        // too deep to plan: walk by reflection
}

// analysisPlan is DocumentAnalysis's plan, made once; it is never changed.
var analysisPlan = planFor(reflect.TypeOf(DocumentAnalysis{}), 0)

// planFor makes t's plan, or nil when t holds no slice or map.
func planFor(t reflect.Type, depth int) *normPlan {
	if !hasNilable(t, depth) {
		return nil
	}
	if depth > 8 {
		return &normPlan{dynamic: true}
	}
	p := &normPlan{kind: t.Kind()}
	switch t.Kind() {
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() {
				if fp := planFor(f.Type, depth+1); fp != nil {
					p.fields, p.plans = append(p.fields, i), append(p.plans, fp)
				}
			}
		}
	case reflect.Slice, reflect.Array, reflect.Pointer:
		p.elem = planFor(t.Elem(), depth+1)
	}
	return p
}

// normalizeAlong is normalizeEmptyValue guided by a plan.
func normalizeAlong(v reflect.Value, p *normPlan) {
	if p.dynamic {
		normalizeEmptyValue(v)
		return
	}
	switch p.kind {
	case reflect.Struct:
		for k, i := range p.fields {
			normalizeAlong(v.Field(i), p.plans[k])
		}
	case reflect.Slice:
		if v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		if p.elem != nil {
			for i := 0; i < v.Len(); i++ {
				normalizeAlong(v.Index(i), p.elem)
			}
		}
	case reflect.Map:
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
	case reflect.Pointer:
		if !v.IsNil() && p.elem != nil {
			normalizeAlong(v.Elem(), p.elem)
		}
	case reflect.Array:
		if p.elem != nil {
			for i := 0; i < v.Len(); i++ {
				normalizeAlong(v.Index(i), p.elem)
			}
		}
	}
}

// hasNilable reports whether values of t can hold a slice or map, so
// that elements of a []t need walking (a []Match does not).
func hasNilable(t reflect.Type, depth int) bool {
	if depth > 8 {
		return true // deep or recursive types: walk to be safe
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Map:
		return true
	case reflect.Pointer, reflect.Array:
		return hasNilable(t.Elem(), depth+1)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && hasNilable(f.Type, depth+1) {
				return true
			}
		}
	}
	return false
}

func normalizeEmptyValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if t.Field(i).IsExported() {
				normalizeEmptyValue(v.Field(i))
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		if hasNilable(v.Type().Elem(), 0) {
			for i := 0; i < v.Len(); i++ {
				normalizeEmptyValue(v.Index(i))
			}
		}
	case reflect.Map:
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			normalizeEmptyValue(v.Elem())
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			normalizeEmptyValue(v.Index(i))
		}
	}
}

// ApplyDate judges each document's status (current, expired, unknown)
// at asOf. The status is the one part of an analysis that depends on the
// day; Run applies the analyzer's date to every document, fresh or
// re-used from the store, so stored analyses do not depend on the day
// they were made (corpus.AnalysisKey).
func ApplyDate(docs []*DocumentAnalysis, asOf time.Time) {
	for _, d := range docs {
		d.Meta.Status = validityStatus(d.Meta.ValidTo, asOf)
	}
}

// AppendEncoded appends d's stored encoding (EncodeAnalysis) to b, so
// that a batch run can re-use one buffer from document to document.
func AppendEncoded(b []byte, d *DocumentAnalysis) []byte { return appendAnalysis(b, d) }

// DecodeShared is DecodeAnalysis with small, the caller's table of short
// strings (stems, terms, theme and kind names) that the analyses it
// decodes share instead of holding a copy each; nil shares nothing. The
// caller bounds small (a batch run clears it when it grows large).
func DecodeShared(data []byte, small map[string]string) (*DocumentAnalysis, error) {
	return decodeAnalysis(data, small)
}

// DecodeSummary is Summary(DecodeShared(data, small)), made without
// decoding what a summary leaves out (decodeSummary).
func DecodeSummary(data []byte, small map[string]string) (*DocumentAnalysis, error) {
	return decodeSummary(data, small)
}

// RecycleSegments hands d's segments back for a later analysis to fill
// (d.Segments is nil afterwards): a batch run calls it once a document is
// stored, since the segments are most of an analysis's memory.
func (a *Analyzer) RecycleSegments(d *DocumentAnalysis) { a.recycleSegments(d) }

// AsOf is the date the analyzer judges statuses at (NewAnalyzer).
func (a *Analyzer) AsOf() time.Time { return a.asOf }
