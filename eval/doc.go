// Package eval scores styrdok's analyses against human coding: it reads
// the gold formats (segment themes, theme levels, document metadata, and
// the labelled real set of texts with their sentences) and computes the
// agreement statistics (confusion tables, precision, recall, F1, Cohen's
// and weighted kappa, Wilson intervals of shares); it imports analysis,
// never the other way.
//
// eval.go holds the statistics (Confusion, PRF, Stat, which is null in
// JSON when undefined), the gold TSV formats that ParseGold detects from
// the header, DocIndex (a gold row's file name, path or hash prefix to
// an analysed document), and EvalSegments, EvalLevels and EvalMetadata,
// one per gold kind. interval.go holds Wilson, the 95% interval every
// attribution share is printed with. real.go loads the labelled real set (LoadRealSet:
// documents-<part>.tsv and sentences-<part>.tsv, or the older labels.tsv)
// and scores analyses of it (EvalReal: municipality attribution per
// category and by confidence, levels, and sentence themes, mapping the
// labels' byte offsets in the stored texts onto ingest's clean text).
// `styrdok eval` (cmd/styrdok) is the one caller; docs/eval.md describes
// the formats and statistics. The tests here also hold the floors that
// analysis must keep on the dev and silver sets (TestThemesDev,
// TestAttributionSilver) and the held-out check (TestHeldOut: floors that fail a regression, targets logged).
package eval
