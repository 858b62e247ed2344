package eval

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// devThemeFigures are the theme figures on the dev part of the labelled
// real set (testdata/realtexts; 573 dev texts since session 8's batch 5;
// docs/validity.md, themes rounds 5, 6 and 7): precision
// and recall of claims (a theme with evidence inside labelled sentences,
// against the themes those sentences treat, per document), of level >= 1
// against the labelled levels, and of own-word evidence per labelled
// sentence (micro, as `styrdok eval --real` counts it), each cut to three
// decimals. TestThemesDev fails when a figure falls below them, so a rule
// change that costs dev accuracy is seen; a change that gains should
// raise them (and the page). Round 5 traded level >= 1 recall for
// precision on purpose (on the grown dev part 0.794/0.711 to
// 0.876/0.667: one weak word, a lone heading or a broken line are no
// longer a treatment), so the recall floor went down with it. Mending
// the segmenter's cut of "2. Att bo i Sverige." after the preposition
// (TestNumberedHeadingRunsOnAfterPreposition) cost one dev cell, 0.876 to
// 0.874: m238's numbered line "3. Att försörja sig och utvecklas i
// Sverige." is now whole, and a numbered line is taken for a heading, so
// it names work (labelled 0) where its broken half named nothing.
// Themes round 6 (docs/validity.md) measured the set as grown by branch
// h-data9 (514 dev texts, 66 of them new and never read while the rules
// were made): codebook words for common ways of saying a theme (tenses
// of "ta emot", "på flykt", "bosätta sig", "hemlöshet", leisure
// facilities, "lika rättigheter", droger ...) raised claims and
// sentence recall; on this set the
// round-5 rules gave claims 0.810/0.886, level >= 1 0.879/0.666 and
// sentences 0.750/0.693.
// Themes round 7 (docs/validity.md) measured the set as grown by batch 5
// (573 dev texts), on which round 6's rules gave claims 0.794/0.904,
// level >= 1 0.860/0.694 and sentences 0.751/0.731: link notices and
// news lists' subject tags became navigation, words in another sense
// (firms' "etableringar", the greeting "välkomna", "ta emot 800 elever")
// and bodies named by their field (-departementet, -partiet) stopped
// counting, and everyday words for leisure, housing, work, reception and
// health were added. The floors are the round's dev figures; level >= 1
// recall (0.6977) is below round 6's floor of 0.702 because batch 5's
// texts lowered it to 0.694 before the round (the round raised it).
//
// Round 8 (docs/validity.md, "Themes, round 8"): the virus and the disease
// by name are health (weight 1). The round's other change, list items kept
// as weak evidence, was reverted on merge (issue 14 item 3: a bare list of
// services is not treatment of each); the floors are the dev figures
// without it.
//
// Session 10 (docs/validity-themes.md, branch h-themeslvl): a title over
// a section that never names the theme gives no level 2, and a sentence
// naming the document's own focus areas gives each level 2: level >= 1
// 0.884/0.701 -> 0.894/0.715 (506/566, 506/708), checked on both halves.
// Batch 6 (session 10, h-attribnone: o303-o374, 49 dev texts, no sentence
// labels; docs/validity.md, "Attribution, round 10") added texts that
// speak for no municipality, with levels only: on them the themes rules,
// unchanged, answer level >= 1 less precisely (dev level >= 1 P 0.884 ->
// 0.871 with them). The floors stay on the dev texts they were set on;
// TestThemesDev logs the whole dev part's figures beside them.
var devThemeFigures = map[string]float64{
	"claims P": 0.817, "claims R": 0.919,
	"level>=1 P": 0.893, "level>=1 R": 0.707,
	"sentences P": 0.770, "sentences R": 0.756,
	// session 21: level>=1 R 0.7076 (the label-heading rule)
	// session 21: claims P 0.8177 (the codebook terms bosättning, självmord, flyktingguide, familjekontakt)
}

// devThemeFiguresGrown are the same figures on the dev part as grown by
// batch 6 (session 10: 38 more dev texts, m432-m491, labelled blind,
// document levels only). They moved with the set, no rule changing
// (level >= 1 0.884/0.700 to 0.876/0.690), so devThemeFigures keep
// holding on the texts they were measured on (before batch 6) and these
// are the floors of the grown set. Session 11 (h-themes13) labelled the
// sentences of 18 batch-6 dev texts blind (385 sentences, appended to
// tools/realtexts/*.sents): sentences no rule was made from, on which the
// rules answer as on held-out text (claims 0.732/0.837), so the claims
// and sentence figures of the grown set fell with the labels, no rule
// changing (claims 0.819/0.919 -> 0.807/0.908, sentences 0.770/0.756 ->
// 0.767/0.707; the past tenses of the codebook's verb phrases then add one
// sentence; docs/validity-themes.md, session 11). The level figures do
// not read sentence labels and keep their floors.
var devThemeFiguresGrown = map[string]float64{
	"claims P": 0.807, "claims R": 0.908,
	"level>=1 P": 0.875, "level>=1 R": 0.690,
	"sentences P": 0.766, "sentences R": 0.707,
}

// Session 14 (h-themeslvl16) lowered the level>=1 R floors of this file by
// 0.001-0.003: a theme named only as one item of a list of other things
// counts half toward its level (analysis/levellist.go), which removes 11
// wrong level>=1 cells of the dev part and 2 right ones, lists of
// qualities or verbs rather than things ("tryggt, säkert och välkomnande",
// m084 attitude; "träffas, diskutera och samverka", m457 cooperation);
// the level>=1 P floors are kept, not raised, since other branches add
// dev texts (docs/validity-themes.md, session 14). At the merge the same
// rule took the same 0.002 from the level>=1 R floors the other session-14
// branches had set on their own code (devThemeFiguresBatch10o,
// devThemeFiguresBatch10m, devThemeFiguresFresh16); those were lowered
// with it, and devThemeFiguresBatch10 is measured on the merged rules.

// devThemeFiguresBatch7 are the floors of the dev part as grown by batch 7
// (session 11: m492-m551 and o375-o439, 88 more dev texts labelled blind,
// document levels only) and by 385 new sentence labels of 18 batch-6 dev
// texts (h-themes13), measured on the merged set (748 texts) with no
// theme rule changed by them; the earlier floors keep holding on the
// texts they were set on.
var devThemeFiguresBatch7 = map[string]float64{
	"claims P": 0.807, "claims R": 0.908,
	"level>=1 P": 0.856, "level>=1 R": 0.696,
	"sentences P": 0.766, "sentences R": 0.707,
	// session 21: level>=1 R 0.6961 (the label-heading rule, two right cells)
}

// devThemeFiguresBatch8 are the floors of the whole dev part as grown in
// session 12: batch 8 (o440-o499, h-attribnone14; m552-m602,
// h-attribnamed14; document levels only, labelled blind) and the 496
// sentence labels of 24 older dev texts labelled blind by h-themesrec14
// (tools/themeeval/fresh-14.txt), measured on the merged rules (the
// target-group damping of "etablering" included). On the fresh sentences
// the rules answer less well than on the sentences they were made from,
// and the batch's organisation pages get levels the labels give 0
// (docs/validity-themes.md, session 12). The earlier floors keep holding
// on the texts and labels they were set on.
var devThemeFiguresBatch8 = map[string]float64{
	"claims P": 0.802, "claims R": 0.907,
	"level>=1 P": 0.853, "level>=1 R": 0.701,
	"sentences P": 0.759, "sentences R": 0.693,
	// session 21: level>=1 R 0.7011 (the label-heading rule, two right cells)
}

// devThemeFiguresBatch9 are the floors of the whole dev part as grown by
// batch 9 (session 13: o500-o563 from h-attribnone15, 43 dev texts;
// m603-m653 from h-attribnamed15, 36 dev texts; document levels only,
// labelled blind) and the fresh-15 sentence labels, measured on the merged
// rules: the batch's organisation pages, news and minutes get levels the
// labels give 0 (docs/validity.md, round 13). devThemeFiguresFresh15 keep
// holding on the texts before the batch.
var devThemeFiguresBatch9 = map[string]float64{
	"claims P": 0.791, "claims R": 0.914,
	"level>=1 P": 0.839, "level>=1 R": 0.705,
	"sentences P": 0.752, "sentences R": 0.706,
}

// devThemeFiguresBatch10o are the floors of the whole dev part as grown
// by batch 10's o-texts (session 14: o564-o613 from h-attribnone16, 35 dev
// texts; document levels only, labelled blind), measured once on the
// branch's rules (no theme rule changed): the batch's housing companies,
// schools, parties and news get levels the labels give 0
// (docs/validity.md, round 14). devThemeFiguresBatch9 keep holding on the
// texts before the batch.
var devThemeFiguresBatch10o = map[string]float64{
	"claims P": 0.791, "claims R": 0.914,
	"level>=1 P": 0.838, "level>=1 R": 0.708,
	"sentences P": 0.752, "sentences R": 0.706,
}

// devThemeFiguresBatch10m are the floors of the whole dev part as grown by
// batch 10's m-texts (session 14: m654-m709 from h-attribnamed16, 32 dev
// texts; document levels only, labelled blind), measured on that branch's
// rules: the batch's news, readers' letters and minutes get levels the
// labels give 0 (level>=1 P 0.839 -> 0.836; docs/validity.md, round 14).
// devThemeFiguresBatch9 keep holding on the texts before the batch.
var devThemeFiguresBatch10m = map[string]float64{
	"claims P": 0.791, "claims R": 0.914,
	"level>=1 P": 0.836, "level>=1 R": 0.708,
	"sentences P": 0.752, "sentences R": 0.706,
}

// devThemeFiguresBatch11m are the floors of the whole dev part as grown by
// batch 11's m-texts (session 15: m710-m749 from h-attribnamed17, 31 dev
// texts; document levels only, labelled blind), measured on that branch's
// rules (docs/validity.md, round 15). devThemeFiguresBatch10 keep holding
// on the texts before the batch.
var devThemeFiguresBatch11m = map[string]float64{
	"claims P": 0.793, "claims R": 0.917,
	"level>=1 P": 0.840, "level>=1 R": 0.712, // 0.8400: the batch's party pages and news lists get levels the labels give 0 (0.848 before)
	"sentences P": 0.755, "sentences R": 0.705,
}

// devThemeFiguresBatch10 are the floors of the whole dev part as grown by
// both halves of batch 10 (session 14), measured on the merged rules.
// devThemeFiguresBatch10o and devThemeFiguresBatch10m keep holding on the
// texts each was set on.
var devThemeFiguresBatch10 = map[string]float64{
	"claims P": 0.793, "claims R": 0.917,
	"level>=1 P": 0.848, "level>=1 R": 0.711,
	"sentences P": 0.755, "sentences R": 0.705,
}

// devThemeFiguresBatch11o are the floors of the whole dev part as grown
// by batch 11's o-texts (session 15: o614-o656, 25 dev texts, document
// labels only), measured on the round's rules. devThemeFiguresBatch10
// keeps holding on the texts before the batch.
var devThemeFiguresBatch11o = map[string]float64{
	"claims P": 0.793, "claims R": 0.917,
	"level>=1 P": 0.846, "level>=1 R": 0.711, // level>=1 P 0.8482 -> 0.8460: the batch's pages get levels the labels give 0
	"sentences P": 0.755, "sentences R": 0.705,
}

// devThemeFiguresBatch11 are the floors of the whole dev part as grown
// by both halves of batch 11 (session 15), measured on the merged rules.
// devThemeFiguresBatch11m and devThemeFiguresBatch11o keep holding on the
// texts each was set on.
var devThemeFiguresBatch11 = map[string]float64{
	"claims P": 0.786, "claims R": 0.916, // 0.7865, 0.9165: the fresh-17 sentences are harder than the rest (0.7937, 0.9178 without them)
	"level>=1 P": 0.839, "level>=1 R": 0.712, // 0.8399, 0.7159: the batch's party pages, news lists and organisation pages get levels the labels give 0 (0.8503 before it)
	"sentences P": 0.756, "sentences R": 0.701, // 0.7561, 0.7018
}

// devThemeFiguresBatch12m are the floors of the whole dev part as grown
// by batch 12's m-texts (session 16: m750-m795 from h-attribnamed18, 37
// dev texts; document levels only, labelled blind), measured on main's
// rules (docs/validity.md, round 16). devThemeFiguresBatch11 keeps
// holding on the texts before the batch.
var devThemeFiguresBatch12m = map[string]float64{
	"claims P": 0.786, "claims R": 0.916, // 0.7865, 0.9165: the batch has no sentence labels
	"level>=1 P": 0.833, "level>=1 R": 0.713, // 0.8337, 0.7163: the batch's minutes, news lists and party pages get levels the labels give 0 (0.8399 before it)
	"sentences P": 0.756, "sentences R": 0.701, // 0.7561, 0.7018
}

// devThemeFiguresBatch12o are the floors of the whole dev part as grown
// by batch 12's o-texts (session 16: o657-o705 from h-attribnone18, 32
// dev texts; document labels only, labelled blind), measured on that
// branch's rules (docs/validity.md, round 16). devThemeFiguresBatch11 and
// every earlier floor keep holding on the texts before the batch.
var devThemeFiguresBatch12o = map[string]float64{
	"claims P": 0.786, "claims R": 0.916, // 0.7865, 0.9165: unchanged (batch 12 has no sentence labels)
	"level>=1 P": 0.836, "level>=1 R": 0.712, // 0.8368, 0.7159: the batch's party, association and region pages get levels the labels give 0 (0.8399 before it)
	"sentences P": 0.756, "sentences R": 0.701, // 0.7561, 0.7018
}

// devThemeFiguresBatch12 are the floors of the whole dev part as grown
// by both halves of batch 12 (session 16: m750-m795 and o657-o705),
// measured on main after the session-16 merges. Each half's floors hold
// on the part without the other half; every earlier floor on the texts
// before batch 12.
var devThemeFiguresBatch12 = map[string]float64{
	"claims P": 0.786, "claims R": 0.916, // 0.7865, 0.9165: batch 12 has no sentence labels
	"level>=1 P": 0.832, "level>=1 R": 0.713, // 0.8328, 0.7163: the batch's party, news-list and region pages get levels the labels give 0 (0.8399 before it)
	"sentences P": 0.756, "sentences R": 0.701, // 0.7561, 0.7018
}

// devThemeFiguresFresh15 are the floors of the whole dev part with the
// 413 sentence labels of 19 older dev texts labelled blind by
// h-themesrec15 (tools/themeeval/fresh-15.txt), measured on that
// branch's rules (the claims_only term groups; docs/validity-themes.md,
// session 13). The earlier floors keep holding on the labels they were
// set on.
var devThemeFiguresFresh15 = map[string]float64{
	"claims P": 0.791, "claims R": 0.914,
	"level>=1 P": 0.853, "level>=1 R": 0.701,
	"sentences P": 0.752, "sentences R": 0.706,
	// session 21: level>=1 R 0.7011 (the label-heading rule, two right cells)
}

// devThemeFiguresFresh16 are the floors of the whole dev part with the
// 413 sentence labels of 19 older dev texts labelled blind by
// h-themesrec16 (tools/themeeval/fresh-16.txt), measured on that
// branch's rules (the claims_only attitude group; docs/validity-themes.md,
// session 14). The earlier floors keep holding on the set without those
// labels.
var devThemeFiguresFresh16 = map[string]float64{
	"claims P": 0.793, "claims R": 0.917,
	"level>=1 P": 0.839, "level>=1 R": 0.705,
	"sentences P": 0.755, "sentences R": 0.705,
}

// devThemeFiguresFresh18 are the floors of the whole dev part with the
// 304 sentence labels of 13 older dev texts labelled blind by
// h-themesrec18 (tools/themeeval/fresh-18.txt), measured on main after
// the session-16 merges (no vocabulary change was kept;
// docs/validity-themes.md, session 16). The fresh-18 sentences are harder
// than the rest (claims P/R 0.700/0.833 on them before any change), so
// the earlier floors keep holding on the set without those labels.
var devThemeFiguresFresh18 = map[string]float64{
	"claims P": 0.781, "claims R": 0.911, // 0.7812, 0.9116
	"level>=1 P": 0.832, "level>=1 R": 0.713, // 0.8328, 0.7163
	"sentences P": 0.755, "sentences R": 0.697, // 0.7556, 0.6980 (just under 0.698: rounded down)
}

// devThemeFiguresBatch13o are the floors of the whole dev part as grown
// by batch 13's o-texts (session 17: o706-o751 from h-attribnone19, 32
// dev texts; document labels only, labelled blind), measured on that
// branch's rules (docs/validity.md, round 17). devThemeFiguresFresh18 and
// every earlier floor keep holding on the texts before the batch.
var devThemeFiguresBatch13o = map[string]float64{
	"claims P": 0.781, "claims R": 0.911, // 0.7812, 0.9116: unchanged (batch 13 has no sentence labels)
	"level>=1 P": 0.828, "level>=1 R": 0.713, // 0.8284, 0.7161: the batch's region, body and party pages get levels the labels give 0 (0.8328 before it)
	"sentences P": 0.755, "sentences R": 0.697, // 0.7556, 0.6980
}

// devThemeFiguresBatch13m are the floors of the whole dev part as grown
// by batch 13's m-texts (session 17: m796-m841 from h-attribnamed19, 33
// dev texts; document levels only, labelled blind), measured on that
// branch's rules (docs/validity.md, round 17). devThemeFiguresFresh18
// and every earlier floor keep holding on the texts before the batch.
var devThemeFiguresBatch13m = map[string]float64{
	"claims P": 0.781, "claims R": 0.911, // 0.7812, 0.9116: the batch has no sentence labels
	"level>=1 P": 0.822, "level>=1 R": 0.711, // 0.8223, 0.7141 (0.8328, 0.7163 on the texts before the batch)
	"sentences P": 0.755, "sentences R": 0.697, // 0.7556, 0.6980
}

// devThemeFiguresBatch14m are the floors of the whole dev part as grown
// by batch 14's m-texts (session 18: m842-m887 from h-attribnamed20, 34
// dev texts; document levels only, labelled blind), without batch 14's
// o-texts, measured on that branch's rules (docs/validity.md, round 18).
// devThemeFiguresBatch13 and every earlier floor keep holding on the
// texts before the batch.
var devThemeFiguresBatch14m = map[string]float64{
	"claims P": 0.784, "claims R": 0.918, // 0.7847, 0.9182: the batch has no sentence labels
	"level>=1 P": 0.813, "level>=1 R": 0.706, // 0.8131, 0.7097 (0.8182, 0.7140 before the batch: its party and news-list pages)
	"sentences P": 0.755, "sentences R": 0.705, // 0.7551, 0.7057
}

// devThemeFiguresBatch13 are the floors of the whole dev part as grown by
// both halves of batch 13 (session 17), measured on the merged rules. Each
// half's floors hold on the part without the other half.
var devThemeFiguresBatch13 = map[string]float64{
	"claims P": 0.784, "claims R": 0.918, // 0.7847, 0.9182 (the claims_only groups: 0.7832, 0.9102 on main's rules)
	"level>=1 P": 0.818, "level>=1 R": 0.711, // 0.8182, 0.7140 (just under 0.714: rounded down)
	"sentences P": 0.755, "sentences R": 0.705, // 0.7551, 0.7057
}

// devThemeFiguresBatch14o are the floors of the whole dev part as grown
// by batch 14's o-texts (session 18: o752-o797 from h-attribnone20, 27 dev
// texts; document levels only, labelled blind), without batch 14's
// m-texts, measured on main's rules (no theme rule changed;
// docs/validity.md, round 18). devThemeFiguresBatch13 and every earlier
// floor keep holding on the texts before the batch.
var devThemeFiguresBatch14o = map[string]float64{
	"claims P": 0.784, "claims R": 0.918, // 0.7847, 0.9182: the batch has no sentence labels
	"level>=1 P": 0.815, "level>=1 R": 0.711, // 0.8155, 0.7144 (0.8182, 0.7140 before the batch)
	"sentences P": 0.755, "sentences R": 0.705, // 0.7551, 0.7057
}

// devThemeFiguresFresh19 are the floors of the whole dev part with the
// 311 sentence labels of 15 older dev texts labelled blind by
// h-themesrec19 (tools/themeeval/fresh-19.txt), measured on main's rules
// before any change of that branch (docs/validity-themes.md, session 17).
// The earlier floors keep holding on the set without those labels.
var devThemeFiguresFresh19 = map[string]float64{
	"claims P": 0.783, "claims R": 0.910, // 0.7832, 0.9102
	"level>=1 P": 0.832, "level>=1 R": 0.713, // 0.8328, 0.7163
	"sentences P": 0.755, "sentences R": 0.699, // 0.7551, 0.6990
}

// devThemeFiguresFresh20 are the floors of the whole dev part with the
// 300 sentence labels of 16 older dev texts labelled blind by
// h-themesrec20 (tools/themeeval/fresh-20.txt), measured on that branch's
// rules (the claims_only passive "anvisas"; docs/validity-themes.md,
// session 18). The earlier floors keep holding on the set without those
// labels.
var devThemeFiguresFresh20 = map[string]float64{
	"claims P": 0.789, "claims R": 0.915, // 0.7894, 0.9153 (main's rules: 0.7890, 0.9129)
	"level>=1 P": 0.818, "level>=1 R": 0.711, // 0.8182, 0.7140 (main's rules: the same)
	"sentences P": 0.760, "sentences R": 0.708, // 0.76098, 0.7083 (rounded down; main's rules: 0.7609, 0.7070)
}

// devThemeFiguresSession18 are the floors of the whole dev part after
// session 18's merges (batch 14's m- and o-texts, the fresh-20 sentence
// labels, the claims_only passive "anvisas" with counted matches deduped
// before claims_only ones), measured once on the merged rules. Each
// half's and slice's floors hold on the part they were set on.
var devThemeFiguresSession18 = map[string]float64{
	"claims P": 0.789, "claims R": 0.915, // 0.7894, 0.9153 (batch 14 has no sentence labels: the fresh-20 floors' figures)
	"level>=1 P": 0.810, "level>=1 R": 0.707, // 0.8105, 0.7102 (0.8182, 0.7140 before batch 14: its party and news-list pages)
	"sentences P": 0.760, "sentences R": 0.708, // 0.7610, 0.7083 (rounded down)
}

// devThemeFiguresFresh21 are the floors of the whole dev part with the
// 311 sentence labels of 18 older dev texts labelled blind by
// h-themesrec21 (tools/themeeval/fresh-21.txt), measured on that branch's
// rules (credit segments; the claims_only groups it tried were dropped;
// docs/validity-themes.md, session 19). The earlier floors keep holding on
// the set without those labels.
var devThemeFiguresFresh21 = map[string]float64{
	"claims P": 0.782, "claims R": 0.918, // 0.7830 printed, 0.78298 on the merged code; 0.9186
	"level>=1 P": 0.810, "level>=1 R": 0.707, // 0.8107, 0.7111
	"sentences P": 0.760, "sentences R": 0.712, // 0.7604, 0.7124
}

// fresh21 reports whether a text is one of the 18 dev texts whose
// sentences session 19 labelled (tools/themeeval/fresh-21.txt).
func fresh21(name string) bool {
	return slices.Contains([]string{"m662", "m663", "m700", "m702", "m704", "m706", "o006", "o011",
		"o021", "o023", "o027", "o030", "o042", "o043", "o045", "o061", "o069", "o074"},
		strings.TrimSuffix(filepath.Base(name), ".txt"))
}

// fresh20 reports whether a text is one of the 16 dev texts whose
// sentences session 18 labelled (tools/themeeval/fresh-20.txt).
func fresh20(name string) bool {
	return slices.Contains([]string{"m497", "m511", "m512", "m523", "m564", "m584", "m588", "m592",
		"m597", "m610", "m625", "m639", "m640", "m641", "m654", "m658"},
		strings.TrimSuffix(filepath.Base(name), ".txt"))
}

// fresh19 reports whether a text is one of the 15 dev texts whose
// sentences session 17 labelled (tools/themeeval/fresh-19.txt).
func fresh19(name string) bool {
	return slices.Contains([]string{"m338", "m341", "m343", "m358", "m375", "m379", "m381", "m387",
		"m412", "m416", "m417", "m434", "m446", "m451", "m468"},
		strings.TrimSuffix(filepath.Base(name), ".txt"))
}

// fresh18 reports whether a text is one of the 13 dev texts whose
// sentences session 16 labelled (tools/themeeval/fresh-18.txt).
func fresh18(name string) bool {
	return slices.Contains([]string{"m136", "m140", "m149", "m159", "m161", "m163", "m182", "m255",
		"m285", "m297", "m301", "m303", "m310"},
		strings.TrimSuffix(filepath.Base(name), ".txt"))
}

// devThemeFiguresFresh17 are the floors of the whole dev part with the
// 303 sentence labels of 15 older dev texts labelled blind by
// h-themesrec17 (tools/themeeval/fresh-17.txt), measured on that branch's
// rules (main's: the health group tried there was not kept; docs/validity-themes.md, session 15).
// The fresh-17 sentences are harder than the rest (claims P 0.708 on them
// before any change), so claims P and sentence R are lower than the
// earlier floors, which keep holding on the set without those labels.
var devThemeFiguresFresh17 = map[string]float64{
	"claims P": 0.786, "claims R": 0.916,
	"level>=1 P": 0.848, "level>=1 R": 0.711,
	"sentences P": 0.756, "sentences R": 0.701,
}

// fresh17 reports whether a text is one of the 15 dev texts whose
// sentences session 15 labelled (tools/themeeval/fresh-17.txt).
func fresh17(name string) bool {
	return slices.Contains([]string{"m053", "m057", "m060", "m071", "m075", "m076", "m080", "m082",
		"m083", "m093", "m096", "m098", "m113", "m118", "m126"},
		strings.TrimSuffix(filepath.Base(name), ".txt"))
}

// fresh16 reports whether a text is one of the 19 dev texts whose
// sentences session 14 labelled (tools/themeeval/fresh-16.txt).
func fresh16(name string) bool {
	return slices.Contains([]string{"m573", "m603", "m620", "m623", "o068", "o103", "o135", "o173",
		"o208", "o395", "m005", "m006", "m008", "m012", "m015", "m020", "m026", "m044", "m050"},
		strings.TrimSuffix(filepath.Base(name), ".txt"))
}

// fresh15 reports whether a text is one of the 19 dev texts whose
// sentences session 13 labelled (tools/themeeval/fresh-15.txt).
func fresh15(name string) bool {
	return slices.Contains([]string{"m004", "m014", "m025", "m035", "m040", "m046", "m049", "m054",
		"m081", "m088", "m135", "m146", "m188", "m279", "m327", "m513", "m536", "m547", "m558"},
		strings.TrimSuffix(filepath.Base(name), ".txt"))
}

// fresh14 reports whether a text is one of the 24 dev texts whose
// sentences session 12 labelled (tools/themeeval/fresh-14.txt).
func fresh14(name string) bool {
	return slices.Contains([]string{"m003", "m007", "m024", "m031", "m038", "m043", "m048", "m052",
		"m056", "m084", "m116", "m144", "m180", "m243", "m293", "m328", "m535", "m538",
		"o062", "o070", "o134", "o171", "o207", "o279"}, strings.TrimSuffix(filepath.Base(name), ".txt"))
}

// batch7 reports whether a text of testdata/realtexts is one of batch 7
// (session 11: m492-m551, h-attribnamed13; o375-o439, h-attribnone13;
// labelled blind, document labels only), added after the floors of
// devThemeFiguresGrown and heldOutFiguresGrown were set: those floors keep
// holding on the texts they were measured on.
func batch7(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	switch {
	case strings.HasPrefix(base, "m"):
		return base >= "m492" && base <= "m551"
	case strings.HasPrefix(base, "o"):
		return base >= "o375" && base <= "o439"
	}
	return false
}

// batch6or7 reports whether a text is of batch 6 or batch 7.
func batch6or7(name string) bool { return batch6(name) || batch7(name) }

// batch8 reports whether a text of testdata/realtexts is one of batch 8
// (session 12: o440-o499, h-attribnone14, and the m-texts from m552 on,
// h-attribnamed14; labelled blind, document labels only), added after the
// floors of devThemeFiguresBatch7 and heldOutFiguresBatch7 were set:
// those floors keep holding on the texts they were measured on.
func batch8(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	switch {
	case strings.HasPrefix(base, "m"):
		return base >= "m552" && base <= "m602"
	case strings.HasPrefix(base, "o"):
		return base >= "o440" && base <= "o499"
	}
	return false
}

// batch9Other reports whether a text of testdata/realtexts is one of
// batch 9's o-texts (session 13: o500-o563, h-attribnone15; labelled
// blind, document labels only), added after the floors of
// devThemeFiguresBatch8 and heldOutFiguresBatch8 were set: those floors
// keep holding on the texts they were measured on.
func batch9Other(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "o") && base >= "o500" && base <= "o563"
}

// either reports whether a text is named by p or by q.
func either(p, q func(string) bool) func(string) bool {
	return func(name string) bool { return p(name) || q(name) }
}

// batch9m reports whether a text of testdata/realtexts is one of the
// m-texts of batch 9 (session 13: m603-m653, h-attribnamed15; labelled
// blind, document labels only), added after the floors of
// heldOutFiguresBatch8 were set: those floors keep holding on the texts
// they were measured on.
func batch9m(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "m") && base >= "m603" && base <= "m653"
}

// batch9 reports whether a text is one of batch 9's texts, m- or o-.
func batch9(name string) bool { return batch9Other(name) || batch9m(name) }

// batch10Other reports whether a text of testdata/realtexts is one of
// batch 10's o-texts (session 14: o564-o613, h-attribnone16; labelled
// blind, document labels only), added after the floors of
// devThemeFiguresBatch9 and heldOutFiguresBatch9 were set: those floors
// keep holding on the texts they were measured on.
func batch10Other(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "o") && base >= "o564" && base <= "o613"
}

// batch11Other reports whether a text of testdata/realtexts is one of
// batch 11's o-texts (session 15: o614-o656, h-attribnone17; labelled
// blind, document labels only), added after the floors of
// devThemeFiguresBatch10 and heldOutFiguresBatch10 were set: those floors
// keep holding on the texts they were measured on.
func batch11Other(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "o") && base >= "o614" && base <= "o656"
}

// batch12Other reports whether a text of testdata/realtexts is one of
// batch 12's o-texts (session 16: o657-o705, h-attribnone18; labelled
// blind, document labels only), added after the floors of
// devThemeFiguresBatch11 and heldOutFiguresBatch11 were set: those floors
// keep holding on the texts they were measured on.
func batch12Other(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "o") && base >= "o657" && base <= "o705"
}

// batch13Other reports whether a text of testdata/realtexts is one of
// batch 13's o-texts (session 17: o706-o751, h-attribnone19; labelled
// blind, document labels only), added after the floors of
// devThemeFiguresFresh18 and heldOutFiguresBatch12 were set: those floors
// keep holding on the texts they were measured on.
func batch13Other(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "o") && base >= "o706" && base <= "o751"
}

// batch10m reports whether a text of testdata/realtexts is one of the
// m-texts of batch 10 (session 14: m654-m709, h-attribnamed16; labelled
// blind, document labels only), added after the floors of
// heldOutFiguresBatch9 were set: those floors keep holding on the texts
// they were measured on.
func batch10m(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "m") && base >= "m654" && base <= "m709"
}

// batch11m reports whether a text of testdata/realtexts is one of the
// m-texts of batch 11 (session 15: m710-m749, h-attribnamed17; labelled
// blind, document labels only), added after the floors of
// heldOutFiguresBatch10 and devThemeFiguresBatch10 were set: those floors
// keep holding on the texts they were measured on.
func batch11m(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "m") && base >= "m710" && base <= "m749"
}

// batch12m reports whether a text of testdata/realtexts is one of the
// m-texts of batch 12 (session 16: m750-m795, h-attribnamed18; labelled
// blind, document labels only), added after the floors of
// heldOutFiguresBatch11 and devThemeFiguresBatch11m were set: those
// floors keep holding on the texts they were measured on.
func batch12m(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "m") && base >= "m750" && base <= "m795"
}

// batch13m reports whether a text of testdata/realtexts is one of the
// m-texts of batch 13 (session 17: m796-m841, h-attribnamed19; labelled
// blind, document labels only), added after the floors of
// heldOutFiguresBatch12 and devThemeFiguresFresh18 were set: those floors
// keep holding on the texts they were measured on.
func batch13m(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "m") && base >= "m796" && base <= "m841"
}

// batch14m reports whether a text of testdata/realtexts is one of the
// m-texts of batch 14 (session 18: m842-m887, h-attribnamed20; labelled
// blind, document labels only), added after the floors of
// heldOutFiguresBatch13 and devThemeFiguresBatch13 were set: those floors
// keep holding on the texts they were measured on.
func batch14m(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "m") && base >= "m842" && base <= "m887"
}

// batch14Other reports whether a text of testdata/realtexts is one of
// batch 14's o-texts (session 18: o752-o797, h-attribnone20; labelled
// blind), added after the floors of heldOutFiguresBatch13 and
// devThemeFiguresBatch13 were set.
func batch14Other(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "o") && base >= "o752" && base <= "o797"
}

// batch15m reports whether a text of testdata/realtexts is one of the
// m-texts of batch 15 (session 19: m888-m933, h-attribnamed21; labelled
// blind, document labels only), added after the floors of
// heldOutFiguresBatch14 and devThemeFiguresSession18 were set: those
// floors keep holding on the texts they were measured on.
func batch15m(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "m") && base >= "m888" && base <= "m933"
}

// batch15Other reports whether a text of testdata/realtexts is one of
// batch 15's o-texts (session 19: o798-o843, h-attribnone21; labelled
// blind), added after the floors of heldOutFiguresBatch14 and
// devThemeFiguresSession18 were set.
func batch15Other(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "o") && base >= "o798" && base <= "o843"
}

// batch16m reports whether a text of testdata/realtexts is one of the
// m-texts of batch 16 (session 20: m934-m979, h-attribnamed22; labelled
// blind, document labels only), added after the floors of
// heldOutFiguresBatch15 and devThemeFiguresSession19 were set: those
// floors keep holding on the texts they were measured on.
func batch16m(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "m") && base >= "m934" && base <= "m979"
}

// batch16Other reports whether a text of testdata/realtexts is one of
// batch 16's o-texts (session 20: o844-o889, h-attribnone22; labelled
// blind), added after the floors of heldOutFiguresBatch15 and
// devThemeFiguresSession19 were set.
func batch16Other(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "o") && base >= "o844" && base <= "o889"
}

// batch17 reports whether a text of testdata/realtexts is one of batch
// 17 (session 24: m966-m992 and o890-o897, h-batch26; labelled blind),
// added after the floors of heldOutFiguresBatch16 and
// devThemeFiguresSession20 were set: those floors keep holding on the
// texts they were measured on. (batch16m's range reaches m979, past batch
// 16's last text m965: batch 17 is taken out first.)
func batch17(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return (strings.HasPrefix(base, "m") && base >= "m966" && base <= "m992") ||
		(strings.HasPrefix(base, "o") && base >= "o890" && base <= "o897")
}

// batch18 reports whether a text of testdata/realtexts is one of batch
// 18 (session 25: m993-m999 and o898-o912, labelled blind, document
// labels only), added after the floors of heldOutFiguresBatch17 and
// devThemeFiguresSession24 were set: those floors keep holding on the
// texts they were measured on. (No earlier predicate reaches these
// names: batch17 ends at m992 and o897.)
func batch18(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return (strings.HasPrefix(base, "m") && base >= "m993" && base <= "m999") ||
		(strings.HasPrefix(base, "o") && base >= "o898" && base <= "o912")
}

// batch19 reports whether a text of testdata/realtexts is one of batch
// 19 (session 26: n001-n023, o913-o927 and t076-t081, h-batch28;
// labelled blind, with sentence labels of 28 of its texts), added after
// the floors of heldOutFiguresBatch18 and devThemeFiguresSession25 were
// set: those floors keep holding on the texts they were measured on. The
// municipal texts take the prefix n from this batch on (m999 was the last
// m-name; names keep three digits): every earlier predicate tests the
// prefix m or o or lists names, so none reaches an n-name
// (TestBatchPredicatesMissNNames).
func batch19(name string) bool {
	return inNameRanges(name, "n001", "n023", "o913", "o927", "t076", "t081")
}

// batch20 reports whether a text of testdata/realtexts is one of batch
// 20 (session 26: n024-n044, o928-o940 and t082-t089, h-batch29;
// labelled blind, with sentence labels of 28 of its texts), added after
// batch 19 and after the floors of heldOutFiguresBatch18 and
// devThemeFiguresSession25 were set: those floors keep holding on the
// texts they were measured on, and the part before batch 20 keeps the
// figures it had. No earlier predicate reaches these names: batch19 ends
// at n023, o927 and t081 (TestBatchPredicatesMissNNames).
func batch20(name string) bool {
	return inNameRanges(name, "n024", "n044", "o928", "o940", "t082", "t089")
}

// batch21 reports whether a text of testdata/realtexts is one of batch
// 21 (session 27: n045-n066, o941-o952 and t090-t098, h-batch3029;
// labelled blind, with sentence labels of 25 of its texts), added after
// the floors of heldOutFiguresBatch20 and devThemeFiguresSession26 were
// set: those floors keep holding on the texts they were measured on, the
// part before batch 21. No earlier predicate reaches these names: batch20
// ends at n044, o940 and t089 (TestBatchPredicatesMissNNames).
func batch21(name string) bool {
	return inNameRanges(name, "n045", "n066", "o941", "o952", "t090", "t098")
}

// batch22 reports whether a text of testdata/realtexts is one of batch
// 22 (session 28: n067-n089, o953-o965 and t099-t107, h-batch2230;
// labelled blind, with sentence labels of 26 of its texts), added after
// the floors of heldOutFiguresBatch21 and devThemeFiguresSession27 were
// set: those floors keep holding on the texts they were measured on, the
// part before batch 22. No earlier predicate reaches these names: batch21
// ends at n066, o952 and t098 (TestBatchPredicatesMissNNames).
func batch22(name string) bool {
	return inNameRanges(name, "n067", "n089", "o953", "o965", "t099", "t107")
}

// batch23 reports whether a text of testdata/realtexts is one of batch
// 23 (session 29: n090-n110, o966-o977 and t108-t115, h-batch2331;
// labelled blind, with sentence labels of 30 of its texts), added after
// the floors of session 28 (heldOutFiguresBatch22,
// devThemeFiguresSession28) were set: those hold on the part before it.
// No earlier predicate reaches these names: batch22 ends at n089, o965
// and t107 (TestBatchPredicatesMissNNames).
func batch23(name string) bool {
	return inNameRanges(name, "n090", "n110", "o966", "o977", "t108", "t115")
}

// batch24 reports whether a text of testdata/realtexts is one of batch
// 24 (session 29: n111-n125, o978-o983 and t116-t123, h-batch2431;
// labelled blind, with sentence labels of 21 of its texts), added after
// batch 23 and its floors (heldOutFiguresBatch23,
// devThemeFiguresSession29): those hold on the part before it. No
// earlier predicate reaches these names: batch23 ends at n110, o977 and
// t115 (TestBatchPredicatesMissNNames).
func batch24(name string) bool {
	return inNameRanges(name, "n111", "n125", "o978", "o983", "t116", "t123")
}

// batch25 reports whether a text of testdata/realtexts is one of batch
// 25 (session 30: n126-n134 and o984-o987, no titles; labelled blind,
// with sentence labels of all 13), added after batch 24 and its floors
// (heldOutFiguresBatch24, devThemeFiguresBatch24): those hold on the part
// before it. No earlier predicate reaches these names: batch24 ends at
// n125 and o983 (TestBatchPredicatesMissNNames).
func batch25(name string) bool {
	return inNameRanges(name, "n126", "n134", "o984", "o987")
}

// batch26 reports whether a text of testdata/realtexts is one of batch
// 26 (session 31: n135-n145 and o988-o996, no titles; labelled blind,
// with sentence labels of 18 of the 20), added after batch 25 and its
// floors (heldOutFiguresBatch25, devThemeFiguresBatch25): those hold on
// the part before it. No earlier predicate reaches these names: batch25
// ends at n134 and o987 (TestBatchPredicatesMissNNames).
func batch26(name string) bool {
	return inNameRanges(name, "n135", "n145", "o988", "o996")
}

// batch27 reports whether a text of testdata/realtexts is one of batch
// 27 (session 32: n146-n157, o997-o999 and p001-p006, no titles; o999
// was the last o-name, so the other part's texts go on with the prefix
// p; labelled blind, with sentence labels of all 21), added after batch
// 26 and its floors (heldOutFiguresBatch26, devThemeFiguresBatch26):
// those hold on the part before it. No earlier predicate reaches these
// names: batch26 ends at n145 and o996 (TestBatchPredicatesMissNNames).
func batch27(name string) bool {
	return inNameRanges(name, "n146", "n157", "o997", "o999", "p001", "p006")
}

// batch28 reports whether a text of testdata/realtexts is one of batch
// 28 (session 32: the bare titles t124-t141, from two docplayer lists;
// labelled blind), added after batch 27 and its floors
// (heldOutFiguresBatch27, devThemeFiguresBatch27): those hold on the part
// before it. No earlier predicate reaches these names: batch24 ends at
// t123 (TestBatchPredicatesMissNNames).
func batch28(name string) bool {
	return inNameRanges(name, "t124", "t141")
}

// batch29 reports whether a text of testdata/realtexts is one of batch
// 29 (session 32: n158-n165 and p007-p016; labelled blind, with sentence
// labels of all 18), added after batch 28 and its floors
// (heldOutFiguresBatch28, devThemeFiguresBatch28): those hold on the part
// before it. No earlier predicate reaches these names: batch27 ends at
// n157 and p006 (TestBatchPredicatesMissNNames).
func batch29(name string) bool {
	return inNameRanges(name, "n158", "n165", "p007", "p016")
}

// batch30 reports whether a text of testdata/realtexts is one of batch
// 30 (session 33: n166-n185 and p017-p025; labelled blind, with sentence
// labels of all 29), added after batch 29 and its floors
// (heldOutFiguresBatch29, devThemeFiguresBatch29): those hold on the part
// before it. No earlier predicate reaches these names: batch29 ends at
// n165 and p016 (TestBatchPredicatesMissNNames).
func batch30(name string) bool {
	return inNameRanges(name, "n166", "n185", "p017", "p025")
}

// batch31 reports whether a text of testdata/realtexts is one of batch
// 31 (session 34: n186-n201 and p026-p034; labelled blind, with sentence
// labels of all 25), added after batch 30 and its floors
// (heldOutFiguresBatch30, devThemeFiguresBatch30): those hold on the part
// before it. No earlier predicate reaches these names: batch30 ends at
// n185 and p025 (TestBatchPredicatesMissNNames).
func batch31(name string) bool {
	return inNameRanges(name, "n186", "n201", "p026", "p034")
}

// batch32 reports whether a text of testdata/realtexts is one of batch
// 32 (session 35: n202-n220 and p035-p049; labelled blind, with sentence
// labels of all 34), added after batch 31 and its floors
// (heldOutFiguresBatch31, devThemeFiguresBatch31): those hold on the part
// before it. No earlier predicate reaches these names: batch31 ends at
// n201 and p034 (TestBatchPredicatesMissNNames).
func batch32(name string) bool {
	return inNameRanges(name, "n202", "n220", "p035", "p049")
}

// batch33 reports whether a text of testdata/realtexts is one of batch
// 33 (session 36: n221-n237 and p050-p059; labelled blind, with sentence
// labels of all 27), added after batch 32 and its floors
// (heldOutFiguresBatch32, devThemeFiguresBatch32): those hold on the part
// before it. No earlier predicate reaches these names: batch32 ends at
// n220 and p049 (TestBatchPredicatesMissNNames).
func batch33(name string) bool {
	return inNameRanges(name, "n221", "n237", "p050", "p059")
}

// batch34 reports whether a text of testdata/realtexts is one of batch
// 34 (session 37: n238-n252 and p060-p074; labelled blind, with sentence
// labels of all 30), added after batch 33 and its floors
// (heldOutFiguresBatch33, devThemeFiguresBatch33): those hold on the part
// before it. No earlier predicate reaches these names: batch33 ends at
// n237 and p059 (TestBatchPredicatesMissNNames).
func batch34(name string) bool {
	return inNameRanges(name, "n238", "n252", "p060", "p074")
}

// inNameRanges reports whether a text's base name lies in one of the
// ranges given as first, last pairs ("n001", "n023", "o913", "o927"): a
// name is in a range when it has the range's one-letter prefix and lies
// between its ends (names keep three digits, so the strings order as
// the numbers do). The prefix test is what keeps "n" names out of an
// "m"-range (TestBatchPredicatesMissNNames).
func inNameRanges(name string, bounds ...string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	for i := 0; i+1 < len(bounds); i += 2 {
		if strings.HasPrefix(base, bounds[i][:1]) && base >= bounds[i] && base <= bounds[i+1] {
			return true
		}
	}
	return false
}

// batch11 reports whether a text is one of batch 11's texts, m- or o-.
func batch11(name string) bool { return batch11Other(name) || batch11m(name) }

// batch10 reports whether a text is one of batch 10's texts, m- or o-.
func batch10(name string) bool { return batch10Other(name) || batch10m(name) }

// batch9to10 joins batches 9 and 10: the texts the floors set before
// batch 9 leave out.
func batch9to10(name string) bool { return batch9(name) || batch10(name) }

// batch7or8 and batch6to8 join the batches the older floors leave out.
func batch7or8(name string) bool { return batch7(name) || batch8(name) }
func batch6to8(name string) bool { return batch6or7(name) || batch8(name) }

// batch6 reports whether a text of testdata/realtexts is one of batch 6
// (session 10: m432-m491, h-attribnamed; o303-o374, h-attribnone), added
// after the floors of devThemeFigures and heldOutFigures were set.
func batch6(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	switch {
	case strings.HasPrefix(base, "m"):
		return base >= "m432" && base <= "m491"
	case strings.HasPrefix(base, "o"):
		return base >= "o303" && base <= "o374"
	}
	return false
}

// without scores r with the texts drop names left out, as if the set had
// never held them: the floors set before a batch hold on the texts they
// were measured on.
func (r *realSplit) without(t *testing.T, split string, drop func(string) bool) (*realSplit, *RealEval) {
	t.Helper()
	return r.filtered(t, split, drop, drop)
}

// withoutSentences scores r with the sentence labels of the texts drop
// names left out and their documents kept: the floors set before those
// sentences were labelled hold on the labels they were measured on.
func (r *realSplit) withoutSentences(t *testing.T, split string, drop func(string) bool) (*realSplit, *RealEval) {
	t.Helper()
	return r.filtered(t, split, func(string) bool { return false }, drop)
}

// filtered scores r without the documents dropDoc names and without the
// sentence labels dropSentences names.
func (r *realSplit) filtered(t *testing.T, split string, dropDoc, dropSentences func(string) bool) (*realSplit, *RealEval) {
	t.Helper()
	out := &realSplit{set: &RealSet{Dir: r.set.Dir}, got: map[string]*RealAnalysis{}, themes: r.themes}
	for _, d := range r.set.Docs {
		if !dropDoc(d.Name) {
			out.set.Docs = append(out.set.Docs, d)
			out.got[d.Name] = r.got[d.Name]
		}
	}
	for _, x := range r.set.Sentences {
		if !dropDoc(x.File) && !dropSentences(x.File) {
			out.set.Sentences = append(out.set.Sentences, x)
		}
	}
	ev, err := EvalReal(out.set, split, out.got, testAnalyzer(t).Codebook, analysis.DefaultMinConfidence)
	if err != nil {
		t.Fatal(err)
	}
	return out, ev
}

// devBatchFloors pairs each batch from 20 on, newest first, with the dev
// floors set before it came (nil: the part before it is logged only).
var devBatchFloors = []struct {
	name   string
	batch  func(string) bool
	floors map[string]float64
}{
	// Batch 33's floors (session 36) were set before batch 34 (session 37).
	{"34", batch34, devThemeFiguresBatch33},
	// Batch 32's floors (session 35) were set before batch 33 (session 36).
	{"33", batch33, devThemeFiguresBatch32},
	// Batch 31's floors (session 34) were set before batch 32 (session 35).
	{"32", batch32, devThemeFiguresBatch31},
	// Batch 30's floors (session 33) were set before batch 31 (session 34).
	{"31", batch31, devThemeFiguresBatch30},
	// Batch 29's floors (session 32) were set before batch 30 (session 33).
	{"30", batch30, devThemeFiguresBatch29},
	// Batch 28's floors (session 32) were set before batch 29 (session 32).
	{"29", batch29, devThemeFiguresBatch28},
	// Batch 27's floors (session 32) were set before batch 28 (session 32).
	{"28", batch28, devThemeFiguresBatch27},
	// Batch 26's floors (session 31) were set before batch 27 (session 32).
	{"27", batch27, devThemeFiguresBatch26},
	// Batch 25's floors (session 30) were set before batch 26 (session 31).
	{"26", batch26, devThemeFiguresBatch25},
	// Batch 24's floors (session 29) were set before batch 25 (session 30).
	{"25", batch25, devThemeFiguresBatch24},
	// Session 29's floors (batch 23 included) before batch 24 (session 29).
	{"24", batch24, devThemeFiguresSession29},
	// Session 28's floors (batch 22 included) before batch 23 (session 29).
	{"23", batch23, devThemeFiguresSession28},
	// Session 27's floors (batch 21 included) before batch 22 (session 28).
	{"22", batch22, devThemeFiguresSession27},
	// Session 26's floors (batches 19 and 20 included) before batch 21
	// (session 27).
	{"21", batch21, devThemeFiguresSession26},
	// The part before batch 20 is logged only.
	{"20", batch20, nil},
}

// TestThemesDev analyses the dev texts of testdata/realtexts and checks
// devThemeFigures (never the held-out texts: rules are tuned on dev only).
func TestThemesDev(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses the whole dev part")
	}
	if raceDetector {
		t.Skip("one goroutine scores the whole part: nothing for the race detector; the floors are checked without -race (make test)")
	}
	all, whole := analyseRealSplit(t, "dev")
	wholeFigs := themeFigures(all, whole)
	for _, k := range slices.Sorted(maps.Keys(wholeFigs)) {
		t.Logf("all %d dev texts, %s: %.4f", len(all.set.Docs), k, wholeFigs[k])
	}
	checkDevFloors(t, "all", wholeFigs, devThemeFiguresBatch34)
	// Each series batch's floors hold on the part before the next batch:
	// the texts are peeled off newest first, and each part's figures are
	// logged, then checked against the floors set before that batch came.
	for _, b := range devBatchFloors {
		all, whole = all.without(t, "dev", b.batch)
		figs := themeFigures(all, whole)
		for _, k := range slices.Sorted(maps.Keys(figs)) {
			t.Logf("before batch %s, %d dev texts, %s: %.4f", b.name, len(all.set.Docs), k, figs[k])
		}
		if b.floors != nil {
			checkDevFloors(t, "before batch "+b.name, figs, codebookTrade33(b.floors))
		}
	}
	// Session 25's floors were set before batch 19 (session 26).
	all, whole = all.without(t, "dev", batch19)
	checkDevFloors(t, "before batch 19", themeFigures(all, whole), devThemeFiguresSession25)
	// Session 24's floors were set before batch 18 (session 25).
	all, whole = all.without(t, "dev", batch18)
	checkDevFloors(t, "before batch 18", themeFigures(all, whole), devThemeFiguresSession24)
	// Session 20's floors (raised in sessions 21 and 23) were set before
	// batch 17 (session 24).
	all, whole = all.without(t, "dev", batch17)
	checkDevFloors(t, "before batch 17", themeFigures(all, whole), devThemeFiguresSession20)
	// The fresh-22 floors were set before batch 16 (both session 20) and
	// before the list-mention rule; session 19's floors before both. Each
	// holds on the texts it was measured on.
	all, whole = all.without(t, "dev", either(batch16m, batch16Other))
	checkDevFloors(t, "before batch 16", themeFigures(all, whole), devThemeFiguresFresh22)
	// Every earlier floor was set before the fresh-22 sentence labels
	// (session 20, h-themesrec22).
	all, whole = all.withoutSentences(t, "dev", fresh22)
	checkDevFloors(t, "before batch 16, without the fresh-22 sentence labels", themeFigures(all, whole), devThemeFiguresSession19)
	// Session 19's other floors were each set on the part its branch saw:
	// batch 15's o-texts without its m-texts and without the fresh-21
	// sentence labels; the fresh-21 labels without batch 15. The
	// session-18 floors were set before both.
	noFresh21, _ := all.withoutSentences(t, "dev", fresh21)
	b15o, ev15o := noFresh21.without(t, "dev", batch15m)
	checkDevFloors(t, "before batch 15m, without the fresh-21 sentence labels", themeFigures(b15o, ev15o), devThemeFiguresBatch15o)
	all, whole = all.without(t, "dev", either(batch15m, batch15Other))
	checkDevFloors(t, "before batch 15", themeFigures(all, whole), devThemeFiguresFresh21)
	all, whole = all.withoutSentences(t, "dev", fresh21)
	checkDevFloors(t, "before batch 15, without the fresh-21 sentence labels", themeFigures(all, whole), devThemeFiguresSession18)
	// The floors of each half of batch 14 were set on the part without the
	// other half and without the fresh-20 sentence labels (both came in the
	// same session); the fresh-20 floors on the part without batch 14; every
	// earlier floor before both.
	noFresh20, _ := all.withoutSentences(t, "dev", fresh20)
	checkDevFloors(t, "before batch 14o, without fresh-20", themeFigures(noFresh20.without(t, "dev", batch14Other)), devThemeFiguresBatch14m)
	checkDevFloors(t, "before batch 14m, without fresh-20", themeFigures(noFresh20.without(t, "dev", batch14m)), devThemeFiguresBatch14o)
	all, whole = all.without(t, "dev", either(batch14m, batch14Other))
	checkDevFloors(t, "before batch 14", themeFigures(all, whole), devThemeFiguresFresh20)
	// Every earlier floor was set before batch 14 and the fresh-20 labels.
	all, whole = all.withoutSentences(t, "dev", fresh20)
	checkDevFloors(t, "before batch 14, without the fresh-20 sentence labels", themeFigures(all, whole), devThemeFiguresBatch13)
	// The floors of each half of batch 13 were set on the part without the
	// other half and without the fresh-19 sentence labels; every earlier
	// floor was set before batch 13.
	noFresh19, _ := all.withoutSentences(t, "dev", fresh19)
	checkDevFloors(t, "before batch 13o, without the fresh-19 sentence labels", themeFigures(noFresh19.without(t, "dev", batch13Other)), devThemeFiguresBatch13m)
	checkDevFloors(t, "before batch 13m, without the fresh-19 sentence labels", themeFigures(noFresh19.without(t, "dev", batch13m)), devThemeFiguresBatch13o)
	all, whole = all.without(t, "dev", either(batch13m, batch13Other))
	checkDevFloors(t, "before batch 13", themeFigures(all, whole), devThemeFiguresFresh19)
	// Every earlier floor was set before the fresh-19 sentence labels.
	all, whole = all.withoutSentences(t, "dev", fresh19)
	checkDevFloors(t, "without the fresh-19 sentence labels", themeFigures(all, whole), devThemeFiguresFresh18)
	// Every earlier floor was set before the fresh-18 sentence labels.
	all, whole = all.withoutSentences(t, "dev", fresh18)
	checkDevFloors(t, "without the fresh-18 sentence labels", themeFigures(all, whole), devThemeFiguresBatch12)
	// The floors of each half of batch 12 were set on the part without the
	// other half; every earlier floor was set before batch 12.
	checkDevFloors(t, "before batch 12o", themeFigures(all.without(t, "dev", batch12Other)), devThemeFiguresBatch12m)
	checkDevFloors(t, "before batch 12m", themeFigures(all.without(t, "dev", batch12m)), devThemeFiguresBatch12o)
	all, whole = all.without(t, "dev", either(batch12m, batch12Other))
	checkDevFloors(t, "before batch 12", themeFigures(all, whole), devThemeFiguresBatch11)
	checkDevFloors(t, "before batch 11", themeFigures(all.without(t, "dev", batch11)), devThemeFiguresFresh17)
	// Every earlier floor was set before the fresh-17 sentence labels; the
	// floors of each half of batch 11 were set on the set without the other
	// half, and the rest before batch 11.
	all, _ = all.withoutSentences(t, "dev", fresh17)
	checkDevFloors(t, "before batch 11o, without the fresh-17 sentence labels", themeFigures(all.without(t, "dev", batch11Other)), devThemeFiguresBatch11m)
	checkDevFloors(t, "before batch 11m, without the fresh-17 sentence labels", themeFigures(all.without(t, "dev", batch11m)), devThemeFiguresBatch11o)
	all, whole = all.without(t, "dev", batch11)
	checkDevFloors(t, "before batch 11, without the fresh-17 sentence labels", themeFigures(all, whole), devThemeFiguresBatch10)
	checkDevFloors(t, "before batch 10", themeFigures(all.without(t, "dev", batch10)), devThemeFiguresFresh16)
	// Every earlier floor was set before the fresh-16 sentence labels.
	all, _ = all.withoutSentences(t, "dev", fresh16)
	checkDevFloors(t, "before batch 10m, without the fresh-16 sentence labels", themeFigures(all.without(t, "dev", batch10m)), devThemeFiguresBatch10o)
	checkDevFloors(t, "before batch 10o, without the fresh-16 sentence labels", themeFigures(all.without(t, "dev", batch10Other)), devThemeFiguresBatch10m)
	checkDevFloors(t, "before batch 10, without the fresh-16 sentence labels", themeFigures(all.without(t, "dev", batch10)), devThemeFiguresBatch9)
	checkDevFloors(t, "before batch 9", themeFigures(all.without(t, "dev", batch9to10)), devThemeFiguresFresh15)
	checkDevFloors(t, "before batch 9 and the fresh-15 sentence labels", themeFigures(all.filtered(t, "dev", batch9to10, fresh15)), devThemeFiguresBatch8)
	labelled, _ := all.withoutSentences(t, "dev", func(name string) bool { return fresh14(name) || fresh15(name) })
	checkDevFloors(t, "before batch 8 and the fresh-14 sentence labels", themeFigures(labelled.without(t, "dev", either(batch8, batch9to10))), devThemeFiguresBatch7)
	checkDevFloors(t, "before batch 7", themeFigures(labelled.without(t, "dev", either(batch7or8, batch9to10))), devThemeFiguresGrown)
	checkDevFloors(t, "before batch 6", themeFigures(labelled.without(t, "dev", either(batch6to8, batch9to10))), devThemeFigures)
}

// recallTrade33 is how far session 33's codebook change (avtal, ideell,
// arbetsplats, lön and jobba weigh 0.5; docs/validity-themes.md, session
// 33) may take a recall figure below a floor set before it: the change
// trades a little recall for precision (whole dev part: claims P 0.7564
// -> 0.7759, level>=1 P 0.8337 -> 0.8366, sentences P 0.7361 -> 0.7493;
// claims R 0.9200 -> 0.9185, level>=1 R 0.6958 -> 0.6931, sentences R
// 0.7225 -> 0.7203). On the parts before batches 21 to 30 the largest
// drop below a floor was 0.0026 (level>=1 R before batch 27, with the
// first four words); precision floors are kept as they were.
const recallTrade33 = 0.003

// codebookTrade33 returns floors set before session 33 with each recall
// floor lowered by recallTrade33.
func codebookTrade33(floors map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(floors))
	for k, v := range floors {
		if strings.HasSuffix(k, " R") {
			v -= recallTrade33
		}
		out[k] = v
	}
	return out
}

// checkDevFloors logs one part's dev theme figures and fails where one
// falls below its floor.
func checkDevFloors(t *testing.T, part string, figs, floors map[string]float64) {
	t.Helper()
	for _, k := range slices.Sorted(maps.Keys(floors)) {
		want := floors[k]
		t.Logf("%s: %s: %.4f (at least %.3f)", part, k, figs[k], want)
		if figs[k] < want-1e-9 {
			t.Errorf("dev (%s) %s fell to %.4f (was %.3f)", part, k, figs[k], want)
		}
	}
}

// analyseRealSplit analyses one split of testdata/realtexts as styrdok
// analyze does and scores it with EvalReal.
func analyseRealSplit(t *testing.T, split string) (*realSplit, *RealEval) {
	t.Helper()
	set := loadRealSet(t, filepath.Join("..", "testdata", "realtexts"))
	var err error
	if set, err = set.Filter(split); err != nil {
		t.Fatal(err)
	}
	a := testAnalyzer(t)
	got := analyseRealSet(t, a, set)
	ev, err := EvalReal(set, split, got, a.Codebook, analysis.DefaultMinConfidence)
	if err != nil {
		t.Fatal(err)
	}
	return &realSplit{set: set, got: got, themes: a.Codebook.ThemeIDs()}, ev
}

type realSplit struct {
	set    *RealSet
	got    map[string]*RealAnalysis
	themes []string
}

// themeFigures computes the figures of devThemeFigures, as
// tools/themeeval/eval.py prints them.
func themeFigures(r *realSplit, ev *RealEval) map[string]float64 {
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	figs := map[string]float64{}
	// level >= 1, summed over the themes
	tp, pred, sup := 0, 0, 0
	for _, th := range ev.Levels.Themes {
		tp, pred, sup = tp+th.Covered.TP, pred+th.Covered.Predicted, sup+th.Covered.Support
	}
	figs["level>=1 P"], figs["level>=1 R"] = ratio(tp, pred), ratio(tp, sup)
	// claims inside labelled sentences, per document and theme
	bySpan := map[string][]RealSentence{}
	for _, s := range r.set.Sentences {
		bySpan[s.File] = append(bySpan[s.File], s)
	}
	tp, pred, sup = 0, 0, 0
	for file, ss := range bySpan {
		ra := r.got[file]
		if ra == nil {
			continue
		}
		m := alignRaw(ra.RawText, ra.CleanText)
		gold, claimed := map[string]bool{}, map[string]bool{}
		for _, s := range ss {
			for _, th := range s.Themes {
				gold[th] = true
			}
			cs, ce := m[s.Start], m[s.End]
			for _, th := range ra.Doc.Themes {
				for _, h := range th.Evidence {
					if h.Start < ce && cs < h.End {
						claimed[th.ID] = true
					}
				}
			}
		}
		for _, th := range r.themes {
			if claimed[th] {
				pred++
			}
			if gold[th] {
				sup++
			}
			if claimed[th] && gold[th] {
				tp++
			}
		}
	}
	figs["claims P"], figs["claims R"] = ratio(tp, pred), ratio(tp, sup)
	i := slices.IndexFunc(ev.SentenceThemes, func(c ClassScore) bool { return c.Label == "micro" })
	if i >= 0 {
		figs["sentences P"], figs["sentences R"] = float64(ev.SentenceThemes[i].Precision), float64(ev.SentenceThemes[i].Recall)
	}
	return figs
}

// devThemeFiguresBatch15o are the floors of the whole dev part as grown by
// batch 15's o-texts (session 19: 34 dev texts, document labels only; the
// round's attribution rule moves no level): its party, association and
// news pages add level claims a reader does not make, so level>=1 P falls
// from 0.8105 (devThemeFiguresSession18, which keeps holding on the part
// before the batch) to 0.8075. Batch 15's m-texts (another helper's) are
// not in the part these were measured on.
var devThemeFiguresBatch15o = map[string]float64{
	"claims P": 0.789, "claims R": 0.915, // 0.7894, 0.9153 (batch 15 has no sentence labels)
	"level>=1 P": 0.807, "level>=1 R": 0.707, // 0.8075, 0.7105
	"sentences P": 0.760, "sentences R": 0.708, // 0.7610, 0.7083 (rounded down)
}

// Session 20's list-mention rule (a list mention counts nothing toward
// level 1; docs/validity-themes.md, session 20) costs four right early
// level-1 cells (m049, m149, m197, m247) and removes six wrong late ones:
// every slice's level >= 1 R floor that holds those cells was lowered to
// the rule's measured value (rounded down), and no other floor moved.
//
// devThemeFiguresSession20 are the floors of the whole dev part after the
// session-20 merges (batch 16, the fresh-22 labels, the list-mention
// rule), from the merged run, rounded down.
var devThemeFiguresSession20 = map[string]float64{
	"claims P": 0.783, "claims R": 0.926, // 0.7825, 0.9156 (1,335 dev texts); session 21: 0.7826, 0.9200; session 23: 0.7838, 0.9267
	"level>=1 P": 0.813, "level>=1 R": 0.711, // 0.8059, 0.7091; session 21: 0.8136, 0.7091; session 23: 0.8133, 0.7119
	"sentences P": 0.767, "sentences R": 0.725, // 0.7654, 0.7135; session 21: 0.7672, 0.7207; session 23: 0.7680, 0.7257 (codebook terms)
}

// devThemeFiguresBatch34 are the floors of the whole dev part after
// batch 34 (session 37: 22 dev texts, labelled blind, with sentence
// labels of all), from the code the batch was scored with (main as after
// session 36, 0.29.0; 1,723 dev texts), rounded down. With the batch the
// whole part's claims P went from 0.7743 to 0.7759 (claims R 0.9147 to
// 0.9142), level>=1 R from 0.6958 to 0.6977 and sentences R from 0.7215
// to 0.7236.
var devThemeFiguresBatch34 = map[string]float64{
	"claims P": 0.775, "claims R": 0.914, // 0.7759 (1513/1950), 0.9142 (1513/1655) (eval.py)
	"level>=1 P": 0.837, "level>=1 R": 0.697, // 0.8378 (1126/1344), 0.6977 (1126/1614) (eval.py)
	"sentences P": 0.747, "sentences R": 0.723, // 0.7475 (4811/6436), 0.7236 (4811/6649) (eval.py)
}

// devThemeFiguresBatch33 are the floors of the whole dev part after
// batch 33 (session 36: 19 dev texts, labelled blind, with sentence
// labels of all) and session 36's segmentation change (a line after a
// blank line that goes on with the sentence the line before left open
// is one block with it: softWrap, docs/validity.md "Segmentation, round
// 36"), from main after that change (0.29.0; 1,701 dev texts), rounded
// down. The batch's own dev texts, scored with the code before the
// change, took claims R from 0.9141 to 0.9116 and sentences R from
// 0.7211 to 0.7196; the change took the whole part's claims R to 0.9147,
// level>=1 R to 0.6958 and sentences R to 0.7215, and sentences P from
// 0.7507 to 0.7473 (a column's lines are one sentence now, overlapping
// several of the pieces the labels give, n230's mostly).
var devThemeFiguresBatch33 = map[string]float64{
	"claims P": 0.774, "claims R": 0.914, // 0.7743 (1448/1870), 0.9147 (1448/1583) (eval.py)
	"level>=1 P": 0.838, "level>=1 R": 0.695, // 0.8388 (1098/1309), 0.6958 (1098/1578) (eval.py)
	"sentences P": 0.747, "sentences R": 0.721, // 0.7473 (4567/6111), 0.7215 (4567/6330) (eval.py)
}

// devThemeFiguresBatch32 are the floors of the whole dev part after
// batch 32 (session 35: 20 dev texts, labelled blind, with sentence
// labels of all), from the code the batch was scored with (main as after
// session 34; 1,682 dev texts), rounded down. The batch's own dev texts
// scored claims P/R 0.886/0.838, level>=1 P 0.879, sentences 0.851/0.728;
// with them the whole part's claims R went from 0.9180 to 0.9141 (the
// batch's misses: a list of areas "inom integration, krisberedskap, ...,
// folkhälsa, bostadsförsörjning" the list-mention rule damps, a
// misspelled "sammarbetet", meeting people written "skapa kontakt" and
// "fika"), every other figure held or rose.
var devThemeFiguresBatch32 = map[string]float64{
	"claims P": 0.774, "claims R": 0.914, // 0.7750 (1395/1800), 0.9141 (1395/1526) (eval.py)
	"level>=1 P": 0.839, "level>=1 R": 0.691, // 0.8392 (1070/1275), 0.6912 (1070/1548) (eval.py)
	"sentences P": 0.749, "sentences R": 0.721, // 0.7503 (4367/5820), 0.7211 (4367/6056) (eval.py); session 36's segmentation change (devThemeFiguresBatch33): P 0.7495 (4369/5829), R 0.7214
}

// devThemeFiguresBatch31 are the floors of the whole dev part after
// batch 31 (session 34: 22 dev texts, labelled blind, with sentence
// labels of all) and session 34's codebook change ("studie" in the
// singular, a piece of research, is no education: "en studie om",
// "delstudien", "förstudie"; docs/validity-themes.md), from main after
// that change (1,662 dev texts), rounded down. The batch itself, scored
// with the code before the change, took claims P from 0.7759 to 0.7704;
// the change took the whole part's level>=1 P from 0.8361 to 0.8382 and
// lowered no figure.
var devThemeFiguresBatch31 = map[string]float64{
	"claims P": 0.770, "claims R": 0.918, // 0.7705 (1333/1730), 0.9180 (1333/1452) (eval.py)
	"level>=1 P": 0.838, "level>=1 R": 0.690, // 0.8382 (1041/1242), 0.6908 (1041/1507) (eval.py)
	"sentences P": 0.745, "sentences R": 0.720, // 0.7460 (4161/5578), 0.7208 (4161/5773) (eval.py)
}

// devThemeFiguresBatch30 are the floors of the whole dev part after
// batch 30 (session 33: 18 dev texts, labelled blind, with sentence
// labels of all) and session 33's codebook change (avtal, ideell,
// arbetsplats, lön and jobba weigh 0.5: evidence only beside another word
// of their theme; "ideell sektor" and "börja jobba" are phrases;
// docs/validity-themes.md), from main after that change
// (1,640 dev texts), rounded down. The batch itself, scored with the code
// before the change, took claims P from 0.7624 to 0.7564.
var devThemeFiguresBatch30 = map[string]float64{
	"claims P": 0.775, "claims R": 0.918, // 0.7759 (1274/1642), 0.9185 (1274/1387) (eval.py)
	"level>=1 P": 0.836, "level>=1 R": 0.693, // 0.8366 (1014/1212), 0.6931 (1014/1463) (eval.py)
	"sentences P": 0.748, "sentences R": 0.720, // 0.7493 (3969/5297), 0.7203 (3969/5510) (eval.py); session 36's segmentation change (devThemeFiguresBatch33): P 0.7482
}

// devThemeFiguresBatch29 are the floors of the whole dev part after
// batch 29 (session 32: 12 dev texts, labelled blind, with sentence
// labels), from main after session 32's metadata change (titles' kinds
// and periods; attribution and themes as since session 29; 1,622 dev
// texts), rounded down.
var devThemeFiguresBatch29 = map[string]float64{
	"claims P": 0.762, "claims R": 0.920, // 0.7624 (1229/1612), 0.9206 (1229/1335) (eval.py)
	"level>=1 P": 0.833, "level>=1 R": 0.693, // 0.8336 (992/1190), 0.6937 (992/1430) (eval.py)
	"sentences P": 0.741, "sentences R": 0.723, // 0.7418 (3821/5151), 0.7231 (3821/5284) (eval.py)
}

// devThemeFiguresBatch28 are the floors of the whole dev part after
// batch 28 (session 32: 11 dev titles, labelled blind), from the code the
// batch was scored with (unchanged since session 29; 1,610 dev texts),
// rounded down.
var devThemeFiguresBatch28 = map[string]float64{
	"claims P": 0.762, "claims R": 0.919, // 0.7637 (1189/1557), 0.9196 (1189/1293) (eval.py); 0.7624 after batch 27's list-sentence relabelling
	"level>=1 P": 0.830, "level>=1 R": 0.695, // 0.8306 (971/1169), 0.6956 (971/1396) (eval.py)
	"sentences P": 0.745, "sentences R": 0.722, // 0.7454 (3695/4957), 0.7228 (3695/5112) (eval.py)
}

// devThemeFiguresBatch27 are the floors of the whole dev part after
// batch 27 (session 32: 19 dev texts, labelled blind, with sentence
// labels of all), from the code the batch was scored with (unchanged
// since session 29; 1,599 dev texts), rounded down.
var devThemeFiguresBatch27 = map[string]float64{
	"claims P": 0.762, "claims R": 0.919, // 0.7637 (1189/1557), 0.9196 (1189/1293) (eval.py); 0.7624 after four of the batch's list sentences were relabelled by the set's rule (session 32, NOTES-municipal.md)
	"level>=1 P": 0.830, "level>=1 R": 0.696, // 0.8305 (970/1168), 0.6968 (970/1392) (eval.py)
	"sentences P": 0.745, "sentences R": 0.722, // 0.7454 (3695/4957), 0.7228 (3695/5112) (eval.py)
}

// devThemeFiguresBatch26 are the floors of the whole dev part after
// batch 26 (session 31: 15 dev texts, labelled blind, with sentence
// labels of 13), from the code the batch was scored with (1,580 dev
// texts), rounded down.
var devThemeFiguresBatch26 = map[string]float64{
	"claims P": 0.762, "claims R": 0.922, // 0.7621, 0.9227 (eval.py)
	"level>=1 P": 0.830, "level>=1 R": 0.699, // 0.8310, 0.6993 (eval.py)
	"sentences P": 0.744, "sentences R": 0.723, // 0.7443, 0.7240 (eval.py)
}

// devThemeFiguresBatch25 are the floors of the whole dev part after
// batch 25 (session 30: 11 dev texts, labelled blind, with sentence
// labels; no analysis change), from the floors run (1,565 dev texts),
// rounded down.
var devThemeFiguresBatch25 = map[string]float64{
	"claims P": 0.766, "claims R": 0.921, // 0.7667, 0.9223 (eval.py)
	"level>=1 P": 0.829, "level>=1 R": 0.699, // 0.8304, 0.7003 (eval.py)
	"sentences P": 0.751, "sentences R": 0.728, // 0.7519, 0.7289 (eval.py)
}

// devThemeFiguresBatch24 are the floors of the whole dev part after
// batch 24 (session 29: 26 dev texts, labelled blind, with sentence
// labels), from the floors run on the merged code (1,554 dev texts),
// rounded down.
var devThemeFiguresBatch24 = map[string]float64{
	"claims P": 0.766, "claims R": 0.921, // 0.7668, 0.9218
	"level>=1 P": 0.828, "level>=1 R": 0.699, // 0.8286, 0.6998
	"sentences P": 0.758, "sentences R": 0.730, // 0.7586, 0.7301
}

// devThemeFiguresSession29 are the floors of the whole dev part after
// batch 23 (session 29: 31 dev texts, labelled blind, with sentence
// labels) and session 29's attribution rules (which move no theme
// figure), from the merged run (1,528 dev texts), rounded down.
var devThemeFiguresSession29 = map[string]float64{
	"claims P": 0.769, "claims R": 0.922, // 0.7694, 0.9222
	"level>=1 P": 0.826, "level>=1 R": 0.710, // 0.8267, 0.7102
	"sentences P": 0.762, "sentences R": 0.730, // 0.7627, 0.7310
}

// devThemeFiguresSession28 are the floors of the whole dev part after
// batch 22 (session 28: 27 dev texts, labelled blind, with sentence
// labels) and session 28's merges (attribution rules and the joining of
// words broken at a line end, which move no theme figure), from the
// merged run (1,497 dev texts), rounded down.
var devThemeFiguresSession28 = map[string]float64{
	"claims P": 0.769, "claims R": 0.920, // 0.7691, 0.9206
	"level>=1 P": 0.825, "level>=1 R": 0.709, // 0.8255, 0.7098
	"sentences P": 0.764, "sentences R": 0.728, // 0.7646, 0.7286
}

// devThemeFiguresSession27 are the floors of the whole dev part after
// batch 21 (session 27: 30 dev texts, labelled blind, with sentence
// labels) and session 27's merges (level senses, the lower-case list item
// rule in segment.go; the attribution rules move no theme figure), from
// the merged run (1,470 dev texts), rounded down.
var devThemeFiguresSession27 = map[string]float64{
	"claims P": 0.772, "claims R": 0.921, // 0.7723, 0.9213
	"level>=1 P": 0.824, "level>=1 R": 0.709, // 0.8247, 0.7094
	"sentences P": 0.765, "sentences R": 0.732, // 0.7650, 0.7322
}

// devThemeFiguresSession26 are the floors of the whole dev part after
// batches 19 and 20 (session 26: 63 dev texts, labelled blind, with
// sentence labels) and session 26's codebook senses (h-themes28: supply,
// care, leisure schools and other false friends), from the merged run
// (1,440 dev texts), rounded down. devThemeFiguresSession25 keeps
// holding on the texts before batch 19; these hold on the texts before
// batch 21 (session 27).
var devThemeFiguresSession26 = map[string]float64{
	"claims P": 0.778, "claims R": 0.918, // 926/1189 = 0.7788, 926/1008 = 0.9187
	"level>=1 P": 0.822, "level>=1 R": 0.706, // 828/1007 = 0.8222, 828/1172 = 0.7065
	"sentences P": 0.765, "sentences R": 0.728, // 2879/3761 = 0.7655, 2879/3953 = 0.7283
}

// devThemeFiguresSession25 are the floors of the whole dev part after
// batch 18 (session 25: m993-m999 and o898-o912, 18 dev texts, document
// labels only, labelled blind) and session 25's attribution rules (which
// move no theme figure), from the merged run (1,377 dev texts), rounded
// down. devThemeFiguresSession24 keeps holding on the texts before batch 18.
var devThemeFiguresSession25 = map[string]float64{
	"claims P": 0.776, "claims R": 0.923, // 0.7766, 0.9233
	"level>=1 P": 0.810, "level>=1 R": 0.708, // 0.8101 after h-themes27 (0.8084 before it), 0.7089 (batch 18's levels; 0.8113, 0.7092 before it)
	"sentences P": 0.762, "sentences R": 0.724, // 0.7623, 0.7244 (the batch has no sentence labels)
}

// devThemeFiguresSession24 are the floors of the whole dev part after
// batch 17 (session 24: m966-m992 and o890-o897, 24 dev texts with 266
// sentence labels in all, labelled blind), from the merged run (1,359 dev
// texts), rounded down. devThemeFiguresSession20 keeps holding on the
// texts before batch 17.
var devThemeFiguresSession24 = map[string]float64{
	"claims P": 0.776, "claims R": 0.923, // 0.7766, 0.9233
	"level>=1 P": 0.811, "level>=1 R": 0.709, // 0.8113, 0.7092
	"sentences P": 0.762, "sentences R": 0.724, // 0.7623, 0.7244
}

// devThemeFiguresSession19 are the floors of the whole dev part after the
// session-19 merges (batch 15, the fresh-21 labels, credit segments),
// from the merged run (1,292 dev texts), rounded down.
var devThemeFiguresSession19 = map[string]float64{
	"claims P": 0.782, "claims R": 0.918, // 0.7830 printed (0.78298), 0.9186
	"level>=1 P": 0.803, "level>=1 R": 0.708, // 0.8036, 0.7125
	"sentences P": 0.760, "sentences R": 0.712, // 0.7604, 0.7124
}

// fresh22 reports whether a text is one of the 15 dev texts whose
// sentences session 20 labelled (tools/themeeval/fresh-22.txt).
func fresh22(name string) bool {
	return slices.Contains([]string{"o077", "o083", "o087", "o092", "o095", "o104", "o109", "o110",
		"o111", "o113", "o137", "o151", "o179", "o180", "o183"},
		strings.TrimSuffix(filepath.Base(name), ".txt"))
}

// devThemeFiguresFresh22 are the floors of the whole dev part with the
// 311 sentence labels of 15 older dev o-texts labelled blind by
// h-themesrec22 (tools/themeeval/fresh-22.txt), measured on that branch's
// rules (main's: the claims_only groups it tried were dropped;
// docs/validity-themes.md, session 20), rounded down, one step lower
// where the printed figure ends in 0. Without those labels the part
// is session 19's (devThemeFiguresSession19 holds there).
var devThemeFiguresFresh22 = map[string]float64{
	"claims P": 0.782, "claims R": 0.915, // 0.7825, 0.9156 (0.7830, 0.9186 without the fresh-22 labels)
	"level>=1 P": 0.803, "level>=1 R": 0.708, // 0.8036, 0.7125 (the fresh-22 texts already had document labels); R 0.7088 with the list-mention rule
	"sentences P": 0.765, "sentences R": 0.713, // 0.7654, 0.7135
}
