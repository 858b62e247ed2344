package analysis

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"flag"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"gonum.org/v1/gonum/mat"
)

// refitVoice rewrites data/attribution/voice-model.txt from the training
// texts: go test ./analysis -run TestVoiceModelFit -refit-voice
var refitVoice = flag.Bool("refit-voice", false, "refit data/attribution/voice-model.txt")

// voiceTrainingSets are the labelled sets the voice model is fitted on:
// their dev rows only (a held-out row is never read), and the silver set
// of municipal pages (all dev).
var voiceTrainingSets = []string{
	filepath.Join("..", "testdata", "realtexts"),
	filepath.Join("testdata", "attribution", "silver"),
}

// voiceRow is one training text: the best candidate's features and
// whether the text speaks for no municipality (category none).
type voiceRow struct {
	file string
	x    voiceVector
	y    float64
	conf float64 // the best candidate's confidence without the voice model
	// speaker is the labelled speaker (news, party, association, region
	// …; municipality for own texts and the silver pages).
	speaker string
}

// withoutVoiceModel returns an attributor like a whose voice model never
// caps: the training rows' confidences are those the model would cap.
func withoutVoiceModel(a *MunicipalityAttributor) *MunicipalityAttributor {
	l := *a.lists
	m := *l.voiceModel
	m.threshold = 2 // no probability reaches it
	m.uncertain = 2
	l.voiceModel = &m
	b := &MunicipalityAttributor{munis: a.munis, ambiguous: a.ambiguous, distinct: a.distinct, byFirst: a.byFirst, gotland: a.gotland, domains: a.domains, lists: &l}
	return b
}

// voiceL2 is the ridge penalty on the weights (not the bias): with some
// 300 texts and ten features it keeps a feature seen in few texts from
// taking a large weight.
const voiceL2 = 1.0

// uncertainRight is how often, cross-validated, the answers the
// uncertain level leaves near certain must be right.
const uncertainRight = 0.99

// voiceFolds is the number of cross-validation folds (row i is in fold
// i mod voiceFolds, rows sorted by file): the threshold is chosen on
// predictions for texts the fit did not see.
const voiceFolds = 10

// The threshold is the lowest at which the cross-validated model takes
// the answer from none of the municipalities' own texts: a named text
// lost costs more than a "none" text gained (round 4 lost five held-out
// named texts for one "none"; docs/validity.md), and with a 1% allowance
// the dev named texts fell below 96%.

// voiceDevRow is one dev row of a voice training set, with its text.
type voiceDevRow struct {
	dir, name               string // the set's folder and the row's file within it
	category, code, speaker string // code "" for "-"; speaker "municipality" where the set has no column
	text                    []byte
}

// readVoiceDevRows reads the dev rows of every documents-*.tsv of
// voiceTrainingSets, in the sets' order and each file's row order (a
// held-out row is never read, its text not even opened).
func readVoiceDevRows(t *testing.T) []voiceDevRow {
	t.Helper()
	var out []voiceDevRow
	for _, dir := range voiceTrainingSets {
		tsvs, err := filepath.Glob(filepath.Join(dir, "documents-*.tsv"))
		if err != nil || len(tsvs) == 0 {
			t.Fatalf("%s: no documents-*.tsv (%v)", dir, err)
		}
		for _, tsv := range tsvs {
			f, err := os.Open(tsv)
			if err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(f)
			r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
			recs, err := r.ReadAll()
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", tsv, err)
			}
			col := map[string]int{}
			for i, h := range recs[0] {
				col[h] = i
			}
			for _, c := range []string{"file", "category", "split", "municipality_code"} {
				if _, ok := col[c]; !ok {
					t.Fatalf("%s: no column %q", tsv, c)
				}
			}
			for _, rec := range recs[1:] {
				if len(rec) <= col["split"] || rec[col["split"]] != "dev" {
					continue
				}
				row := voiceDevRow{dir: dir, name: rec[col["file"]], category: rec[col["category"]], code: rec[col["municipality_code"]], speaker: "municipality"}
				if row.code == "-" {
					row.code = ""
				}
				if c, ok := col["speaker"]; ok && c < len(rec) {
					row.speaker = rec[c]
				}
				if row.text, err = os.ReadFile(filepath.Join(dir, row.name)); err != nil {
					t.Fatal(err)
				}
				out = append(out, row)
			}
		}
	}
	return out
}

func loadVoiceRows(t *testing.T, a *MunicipalityAttributor) ([]voiceRow, string) {
	t.Helper()
	var rows []voiceRow
	digest := sha256.New()
	for _, dr := range readVoiceDevRows(t) {
		if dr.category == "title" {
			continue
		}
		text := string(dr.text)
		at, x, ok := a.attributeVoice(text, layoutDocument(text))
		if !ok {
			continue
		}
		if at.Candidates[0].Confidence < DefaultMinConfidence {
			continue // unknown already: the model could change nothing
		}
		y := 0.0
		if dr.category == "none" {
			y = 1
		}
		file := filepath.Join(filepath.Base(dr.dir), dr.name)
		rows = append(rows, voiceRow{file: file, x: x, y: y, conf: at.Candidates[0].Confidence, speaker: dr.speaker})
		fmt.Fprintf(digest, "%s\t%v\t%x\n", file, y, sha256.Sum256(dr.text))
	}
	slices.SortFunc(rows, func(p, q voiceRow) int { return strings.Compare(p.file, q.file) })
	return rows, fmt.Sprintf("%x", digest.Sum(nil))[:16]
}

// fitVoice fits an L2-penalised logistic regression by Newton's method
// (iteratively reweighted least squares) from zero: deterministic, and
// converged to the unique optimum of the strictly convex objective.
func fitVoice(rows []voiceRow) (bias float64, w voiceVector) {
	const p = nVoiceFeatures + 1
	beta := make([]float64, p)
	xs := func(r voiceRow) []float64 { return append([]float64{1}, r.x[:]...) }
	for iter := 0; iter < 100; iter++ {
		g := mat.NewVecDense(p, nil)
		h := mat.NewSymDense(p, nil)
		for _, r := range rows {
			x := xs(r)
			z := 0.0
			for j := range x {
				z += beta[j] * x[j]
			}
			pr := 1 / (1 + math.Exp(-z))
			for j := range x {
				g.SetVec(j, g.AtVec(j)+(pr-r.y)*x[j])
				for k := j; k < p; k++ {
					h.SetSym(j, k, h.At(j, k)+pr*(1-pr)*x[j]*x[k])
				}
			}
		}
		for j := 1; j < p; j++ {
			g.SetVec(j, g.AtVec(j)+voiceL2*beta[j])
			h.SetSym(j, j, h.At(j, j)+voiceL2)
		}
		var step mat.VecDense
		if err := step.SolveVec(h, g); err != nil {
			break
		}
		norm := 0.0
		for j := range beta {
			beta[j] -= step.AtVec(j)
			norm += step.AtVec(j) * step.AtVec(j)
		}
		if norm < 1e-20 {
			break
		}
	}
	copy(w[:], beta[1:])
	return beta[0], w
}

// crossValidated returns each row's probability from a model fitted on
// the other folds.
func crossValidated(rows []voiceRow) []float64 {
	out := make([]float64, len(rows))
	for f := 0; f < voiceFolds; f++ {
		var train []voiceRow
		for i, r := range rows {
			if i%voiceFolds != f {
				train = append(train, r)
			}
		}
		b, w := fitVoice(train)
		m := voiceModel{bias: b, w: w}
		for i, r := range rows {
			if i%voiceFolds == f {
				out[i] = m.prob(r.x)
			}
		}
	}
	return out
}

// chooseVoiceThreshold returns the lowest of 0.50, 0.55 … 0.95 at which
// the cross-validated probabilities cv take the answer from no own row
// (0.95 when none does), calling each, when not nil, with every
// threshold's own and none rows taken. The fit and the cross-validation
// of the whole decision (municipality_cv_test.go) choose it the same way.
func chooseVoiceThreshold(rows []voiceRow, cv []float64, each func(tau float64, own, none int)) float64 {
	threshold := 0.0
	for k := 10; k <= 19; k++ {
		tau := float64(k) * 0.05
		fo, fn := 0, 0
		for i, r := range rows {
			if cv[i] >= tau && r.y == 1 {
				fn++
			} else if cv[i] >= tau {
				fo++
			}
		}
		if each != nil {
			each(tau, fo, fn)
		}
		if threshold == 0 && fo == 0 {
			threshold = tau
		}
	}
	if threshold == 0 {
		threshold = 0.95
	}
	return threshold
}

// chooseUncertainLevel returns the highest of 0.05, 0.10 … (at most the
// threshold) at which the near-certain page-sized rows left below it are
// at least uncertainRight right (0.05 when no level is), calling each,
// when not nil, with every level's none rows left near certain, own rows
// left and own rows capped.
func chooseUncertainLevel(rows []voiceRow, cv []float64, threshold float64, each func(lvl float64, left, ownLeft, capped int)) float64 {
	uncertain := 0.05
	for k := 1; k <= 19 && float64(k)*0.05 <= threshold+1e-9; k++ {
		lvl := float64(k) * 0.05
		left, ownLeft, capped := 0, 0, 0
		for i, r := range rows {
			if r.conf < 0.9 || r.x[9] > math.Log(voiceWords/300.0)+1e-9 {
				continue // not near certain, or longer than a page (the level applies to pages only)
			}
			switch {
			case r.y == 1 && cv[i] < lvl:
				left++
			case r.y == 0 && cv[i] < lvl:
				ownLeft++
			case r.y == 0:
				capped++
			}
		}
		if each != nil {
			each(lvl, left, ownLeft, capped)
		}
		if ownLeft+left > 0 && float64(ownLeft) >= uncertainRight*float64(ownLeft+left) {
			uncertain = lvl
		}
	}
	return uncertain
}

// voiceModelFile makes the model file: how it was fitted, the
// cross-validated figures per threshold, the weights.
func voiceModelFile(rows []voiceRow, digest string) []byte {
	bias, w := fitVoice(rows)
	cv := crossValidated(rows)
	own, other := 0, 0
	for _, r := range rows {
		if r.y == 1 {
			other++
		} else {
			own++
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `# The voice model: a logistic regression giving the probability that a
# page-sized text (31-%d words) with a candidate municipality is written
# by someone else about that municipality (news, opinion, a party, an
# association, a region) rather than by the municipality itself. When it
# is at least the threshold, the confidence is capped at %.2f, below the
# default --min-confidence (analysis/municipality_voice.go,
# docs/validity.md rounds 5 and 6).
#
# Written by: go test ./analysis -run TestVoiceModelFit -refit-voice
# (analysis/municipality_voice_test.go); do not edit the numbers by hand.
# Fitted on the dev rows (never a held-out row) of testdata/realtexts and
# on the silver set analysis/testdata/attribution/silver, titles left
# out, texts where the attributor has a candidate, no veto and, without
# the model, a confidence of at least the default --min-confidence (on
# the others the model changes nothing): %d texts,
# %d speaking for no municipality (category none: y = 1), %d a
# municipality's own (named or unnamed: y = 0). Features as in
# voiceFeatureNames; L2 penalty %.1f on the weights (not the bias);
# Newton's method from zero. Training set digest %s (the test checks the
# weights below when the digest matches).
#
# Threshold: the lowest of 0.50, 0.55, ... 0.95 at which %d-fold
# cross-validated predictions (row i in fold i mod %d, rows sorted by
# file) take the answer away (judged someone else's, and the confidence
# without the model at least the default --min-confidence %.2f: the
# only texts fitted on) from no own text.
# Cross-validated, per threshold: own texts whose answer is taken away /
# none texts whose wrong answer is taken away:
`, aboutWords, aboutCeiling, len(rows), other, own, voiceL2, digest, voiceFolds, voiceFolds, DefaultMinConfidence)
	threshold := chooseVoiceThreshold(rows, cv, func(tau float64, fo, fn int) {
		fmt.Fprintf(&b, "#   %.2f  %d of %d / %d of %d\n", tau, fo, own, fn, other)
	})
	// Leave one source type out: does the model find a kind of speaker
	// it was not fitted on? Each type of "none" text is predicted by a
	// model fitted on all other rows.
	types := map[string]int{}
	for _, r := range rows {
		if r.y == 1 {
			types[r.speaker]++
		}
	}
	fmt.Fprintf(&b, `#
# Leave one source type out: the none texts of one speaker type,
# predicted by a model fitted without them; taken at the threshold:
`)
	for _, ty := range slices.Sorted(maps.Keys(types)) {
		var train, test []voiceRow
		for _, r := range rows {
			if r.y == 1 && r.speaker == ty {
				test = append(test, r)
			} else {
				train = append(train, r)
			}
		}
		bb, ww := fitVoice(train)
		m := voiceModel{bias: bb, w: ww}
		taken := 0
		for _, r := range test {
			if m.prob(r.x) >= threshold {
				taken++
			}
		}
		fmt.Fprintf(&b, "#   %s  %d of %d\n", ty, taken, len(test))
	}
	// The uncertain level: below the threshold, a page-sized text the
	// model gives at least this chance of being someone else's answers
	// at most uncertainCeiling. It is the highest of 0.05, 0.10, ... (at
	// most the threshold) at which, cross-validated, the near-certain
	// answers left (0.9 or more without the model, probability below the
	// level) are at least uncertainRight right: the target for answers
	// at 0.9 or more is 97%, and the margin is for texts not seen. A
	// zero-tolerance rule was tried first: one "none" text with a
	// contact block (an SKR page on Borås, dev o216, 0.05) then pulled
	// the level to its floor and took near certainty from 29 own texts.
	fmt.Fprintf(&b, `#
# Uncertain level: a text whose probability is at least this (and below
# the threshold) answers at most %.2f, not near certain. It is the
# highest of 0.05, 0.10, ... (at most the threshold) at which, with
# cross-validated probabilities, the answers left near certain (0.9 or
# more without the model, probability below the level) are at least
# %.0f%% right. Only page-sized texts (up to %d words): as the other
# voice ceilings, it applies to no longer text. Per level: none texts
# left near certain / own texts left near certain / own texts capped:
`, uncertainCeiling, 100*uncertainRight, voiceWords)
	uncertain := chooseUncertainLevel(rows, cv, threshold, func(lvl float64, left, ownLeft, capped int) {
		fmt.Fprintf(&b, "#   %.2f  %d / %d / %d\n", lvl, left, ownLeft, capped)
	})
	fmt.Fprintf(&b, "bias\t%.4f\n", bias)
	for i, n := range voiceFeatureNames {
		fmt.Fprintf(&b, "%s\t%.4f\n", n, w[i])
	}
	fmt.Fprintf(&b, "threshold\t%.2f\n", threshold)
	fmt.Fprintf(&b, "uncertain\t%.2f\n", uncertain)
	return b.Bytes()
}

// TestVoiceModelFit refits the voice model on the training texts and
// checks that the stored file is what the fit gives, when the training
// texts are those it was fitted on (a grown set is reported, not failed:
// refit with -refit-voice and re-measure, docs/validity.md).
func TestVoiceModelFit(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses the training texts")
	}
	a, _ := newTestAttributor(t)
	rows, digest := loadVoiceRows(t, withoutVoiceModel(a))
	if len(rows) < 100 {
		t.Fatalf("%d training texts: want the labelled sets", len(rows))
	}
	got := voiceModelFile(rows, digest)
	path := filepath.Join("data", "attribution", "voice-model.txt")
	if *refitVoice {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s:\n%s", path, got)
		return
	}
	stored, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(stored, []byte("digest "+digest+" ")) {
		t.Logf("the training texts changed since %s was fitted; refit with -refit-voice and re-measure", path)
		return
	}
	if !bytes.Equal(stored, got) {
		t.Errorf("%s is not what the fit gives; refit with -refit-voice:\n%s", path, got)
	}
}

// TestVoiceModelParse: the model file is read strictly.
func TestVoiceModelParse(t *testing.T) {
	good := "bias\t1\nthreshold\t0.5\nuncertain\t0.1\n"
	for _, n := range voiceFeatureNames {
		good += n + "\t0.5\n"
	}
	fsys := func(s string) fstest.MapFS {
		return fstest.MapFS{"data/attribution/voice-model.txt": &fstest.MapFile{Data: []byte("# c\n" + s)}}
	}
	m, err := parseVoiceModel(fsys(good))
	if err != nil {
		t.Fatal(err)
	}
	if m.bias != 1 || m.threshold != 0.5 || m.w[nVoiceFeatures-1] != 0.5 {
		t.Errorf("parsed %+v", m)
	}
	if p := m.prob(voiceVector{}); math.Abs(p-1/(1+math.Exp(-1))) > 1e-12 {
		t.Errorf("prob(0) = %v", p)
	}
	for _, bad := range []string{
		strings.Replace(good, "bias\t1\n", "", 1),                    // missing
		good + "bias\t2\n",                                           // twice
		good + "colour\t2\n",                                         // unknown
		strings.Replace(good, "threshold\t0.5", "threshold\t1.5", 1), // out of range
		strings.Replace(good, "bias\t1", "bias\tone", 1),             // not a number
		strings.Replace(good, "uncertain\t0.1", "uncertain\t0.6", 1), // above the threshold
		strings.Replace(good, "uncertain\t0.1\n", "", 1),             // missing
	} {
		if _, err := parseVoiceModel(fsys(bad)); err == nil || !strings.Contains(err.Error(), "voice-model.txt") {
			t.Errorf("%q: err %v, want one naming the file", bad, err)
		}
	}
}

// voiceFeature returns feature name of the best candidate's voice vector
// for a real development text, failing when the model does not judge it.
func voiceFeature(t *testing.T, a *MunicipalityAttributor, file, name string) float64 {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "attribution", "real", file))
	if err != nil {
		t.Fatal(err)
	}
	_, x, ok := a.attributeVoice(string(b), layoutDocument(string(b)))
	if !ok {
		t.Fatalf("%s: not judged by the voice model", file)
	}
	for i, n := range voiceFeatureNames {
		if n == name {
			return x[i]
		}
	}
	t.Fatalf("no feature %q", name)
	return 0
}

// TestVoiceSignals: each feature of the voice model on real development
// texts (testdata/attribution/real/SOURCES.tsv): where it fires, and for
// the cues that municipal news pages share with newspapers, a municipal
// page where it must not.
func TestVoiceSignals(t *testing.T) {
	a, _ := newTestAttributor(t)
	tests := []struct {
		file, feature string
		fires         bool
		why           string
	}{
		{"m007.txt", "service", true, "Essunga's page speaks to its reader (\"du\", \"kontakta\")"},
		{"m022.txt", "site", true, "a page giving an address at its municipality's domain"},
		{"o069.txt", "site", false, "SVT news gives no address at Lekeberg's domain"},
		{"m276.txt", "own", true, "Kil's council news: \"kommunens personal\""},
		{"m219.txt", "we", true, "Strömsund's director: \"Idag är vi än färre\""},
		{"o069.txt", "reporter", true, "SVT: \"säger Håkan Söderman (M)\""},
		{"o069.txt", "press", true, "a party tag after a quoted politician: \"(M)\""},
		{"o095.txt", "press", true, "a dateline: \"[PERSTORP] Nu ska …\""},
		{"r007.txt", "press", true, "a dateline \"LAHOLM.\" and a byline \"Av\" / \"Felix Alnemark\""},
		{"o066.txt", "press", true, "an opinion page's notice: \"opinionstext\", \"skribentens\""},
		{"m292.txt", "press", false, "Säter's own news quoting its staff: no paper's marks"},
		{"o103.txt", "third", true, "\"integrationsstrateg i Värmdö kommun\": an official in the third person"},
		{"o069.txt", "third", true, "\"kommunalråd Lekeberg\""},
		{"m276.txt", "third", false, "Kil's own news: \"kommunstyrelsens ordförande\" without the name"},
		{"m292.txt", "quotes", true, "Säter's own news quotes too (\"-Det här samarbetet …\")"},
		{"o069.txt", "quotes", true, "\"– Det är klart att …\""},
		{"m219.txt", "jag", true, "a municipal director's column in the first person"},
	}
	for _, tc := range tests {
		x := voiceFeature(t, a, tc.file, tc.feature)
		if (x > 0) != tc.fires {
			t.Errorf("%s: %s = %.2f, want fires=%v (%s)", tc.file, tc.feature, x, tc.fires, tc.why)
		}
	}
	if x := voiceFeature(t, a, "o095.txt", "bare"); x != 1 {
		t.Errorf("o095 (news naming Perstorp only bare): bare share %.2f, want 1", x)
	}
	// Sentences from real dev texts, on the helpers: "enligt kommunens
	// olika detaljplaner" (m133) is the municipality's plans, not the
	// municipality quoted; "enligt kommunen" is.
	for _, tc := range []struct {
		s    string
		want int
	}{{"Bostäder byggs enligt kommunens olika detaljplaner.", 0}, {"Det är klart, enligt kommunen.", 1}} {
		words := tokenizeWordsInto(nil, tc.s)
		var tv textVoice
		zones := make([]uint8, len(words))
		for i := range zones {
			zones[i] = zBody
		}
		a.countVoice(tc.s, words, zones, &tv)
		if tv.third != tc.want {
			t.Errorf("%q: third person %d, want %d", tc.s, tv.third, tc.want)
		}
	}
}

// TestAttributeVoiceModel: news about one municipality answered unknown
// in rounds 5-7 (the voice model judged it someone else's); refitted on
// the owner's labels (round 8: such news is that municipality's) the
// model takes no answer away and the news answers its municipality. The
// municipalities' own news pages, with quotes, party tags, "Publicerad"
// and no "du", keep their answer. All real dev texts.
func TestAttributeVoiceModel(t *testing.T) {
	a, _ := newTestAttributor(t)
	read := func(name string) string { return readRealAttribution(t, name) }
	for _, tc := range []struct{ file, code, why string }{
		{"o069.txt", "1814", "SVT news on Lekeberg (unknown in round 7)"},
		{"o103.txt", "0120", "Mitt i on Värmdö's newcomers (unknown in round 7)"},
		{"o087.txt", "0128", "Mitt i on a language café in Salem (unknown in round 7)"},
	} {
		got := a.Attribute(read(tc.file))
		if got.Code != tc.code || strings.Contains(got.Reason, "someone else") {
			t.Errorf("%s (%s): Attribute = %q %.2f (%s), want %s, not judged someone else's", tc.file, tc.why, got.Code, got.Confidence, got.Reason, tc.code)
		}
	}
	for _, tc := range []struct{ file, code, why string }{
		{"m276.txt", "1715", "Kil's council news quoting two politicians with party tags"},
		{"m289.txt", "1981", "Sala's news list, \"Publicerad\" ten times, no \"du\""},
		{"m292.txt", "2082", "Säter's press room (mynewsdesk), three quotes, no \"du\""},
		{"m172.txt", "1760", "Storfors' news naming its officials"},
		{"m219.txt", "2313", "Strömsund's director's column in the first person"},
	} {
		if got := a.Attribute(read(tc.file)); got.Code != tc.code {
			t.Errorf("%s (%s): Attribute = %q %.2f (%s), want %s", tc.file, tc.why, got.Code, got.Confidence, got.Reason, tc.code)
		}
	}
}
