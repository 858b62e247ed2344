package eval

import (
	"slices"
	"testing"
)

// heldOutFigure is one figure of the held-out part of the labelled real
// set (testdata/realtexts): the target for it and the floor a
// change may not fall below.
type heldOutFigure struct {
	name   string
	target float64 // issue 14's target (docs/validity.md)
	floor  float64 // what the held-out part gave when the floors were last set
}

// heldOutFigures are the held-out figures as measured on main after the
// merges of session 8 (1 Dec 2026: 257 held-out texts, 849 labelled
// sentences; docs/validity.md "Where it stands"). The set grew (batch 5)
// and its municipality labels were brought in line with the owner's rule
// for news about one municipality (testdata/realtexts/README.md), so the
// floors were reset. Where the target is met the floor is the target;
// where it is missed the floor is the figure measured, so a regression
// fails while the gap stays visible in the log. Nothing here is tuned on:
// rules are changed on dev texts only and held-out is only scored; the
// floors are reset (down as well as up, with the reason in
// docs/validity.md) only when the set itself grows or its labels are
// corrected, since then the figures move without any rule changing.
var heldOutFigures = []heldOutFigure{
	// municipality attribution at the default --min-confidence
	{"named", 0.97, 0.8830},          // 137/154 = 0.890 (session 9; 0.883 before): target missed; session 28: 0.8831 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.808},            // 55/68 = 0.809: target missed
	{"unnamed", 0.95, 0.95},          // 9/9
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.969}, // 63/65 = 0.969: target missed
	// themes (as tools/themeeval/eval.py prints them)
	{"claims P", 0.75, 0.75},    // 0.846
	{"claims R", 0.90, 0.857},   // 132/154 = 0.857: target missed
	{"level>=1 P", 0.80, 0.793}, // 204/257 = 0.794: target missed
}

// heldOutFiguresGrown are the floors of the whole held-out part as grown
// by batch 6 (session 10: m432-m491 and o303-o374, 45 more held-out texts,
// no sentence labels), set from its one scoring after session 10's merges
// (docs/validity.md, "Where it stands"): where a target is met the floor
// is the target, else the figure. heldOutFigures keep holding on the 257
// texts they were set on, so the batch neither lowers them nor hides a
// regression there.
var heldOutFiguresGrown = []heldOutFigure{
	{"named", 0.97, 0.8976},         // 159/176 = 0.903: target missed; session 28: 0.8977 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.788},           // 71/90 = 0.789: target missed
	{"unnamed", 0.95, 0.90},         // 9/10: target missed
	{"title", 0.97, 0.97},           // 26/26
	{"right at >= 0.9", 0.97, 0.96}, // 72/75 = 0.960: target missed
	{"claims P", 0.75, 0.75},        // 0.846 (batch 6 has no sentence labels)
	{"claims R", 0.90, 0.857},       // 132/154 = 0.857: target missed
	{"level>=1 P", 0.80, 0.772},     // 228/295 = 0.773: target missed
}

// heldOutFiguresBatch7 are the floors of the whole held-out part as grown
// by batch 7 (session 11: m492-m551 from h-attribnamed13 and o375-o439
// from h-attribnone13, 37 more held-out texts, no sentence labels), set
// from the one scoring of the merged set (339 texts; docs/validity.md,
// "Where it stands (main after session 11)"): where a target is met the
// floor is the target, else the figure. heldOutFiguresGrown keep holding
// on the 302 texts before the batch, heldOutFigures on the 257 before
// batch 6.
var heldOutFiguresBatch7 = []heldOutFigure{
	{"named", 0.97, 0.8999},          // 172/190 = 0.905: target missed; session 28: 0.9000 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.821},            // 92/112 = 0.821: target missed
	{"unnamed", 0.95, 0.909},         // 10/11: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.961}, // 74/77 = 0.961: target missed
	{"claims P", 0.75, 0.75},         // 0.846 (batch 7 has no sentence labels)
	{"claims R", 0.90, 0.857},        // 132/154 = 0.857: target missed
	{"level>=1 P", 0.80, 0.758},      // 0.7585: target missed (0.774 on the 302 before the batch)
}

// heldOutFiguresBatch8 are the floors of the whole held-out part as grown
// by batch 8 (session 12: m552-m602 from h-attribnamed14 and o440-o499
// from h-attribnone14, 36 more held-out texts, no sentence labels), set
// from the one scoring of the merged rules on the merged set at the end of
// the session (docs/validity.md, "Where it stands (main after session
// 12)"): where a target is met the floor is the target, else the figure.
// heldOutFiguresBatch7 keep holding on the 339 texts before the batch.
var heldOutFiguresBatch8 = []heldOutFigure{
	{"named", 0.97, 0.9042},          // 190/209 = 0.909: target missed (172/190 on the 339 before the batch); session 28: 0.9043 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.813},            // 105/129 = 0.814: target missed (92/112 before the batch)
	{"unnamed", 0.95, 0.909},         // 10/11: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.962}, // 78/81 = 0.963: target missed
	{"claims P", 0.75, 0.75},         // 0.846 (batch 8 has no sentence labels)
	{"claims R", 0.90, 0.857},        // 0.857: target missed
	{"level>=1 P", 0.80, 0.750},      // 0.7500: target missed (0.7609 on the 339 before the batch: the batch's organisation and news pages get levels the labels give 0)
}

// heldOutFiguresBatch9 are the floors of the whole held-out part as grown
// by batch 9 (session 13: o500-o563 from h-attribnone15, 21 held-out texts;
// m603-m653 from h-attribnamed15, 15 held-out texts; no sentence labels),
// set from the lead's scoring of the merged rules (411 texts;
// docs/validity.md, "Where it stands (main after session 13)"): where a
// target is met the floor is the target, else the figure.
// heldOutFiguresBatch8 keep holding on the 375 texts before the batch.
var heldOutFiguresBatch9 = []heldOutFigure{
	{"named", 0.97, 0.9053},          // 203/222 = 0.914: target missed (192/209 on the 375 before the batch); session 28: 0.9054 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.833},            // 125/150 = 0.833: target missed (105/129 before the batch)
	{"unnamed", 0.95, 0.923},         // 12/13 = 0.923: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.964}, // 82/85 = 0.965: target missed
	{"claims P", 0.75, 0.75},         // 0.846 (batch 9 has no sentence labels)
	{"claims R", 0.90, 0.857},        // 0.857: target missed
	{"level>=1 P", 0.80, 0.731},      // 0.7314: target missed (0.750 on the 375 before the batch: its organisation pages and news get levels the labels give 0)
}

// heldOutFiguresBatch10o are the floors of the whole held-out part as
// grown by batch 10's o-texts (session 14: o564-o613 from h-attribnone16,
// 15 held-out texts; document labels only, labelled blind), scored once
// at the end of the round (docs/validity.md, "Attribution, round 14"):
// where a target is met the floor is the target, else the figure.
// heldOutFiguresBatch9 keep holding on the 411 texts before the batch.
var heldOutFiguresBatch10o = []heldOutFigure{
	{"named", 0.97, 0.9057},          // 204/223 = 0.9148: target missed (203/222 on the 411 before the batch); session 28: 0.9058 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.841},            // 138/164 = 0.8415: target missed (125/150 before the batch; the batch 13/14)
	{"unnamed", 0.95, 0.923},         // 12/13: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.964}, // 82/85 = 0.965: target missed
	{"claims P", 0.75, 0.75},         // 0.846 (batch 10 has no sentence labels)
	{"claims R", 0.90, 0.857},        // 0.857: target missed
	{"level>=1 P", 0.80, 0.729},      // 283/388 = 0.7294: target missed (0.731 on the 411 before the batch)
}

// heldOutFiguresBatch10m are the floors of the whole held-out part as
// grown by batch 10's m-texts (session 14: m654-m709 from h-attribnamed16,
// 24 held-out texts, no sentence labels), set from the scoring of main's
// attribution rules on the grown set at the end of that session (the
// branch's own rules failed the held-out gate and were reverted;
// docs/validity.md, "Attribution, round 14: texts that name their
// municipality"): where a target is met the floor is the target, else the
// figure. heldOutFiguresBatch9 keep
// holding on the 411 texts before the batch.
var heldOutFiguresBatch10m = []heldOutFigure{
	{"named", 0.97, 0.9090},          // 221/242 = 0.9132: target missed (203/222 on the 411 before the batch); session 28: 0.9091 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.837},            // 129/154 = 0.8377: target missed (125/150 before the batch)
	{"unnamed", 0.95, 0.923},         // 12/13 = 0.923 (the batch has no held-out unnamed text): target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.966}, // 0.9667: target missed (82/85 = 0.965 before the batch)
	{"claims P", 0.75, 0.75},         // 0.846 (batch 10 has no sentence labels)
	{"claims R", 0.90, 0.857},        // 0.857: target missed
	{"level>=1 P", 0.80, 0.730},      // 0.7302: target missed (0.7314 on the 411 before the batch: its news and letters get levels the labels give 0)
}

// heldOutFiguresBatch10 are the floors of the whole held-out part as
// grown by both halves of batch 10 (o564-o613 and m654-m709, session 14;
// labelled blind), set from the scoring of the merged rules at the end of
// the session: where a target is met the floor is the target, else the
// figure. heldOutFiguresBatch10o hold on the texts before batch 10's
// m-texts, heldOutFiguresBatch10m on those before its o-texts.
var heldOutFiguresBatch10 = []heldOutFigure{
	{"named", 0.97, 0.9094},          // 222/243 = 0.9136: target missed; session 28: 0.9095 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.845},            // 142/168 = 0.8452: target missed
	{"unnamed", 0.95, 0.923},         // 12/13: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.966}, // 87/90 = 0.9667: target missed
	{"claims P", 0.75, 0.75},         // 0.848
	{"claims R", 0.90, 0.870},        // 0.8701: target missed
	{"level>=1 P", 0.80, 0.740},      // 0.7401: target missed
}

// heldOutFiguresBatch11m are the floors of the whole held-out part as
// grown by batch 11's m-texts (session 15: m710-m749 from
// h-attribnamed17, 9 held-out texts, no sentence labels; labelled blind),
// set from the scoring of main's attribution rules on the grown set at
// the end of the round (the branch's rule failed the held-out gate and
// was reverted; docs/validity.md, "Attribution, round 15: texts that name
// their municipality"): where a target is met the floor is the target,
// else the figure. heldOutFiguresBatch10 keep holding on the 450 texts
// before the batch.
var heldOutFiguresBatch11m = []heldOutFigure{
	{"named", 0.97, 0.9079},          // 228/250 = 0.9120: target missed (222/243 before the batch; the batch 6/7); session 28: 0.9080 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.847},            // 144/170 = 0.8471: target missed (142/168 before the batch; the batch 2/2)
	{"unnamed", 0.95, 0.923},         // 12/13 (the batch has no held-out unnamed text): target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.967}, // 88/91 = 0.9670: target missed
	{"claims P", 0.75, 0.75},         // 0.848 (batch 11 has no sentence labels)
	{"claims R", 0.90, 0.870},        // 0.8701: target missed
	{"level>=1 P", 0.80, 0.734},      // 0.7346: target missed (0.740 before the batch: its party pages get levels the labels give 0)
}

// heldOutFiguresBatch11o are the floors of the whole held-out part as
// grown by batch 11's o-texts (session 15: o614-o656 from h-attribnone17,
// 18 held-out texts; document labels only, labelled blind), scored once
// at the end of the round (docs/validity.md, "Attribution, round 15"):
// where a target is met the floor is the target, else the figure. Every
// earlier floor keeps holding on the texts before the batch.
var heldOutFiguresBatch11o = []heldOutFigure{
	{"named", 0.97, 0.9060},          // 0.9102: target missed (222/243 = 0.9136 on the 450 before the batch); session 28: 0.9061 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.847},            // 0.8478: target missed (142/168 = 0.8452 before the batch)
	{"unnamed", 0.95, 0.923},         // 12/13: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.966}, // 0.9667: target missed (87/90 before the batch)
	{"claims P", 0.75, 0.75},         // 0.848 (batch 11 has no sentence labels)
	{"claims R", 0.90, 0.870},        // 0.8701: target missed
	{"level>=1 P", 0.80, 0.735},      // 0.7354: target missed (0.7401 before the batch: its organisation pages get levels the labels give 0)
}

// heldOutFiguresBatch11 are the floors of the whole held-out part as
// grown by both halves of batch 11 (session 15: m710-m749 and o614-o656),
// scored once on the merged rules: where a target is met the floor is the
// target, else the figure.
var heldOutFiguresBatch11 = []heldOutFigure{
	{"named", 0.97, 0.9047},          // 0.9087: target missed (0.9136 before the batch); session 28: 0.9048 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.849},            // 0.8495: target missed (0.8452 before the batch)
	{"unnamed", 0.95, 0.923},         // 12/13: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.967}, // 0.9670: target missed
	{"claims P", 0.75, 0.75},         // 0.848 (batch 11 has no sentence labels)
	{"claims R", 0.90, 0.870},        // 0.8701: target missed
	{"level>=1 P", 0.80, 0.730},      // 0.7301: target missed (0.7401 before the batch: its party and organisation pages get levels the labels give 0)
}

// heldOutFiguresBatch12m are the floors of the whole held-out part as
// grown by batch 12's m-texts (session 16: m750-m795 from
// h-attribnamed18, 9 held-out texts, no sentence labels; labelled blind),
// set from the scoring of main's attribution rules on the grown set at
// the end of the round (the branch's rules failed the held-out gate and
// were reverted; docs/validity.md, "Attribution, round 16: texts that
// name their municipality"): where a target is met the floor is the
// target, else the figure. heldOutFiguresBatch11 keep holding on the 477
// texts before the batch.
var heldOutFiguresBatch12m = []heldOutFigure{
	{"named", 0.97, 0.9069},          // 235/258 = 0.9109: target missed (229/252 before the batch; the batch 6/6); session 28: 0.9070 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.850},            // 159/187 = 0.8503: target missed (158/186 before the batch; the batch 1/1)
	{"unnamed", 0.95, 0.866},         // 13/15 = 0.8667: target missed (12/13 before the batch; the batch 1/2)
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.967}, // 88/91 = 0.9670: target missed
	{"claims P", 0.75, 0.75},         // 0.848 (batch 12 has no sentence labels)
	{"claims R", 0.90, 0.870},        // 0.8701: target missed
	{"level>=1 P", 0.80, 0.730},      // 0.7308: target missed (0.7301 before the batch)
}

// heldOutFiguresBatch12o are the floors of the whole held-out part as
// grown by batch 12's o-texts (session 16: o657-o705 from h-attribnone18,
// 17 held-out texts; document labels only, labelled blind), scored once
// at the end of the round (docs/validity.md, "Attribution, round 16"):
// where a target is met the floor is the target, else the figure. Every
// earlier floor keeps holding on the texts before the batch.
var heldOutFiguresBatch12o = []heldOutFigure{
	{"named", 0.97, 0.9050},          // 230/253 = 0.9091: target missed (229/252 before the batch; the batch 1/1); session 28: 0.9051 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.861},            // 174/202 = 0.8614: target missed (158/186 = 0.8495 before the batch; the batch 16/16)
	{"unnamed", 0.95, 0.923},         // 12/13 (the batch has no unnamed text): target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.967}, // 0.9670: target missed (unchanged by the batch)
	{"claims P", 0.75, 0.75},         // 0.848 (batch 12 has no sentence labels)
	{"claims R", 0.90, 0.870},        // 0.8701: target missed
	{"level>=1 P", 0.80, 0.729},      // 0.7294: target missed (0.7301 before the batch: its party and region pages get levels the labels give 0)
}

// heldOutFiguresBatch12 are the floors of the whole held-out part as
// grown by both halves of batch 12 (session 16: m750-m795 and
// o657-o705), measured on main after the merge of the two rounds (their
// rules were reverted, so these are main's rules on the grown set): where
// a target is met the floor is the target, else the figure. Each half's
// floors hold on the part without the other half; every earlier floor on
// the texts before batch 12.
var heldOutFiguresBatch12 = []heldOutFigure{
	{"named", 0.97, 0.9072},          // 236/259 = 0.9112: target missed (the batch 7/7); session 28: 0.9073 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.862},            // 175/203 = 0.8621: target missed (the batch 17/17)
	{"unnamed", 0.95, 0.866},         // 13/15 = 0.8667: target missed (the batch 1/2)
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.967}, // 88/91 = 0.9670: target missed
	{"claims P", 0.75, 0.75},         // 0.848 (batch 12 has no sentence labels)
	{"claims R", 0.90, 0.870},        // 0.8701: target missed
	{"level>=1 P", 0.80, 0.729},      // 0.7300: target missed (its party and region pages get levels the labels give 0)
}

// heldOutFiguresBatch13o are the floors of the whole held-out part as
// grown by batch 13's o-texts (session 17: o706-o751 from h-attribnone19,
// 14 held-out texts; document labels only, labelled blind), scored once at
// the end of the round (docs/validity.md, "Attribution, round 17"): where
// a target is met the floor is the target, else the figure. Every earlier
// floor keeps holding on the texts before the batch.
var heldOutFiguresBatch13o = []heldOutFigure{
	{"named", 0.97, 0.9083},          // 239/262 = 0.9122: target missed (236/259 before the batch; the batch 3/3); session 28: 0.9084 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.859},            // 184/214 = 0.8598: target missed (175/203 = 0.8621 before the batch; the batch 9/11)
	{"unnamed", 0.95, 0.866},         // 13/15 (the batch has no unnamed text): target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.956}, // 88/92 = 0.9565: target missed (88/91 before the batch: one of its none texts answered at >= 0.9)
	{"claims P", 0.75, 0.75},         // 0.848 (batch 13 has no sentence labels)
	{"claims R", 0.90, 0.870},        // 0.8701: target missed
	{"level>=1 P", 0.80, 0.728},      // 0.7289: target missed (0.7300 before the batch: its body, region and party pages get levels the labels give 0)
}

// heldOutFiguresBatch13m are the floors of the whole held-out part as
// grown by batch 13's m-texts (session 17: m796-m841 from h-attribnamed19,
// 13 held-out texts, no sentence labels; labelled blind), scored once at
// the end of the round (docs/validity.md, "Attribution, round 17: texts
// that name their municipality"): where a target is met the floor is the
// target, else the figure. heldOutFiguresBatch12 keep holding on the 503
// texts before the batch.
var heldOutFiguresBatch13m = []heldOutFigure{
	{"named", 0.97, 0.9059},          // 244/266 = 0.9173: target missed (238/259 = 0.9189 before the batch, 236/259 on main; the batch 6/7); session 21: 0.9135 (the party-branch rule, one named text); session 28: 0.9060 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.846},            // 176/208 = 0.8462: target missed (175/203 before the batch; the batch 1/5)
	{"unnamed", 0.95, 0.875},         // 14/16 = 0.875: target missed (13/15 before the batch; the batch 1/1)
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.956}, // 89/93 = 0.9570: target missed (88/91 before the batch; the batch 1/2)
	{"claims P", 0.75, 0.75},         // 0.848 (batch 13 has no sentence labels)
	{"claims R", 0.90, 0.870},        // 0.8701: target missed
	{"level>=1 P", 0.80, 0.723},      // 0.7233: target missed (0.7300 before the batch)
}

// heldOutFiguresBatch13 are the floors of the whole held-out part as grown
// by both halves of batch 13 (session 17: h-attribnamed19's m796-m841 and
// h-attribnone19's o706-o751), scored once on the merged rules. Each
// half's floors hold on the part without the other half; every earlier
// floor on the part before the batch.
var heldOutFiguresBatch13 = []heldOutFigure{
	{"named", 0.97, 0.9070},          // 0.9182: target missed (238/259 = 0.9189 before the batch; 236/259 on the rules before session 17); session 21: 0.9145 (the party-branch rule, one named text); session 28: 0.9071 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.844},            // 0.8447: target missed (175/203 = 0.8621 before the batch)
	{"unnamed", 0.95, 0.875},         // 14/16: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.946}, // 0.9468 = 89/94: target missed (88/91 before the batch: the batch's texts add two confident wrong answers)
	{"claims P", 0.75, 0.75},         // 0.8491
	{"claims R", 0.90, 0.876},        // 0.8766: target missed (0.8701 before session 17's claims_only groups)
	{"level>=1 P", 0.80, 0.722},      // 0.7223: target missed (0.7300 before the batch)
}

// heldOutFiguresBatch14m are the floors of the whole held-out part as
// grown by batch 14's m-texts (session 18: m842-m887 from h-attribnamed20,
// 12 held-out texts, no sentence labels; labelled blind), without batch
// 14's o-texts (o752-o797), scored once at the end of the round
// (docs/validity.md, "Attribution, round 18: texts that name their
// municipality"): where a target is met the floor is the target, else the
// figure. heldOutFiguresBatch13 and every earlier floor keep holding on
// the texts before the batch.
var heldOutFiguresBatch14m = []heldOutFigure{
	{"named", 0.97, 0.9067},          // 255/279 = 0.9140: target missed (247/269 = 0.9182 before the batch; the batch 8/10); session 21: 0.9104 (the party-branch rule, one named text); session 28: 0.9068 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.841},            // 186/221 = 0.8416: target missed (185/219 = 0.8447 before the batch; the batch 1/2)
	{"unnamed", 0.95, 0.875},         // 14/16: target missed (the batch has no unnamed text)
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.947}, // 91/96 = 0.9479: target missed (89/94 before the batch; the batch 2/2)
	{"claims P", 0.75, 0.75},         // 0.8491 (batch 14 has no sentence labels)
	{"claims R", 0.90, 0.876},        // 0.8766: target missed
	{"level>=1 P", 0.80, 0.722},      // 0.7226: target missed (0.7223 before the batch)
}

// heldOutFiguresBatch16 are the floors of the whole held-out part after
// the session-20 merges (batch 16, the list-mention rule), from the
// merged run, rounded down; session 21 raised none, right at >= 0.9 and
// level >= 1 P to its merged run and lowered named by its one text.
var heldOutFiguresBatch16 = []heldOutFigure{
	{"named", 0.97, 0.8983},          // 0.9049: target missed; session 21: 0.9016 (the party-branch rule, one named text); session 28: 0.8984 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.872},            // 0.8609: target missed; session 21: 0.8722 (party branches, kommunalförbund, churches speaking)
	{"unnamed", 0.95, 0.894},         // 0.8947: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.958}, // 0.9490: target missed; session 21: 0.9588
	{"claims P", 0.75, 0.75},         // 0.8491 (batch 16 has no sentence labels)
	{"claims R", 0.90, 0.876},        // 0.8766: target missed
	{"level>=1 P", 0.80, 0.717},      // 0.7110: target missed; session 21: 0.7176 (label headings, actor compounds)
	// The document kind (strategy, plan, ... or other) has no target in
	// issue 14; 0.95 is the project's own (docs/validity.md). Session 23:
	// 0.9123 -> 0.9708 (a kind word names the kind only at a phrase's head,
	// in the indefinite, and not in a list item).
	{"kind", 0.95, 0.970},
}

// heldOutFiguresBatch34 are the floors of the whole held-out part as
// grown by batch 34 (session 37: n238-n252 and p060-p074, 8 held-out
// texts, labelled blind, with sentence labels), from the code the batch
// was scored with (main as after session 36, 0.29.0): where a target is
// met the floor is the target, else the figure rounded down. The batch's
// held-out texts: 4 named and 3 none attributed right, the one unnamed
// (a municipality's news that names only the municipality it visited)
// attributed to that one; its themes scored claims P/R 0.800/0.857 and
// level>=1 P 1.000 (8/8), so the whole part's claims P went from 0.7830
// to 0.7841, claims R from 0.8691 to 0.8683 and level>=1 P from 0.7575
// to 0.7607. heldOutFiguresBatch33 and every earlier floor keep holding
// on the texts before the batch.
var heldOutFiguresBatch34 = []heldOutFigure{
	{"named", 0.97, 0.888},           // 335/377 = 0.8886: target missed
	{"none", 0.90, 0.880},            // 273/310 = 0.8806: target missed
	{"unnamed", 0.95, 0.892},         // 25/28 = 0.8929: target missed
	{"title", 0.97, 0.97},            // 49/49
	{"right at >= 0.9", 0.97, 0.968}, // 123/127 = 0.9685: target missed
	{"claims P", 0.75, 0.75},         // 0.7841 (356/454)
	{"claims R", 0.90, 0.868},        // 0.8683 (356/410): target missed
	{"level>=1 P", 0.80, 0.760},      // 0.7607 (461/606): target missed
	{"kind", 0.95, 0.976},            // 0.978
}

// heldOutFiguresBatch33 are the floors of the whole held-out part as
// grown by batch 33 (session 36: n221-n237 and p050-p059, 8 held-out
// texts, labelled blind, with sentence labels), from the code the batch
// was scored with (main as after session 35, 0.28.0): where a target is
// met the floor is the target, else the figure rounded down. The batch's
// 8 held-out texts were all attributed right (6 named, 2 none); its
// themes scored claims P/R 0.667/0.800 and level>=1 P 0.786, so the
// whole part's claims P went from 0.7919 to 0.7830 and claims R from
// 0.8739 to 0.8691. heldOutFiguresBatch32 and every earlier floor keep
// holding on the texts before the batch.
var heldOutFiguresBatch33 = []heldOutFigure{
	{"named", 0.97, 0.887},           // 331/373 = 0.8874: target missed
	{"none", 0.90, 0.879},            // 270/307 = 0.8795: target missed
	{"unnamed", 0.95, 0.925},         // 25/27 = 0.9259: target missed
	{"title", 0.97, 0.97},            // 49/49
	{"right at >= 0.9", 0.97, 0.968}, // 122/126 = 0.9683: target missed
	{"claims P", 0.75, 0.75},         // 0.7830 (332/424)
	{"claims R", 0.90, 0.869},        // 0.8691 (332/382): target missed
	{"level>=1 P", 0.80, 0.757},      // 0.7575 (453/598): target missed
	{"kind", 0.95, 0.976},            // 0.978
}

// heldOutFiguresBatch32 are the floors of the whole held-out part as
// grown by batch 32 (session 35: n202-n220 and p035-p049, 14 held-out
// texts, labelled blind, with sentence labels), from the code the batch
// was scored with (main as after session 34): where a target is met the
// floor is the target, else the figure rounded down. The batch's 14
// held-out texts were all attributed right (6 named, 7 none, 1 unnamed);
// its themes scored claims P/R 0.887/0.870 and level>=1 P 0.880.
// heldOutFiguresBatch31 and every earlier floor keep holding on the texts
// before the batch.
var heldOutFiguresBatch32 = []heldOutFigure{
	{"named", 0.97, 0.885},           // 325/367 = 0.8856: target missed
	{"none", 0.90, 0.878},            // 268/305 = 0.8787: target missed
	{"unnamed", 0.95, 0.925},         // 25/27 = 0.9259: target missed
	{"title", 0.97, 0.97},            // 49/49
	{"right at >= 0.9", 0.97, 0.967}, // 119/123 = 0.9675: target missed
	{"claims P", 0.75, 0.75},         // 0.7919 (312/394)
	{"claims R", 0.90, 0.873},        // 0.8739 (312/357): target missed
	{"level>=1 P", 0.80, 0.756},      // 0.7568 (442/584): target missed
	{"kind", 0.95, 0.976},            // 0.977
}

// heldOutFiguresBatch31 are the floors of the whole held-out part as
// grown by batch 31 (session 34: n186-n201 and p026-p034, 3 held-out
// texts, labelled blind, with sentence labels), from main after session
// 34's codebook change ("studie" in the singular is no education;
// attribution as since session 29): where a target is met the floor is
// the target, else the figure rounded down. Of the batch's three held-out
// texts two were attributed right and one left unknown; the change took
// the whole part's level>=1 P from 0.7500 to 0.7513 and lowered no
// figure. heldOutFiguresBatch30 and every earlier floor keep holding on
// the texts before the batch.
var heldOutFiguresBatch31 = []heldOutFigure{
	{"named", 0.97, 0.883},           // 319/361 = 0.8837: target missed
	{"none", 0.90, 0.875},            // 261/298 = 0.8758: target missed
	{"unnamed", 0.95, 0.923},         // 24/26 = 0.9231: target missed
	{"title", 0.97, 0.97},            // 49/49
	{"right at >= 0.9", 0.97, 0.966}, // 117/121 = 0.9669: target missed
	{"claims P", 0.75, 0.75},         // 0.7771 (265/341)
	{"claims R", 0.90, 0.874},        // 0.8746 (265/303): target missed
	{"level>=1 P", 0.80, 0.751},      // 0.7513 (420/559): target missed
	{"kind", 0.95, 0.976},            // 0.977
}

// heldOutFiguresBatch30 are the floors of the whole held-out part as
// grown by batch 30 (session 33: n166-n185 and p017-p025, 11 held-out
// texts, labelled blind, with sentence labels), from main after session
// 33's codebook change (avtal, ideell, arbetsplats, lön and jobba weigh
// 0.5; attribution as since session 29): where a target is met the floor is
// the target, else the figure rounded down. Scored with the code before
// the change the batch's 11 held-out texts were all attributed right;
// the change took the whole part's claims P from 0.7619 to 0.7758 and
// level>=1 P from 0.7407 to 0.7491. heldOutFiguresBatch29 and every
// earlier floor keep holding on the texts before the batch.
var heldOutFiguresBatch30 = []heldOutFigure{
	{"named", 0.97, 0.885},           // 317/358 = 0.8855: target missed
	{"none", 0.90, 0.875},            // 261/298 = 0.8758: target missed
	{"unnamed", 0.95, 0.923},         // 24/26 = 0.9231: target missed
	{"title", 0.97, 0.97},            // 49/49
	{"right at >= 0.9", 0.97, 0.966}, // 117/121 = 0.9669: target missed
	{"claims P", 0.75, 0.75},         // 0.7758 (256/330)
	{"claims R", 0.90, 0.873},        // 0.8737 (256/293): target missed
	{"level>=1 P", 0.80, 0.749},      // 0.7491 (415/554): target missed
	{"kind", 0.95, 0.976},            // 0.9767 (714/731)
}

// heldOutFiguresBatch29 are the floors of the whole held-out part as
// grown by batch 29 (session 32: n158-n165 and p007-p016, 6 held-out
// texts, labelled blind, with sentence labels), from main after session
// 32's metadata change (titles' kinds and periods; attribution and themes
// as since session 29): where a target is met the floor is the target,
// else the figure rounded down. heldOutFiguresBatch28 and every earlier
// floor keep holding on the texts before the batch.
var heldOutFiguresBatch29 = []heldOutFigure{
	{"named", 0.97, 0.882},           // 309/350 = 0.8829: target missed
	{"none", 0.90, 0.874},            // 258/295 = 0.8746: target missed
	{"unnamed", 0.95, 0.923},         // 24/26 = 0.9231: target missed
	{"title", 0.97, 0.97},            // 49/49
	{"right at >= 0.9", 0.97, 0.966}, // 114/118 = 0.9661: target missed
	{"claims P", 0.75, 0.75},         // 0.7736 (229/296)
	{"claims R", 0.90, 0.870},        // 0.8707 (229/263): target missed
	{"level>=1 P", 0.80, 0.741},      // 0.7418 (405/546): target missed
	{"kind", 0.95, 0.976},            // 0.9764 (703/720)
}

// heldOutFiguresBatch28 are the floors of the whole held-out part as
// grown by batch 28 (session 32: the bare titles t124-t141, 7 held-out,
// labelled blind), from the figures of the code the batch was scored
// with (unchanged since session 29): where a target is met the floor is
// the target, else the figure rounded down. Two of the seven new
// held-out titles get another kind than their label (kind 0.9774 ->
// 0.9748). heldOutFiguresBatch27 and every earlier floor keep holding on
// the texts before the batch.
var heldOutFiguresBatch28 = []heldOutFigure{
	{"named", 0.97, 0.884},           // 307/347 = 0.8847: target missed
	{"none", 0.90, 0.873},            // 255/292 = 0.8733: target missed
	{"unnamed", 0.95, 0.923},         // 24/26 = 0.9231: target missed
	{"title", 0.97, 0.97},            // 49/49
	{"right at >= 0.9", 0.97, 0.965}, // 112/116 = 0.9655: target missed
	{"claims P", 0.75, 0.75},         // 0.7701 (211/274)
	{"claims R", 0.90, 0.868},        // 0.8683 (211/243): target missed
	{"level>=1 P", 0.80, 0.740},      // 0.7402 (396/535): target missed
	{"kind", 0.95, 0.974},            // 0.9748 (696/714)
}

// heldOutFiguresBatch27 are the floors of the whole held-out part as
// grown by batch 27 (session 32: n146-n157, o997-o999 and p001-p006, 2
// held-out texts, labelled blind, with sentence labels), from the
// figures of the code the batch was scored with (unchanged since session
// 29): where a target is met the floor is the target, else the figure
// rounded down. heldOutFiguresBatch26 and every earlier floor keep
// holding on the texts before the batch.
var heldOutFiguresBatch27 = []heldOutFigure{
	{"named", 0.97, 0.884},           // 307/347 = 0.8847: target missed
	{"none", 0.90, 0.873},            // 255/292 = 0.8733: target missed
	{"unnamed", 0.95, 0.923},         // 24/26 = 0.9231: target missed
	{"title", 0.97, 0.97},            // 42/42
	{"right at >= 0.9", 0.97, 0.964}, // 108/112 = 0.9643: target missed
	{"claims P", 0.75, 0.75},         // 0.7701 (211/274)
	{"claims R", 0.90, 0.868},        // 0.8683 (211/243): target missed
	{"level>=1 P", 0.80, 0.739},      // 0.7397 (395/534): target missed
	{"kind", 0.95, 0.977},            // 0.9774
}

// heldOutFiguresBatch26 are the floors of the whole held-out part as
// grown by batch 26 (session 31: n135-n145 and o988-o996, 5 held-out
// texts, labelled blind, with sentence labels), from the figures of the
// code the batch was scored with (unchanged since session 29): where a
// target is met the floor is the target, else the figure rounded down.
// heldOutFiguresBatch25 and every earlier floor keep holding on the
// texts before the batch.
var heldOutFiguresBatch26 = []heldOutFigure{
	{"named", 0.97, 0.884},           // 305/345 = 0.8841: target missed
	{"none", 0.90, 0.873},            // 255/292 = 0.8733: target missed
	{"unnamed", 0.95, 0.923},         // 24/26 = 0.9231: target missed
	{"title", 0.97, 0.97},            // 42/42
	{"right at >= 0.9", 0.97, 0.964}, // 108/112 = 0.9643: target missed
	{"claims P", 0.75, 0.75},         // 0.7695
	{"claims R", 0.90, 0.866},        // 0.8661: target missed
	{"level>=1 P", 0.80, 0.739},      // 0.7392: target missed
	{"kind", 0.95, 0.977},            // 0.9773
}

// heldOutFiguresBatch25 are the floors of the whole held-out part as
// grown by batch 25 (session 30: n126-n134 and o984-o987, 2 held-out
// texts, labelled blind, with sentence labels), scored once on main with
// no analysis change: where a target is met the floor is the target, else
// the figure rounded down. heldOutFiguresBatch24 and every earlier floor
// keep holding on the texts before the batch.
var heldOutFiguresBatch25 = []heldOutFigure{
	{"named", 0.97, 0.885},           // 303/342 = 0.8860 (0.88596): target missed
	{"none", 0.90, 0.872},            // 253/290 = 0.8724: target missed
	{"unnamed", 0.95, 0.923},         // 24/26 = 0.9231: target missed
	{"title", 0.97, 0.97},            // 42/42
	{"right at >= 0.9", 0.97, 0.963}, // 107/111 = 0.9640: target missed
	{"claims P", 0.75, 0.75},         // 0.7813
	{"claims R", 0.90, 0.865},        // 0.8658: target missed
	{"level>=1 P", 0.80, 0.736},      // 0.7367: target missed
	{"kind", 0.95, 0.977},            // 0.9771
}

// heldOutFiguresBatch24 are the floors of the whole held-out part as
// grown by batch 24 (session 29: n111-n125, o978-o983 and t116-t123, 3
// held-out texts, labelled blind, with sentence labels), from the floors
// run on the merged code: where a target is met the floor is the target,
// else the figure rounded down. heldOutFiguresBatch23 and every earlier
// floor keep holding on the texts before the batch.
var heldOutFiguresBatch24 = []heldOutFigure{
	{"named", 0.97, 0.888},           // 302/340 = 0.8882: target missed
	{"none", 0.90, 0.872},            // 253/290 = 0.8724: target missed
	{"unnamed", 0.95, 0.923},         // 24/26 = 0.9231: target missed
	{"title", 0.97, 0.97},            // 42/42
	{"right at >= 0.9", 0.97, 0.963}, // 107/111 = 0.9640: target missed
	{"claims P", 0.75, 0.75},         // 0.7800
	{"claims R", 0.90, 0.862},        // 0.8628: target missed
	{"level>=1 P", 0.80, 0.735},      // 0.7352: target missed
	{"kind", 0.95, 0.977},            // 0.9771
}

// heldOutFiguresBatch23 are the floors of the whole held-out part as
// grown by batch 23 (session 29: n090-n110, o966-o977 and t108-t115, 10
// held-out texts, labelled blind, with sentence labels), scored once after
// session 29's merges (a municipality's genitive before a steering
// document, a municipal building's proper name, a company's page headed by
// its own name; decided on dev; they move no held-out answer): where a
// target is met the floor is the target, else the figure rounded down.
// heldOutFiguresBatch22 and every earlier floor keep holding on the texts
// before the batch.
var heldOutFiguresBatch23 = []heldOutFigure{
	{"named", 0.97, 0.887},           // 300/338 = 0.8876: target missed
	{"none", 0.90, 0.872},            // 253/290 = 0.8724: target missed
	{"unnamed", 0.95, 0.923},         // 24/26 = 0.9231: target missed
	{"title", 0.97, 0.97},            // 41/41
	{"right at >= 0.9", 0.97, 0.963}, // 107/111 = 0.9640: target missed
	{"claims P", 0.75, 0.75},         // 0.7851
	{"claims R", 0.90, 0.867},        // 0.8676: target missed
	{"level>=1 P", 0.80, 0.734},      // 0.7342: target missed
	{"kind", 0.95, 0.976},            // 0.9770
}

// heldOutFiguresBatch22 are the floors of the whole held-out part as
// grown by batch 22 (session 28: n067-n089, o953-o965 and t099-t107, 18
// held-out texts, labelled blind, with sentence labels), scored once after
// session 28's merges (the party-named rule, a seat named in the
// municipality's own voice, words broken at a line end; decided on dev):
// where a target is met the floor is the target, else the figure rounded
// down. heldOutFiguresBatch21 and every earlier floor keep holding on the
// texts before the batch.
var heldOutFiguresBatch22 = []heldOutFigure{
	{"named", 0.97, 0.889},           // 298/335 = 0.8896: target missed
	{"none", 0.90, 0.874},            // 251/287 = 0.8746: target missed
	{"unnamed", 0.95, 0.920},         // 23/25 = 0.9200: target missed
	{"title", 0.97, 0.97},            // 38/38
	{"right at >= 0.9", 0.97, 0.963}, // 105/109 = 0.9633: target missed
	{"claims P", 0.75, 0.75},         // 0.7974
	{"claims R", 0.90, 0.861},        // 0.8619: target missed
	{"level>=1 P", 0.80, 0.732},      // 0.7320: target missed
	{"kind", 0.95, 0.976},            // 0.9766
}

// heldOutFiguresBatch21 are the floors of the whole held-out part as
// grown by batch 21 (session 27: n045-n066, o941-o952 and t090-t098, 13
// held-out texts, labelled blind, with sentence labels), scored once after
// session 27's merges (attribution rules for named texts and local
// parties, level senses, a segmentation rule, decided on dev): where a
// target is met the floor is the target, else the figure rounded down.
// heldOutFiguresBatch20 and every earlier floor keep holding on the texts
// before the batch.
var heldOutFiguresBatch21 = []heldOutFigure{
	{"named", 0.97, 0.8959},          // 295/327 = 0.9021: target missed; session 28: 0.8960 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.854},            // 241/282 = 0.8546: target missed
	{"unnamed", 0.95, 0.920},         // 23/25 = 0.9200: target missed
	{"title", 0.97, 0.97},            // 33/33
	{"right at >= 0.9", 0.97, 0.961}, // 100/104 = 0.9615: target missed
	{"claims P", 0.75, 0.75},         // 174/218 = 0.7982
	{"claims R", 0.90, 0.870},        // 174/200 = 0.8700: target missed
	{"level>=1 P", 0.80, 0.728},      // 367/504 = 0.7282: target missed
	{"kind", 0.95, 0.979},            // 653/667 = 0.9790
}

// heldOutFiguresBatch20 are the floors of the held-out part as grown by
// batches 19 and 20, before batch 21 (session 26: n001-n044, o913-o940 and
// t076-t089, 23 held-out texts, labelled blind, with sentence labels),
// scored once after session 26's merges (the attribution, codebook and
// report changes, decided on dev): where a target is met the floor is the
// target, else the figure rounded down. heldOutFiguresBatch18 and every
// earlier floor keep holding on the texts before the batches.
var heldOutFiguresBatch20 = []heldOutFigure{
	{"named", 0.97, 0.8999},          // 289/320 = 0.9031: target missed; session 28: 0.9000 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.857},            // 240/280 = 0.8571: target missed
	{"unnamed", 0.95, 0.916},         // 22/24 = 0.9167: target missed
	{"title", 0.97, 0.97},            // 30/30
	{"right at >= 0.9", 0.97, 0.960}, // 97/101 = 0.9604: target missed
	{"claims P", 0.75, 0.75},         // 0.7923
	{"claims R", 0.90, 0.863},        // 164/190 = 0.8632: target missed (the batches' sentence labels; 0.870 before them)
	{"level>=1 P", 0.80, 0.727},      // 364/500 = 0.7280: target missed
	{"kind", 0.95, 0.978},            // 0.9786 (a label outside DOMAIN's kinds scored as other since session 26)
}

// heldOutFiguresBatch18 are the floors of the whole held-out part as
// grown by batch 18 (session 25: m993-m999 and o898-o912, 4 held-out
// texts, document labels only; labelled blind), scored once after the
// batch was committed and session 25's rules were decided on dev: where a
// target is met the floor is the target, else the figure rounded down.
// heldOutFiguresBatch17 and every earlier floor keep holding on the texts
// before the batch.
var heldOutFiguresBatch18 = []heldOutFigure{
	{"named", 0.97, 0.9002},          // 0.9035: target missed; session 28: 0.9003 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.863},            // 0.8640 (235/272): target missed (0.8662 before the batch; 2 of its 3 party pages right)
	{"unnamed", 0.95, 0.909},         // 0.9091: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.959}, // 0.9596: target missed
	{"claims P", 0.75, 0.75},         // 0.8443
	{"claims R", 0.90, 0.870},        // 0.8704: target missed (the batch has no sentence labels)
	{"level>=1 P", 0.80, 0.721},      // 0.7216 after h-themes27 (0.7193 before it): target missed
	{"kind", 0.95, 0.971},            // 0.9715
}

// heldOutFiguresBatch17 are the floors of the whole held-out part as
// grown by batch 17 (session 24: m966-m992 and o890-o897 from h-batch26,
// 11 held-out texts with sentence labels; labelled blind), scored once
// after the batch was committed: where a target is met the floor is the
// target, else the figure rounded down. heldOutFiguresBatch16 and every
// earlier floor keep holding on the texts before the batch.
var heldOutFiguresBatch17 = []heldOutFigure{
	{"named", 0.97, 0.9002},          // 0.9035: target missed; session 28: 0.9003 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.866},            // 0.8662: target missed (0.8722 before the batch: its party pages)
	{"unnamed", 0.95, 0.904},         // 0.9048: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.959}, // 0.9596: target missed
	{"claims P", 0.75, 0.75},         // 0.8443
	{"claims R", 0.90, 0.870},        // 0.8704: target missed (0.8766 before the batch)
	{"level>=1 P", 0.80, 0.720},      // 0.7205: target missed
	{"kind", 0.95, 0.971},            // 0.9713
}

// heldOutFiguresBatch16m are the floors of the whole held-out part as
// grown by batch 16's m-texts (session 20: m934-m965 from h-attribnamed22,
// 18 held-out texts, no sentence labels; labelled blind), without batch
// 16's o-texts (o844-o889), scored once at the end of the round
// (docs/validity.md, "Attribution, round 20: texts that name their
// municipality"): where a target is met the floor is the target, else the
// figure. heldOutFiguresBatch15 and every earlier floor keep holding on
// the texts before the batch.
var heldOutFiguresBatch16m = []heldOutFigure{
	{"named", 0.97, 0.9006},          // 274/302 = 0.9073: target missed (262/289 = 0.9066 before the batch; the batch 12/13); session 21: 0.9040 (the party-branch rule, one named text); session 28: 0.9007 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.853},            // 215/252 = 0.8532: target missed (212/249 = 0.8514 before the batch; the batch 3/3)
	{"unnamed", 0.95, 0.894},         // 17/19 = 0.8947: target missed (15/17 before the batch; the batch 2/2)
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.948}, // 93/98 = 0.9490: target missed (as before the batch: none of its texts answered at >= 0.9)
	{"claims P", 0.75, 0.75},         // 0.8491 (batch 16 has no sentence labels)
	{"claims R", 0.90, 0.876},        // 0.8766: target missed
	{"level>=1 P", 0.80, 0.716},      // 0.7161: target missed (0.7189 before the batch)
}

// heldOutFiguresBatch15m are the floors of the whole held-out part as
// grown by batch 15's m-texts (session 19: m888-m933 from h-attribnamed21,
// 8 held-out texts, no sentence labels; labelled blind), without batch
// 15's o-texts (o798-o843), scored once at the end of the round
// (docs/validity.md, "Attribution, round 19: texts that name their
// municipality"): where a target is met the floor is the target, else the
// figure. heldOutFiguresBatch14 and every earlier floor keep holding on
// the texts before the batch.
var heldOutFiguresBatch15m = []heldOutFigure{
	{"named", 0.97, 0.9027},          // 262/288 = 0.9097: target missed (257/283 = 0.9081 before the batch; the batch 5/5); session 21: 0.9062 (the party-branch rule, one named text); session 28: 0.9028 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.844},            // 201/238 = 0.8445: target missed (199/236 = 0.8432 before the batch; the batch 2/2)
	{"unnamed", 0.95, 0.882},         // 15/17 = 0.8824: target missed (14/16 before the batch; the batch 1/1)
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.948}, // 93/98 = 0.9490: target missed (91/96 before the batch; the batch 2/2)
	{"claims P", 0.75, 0.75},         // 0.8491 (batch 15 has no sentence labels)
	{"claims R", 0.90, 0.876},        // 0.8766: target missed
	{"level>=1 P", 0.80, 0.722},      // 0.7223: target missed (0.7221 before the batch)
}

// heldOutFiguresBatch14o are the floors of the whole held-out part as
// grown by batch 14's o-texts (session 18: o752-o797 from h-attribnone20,
// 19 held-out texts; document labels only, labelled blind), without batch
// 14's m-texts, scored at the end of the round on main's rules (the
// round's one rule was reverted; docs/validity.md, "Attribution, round 18:
// texts that speak for no municipality"): where a target is met the floor
// is the target, else the figure. Every earlier floor keeps holding on the
// texts before the batch.
var heldOutFiguresBatch14o = []heldOutFigure{
	{"named", 0.97, 0.9010},          // 249/273 = 0.9121: target missed (247/269 before the batch; the batch 2/4); session 21: 0.9084 (the party-branch rule, one named text); session 28: 0.9011 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.846},            // 198/234 = 0.8462: target missed (185/219 = 0.8447 before the batch; the batch 13/15)
	{"unnamed", 0.95, 0.875},         // 14/16 (the batch has no unnamed text): target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.946}, // 89/94 = 0.9468: target missed (as before the batch: none of its texts answered at >= 0.9)
	{"claims P", 0.75, 0.75},         // 0.8491 (batch 14 has no sentence labels)
	{"claims R", 0.90, 0.876},        // 0.8766: target missed
	{"level>=1 P", 0.80, 0.721},      // 0.7219: target missed (0.7223 before the batch)
}

// heldOutFiguresBatch14 are the floors of the whole held-out part as
// grown by both halves of batch 14 (session 18: h-attribnamed20's
// m842-m887 and h-attribnone20's o752-o797), scored once on the merged
// rules. Each half's floors hold on the part without the other half;
// every earlier floor on the part before the batch.
var heldOutFiguresBatch14 = []heldOutFigure{
	{"named", 0.97, 0.9010},          // 257/283 = 0.9081: target missed (247/269 = 0.9182 before the batch; the batch 10/14); session 21: 0.9046 (the party-branch rule, one named text); session 28: 0.9011 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.843},            // 199/236 = 0.8432: target missed (185/219 = 0.8447 before the batch; the batch 14/17)
	{"unnamed", 0.95, 0.875},         // 14/16: target missed (the batch has no unnamed text)
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.947}, // 91/96 = 0.9479: target missed (89/94 before the batch)
	{"claims P", 0.75, 0.75},         // 0.8491 (batch 14 has no sentence labels)
	{"claims R", 0.90, 0.876},        // 0.8766: target missed
	{"level>=1 P", 0.80, 0.722},      // 0.7221: target missed (0.7223 before the batch)
}

// heldOutFiguresBatch15 are the floors of the whole held-out part after
// the session-19 merges (581 texts: batch 15's m- and o-texts with their
// rules, credit segments), from the merged run: where a target is met the
// floor is the target, else the figure rounded down. The session's start
// binary gives the same answers on the same 581 texts.
var heldOutFiguresBatch15 = []heldOutFigure{
	{"named", 0.97, 0.8996},          // 262/289 = 0.9066: target missed; session 21: 0.9031 (the party-branch rule, one named text); session 28: 0.8997 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.851},            // 212/249 = 0.8514: target missed
	{"unnamed", 0.95, 0.882},         // 15/17 = 0.8824: target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.948}, // 93/98 = 0.9490: target missed
	{"claims P", 0.75, 0.75},         // 0.8491 (batch 15 has no sentence labels)
	{"claims R", 0.90, 0.876},        // 0.8766: target missed
	{"level>=1 P", 0.80, 0.718},      // 0.7189: target missed (0.7223 before batch 15)
}

// heldOutFiguresBatch15o are the floors of the whole held-out part as
// grown by batch 15's o-texts (session 19: o798-o843 from h-attribnone21,
// 12 held-out texts; document labels only, labelled blind), without batch
// 15's m-texts (m888-m933), scored once at the end of the round
// (docs/validity.md, "Attribution, round 19: texts that speak for no
// municipality"): where a target is met the floor is the target, else the
// figure. Every earlier floor keeps holding on the texts before the batch.
var heldOutFiguresBatch15o = []heldOutFigure{
	{"named", 0.97, 0.8978},          // 257/284 = 0.9049: target missed (257/283 before the batch; the batch 0/1); session 21: 0.9014 (the party-branch rule, one named text); session 28: 0.8979 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.850},            // 210/247 = 0.8502: target missed (199/236 = 0.8432 before the batch; the batch 11/11)
	{"unnamed", 0.95, 0.875},         // 14/16 (the batch has no unnamed text): target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.947}, // 91/96 = 0.9479: target missed (as before the batch: none of its texts answered at >= 0.9)
	{"claims P", 0.75, 0.75},         // 0.8491 (batch 15 has no sentence labels)
	{"claims R", 0.90, 0.876},        // 0.8766: target missed
	{"level>=1 P", 0.80, 0.718},      // 0.7186: target missed (0.7221 before the batch)
}

// heldOutFiguresBatch16o are the floors of the whole held-out part as
// grown by batch 16's o-texts (session 20: o844-o889 from h-attribnone22,
// 17 held-out texts; document labels only, labelled blind), without batch
// 16's m-texts (m934-m979), scored once at the end of the round
// (docs/validity.md, "Attribution, round 20: texts that speak for no
// municipality"): where a target is met the floor is the target, else the
// figure. Every earlier floor keeps holding on the texts before the batch.
var heldOutFiguresBatch16o = []heldOutFigure{
	{"named", 0.97, 0.8972},          // 264/292 = 0.9041: target missed (262/289 before the batch; the batch 2/3); session 21: 0.9007 (the party-branch rule, one named text); session 28: 0.8973 (the party-named rule: held-out named -2, none +5; docs/validity.md)
	{"none", 0.90, 0.859},            // 226/263 = 0.8593: target missed (212/249 = 0.8514 before the batch; the batch 14/14)
	{"unnamed", 0.95, 0.882},         // 15/17 (the batch has no unnamed text): target missed
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.948}, // 93/98 = 0.9490: target missed (as before the batch: none of its texts answered at >= 0.9)
	{"claims P", 0.75, 0.75},         // 0.8491 (batch 16 has no sentence labels)
	{"claims R", 0.90, 0.876},        // 0.8766: target missed
	{"level>=1 P", 0.80, 0.711},      // 0.7119: target missed (0.7189 before the batch)
}

// heldOutBatchFloors pairs each batch from 17 on, newest first, with the
// held-out floors set before it came.
var heldOutBatchFloors = []struct {
	name   string
	batch  func(string) bool
	floors []heldOutFigure
}{
	// heldOutFiguresBatch33 (session 36) was set before batch 34 (session 37).
	{"34", batch34, heldOutFiguresBatch33},
	// heldOutFiguresBatch32 (session 35) was set before batch 33 (session 36).
	{"33", batch33, heldOutFiguresBatch32},
	// heldOutFiguresBatch31 (session 34) was set before batch 32 (session 35).
	{"32", batch32, heldOutFiguresBatch31},
	// heldOutFiguresBatch30 (session 33) was set before batch 31 (session 34).
	{"31", batch31, heldOutFiguresBatch30},
	// heldOutFiguresBatch29 (session 32) was set before batch 30 (session 33).
	{"30", batch30, heldOutFiguresBatch29},
	// heldOutFiguresBatch28 (session 32) was set before batch 29 (session 32).
	{"29", batch29, heldOutFiguresBatch28},
	// heldOutFiguresBatch27 (session 32) was set before batch 28 (session 32).
	{"28", batch28, heldOutFiguresBatch27},
	// heldOutFiguresBatch26 (session 31) was set before batch 27 (session 32).
	{"27", batch27, heldOutFiguresBatch26},
	// heldOutFiguresBatch25 (session 30) was set before batch 26 (session 31).
	{"26", batch26, heldOutFiguresBatch25},
	// heldOutFiguresBatch24 (session 29) was set before batch 25 (session 30).
	{"25", batch25, heldOutFiguresBatch24},
	// heldOutFiguresBatch23 (session 29) before batch 24 (session 29).
	{"24", batch24, heldOutFiguresBatch23},
	// heldOutFiguresBatch22 (session 28) before batch 23 (session 29).
	{"23", batch23, heldOutFiguresBatch22},
	// heldOutFiguresBatch21 (session 27) before batch 22 (session 28).
	{"22", batch22, heldOutFiguresBatch21},
	// heldOutFiguresBatch20 (session 26, after batches 19 and 20) before
	// batch 21 (session 27).
	{"21", batch21, heldOutFiguresBatch20},
	// The part before batch 20 is logged only.
	{"20", batch20, unfloored(heldOutFiguresBatch18)},
	// heldOutFiguresBatch18 before batch 19 (session 26).
	{"19", batch19, heldOutFiguresBatch18},
	// heldOutFiguresBatch17 before batch 18 (session 25).
	{"18", batch18, heldOutFiguresBatch17},
	// Every earlier floor was set before batch 17 (session 24).
	{"17", batch17, heldOutFiguresBatch16},
}

// TestHeldOut scores the held-out part of testdata/realtexts (aggregates
// only: no per-text line is printed or read) and fails when a figure
// falls below its floor: heldOutFiguresBatch34 on the whole part, the
// floors of heldOutBatchFloors on the part before each batch from 17 to
// 34 (the part before batch 20 is logged only, against the targets),
// heldOutFiguresBatch16o on the part without batch
// 16's m-texts, heldOutFiguresBatch15 on the part before batch 16 (set
// from the session-19 merged run), heldOutFiguresBatch15m on the part without batch
// 15's o-texts, heldOutFiguresBatch15o on the part without its m-texts,
// heldOutFiguresBatch14 on the part before batch 15,
// heldOutFiguresBatch14m on the part without batch
// 14's o-texts, heldOutFiguresBatch14o on the part without its m-texts,
// heldOutFiguresBatch13 on the part before batch 14,
// heldOutFiguresBatch13m on the part without batch 13's o-texts,
// heldOutFiguresBatch13o on the part without its m-texts,
// heldOutFiguresBatch12 on the part before batch 13,
// heldOutFiguresBatch12m on the part without batch 12's o-texts,
// heldOutFiguresBatch12o on the part without its m-texts,
// heldOutFiguresBatch11 on the texts before batch 12,
// heldOutFiguresBatch11m on the texts before batch 11's o-texts,
// heldOutFiguresBatch11o on those before its m-texts,
// heldOutFiguresBatch10 on the texts before batch 11,
// heldOutFiguresBatch10o on the texts before batch 10's m-texts,
// heldOutFiguresBatch10m on those before its o-texts,
// heldOutFiguresBatch9 on the texts before batch 10,
// heldOutFiguresBatch8 on the texts before batch 9, heldOutFiguresBatch7
// on the texts before batch 8, heldOutFiguresGrown on the texts before
// batch 7, heldOutFigures on the texts before batch 6. It logs each
// figure against the target, met or missed.
func TestHeldOut(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses the whole held-out part")
	}
	if raceDetector {
		t.Skip("one goroutine scores the whole part: nothing for the race detector; the floors are checked without -race (make test)")
	}
	all, whole := analyseRealSplit(t, "heldout")
	checkHeldOut(t, "all", all, whole, heldOutFiguresBatch34)
	// Each batch's floors hold on the part before the next batch: the
	// texts are peeled off newest first.
	for _, b := range heldOutBatchFloors {
		all, whole = all.without(t, "heldout", b.batch)
		checkHeldOut(t, "before batch "+b.name, all, whole, b.floors)
	}
	// The floors of each half of batch 16 were set on the part without the
	// other half; every earlier floor was set before batch 16.
	b16m, ev16m := all.without(t, "heldout", batch16Other)
	checkHeldOut(t, "before batch 16o", b16m, ev16m, heldOutFiguresBatch16m)
	b16o, ev16o := all.without(t, "heldout", batch16m)
	checkHeldOut(t, "before batch 16m", b16o, ev16o, heldOutFiguresBatch16o)
	all, whole = all.without(t, "heldout", either(batch16m, batch16Other))
	checkHeldOut(t, "before batch 16", all, whole, heldOutFiguresBatch15)
	// The floors of each half of batch 15 were set on the part without the
	// other half; every earlier floor was set before batch 15.
	b15m, ev15m := all.without(t, "heldout", batch15Other)
	checkHeldOut(t, "before batch 15o", b15m, ev15m, heldOutFiguresBatch15m)
	b15o, ev15o := all.without(t, "heldout", batch15m)
	checkHeldOut(t, "before batch 15m", b15o, ev15o, heldOutFiguresBatch15o)
	all, whole = all.without(t, "heldout", either(batch15m, batch15Other))
	checkHeldOut(t, "before batch 15", all, whole, heldOutFiguresBatch14)
	// The floors of each half of batch 14 were set on the part without the
	// other half; every earlier floor was set before batch 14.
	b14m, ev14m := all.without(t, "heldout", batch14Other)
	checkHeldOut(t, "before batch 14o", b14m, ev14m, heldOutFiguresBatch14m)
	b14o, ev14o := all.without(t, "heldout", batch14m)
	checkHeldOut(t, "before batch 14m", b14o, ev14o, heldOutFiguresBatch14o)
	all, whole = all.without(t, "heldout", either(batch14m, batch14Other))
	checkHeldOut(t, "before batch 14", all, whole, heldOutFiguresBatch13)
	// The floors of each half of batch 13 were set on the part without the
	// other half; every earlier floor was set before batch 13.
	b13m, ev13m := all.without(t, "heldout", batch13Other)
	checkHeldOut(t, "before batch 13o", b13m, ev13m, heldOutFiguresBatch13m)
	b13o, ev13o := all.without(t, "heldout", batch13m)
	checkHeldOut(t, "before batch 13m", b13o, ev13o, heldOutFiguresBatch13o)
	all, whole = all.without(t, "heldout", either(batch13m, batch13Other))
	checkHeldOut(t, "before batch 13", all, whole, heldOutFiguresBatch12)
	// The floors of each half of batch 12 were set on the part without the
	// other half; every earlier floor was set before batch 12.
	b12m, ev12m := all.without(t, "heldout", batch12Other)
	checkHeldOut(t, "before batch 12o", b12m, ev12m, heldOutFiguresBatch12m)
	b12o, ev12o := all.without(t, "heldout", batch12m)
	checkHeldOut(t, "before batch 12m", b12o, ev12o, heldOutFiguresBatch12o)
	all, whole = all.without(t, "heldout", either(batch12m, batch12Other))
	checkHeldOut(t, "before batch 12", all, whole, heldOutFiguresBatch11)
	// The floors of each half of batch 11 were set on the part without the
	// other half; every earlier floor was set before batch 11.
	b11m, ev11m := all.without(t, "heldout", batch11Other)
	checkHeldOut(t, "before batch 11o", b11m, ev11m, heldOutFiguresBatch11m)
	b11o, ev11o := all.without(t, "heldout", batch11m)
	checkHeldOut(t, "before batch 11m", b11o, ev11o, heldOutFiguresBatch11o)
	all, whole = all.without(t, "heldout", batch11)
	checkHeldOut(t, "before batch 11", all, whole, heldOutFiguresBatch10)
	b10o, ev10o := all.without(t, "heldout", batch10m)
	checkHeldOut(t, "before batch 10m", b10o, ev10o, heldOutFiguresBatch10o)
	b10m, ev10m := all.without(t, "heldout", batch10Other)
	checkHeldOut(t, "before batch 10o", b10m, ev10m, heldOutFiguresBatch10m)
	b9, ev9 := all.without(t, "heldout", batch10)
	checkHeldOut(t, "before batch 10", b9, ev9, heldOutFiguresBatch9)
	b8, ev8 := all.without(t, "heldout", batch9to10)
	checkHeldOut(t, "before batch 9", b8, ev8, heldOutFiguresBatch8)
	b7, ev7 := all.without(t, "heldout", either(batch8, batch9to10))
	checkHeldOut(t, "before batch 8", b7, ev7, heldOutFiguresBatch7)
	grown, evGrown := all.without(t, "heldout", either(batch7or8, batch9to10))
	checkHeldOut(t, "before batch 7", grown, evGrown, heldOutFiguresGrown)
	before, ev := all.without(t, "heldout", either(batch6to8, batch9to10))
	checkHeldOut(t, "before batch 6", before, ev, heldOutFigures)
}

// unfloored copies figures with every floor at 0: checkHeldOut then logs
// a part's figures against the targets without checking them.
func unfloored(figures []heldOutFigure) []heldOutFigure {
	out := slices.Clone(figures)
	for i := range out {
		out[i].floor = 0
	}
	return out
}

// checkHeldOut logs and checks one part's figures against their floors.
func checkHeldOut(t *testing.T, part string, got *realSplit, ev *RealEval, figures []heldOutFigure) {
	t.Helper()
	figs := themeFigures(got, ev)
	for _, s := range ev.Municipality {
		if s.N == 0 {
			continue
		}
		figs[s.Category] = float64(s.Accuracy)
	}
	if n, right := ev.NearCertain(); n > 0 {
		figs["right at >= 0.9"] = float64(right) / float64(n)
	}
	figs["kind"] = float64(ev.KindAccuracy)
	for _, f := range figures {
		v, ok := figs[f.name]
		if !ok {
			t.Errorf("%s, %s: not measured (no held-out texts of that kind?)", part, f.name)
			continue
		}
		met := "met"
		if v < f.target-1e-9 {
			met = "MISSED"
		}
		t.Logf("held-out (%s) %s: %.4f (target %.2f %s, floor %.3f)", part, f.name, v, f.target, met, f.floor)
		if v < f.floor-1e-9 {
			t.Errorf("held-out (%s) %s fell to %.4f, below its floor %.3f", part, f.name, v, f.floor)
		}
	}
}
