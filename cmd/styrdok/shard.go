package main

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/reports"
)

// Sharding: `styrdok run --shard K/N` analyses the files whose shard
// (shardOf) is K and writes them, analyses and failures, into one Parquet
// part, OUT/part-K-of-N.parquet; `styrdok merge` (merge.go) reads the N
// parts and writes every report from them, byte for byte what one run
// over all the files writes (run.json aside: it records times and
// folders). A part holds everything the reports need: each document's
// analysis in the store's encoding (analysis.EncodeAnalysis, after the
// run's attribution threshold and date are applied), each failed file
// with its reason, and in its metadata the options that must agree
// across the shards (pipeline version, codebook, limits, as-of,
// attribution threshold) and a fingerprint of the inputs every shard
// listed, so that merge can refuse parts that do not make one run.

// partFormat names the part layout; merge reads only this one.
const partFormat = "styrdok-part/1"

// partMetaKey is the Parquet key-value metadata entry holding partMeta.
const partMetaKey = "styrdok.part"

// shardSpec is --shard K/N (K from 1); the zero value is no sharding.
type shardSpec struct{ K, N int }

// maxShards bounds N: a part name has four digits, and more shards than
// that would be more processes than documents for any real corpus.
const maxShards = 9999

// parseShard parses --shard: "" is no sharding, else K/N with 1 ≤ K ≤ N.
func parseShard(s string) (shardSpec, error) {
	if s == "" {
		return shardSpec{}, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, errK := strconv.Atoi(strings.TrimSpace(ks))
	n, errN := strconv.Atoi(strings.TrimSpace(ns))
	if !ok || errK != nil || errN != nil || n < 1 || n > maxShards || k < 1 || k > n {
		return shardSpec{}, fmt.Errorf("--shard %q: want K/N with 1 ≤ K ≤ N ≤ %d (the K-th of N shards, e.g. 3/4)", s, maxShards)
	}
	return shardSpec{K: k, N: n}, nil
}

// on reports whether sharding is asked for.
func (s shardSpec) on() bool { return s.N > 0 }

func (s shardSpec) String() string { return fmt.Sprintf("%d/%d", s.K, s.N) }

// partName is the part file of shard K of N: zero-padded, so the parts
// of one run sort in shard order and never collide when gathered.
func partName(k, n int) string { return fmt.Sprintf("part-%04d-of-%04d.parquet", k, n) }

// shardKey is what a file's shard is decided by: its path relative to
// the PATH it was found under (the longest such PATH, so that the order
// of the PATHs does not matter), with forward slashes; a file given as a
// PATH itself is keyed by its name. So the shard does not depend on where
// the corpus is mounted, on the listing order or on the machine.
func shardKey(roots []string, path string) string {
	best, key := -1, filepath.Base(path)
	for _, r := range roots {
		rel, err := filepath.Rel(r, path)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		if rel == "." {
			rel = filepath.Base(path)
		}
		if len(r) > best {
			best, key = len(r), rel
		}
	}
	return filepath.ToSlash(key)
}

// shardOf is the shard (1 to n) of a key: the first 8 bytes of its
// SHA-256, modulo n. A cryptographic hash, not Go's map hash, so that it
// is the same in every process and on every machine, and spreads
// similar names (plan-0001.txt, plan-0002.txt) evenly.
func shardOf(key string, n int) int {
	sum := sha256.Sum256([]byte(key))
	return int(binary.BigEndian.Uint64(sum[:8])%uint64(n)) + 1
}

// split keeps the files and walk problems of shard s. It also
// fingerprints everything the walk found (every shard computes the same
// fingerprint when it listed the same inputs), for merge to check.
func (s shardSpec) split(roots, files []string, problems []*ingest.FileError) ([]string, []*ingest.FileError, partInputs) {
	keys := make([]string, 0, len(files)+len(problems))
	var keptFiles []string
	for _, f := range files {
		k := shardKey(roots, f)
		keys = append(keys, k)
		if shardOf(k, s.N) == s.K {
			keptFiles = append(keptFiles, f)
		}
	}
	var keptProblems []*ingest.FileError
	for _, p := range problems {
		k := shardKey(roots, p.Path)
		keys = append(keys, "\x00"+k) // a problem is not the same input as a file of that name
		if shardOf(k, s.N) == s.K {
			keptProblems = append(keptProblems, p)
		}
	}
	slices.Sort(keys)
	h := sha256.New()
	for _, k := range keys {
		h.Write([]byte(k))
		h.Write([]byte{'\n'})
	}
	return keptFiles, keptProblems, partInputs{Listed: len(keys), Hash: hex.EncodeToString(h.Sum(nil))}
}

// partInputs fingerprints the inputs a shard listed (all of them, not
// only its own): how many, and a hash of their keys (shardKey).
type partInputs struct {
	Listed int    `json:"listed"`
	Hash   string `json:"sha256"`
}

// partMeta is a part's metadata (JSON under partMetaKey).
type partMeta struct {
	Format string `json:"format"`
	Shard  int    `json:"shard"`
	Of     int    `json:"of"`
	// What must agree across the parts of one run.
	Version       string     `json:"styrdok_version"`
	CodebookHash  string     `json:"codebook_sha256"`
	Limits        string     `json:"limits"`
	AsOf          string     `json:"as_of"`
	MinConfidence string     `json:"min_confidence"`
	Inputs        partInputs `json:"inputs"`
	// What the part holds, checked when it is read.
	Documents int `json:"documents"`
	Failures  int `json:"failures"`
	// The shard's run, for the merged run.json: its PATHs and options.
	Args    []string          `json:"args"`
	Options map[string]string `json:"options"`
}

// partRow is one row of a part: a document (kind "document", its
// analysis encoded) or a failed file (kind "failure", its reason). The
// plain columns beside the encoded analysis are for DuckDB and other
// readers of the parts; merge reads the analysis.
type partRow struct {
	Kind             string  `parquet:"kind"`
	Document         string  `parquet:"document"`
	SHA256           *string `parquet:"sha256,optional"`
	MunicipalityCode *string `parquet:"municipality_code,optional"`
	CountyCode       *string `parquet:"county_code,optional"`
	Status           *string `parquet:"status,optional"`
	Reason           *string `parquet:"reason,optional"`
	Analysis         []byte  `parquet:"analysis,optional"`
}

// Kinds of part rows.
const (
	partDocument = "document"
	partFailure  = "failure"
)

// partBatch is how many rows are handed to the Parquet writer at once:
// the encoded analyses are tens of kilobytes each.
const partBatch = 64

// writePart writes rep's documents and failures as a part.
func writePart(w *os.File, rep *reports.Report, meta partMeta) error {
	meta.Format, meta.Documents, meta.Failures = partFormat, len(rep.Documents), len(rep.Failures)
	mj, err := json.Marshal(meta)
	if err != nil {
		return err
	}
	pw := parquet.NewGenericWriter[partRow](w, parquet.Compression(&parquet.Snappy), parquet.CreatedBy("styrdok", Version, ""),
		parquet.KeyValueMetadata(partMetaKey, string(mj)))
	rows := make([]partRow, 0, partBatch)
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		_, err := pw.Write(rows)
		rows = rows[:0]
		return err
	}
	// The full analyses, one at a time: rep.Documents may hold summaries
	// only, with the analyses in rep.Source (a run's spill).
	err = rep.EachFull(func(_ int, d *analysis.DocumentAnalysis) error {
		rows = append(rows, partRow{Kind: partDocument, Document: d.File, SHA256: optional(d.SHA256),
			MunicipalityCode: optional(d.Municipality.Code), CountyCode: optional(d.Municipality.CountyCode),
			Analysis: analysis.EncodeAnalysis(d)})
		if len(rows) == partBatch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range rep.Failures {
		rows = append(rows, partRow{Kind: partFailure, Document: f.File, Status: optional(f.Status()), Reason: &f.Reason})
		if len(rows) == partBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return pw.Close()
}

// optional is s, or nil (null) for "".
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// writeShardOutputs writes a shard run's outputs into out as
// writeReports writes a run's reports (through a staging folder, then
// moved in whole): the part, and with --format parquet the shard's own
// tidy Parquet tables, which DuckDB can read across the shards' folders.
func writeShardOutputs(ctx context.Context, out string, rep *reports.Report, meta partMeta, parquetTables bool) ([]corpus.OutputFile, []string, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	staging, err := os.MkdirTemp(out, stagingPrefix)
	if err != nil {
		return nil, nil, fmt.Errorf("output folder %s: %w", out, err)
	}
	defer os.RemoveAll(staging)
	name := partName(meta.Shard, meta.Of)
	path := filepath.Join(staging, name)
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, fmt.Errorf("output folder %s: %w", out, err)
	}
	if err := writePart(f, rep, meta); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", filepath.Join(out, name), err)
	}
	if err := f.Close(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", filepath.Join(out, name), err)
	}
	written, err := hashFile(path)
	if err != nil {
		return nil, nil, err
	}
	outputs := []corpus.OutputFile{written}
	if parquetTables {
		tables, err := reports.WriteParquet(staging, rep)
		if err != nil {
			return nil, nil, err
		}
		outputs = append(outputs, tables...)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	slices.SortFunc(outputs, func(a, b corpus.OutputFile) int { return strings.Compare(a.Name, b.Name) })
	removed, err := publish(staging, out, outputs)
	if err != nil {
		return nil, nil, err
	}
	return outputs, removed, nil
}
