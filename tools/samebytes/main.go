// Command samebytes checks that a change did not change behaviour: it builds
// styrdok twice, from a base commit and from the working tree, runs both on
// the same inputs and compares every output byte for byte. A refactoring
// (issue 18) must pass it; a change meant to alter output shows here what it
// altered.
//
// Usage (from the repository root):
//
//	go run ./tools/samebytes                  # base HEAD against the working tree
//	go run ./tools/samebytes -base e6ace66    # base a given commit
//	go run ./tools/samebytes -n 300 -pdf 30   # the generated corpus's size
//
// The inputs are the corpora `make run` reads (testdata/corpus), the tree of
// good and bad inputs (testdata/mixed) and a corpus written by
// tools/gencorpus (the working tree's generator, so both binaries read the
// same files). Each corpus is run twice into the same output folder, so the
// second run exercises the store's re-use path; the folder is compared
// after each run. Besides `run`, the
// single-document and codebook commands are compared too (analyze, explain,
// themes, codebook export, eval).
//
// What is compared: exit codes, stdout, every output file, and stderr
// without its progress lines (they hold rates). Two things are normalised,
// because they differ between two runs of the same binary: the start and end
// times in run.json, and styrdok.db, which is compared as a dump of its
// tables (rows sorted) with the runs table's times left out, not as bytes
// (SQLite's page layout is not part of the contract).
//
// It exits 0 when everything is the same, 1 with a list of differences
// otherwise, 2 on a usage or build error.
package main

import (
	"bytes"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	_ "modernc.org/sqlite"
)

func main() {
	base := flag.String("base", "HEAD", "git revision the working tree is compared with")
	texts := flag.Int("n", 300, "text documents in the generated corpus")
	pdfs := flag.Int("pdf", 30, "PDF documents in the generated corpus")
	keep := flag.Bool("keep", false, "keep the temporary folder (binaries and outputs) for inspection")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/samebytes [-base REV] [-n N] [-pdf N] [-keep]")
		os.Exit(2)
	}
	diffs, err := run(*base, *texts, *pdfs, *keep)
	if err != nil {
		fmt.Fprintln(os.Stderr, "samebytes:", err)
		os.Exit(2)
	}
	if len(diffs) > 0 {
		for _, d := range diffs {
			fmt.Println("DIFF", d)
		}
		fmt.Printf("samebytes: %d differences between %s and the working tree\n", len(diffs), *base)
		os.Exit(1)
	}
	fmt.Printf("samebytes: every output is the same for %s and the working tree\n", *base)
}

func run(base string, texts, pdfs int, keep bool) ([]string, error) {
	root, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(root, "cmd", "styrdok")); err != nil {
		return nil, errors.New("run from the repository root (cmd/styrdok not found)")
	}
	tmp, err := os.MkdirTemp("", "samebytes-")
	if err != nil {
		return nil, err
	}
	if keep {
		fmt.Fprintln(os.Stderr, "samebytes: keeping", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	// The base's source from git (git archive needs no second worktree and
	// leaves the repository as it is).
	src := filepath.Join(tmp, "base-src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return nil, err
	}
	if err := sh(root, "sh", "-c", fmt.Sprintf("git archive %s | tar -x -C %s", shellQuote(base), shellQuote(src))); err != nil {
		return nil, fmt.Errorf("extracting %s: %w", base, err)
	}
	bins := [2]string{filepath.Join(tmp, "styrdok-base"), filepath.Join(tmp, "styrdok-head")}
	if err := sh(src, "go", "build", "-o", bins[0], "./cmd/styrdok"); err != nil {
		return nil, fmt.Errorf("building %s: %w", base, err)
	}
	if err := sh(root, "go", "build", "-o", bins[1], "./cmd/styrdok"); err != nil {
		return nil, fmt.Errorf("building the working tree: %w", err)
	}

	gen := filepath.Join(tmp, "generated")
	if err := sh(root, "go", "run", "./tools/gencorpus", "-out", gen,
		"-n", fmt.Sprint(texts), "-pdf", fmt.Sprint(pdfs), "-seed", "1"); err != nil {
		return nil, fmt.Errorf("generating the corpus: %w", err)
	}

	corpus := filepath.Join(root, "testdata", "corpus")
	mixed := filepath.Join(root, "testdata", "mixed")
	// A far time limit on the mixed tree: its decompression bomb must fail
	// for its size, not for the machine's speed (as in TestMixedTree).
	jobs := []job{
		{name: "run-corpus", out: true, args: []string{"run", "--out", "out", corpus}},
		{name: "run-corpus-again", out: true, args: []string{"run", "--out", "out", corpus}},
		{name: "run-mixed", out: true, args: []string{"run", "--out", "out", "--format", "csv,parquet", "--timeout", "10m", mixed}},
		{name: "run-mixed-again", out: true, args: []string{"run", "--out", "out", "--format", "csv,parquet", "--timeout", "10m", mixed}},
		{name: "run-generated", out: true, args: []string{"run", "--out", "out", "--format", "csv,parquet", "--as-of", "2024-06-30", gen}},
		{name: "run-generated-again", out: true, args: []string{"run", "--out", "out", "--format", "csv,parquet", "--as-of", "2024-06-30", gen}},
		{name: "themes-yaml", args: []string{"themes", "--yaml"}},
		{name: "themes-json", args: []string{"themes", "--json"}},
		{name: "themes-text", args: []string{"themes"}},
		{name: "eval-gold", args: []string{"eval", "--as-of", "2024-06-30", "--map", filepath.Join(root, "testdata", "gold", "files.tsv"),
			"--gold", filepath.Join(root, "testdata", "gold", "theme-levels.tsv"), "--gold", filepath.Join(root, "testdata", "gold", "documents.tsv")}},
		{name: "eval-real", args: []string{"eval", "--as-of", "2024-06-30", "--real", filepath.Join(root, "testdata", "realtexts"), "--split", "all"}},
		{name: "benchmark", args: []string{"benchmark", "Tierp", corpus}},
		{name: "kwic", args: []string{"kwic", "bostad", corpus}},
	}
	for _, to := range []string{"quanteda", "liwc", "wordstat"} {
		jobs = append(jobs, job{name: "codebook-export-" + to, args: []string{"codebook", "export", "--to", to}})
	}
	docs, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil {
		return nil, err
	}
	mixedDocs, err := filepath.Glob(filepath.Join(mixed, "good-*"))
	if err != nil {
		return nil, err
	}
	for _, d := range append(docs, mixedDocs...) {
		b := filepath.Base(d)
		jobs = append(jobs,
			job{name: "analyze-json-" + b, args: []string{"analyze", "--format", "json", d}},
			job{name: "analyze-text-" + b, args: []string{"analyze", d}},
			job{name: "text-" + b, args: []string{"text", d}},
			job{name: "explain-" + b, args: []string{"explain", d, "--theme", "housing"}},
		)
	}

	var diffs []string
	for i, bin := range bins {
		side := []string{"base", "head"}[i]
		for _, j := range jobs {
			dir := filepath.Join(tmp, side, strings.Split(j.name, "-again")[0])
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, err
			}
			r := execute(bin, dir, j.args)
			if err := os.WriteFile(filepath.Join(tmp, side, j.name+".result"), r, 0o644); err != nil {
				return nil, err
			}
			if j.out {
				if err := snapshot(filepath.Join(dir, "out"), filepath.Join(tmp, side, j.name+".out")); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, j := range jobs {
		a, _ := os.ReadFile(filepath.Join(tmp, "base", j.name+".result"))
		b, _ := os.ReadFile(filepath.Join(tmp, "head", j.name+".result"))
		if !bytes.Equal(a, b) {
			diffs = append(diffs, j.name+": exit code, stdout or stderr"+firstDiff(a, b))
		}
		if j.out {
			d, err := compareTrees(filepath.Join(tmp, "base", j.name+".out"), filepath.Join(tmp, "head", j.name+".out"))
			if err != nil {
				return nil, err
			}
			for _, x := range d {
				diffs = append(diffs, j.name+": "+x)
			}
		}
	}
	return diffs, nil
}

type job struct {
	name string
	out  bool // writes an output folder ("out" in its working directory)
	args []string
}

// progress matches the progress lines on stderr, which hold rates.
var progress = regexp.MustCompile(`(?m)^styrdok: \d+/\d+ documents, [0-9.]+/s, .*\n`)

// execute runs one command and returns its exit code, stdout and stderr
// (without progress lines) as one comparable blob.
func execute(bin, dir string, args []string) []byte {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	code := 0
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else {
			code = -1
			stderr.WriteString(err.Error())
		}
	}
	// The binary's own path is the only thing that differs by design.
	errText := strings.ReplaceAll(progress.ReplaceAllString(stderr.String(), ""), bin, "styrdok")
	return []byte(fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, stdout.Bytes(), errText))
}

// snapshot copies an output folder into dst, normalising run.json's times
// and turning styrdok.db into a sorted dump of its tables.
func snapshot(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			if strings.HasSuffix(d.Name(), ".fragments") { // the writers' kept fragments: a cache beside the store, like .simstate
				return filepath.SkipDir
			}
			return os.MkdirAll(target, 0o755)
		}
		var data []byte
		switch {
		case d.Name() == "styrdok.db":
			data, err = dumpStore(p)
		case strings.HasSuffix(d.Name(), ".simstate"), strings.HasSuffix(d.Name(), ".summaries"), strings.HasSuffix(d.Name(), ".reports"): // caches beside the store, like it not outputs
			return nil
		case d.Name() == "run.json":
			data, err = os.ReadFile(p)
			data = runTimes.ReplaceAll(data, []byte(`"$1": "(time)"`))
		default:
			data, err = os.ReadFile(p)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		return os.WriteFile(target, data, 0o644)
	})
}

var runJSONEntry = regexp.MustCompile(`\{"name":"run\.json"[^}]*\}`)

var runTimes = regexp.MustCompile(`"(started_at|finished_at|duration[a-z_]*)": "[^"]*"`)

// dumpStore prints every table of a store, rows sorted, leaving out the
// columns that hold wall-clock times.
func dumpStore(path string) ([]byte, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	// Analyses get their ids in the order the workers finish, which varies
	// from run to run; they are named by their unique key instead.
	// So do their data rows (analysis_data), named by the first key of
	// the analyses that refer to them.
	ids, dataIDs := map[string]string{}, map[string]string{}
	keys, err := db.Query(`SELECT id, sha256, pipeline_version, codebook_hash, as_of, data_id FROM analyses`)
	if err != nil {
		return nil, err
	}
	for keys.Next() {
		var id, sha, pv, cb, asOf, dataID string
		if err := keys.Scan(&id, &sha, &pv, &cb, &asOf, &dataID); err != nil {
			keys.Close()
			return nil, err
		}
		ids[id] = "analysis(" + sha + "," + pv + "," + cb + "," + asOf + ")"
		if k, ok := dataIDs[dataID]; !ok || ids[id] < k {
			dataIDs[dataID] = ids[id]
		}
	}
	keys.Close()
	// Views are left out: they are queries over the tables dumped here.
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		tables = append(tables, n)
	}
	rows.Close()
	var out bytes.Buffer
	for _, t := range tables {
		fmt.Fprintf(&out, "== %s\n", t)
		r, err := db.Query(`SELECT * FROM "` + t + `"`)
		if err != nil {
			return nil, err
		}
		cols, _ := r.Columns()
		fmt.Fprintln(&out, strings.Join(cols, "\t"))
		var lines []string
		for r.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := r.Scan(ptrs...); err != nil {
				r.Close()
				return nil, err
			}
			cells := make([]string, len(cols))
			for i, v := range vals {
				if strings.HasSuffix(cols[i], "_at") {
					cells[i] = "(time)"
					continue
				}
				cells[i] = fmt.Sprintf("%v", v)
				if b, ok := v.([]byte); ok {
					cells[i] = string(b)
				}
				if cols[i] == "analysis_id" || (t == "analyses" && cols[i] == "id") {
					cells[i] = ids[cells[i]]
				}
				if (t == "analyses" && cols[i] == "data_id") || (t == "analysis_data" && cols[i] == "id") {
					cells[i] = "data of " + dataIDs[cells[i]]
				}
				if t == "runs" && cols[i] == "outputs" {
					// run.json is listed with its size and hash, which
					// depend on its times.
					cells[i] = runJSONEntry.ReplaceAllString(cells[i], `{"name":"run.json"(...)}`)
				}
			}
			lines = append(lines, strings.Join(cells, "\t"))
		}
		r.Close()
		sort.Strings(lines)
		for _, l := range lines {
			fmt.Fprintln(&out, l)
		}
	}
	return out.Bytes(), nil
}

// compareTrees lists the files that are only on one side or differ.
func compareTrees(a, b string) ([]string, error) {
	list := func(root string) (map[string]bool, error) {
		m := map[string]bool{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				rel, _ := filepath.Rel(root, p)
				m[rel] = true
			}
			return nil
		})
		return m, err
	}
	la, err := list(a)
	if err != nil {
		return nil, err
	}
	lb, err := list(b)
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for n := range la {
		names[n] = true
	}
	for n := range lb {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	var diffs []string
	for _, n := range sorted {
		switch {
		case !la[n]:
			diffs = append(diffs, n+" only in the working tree's output")
		case !lb[n]:
			diffs = append(diffs, n+" only in the base's output")
		default:
			x, err := os.ReadFile(filepath.Join(a, n))
			if err != nil {
				return nil, err
			}
			y, err := os.ReadFile(filepath.Join(b, n))
			if err != nil {
				return nil, err
			}
			if !bytes.Equal(x, y) {
				diffs = append(diffs, n+" differs"+firstDiff(x, y))
			}
		}
	}
	return diffs, nil
}

// firstDiff describes where two blobs first differ.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	line := bytes.Count(a[:i], []byte("\n")) + 1
	return fmt.Sprintf(" (first at byte %d, line %d; %d vs %d bytes)", i, line, len(a), len(b))
}

func sh(dir, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
