package analysis

import (
	"time"

	"github.com/styrdok/styrdok/codebook"
	"github.com/styrdok/styrdok/registry"
)

// The codebook's type, YAML and dictionary formats are package codebook;
// what stays here binds a codebook to this package's matcher. The word
// lists the matcher reads beside the codebook (organisations.txt,
// vowelforms.tsv) decide tagging too, so they are hashed with it: a
// stored analysis is re-used only when both are the same. Every codebook
// an Analyzer is given should come from these three functions.

// DefaultCodebook parses the embedded codebook.
func DefaultCodebook() (*codebook.Codebook, error) {
	return codebook.Default(matcherData()...)
}

// NewDefaultAnalyzer is the analyzer of the embedded codebook and the
// registry's municipalities, judging statuses at asOf: what a run without
// --codebook uses, and what tools and tests that need no other codebook
// start from.
func NewDefaultAnalyzer(asOf time.Time) (*Analyzer, error) {
	cb, err := DefaultCodebook()
	if err != nil {
		return nil, err
	}
	reg, err := registry.LoadRegistry()
	if err != nil {
		return nil, err
	}
	return NewAnalyzer(cb, reg, asOf), nil
}

// LoadCodebook reads a codebook file.
func LoadCodebook(path string) (*codebook.Codebook, error) {
	return codebook.Load(path, matcherData()...)
}

// ParseCodebook parses and validates a codebook; name is used in errors.
func ParseCodebook(data []byte, name string) (*codebook.Codebook, error) {
	return codebook.Parse(data, name, matcherData()...)
}

// matcherData are the embedded lists hashed after the codebook, in the
// order the hash has always taken them.
func matcherData() [][]byte {
	return [][]byte{[]byte(organisationsTXT), []byte(vowelformsTSV)}
}
