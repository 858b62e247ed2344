package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/internal/duckdbcheck"
	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

// shardCorpus is a generated corpus of n texts and pdfs PDFs in a
// subfolder, with a few files that fail or are skipped, so that the
// parts carry failures as well as documents.
func shardCorpus(t *testing.T, n, pdfs int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := gen.Generate(gen.Options{Source: "../../testdata/corpus", Out: filepath.Join(dir, "plans"), Texts: n, PDFs: pdfs, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"empty.txt": "", "picture.png": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "broken.pdf": "%PDF-1.4\n1 0 obj\n<<"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runShards runs `styrdok run --shard K/N` for every K into
// root/shard-K and returns the folders.
func runShards(t *testing.T, root string, n int, args ...string) []string {
	t.Helper()
	var outs []string
	for k := 1; k <= n; k++ {
		out := filepath.Join(root, fmt.Sprintf("shard-%d", k))
		a := append([]string{"run", "--quiet", "--shard", fmt.Sprintf("%d/%d", k, n), "--out", out}, args...)
		// Exit 1 when the shard has one of the failing files.
		if code, stderr := runStyrdok(t, a...); code != exitOK && code != exitFailure {
			t.Fatalf("styrdok %v: exit %d: %s", a, code, stderr)
		}
		outs = append(outs, out)
	}
	return outs
}

// TestShardMergeIdentity: a corpus analysed in 4 shards and merged gives
// every report of one run over all of it, byte for byte (run.json
// records times and folders: compared without them). The corpus is 200
// documents; STYRDOK_SHARD_DOCS=2000 runs it at the size issue 17 asks
// (make bench does that too, tools/bench shardCheck).
func TestShardMergeIdentity(t *testing.T) {
	n := 200
	if v := os.Getenv("STYRDOK_SHARD_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatal(err)
		}
	}
	corpusDir := shardCorpus(t, n, 6)
	root := t.TempDir()
	single := filepath.Join(root, "single")
	common := []string{"--as-of", "2026-06-01", "--format", "csv,parquet"}
	if code, stderr := runStyrdok(t, append([]string{"run", "--quiet", "--no-store", "--out", single, corpusDir}, common...)...); code != exitFailure {
		t.Fatalf("single run: exit %d: %s", code, stderr)
	}
	shards := runShards(t, root, 4, append([]string{corpusDir}, common...)...)
	// Every shard has a share, and the shares add up to the corpus.
	docs := 0
	for k, s := range shards {
		m, err := readPartMeta(filepath.Join(s, partName(k+1, 4)))
		if err != nil {
			t.Fatal(err)
		}
		if m.Documents == 0 {
			t.Errorf("shard %d of 4 has no documents", k+1)
		}
		docs += m.Documents
	}
	if want := n + 6; docs != want {
		t.Errorf("the parts hold %d documents, the corpus %d", docs, want)
	}
	merged := filepath.Join(root, "merged")
	code, stderr := runStyrdok(t, "merge", "--quiet", "--format", "csv,parquet", "--out", merged, root+string(filepath.Separator)+"shard-1", shards[1], shards[2], shards[3])
	if code != exitFailure || !strings.Contains(stderr, "empty.txt") || !strings.Contains(stderr, "broken.pdf") {
		t.Fatalf("merge: exit %d (want 1: files failed), stderr %q", code, stderr)
	}
	compareFolders(t, single, merged)
}

// compareFolders checks that b holds the files of a with the same bytes,
// run.json without its times and output options.
func compareFolders(t *testing.T, a, b string) {
	t.Helper()
	names := func(dir string) []string {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".") {
				out = append(out, e.Name())
			}
		}
		return out
	}
	na, nb := names(a), names(b)
	if !slices.Equal(na, nb) {
		t.Fatalf("files differ:\n single %v\n merged %v", na, nb)
	}
	if len(na) < 15 {
		t.Fatalf("only %d files written: %v", len(na), na)
	}
	for _, name := range na {
		da, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		db, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "run.json" {
			da, db = runJSONWithoutTimes(t, da), runJSONWithoutTimes(t, db)
		}
		if !bytes.Equal(da, db) {
			t.Errorf("%s differs between the single run and the merge (%d and %d bytes)", name, len(da), len(db))
		}
	}
}

// runJSONWithoutTimes is run.json without what differs between two runs
// of the same inputs: the times, the output folder and how it was run.
func runJSONWithoutTimes(t *testing.T, data []byte) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "started_at")
	delete(m, "finished_at")
	opts, _ := m["options"].(map[string]any)
	for _, k := range []string{"out", "no-store", "quiet"} {
		delete(opts, k)
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestShardSelection: the shards partition the inputs; a file's shard
// depends on its path under its PATH only, not on where the corpus
// lies, on the order of the PATHs or on the other files.
func TestShardSelection(t *testing.T) {
	rels := []string{"a.txt", "b.txt", "sub/c.pdf", "sub/deeper/d.docx", "e.html", "f.md", "g.txt", "h.txt", "i.txt", "j.txt", "k.txt", "l.txt"}
	tree := func(root string) []string {
		var files []string
		for _, r := range rels {
			files = append(files, filepath.Join(root, filepath.FromSlash(r)))
		}
		return files
	}
	problems := []*ingest.FileError{{Path: filepath.Join("/data/corpus", "loop"), Reason: "symlink loop"}}
	const n = 3
	seen := map[string]int{}
	var first [][]string
	for k := 1; k <= n; k++ {
		files, probs, in := shardSpec{k, n}.split([]string{"/data/corpus"}, tree("/data/corpus"), problems)
		// The same corpus elsewhere, given with another PATH first.
		files2, _, in2 := shardSpec{k, n}.split([]string{"/elsewhere", "/mnt/x/corpus"}, tree("/mnt/x/corpus"), []*ingest.FileError{{Path: "/mnt/x/corpus/loop"}})
		if in != in2 {
			t.Errorf("shard %d: inputs fingerprint depends on the mount point: %+v and %+v", k, in, in2)
		}
		if len(files) != len(files2) {
			t.Errorf("shard %d: %d files under /data/corpus, %d under /mnt/x/corpus", k, len(files), len(files2))
		}
		for i := range min(len(files), len(files2)) {
			if a, b := strings.TrimPrefix(files[i], "/data/corpus"), strings.TrimPrefix(files2[i], "/mnt/x/corpus"); a != b {
				t.Errorf("shard %d: %s here, %s there", k, a, b)
			}
		}
		for _, f := range files {
			seen[f]++
		}
		for _, p := range probs {
			seen[p.Path]++
		}
		first = append(first, files)
	}
	for _, f := range append(tree("/data/corpus"), problems[0].Path) {
		if seen[f] != 1 {
			t.Errorf("%s is in %d shards, want 1", f, seen[f])
		}
	}
	// One more file changes the fingerprint but moves no other file.
	more := append(tree("/data/corpus"), "/data/corpus/zz-new.txt")
	for k := 1; k <= n; k++ {
		files, _, in := shardSpec{k, n}.split([]string{"/data/corpus"}, more, problems)
		_, _, old := shardSpec{k, n}.split([]string{"/data/corpus"}, tree("/data/corpus"), problems)
		if in == old {
			t.Errorf("shard %d: the fingerprint did not change with a file added", k)
		}
		files = slices.DeleteFunc(files, func(f string) bool { return f == "/data/corpus/zz-new.txt" })
		if !slices.Equal(files, first[k-1]) {
			t.Errorf("shard %d: adding a file moved others: %v, was %v", k, files, first[k-1])
		}
	}
	// A file given as a PATH is keyed by its name.
	if k := shardKey([]string{"/x/plan.pdf"}, "/x/plan.pdf"); k != "plan.pdf" {
		t.Errorf("shardKey of a PATH that is a file: %q", k)
	}
	if k := shardKey([]string{"/x", "/x/sub"}, "/x/sub/a.txt"); k != "a.txt" {
		t.Errorf("shardKey under nested PATHs: %q, want the longest PATH's a.txt", k)
	}
}

func TestShardFlag(t *testing.T) {
	for _, s := range []string{"0/4", "5/4", "1/0", "x/4", "1", "1/4/2", "-1/4", "1/10000"} {
		code, stderr := runStyrdok(t, "run", "--shard", s, "--out", t.TempDir(), "../../testdata/corpus")
		if code != exitUsage || !strings.Contains(stderr, "--shard") {
			t.Errorf("--shard %s: exit %d, stderr %q; want a usage error", s, code, stderr)
		}
	}
	for _, s := range []string{"1/1", "3/4", "9999/9999"} {
		if _, err := parseShard(s); err != nil {
			t.Errorf("--shard %s: %v", s, err)
		}
	}
	code, stdout, _ := run(t, "", "run", "--help")
	for _, f := range []string{"--cpuprofile", "--memprofile", "--shard"} {
		if code != exitOK || !strings.Contains(stdout, "  -"+strings.TrimLeft(f, "-")) {
			t.Errorf("run --help does not list %s", f)
		}
	}
}

// TestMergeRefuses: parts that do not make one run are refused with an
// error naming the part and the reason, and nothing is written.
func TestMergeRefuses(t *testing.T) {
	corpusDir := shardCorpus(t, 12, 0)
	root := t.TempDir()
	shards := runShards(t, root, 3, corpusDir, "--as-of", "2026-06-01")
	part := func(k int) string { return filepath.Join(shards[k-1], partName(k, 3)) }
	// Shard 2 again, with another date, and shard 2 of a 2-way split.
	otherDate := runShards(t, filepath.Join(root, "date"), 3, corpusDir, "--as-of", "2025-01-01")
	twoWay := runShards(t, filepath.Join(root, "two"), 2, corpusDir, "--as-of", "2026-06-01")
	// Shard 3 after a file was added to the corpus.
	if err := os.WriteFile(filepath.Join(corpusDir, "added.txt"), []byte("Integrationsplan för Tierps kommun. Kommunen ska erbjuda språkkafé."), 0o644); err != nil {
		t.Fatal(err)
	}
	added := runShards(t, filepath.Join(root, "added"), 3, corpusDir, "--as-of", "2026-06-01")
	notPart := filepath.Join(root, "single", "documents.parquet")
	if code, stderr := runStyrdok(t, "run", "--quiet", "--no-store", "--format", "parquet", "--out", filepath.Join(root, "single"), "../../testdata/corpus"); code != exitOK {
		t.Fatal(stderr)
	}
	codebook := filepath.Join(root, "codebook.yaml")
	_, yaml, _ := run(t, "", "themes", "--yaml")
	if err := os.WriteFile(codebook, []byte(strings.Replace(yaml, "\n    terms:\n", "\n    terms:\n      - {term: jobbcoach}\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"missing", []string{part(1), part(3)}, []string{"1 of the 3 shards missing", "part-0002-of-0003.parquet"}},
		{"extra part", []string{part(1), part(2), part(3), filepath.Join(otherDate[0], partName(1, 3))}, []string{"different --as-of", "2026-06-01", "2025-01-01"}},
		{"duplicate", []string{shards[0], part(2), part(3), copyTo(t, part(2), filepath.Join(root, "copy"))}, []string{"shard 2 of 3 given twice"}},
		{"as-of", []string{part(1), filepath.Join(otherDate[1], partName(2, 3)), part(3)}, []string{"different --as-of", partName(2, 3)}},
		{"shards", []string{part(1), part(2), part(3), filepath.Join(twoWay[1], partName(2, 2))}, []string{"different numbers of shards", "\"3\" and \"2\""}},
		{"inputs", []string{part(1), part(2), filepath.Join(added[2], partName(3, 3))}, []string{"listed different inputs", "same PATHs"}},
		{"not a part", []string{part(1), notPart}, []string{"documents.parquet: not a styrdok part"}},
		{"not parquet", []string{part(1), filepath.Join(corpusDir, "empty.txt")}, []string{"empty.txt: not a Parquet file"}},
		{"codebook", []string{"--codebook", codebook, shards[0], shards[1], shards[2]}, []string{"analysed with codebook", "--codebook " + codebook, "give merge the shards' --codebook"}},
		{"empty folder", []string{t.TempDir()}, []string{"no part files"}},
	}
	for _, c := range cases {
		out := filepath.Join(root, "out-"+strings.ReplaceAll(c.name, " ", "-"))
		code, stderr := runStyrdok(t, append([]string{"merge", "--out", out}, c.args...)...)
		if code != exitFailure {
			t.Errorf("%s: exit %d, want %d (%s)", c.name, code, exitFailure, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: error %q does not say %q", c.name, stderr, w)
			}
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: %s written", c.name, out)
		}
	}
	// The right parts, in any order and given as files or folders, merge.
	if code, stderr := runStyrdok(t, "merge", "--quiet", "--out", filepath.Join(root, "ok"), part(3), shards[0], part(2)); code != exitFailure || !strings.Contains(stderr, "empty.txt") {
		t.Errorf("merge of the right parts: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(root, "ok", "report.html")); err != nil {
		t.Error(err)
	}
	// A shard run again once the corpus changed (added.txt) writes a
	// part with the new inputs; run again after that, it finds the part
	// up to date (its store and the part's hash) and leaves it.
	m0, err := readPartMeta(part(1))
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr := runStyrdok(t, "run", "--shard", "1/3", "--as-of", "2026-06-01", "--out", shards[0], corpusDir); strings.Contains(stderr, "up to date") {
		t.Errorf("shard 1 after a file was added: %s", stderr)
	}
	m1, err := readPartMeta(part(1))
	if err != nil {
		t.Fatal(err)
	}
	if m1.Inputs.Listed != m0.Inputs.Listed+1 {
		t.Errorf("inputs before %+v, after a file was added %+v", m0.Inputs, m1.Inputs)
	}
	written, err := os.ReadFile(part(1))
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr := runStyrdok(t, "run", "--shard", "1/3", "--as-of", "2026-06-01", "--out", shards[0], corpusDir); !strings.Contains(stderr, "up to date") {
		t.Errorf("shard 1 run again: not up to date: %s", stderr)
	}
	if again, err := os.ReadFile(part(1)); err != nil || !bytes.Equal(again, written) {
		t.Errorf("the part changed on an up-to-date run (%v)", err)
	}
}

// copyTo copies file into dir and returns the copy's path.
func copyTo(t *testing.T, file, dir string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, filepath.Base(file))
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestPartsInDuckDB reads the parts with DuckDB, as docs/shards.md says
// one can: every row, the plain columns and the analyses as BLOBs. It
// runs when STYRDOK_PARQUETCHECK names tools/parquetcheck with its npm
// dependencies installed (.ci/run), as reports' TestParquetInDuckDB.
func TestPartsInDuckDB(t *testing.T) {
	duckdbcheck.Require(t)
	corpusDir := shardCorpus(t, 10, 0)
	shards := runShards(t, t.TempDir(), 2, corpusDir)
	parts := t.TempDir()
	for k, s := range shards {
		copyTo(t, filepath.Join(s, partName(k+1, 2)), parts)
	}
	got := duckdbcheck.Read(t, parts)
	rows := 0
	for k := 1; k <= 2; k++ {
		name := partName(k, 2)
		m, err := readPartMeta(filepath.Join(parts, name))
		if err != nil {
			t.Fatal(err)
		}
		p := got[name]
		if p.Rows != m.Documents+m.Failures {
			t.Errorf("%s: DuckDB reads %d rows, the part holds %d documents and %d failures", name, p.Rows, m.Documents, m.Failures)
		}
		rows += p.Rows
		if want := "kind,document,sha256,municipality_code,county_code,status,reason,analysis"; strings.Join(p.Columns, ",") != want {
			t.Errorf("%s: columns %v, want %s", name, p.Columns, want)
		}
		if p.Types["analysis"] != "BLOB" || p.Types["document"] != "VARCHAR" {
			t.Errorf("%s: types %v", name, p.Types)
		}
	}
	if rows != 13 { // 10 plans, an empty file, a picture and a broken PDF
		t.Errorf("DuckDB reads %d rows in the parts, want 13", rows)
	}
}
