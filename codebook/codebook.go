package codebook

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed codebook.yaml
var defaultCodebook []byte

// Position says where in a compound a term may stand.
type Position string

// Positions of a term in a word.
const (
	AsWord     Position = "word"     // the whole word: "bostad", "bostaden"
	AsHead     Position = "head"     // last part of a compound: "hyresbostäder"
	AsModifier Position = "modifier" // first part: "arbetsmarknadsenheten"
)

// Term is one dictionary entry of a theme.
type Term struct {
	Term   string     `yaml:"term" json:"term"`
	Forms  []string   `yaml:"forms,omitempty" json:"forms,omitempty"`
	As     []Position `yaml:"as,omitempty" json:"as,omitempty"`
	Weight float64    `yaml:"weight,omitempty" json:"weight,omitempty"`
	Not    []string   `yaml:"not,omitempty" json:"not,omitempty"`
	// NotNext are words that, among the next two, give the term another
	// meaning: "jobbar med integration", "så jobbar vi med mottagandet"
	// is working on something, not employment.
	NotNext []string `yaml:"not_next,omitempty" json:"not_next,omitempty"`
	// ClaimsOnly makes the term sentence evidence for its theme (a claim)
	// that never counts toward the theme's level: a word that marks the
	// theme in a sentence but, counted toward levels, would make passing
	// mentions look like treatment (docs/codebook.md).
	ClaimsOnly bool `yaml:"claims_only,omitempty" json:"claims_only,omitempty"`
}

// Phrase is a multi-word pattern matched on stems; "word*" is a prefix.
type Phrase struct {
	Phrase string  `yaml:"phrase" json:"phrase"`
	Weight float64 `yaml:"weight,omitempty" json:"weight,omitempty"`
	// NotNext as for a term: "i arbetet med" is not "i arbete".
	NotNext []string `yaml:"not_next,omitempty" json:"not_next,omitempty"`
	// ClaimsOnly as for a term.
	ClaimsOnly bool `yaml:"claims_only,omitempty" json:"claims_only,omitempty"`
}

// Theme is one coded category.
type Theme struct {
	ID         string   `yaml:"id" json:"id"`
	LabelSV    string   `yaml:"label_sv" json:"label_sv"`
	LabelEN    string   `yaml:"label_en" json:"label_en"`
	Definition string   `yaml:"definition" json:"definition"`
	Terms      []Term   `yaml:"terms" json:"terms"`
	Phrases    []Phrase `yaml:"phrases,omitempty" json:"phrases,omitempty"`
	// HeadingTerms signal the theme only in a short heading: "Arbete" as
	// a heading or a table's area label is the employment theme, while
	// "arbete" in running text is mostly the work of doing something.
	HeadingTerms []string `yaml:"heading_terms,omitempty" json:"heading_terms,omitempty"`
}

// Codebook is the user-tunable dictionary that drives tagging.
type Codebook struct {
	Version int     `yaml:"version" json:"version"`
	Themes  []Theme `yaml:"themes" json:"themes"`
	// MinScore is the weight a segment needs for a theme to count
	// (default 1): weak terms (weight < 1) count only together.
	MinScore float64 `yaml:"min_score,omitempty" json:"min_score,omitempty"`
	// Roles are words that name who is responsible in an action table
	// ("chef", "rektor", "kommunledningsgrupp"). A table cell made of them
	// names an organisation, not a theme, and weighs little.
	Roles []string `yaml:"roles,omitempty" json:"roles,omitempty"`
	// RoleWeight multiplies matches in such cells (default 0.1).
	RoleWeight float64 `yaml:"role_weight,omitempty" json:"role_weight,omitempty"`
	// UnitWeight multiplies a theme word that begins a unit's or a
	// role's name in running text ("Arbetsmarknadsenheten",
	// "arbetsmarknadschef"; default 0.4): the unit acts, yet its field
	// is half the topic where the text develops the unit itself, so it
	// weighs more than a responsible cell but does not reach min_score
	// alone.
	UnitWeight float64 `yaml:"unit_weight,omitempty" json:"unit_weight,omitempty"`
	// Organisations are names of organisations, agencies and institutions
	// (one or more words each) added to the embedded list
	// (analysis/organisations.txt): a name is an actor, not a topic, so the theme
	// words inside it ("Arbetsförmedlingen", "hem för vård eller boende")
	// weigh role_weight.
	Organisations []string `yaml:"organisations,omitempty" json:"organisations,omitempty"`

	hash string
}

// Default parses the embedded codebook; matcherData as for Parse.
func Default(matcherData ...[]byte) (*Codebook, error) {
	return Parse(defaultCodebook, "embedded codebook.yaml", matcherData...)
}

// DefaultYAML returns the embedded codebook file, for users who want a
// copy to edit.
func DefaultYAML() []byte { return bytes.Clone(defaultCodebook) }

// Load reads a codebook file; matcherData as for Parse.
func Load(path string, matcherData ...[]byte) (*Codebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("codebook %s: %w", path, err)
	}
	return Parse(data, path, matcherData...)
}

var themeID = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Parse parses and validates a codebook; name is used in errors.
// matcherData are the word lists a matcher reads beside the codebook
// (analysis passes its organisations.txt and vowelforms.tsv, through
// analysis.ParseCodebook): they decide tagging too, so they are hashed
// after the codebook and Hash identifies everything a stored analysis is
// re-used for. Without them Hash covers the codebook alone.
func Parse(data []byte, name string, matcherData ...[]byte) (*Codebook, error) {
	var cb Codebook
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cb); err != nil {
		return nil, fmt.Errorf("codebook %s: %w", name, err)
	}
	if len(cb.Themes) == 0 {
		return nil, fmt.Errorf("codebook %s: no themes", name)
	}
	if cb.MinScore <= 0 {
		cb.MinScore = 1
	}
	if cb.RoleWeight <= 0 {
		cb.RoleWeight = 0.1
	}
	if cb.UnitWeight <= 0 {
		cb.UnitWeight = 0.4
	}
	for i, r := range cb.Roles {
		cb.Roles[i] = strings.ToLower(strings.TrimSpace(r))
	}
	for i, o := range cb.Organisations {
		cb.Organisations[i] = strings.ToLower(strings.Join(strings.Fields(o), " "))
		if cb.Organisations[i] == "" {
			return nil, fmt.Errorf("codebook %s: organisation %d is empty", name, i+1)
		}
	}
	seen := map[string]bool{}
	for i := range cb.Themes {
		t := &cb.Themes[i]
		if !themeID.MatchString(t.ID) {
			return nil, fmt.Errorf("codebook %s: theme %d: id %q must be lower-case letters, digits and _", name, i+1, t.ID)
		}
		if seen[t.ID] {
			return nil, fmt.Errorf("codebook %s: duplicate theme id %q", name, t.ID)
		}
		seen[t.ID] = true
		if len(t.Terms) == 0 && len(t.Phrases) == 0 {
			return nil, fmt.Errorf("codebook %s: theme %q has no terms or phrases", name, t.ID)
		}
		for j := range t.Terms {
			tm := &t.Terms[j]
			tm.Term = strings.ToLower(strings.TrimSpace(tm.Term))
			if tm.Term == "" || strings.ContainsAny(tm.Term, " *") {
				return nil, fmt.Errorf("codebook %s: theme %q: term %d: a term is one word without wildcards (use phrases for several words): %q", name, t.ID, j+1, tm.Term)
			}
			if tm.Weight == 0 {
				tm.Weight = 1
			}
			if tm.Weight < 0 {
				return nil, fmt.Errorf("codebook %s: theme %q: term %q: negative weight", name, t.ID, tm.Term)
			}
			for _, p := range tm.As {
				if p != AsWord && p != AsHead && p != AsModifier {
					return nil, fmt.Errorf("codebook %s: theme %q: term %q: position %q (want word, head or modifier)", name, t.ID, tm.Term, p)
				}
			}
			if len(tm.As) == 0 {
				tm.As = []Position{AsWord, AsHead, AsModifier}
			}
			lowerAll(tm.NotNext)
		}
		for j, h := range t.HeadingTerms {
			t.HeadingTerms[j] = strings.ToLower(strings.TrimSpace(h))
		}
		for j := range t.Phrases {
			p := &t.Phrases[j]
			p.Phrase = strings.ToLower(strings.Join(strings.Fields(p.Phrase), " "))
			if p.Phrase == "" {
				return nil, fmt.Errorf("codebook %s: theme %q: empty phrase", name, t.ID)
			}
			if p.Weight == 0 {
				p.Weight = 1
			}
			lowerAll(p.NotNext)
		}
	}
	// The hash is taken over the canonical JSON of the parsed codebook
	// (defaults applied, so formatting and comments do not count). JSON,
	// not YAML: encoding the bundled codebook takes 0.11 ms as JSON and
	// 8.8 ms as YAML (BenchmarkCanonical), and every command pays it once.
	canon, err := json.Marshal(&cb)
	if err != nil {
		return nil, fmt.Errorf("codebook %s: %w", name, err)
	}
	h := sha256.New()
	h.Write(canon)
	for _, d := range matcherData {
		h.Write(d)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	cb.hash = hex.EncodeToString(sum[:])
	return &cb, nil
}

func lowerAll(ws []string) {
	for i, w := range ws {
		ws[i] = strings.ToLower(strings.TrimSpace(w))
	}
}

// Hash identifies the codebook's content (after defaults are applied), so
// stored results can be re-used only for the codebook that made them.
func (cb *Codebook) Hash() string { return cb.hash }

// ThemeIDs returns the theme ids in codebook order.
func (cb *Codebook) ThemeIDs() []string {
	ids := make([]string, len(cb.Themes))
	for i, t := range cb.Themes {
		ids[i] = t.ID
	}
	return ids
}

// Theme looks a theme up by id.
func (cb *Codebook) Theme(id string) (Theme, bool) {
	for _, t := range cb.Themes {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}
