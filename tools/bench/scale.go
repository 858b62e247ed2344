package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

// The scale section: `styrdok run` on generated text corpora of each
// -sizes, in paired turns. A turn is a cold run (fresh output folder and
// store), then a run with a changed codebook on that store (re-tagging
// stored text), then a run with one file changed (under the changed
// codebook, so it re-uses the re-tagged analyses): each re-run is
// compared with the cold run of its own turn, so a change in the shared
// machine's load between turns weighs on both sides of a ratio.

// scaleTurn is one turn's three runs and the cold run's output sizes.
type scaleTurn struct {
	cold, codebook, changed        measure
	reports, html, store, evidence int64 // bytes: every report file, report.html, the store (with its WAL), evidence.csv
}

// scaleResult is one corpus size's turns.
type scaleResult struct {
	docs  int
	bytes int64
	turns []scaleTurn
	note  string
}

// runScale measures every size in o.sizes and hands the section, as
// far as it is measured, to publish after each size: a run stopped
// before 50,000 keeps what it measured.
func runScale(o options, publish func(string)) error {
	bin, err := filepath.Abs(o.bin)
	if err != nil {
		return err
	}
	root := o.work + "-scale"
	if err := os.RemoveAll(root); err != nil {
		return err
	}
	defer os.RemoveAll(root) // 50,000 documents leave gigabytes
	loadStart := loadavg()
	started := time.Now()
	var results []scaleResult
	for i, n := range o.sizes {
		r, err := scaleSize(o, bin, filepath.Join(root, fmt.Sprint(n)), n)
		if err != nil {
			return err
		}
		results = append(results, r)
		publish(renderScale(o, results, o.sizes[i+1:], started, loadStart))
	}
	return nil
}

// renderScale is the scale section for the sizes measured so far.
func renderScale(o options, results []scaleResult, pending []int, started time.Time, loadStart string) string {
	var b strings.Builder
	sizes := make([]string, len(o.sizes))
	for i, n := range o.sizes {
		sizes[i] = fmt.Sprint(n)
	}
	fmt.Fprintf(&b, "Measured %s with `make bench` (`go run ./tools/bench -sizes %s -turns %d -seed %d`; `BENCH_SIZES=1000 make bench` for a quick run), %.0f minutes in all.\n\n",
		started.UTC().Format("2006-01-02 15:04 MST"), strings.Join(sizes, ","), o.turns, o.seed, time.Since(started).Minutes())
	if len(pending) > 0 {
		fmt.Fprintf(&b, "**Still running or stopped: %d more sizes (%v) were asked for.**\n\n", len(pending), pending)
	}
	fmt.Fprintf(&b, "Machine: %d CPUs (nproc), %s, %s RAM, %s; load average %s at the start, %s at the end. The machine is shared with other sessions' builds and tests, so wall times are noisy and CPU times less so; the ratios pair each re-run with the cold run of its own turn.\n\n",
		runtime.NumCPU(), cpuModel(), memTotal(), runtime.Version(), loadStart, loadavg())
	b.WriteString("Cold run (`styrdok run`, every report, store), median of the turns with the spread (lowest–highest) in brackets:\n\n")
	b.WriteString("| documents | MB | turns | wall | CPU (user+sys) | CPU per doc | peak RSS | reports | report.html | evidence.csv | store |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		if len(r.turns) == 0 {
			fmt.Fprintf(&b, "| %d | %.1f | 0 | – | – | – | – | – | – | – | – | %s |\n", r.docs, mb(r.bytes), r.note)
			continue
		}
		wall, cpu, rss := r.stat(func(t scaleTurn) float64 { return t.cold.wall.Seconds() }), r.stat(func(t scaleTurn) float64 { return t.cold.cpu.Seconds() }),
			r.stat(func(t scaleTurn) float64 { return float64(t.cold.rssKB) / 1024 })
		last := r.turns[len(r.turns)-1]
		fmt.Fprintf(&b, "| %d | %.1f | %d | %s s | %s s | %.2f ms | %s MB | %.0f MB | %.0f MB | %.0f MB | %.0f MB |\n", r.docs, mb(r.bytes), len(r.turns),
			wall.format("%.1f"), cpu.format("%.1f"), 1000*cpu.median/float64(r.docs), rss.format("%.0f"),
			mb(last.reports), mb(last.html), mb(last.evidence), mb(last.store))
	}
	b.WriteString("\nRe-runs on the cold run's store, as a share of the cold run of the same turn (wall and CPU), and their wall times:\n\n")
	b.WriteString("| documents | codebook changed / cold, wall | 1 file changed / cold, wall | codebook changed / cold, CPU | 1 file changed / cold, CPU | codebook changed, wall | 1 file changed, wall |\n|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		if len(r.turns) == 0 {
			continue
		}
		cb := r.stat(func(t scaleTurn) float64 { return share(t.codebook.wall, t.cold.wall) })
		one := r.stat(func(t scaleTurn) float64 { return share(t.changed.wall, t.cold.wall) })
		cbc := r.stat(func(t scaleTurn) float64 { return share(t.codebook.cpu, t.cold.cpu) })
		onec := r.stat(func(t scaleTurn) float64 { return share(t.changed.cpu, t.cold.cpu) })
		cbw := r.stat(func(t scaleTurn) float64 { return t.codebook.wall.Seconds() })
		onew := r.stat(func(t scaleTurn) float64 { return t.changed.wall.Seconds() })
		fmt.Fprintf(&b, "| %d | %s%% | %s%% | %s%% | %s%% | %s s | %s s |\n", r.docs, cb.format("%.0f"), one.format("%.0f"), cbc.format("%.0f"), onec.format("%.0f"),
			cbw.format("%.1f"), onew.format("%.1f"))
	}
	for _, r := range results {
		if r.note != "" {
			fmt.Fprintf(&b, "\n%d documents: %s\n", r.docs, r.note)
		}
	}
	b.WriteString("\n" + scaleTargets(results) + "\n")
	return b.String()
}

// scaleTargets judges issue 17's targets on what was measured: cost per
// document flat from the smallest size to the largest, peak RSS at the
// largest within 1.5× of the smallest's and under 400 MB, a codebook
// change ≤ 25% and one changed file ≤ 15% of a cold run (wall, median).
func scaleTargets(results []scaleResult) string {
	var ok []scaleResult
	for _, r := range results {
		if len(r.turns) > 0 {
			ok = append(ok, r)
		}
	}
	if len(ok) == 0 {
		return "Targets: not measured."
	}
	first, last := ok[0], ok[len(ok)-1]
	perDoc := func(r scaleResult) float64 {
		return r.stat(func(t scaleTurn) float64 { return t.cold.cpu.Seconds() }).median / float64(r.docs)
	}
	rss := func(r scaleResult) float64 {
		return r.stat(func(t scaleTurn) float64 { return float64(t.cold.rssKB) / 1024 }).median
	}
	var cb, one []string
	cbMet, oneMet := true, true
	for _, r := range ok {
		c := r.stat(func(t scaleTurn) float64 { return share(t.codebook.wall, t.cold.wall) }).median
		o := r.stat(func(t scaleTurn) float64 { return share(t.changed.wall, t.cold.wall) }).median
		cb = append(cb, fmt.Sprintf("%.0f%% at %d", c, r.docs))
		one = append(one, fmt.Sprintf("%.0f%% at %d", o, r.docs))
		cbMet = cbMet && c <= 25
		oneMet = oneMet && o <= 15
	}
	var s strings.Builder
	fmt.Fprintf(&s, "Targets (issue 17), on the medians: CPU per document flat: **%.2f ms at %d, %.2f ms at %d (%.1f×)**; ", 1000*perDoc(first), first.docs,
		1000*perDoc(last), last.docs, perDoc(last)/perDoc(first))
	fmt.Fprintf(&s, "peak RSS at the largest size within 1.5× of the smallest's and under 400 MB: **%.0f MB against %.0f MB (%.1f×), %s**; ",
		rss(last), rss(first), rss(last)/rss(first), metOr(rss(last) <= 1.5*rss(first) && rss(last) < 400))
	fmt.Fprintf(&s, "codebook change ≤ 25%% of cold: **%s, %s**; one changed file ≤ 15%% of cold: **%s, %s**.",
		strings.Join(cb, ", "), metOr(cbMet), strings.Join(one, ", "), metOr(oneMet))
	return s.String()
}

func metOr(met bool) string {
	if met {
		return "met"
	}
	return "missed"
}

// scaleSize generates a corpus of n texts in dir and runs its turns.
func scaleSize(o options, bin, dir string, n int) (scaleResult, error) {
	corpusDir, out := filepath.Join(dir, "corpus"), filepath.Join(dir, "out")
	st, err := gen.Generate(gen.Options{Source: o.src, Out: corpusDir, Texts: n, PDFs: 0, Seed: o.seed})
	if err != nil {
		return scaleResult{}, err
	}
	r := scaleResult{docs: st.Texts, bytes: st.Bytes}
	logf("scale: %d documents (%.1f MB)", st.Texts, mb(st.Bytes))
	codebook := filepath.Join(dir, "codebook.yaml")
	if err := changedCodebook(bin, codebook); err != nil {
		return r, err
	}
	turns := o.turns
	if turns <= 0 {
		turns = 3
		if n > 10000 {
			turns = 1
		}
	}
	touched := filepath.Join(corpusDir, firstFile(corpusDir))
	for t := range turns {
		var tr scaleTurn
		tr.cold = runOnce(fmt.Sprintf("%d cold (turn %d)", n, t+1), func() { os.RemoveAll(out) }, bin, "run", "--quiet", "--out", out, corpusDir)
		if !tr.cold.ok {
			r.note = "cold run: " + tr.cold.note
			break
		}
		tr.reports, tr.html, tr.store, tr.evidence = outputSizes(out)
		tr.codebook = runOnce(fmt.Sprintf("%d codebook changed", n), nil, bin, "run", "--quiet", "--codebook", codebook, "--out", out, corpusDir)
		tr.changed = runOnce(fmt.Sprintf("%d one file changed", n), func() { appendLine(touched) }, bin, "run", "--quiet", "--codebook", codebook, "--out", out, corpusDir)
		if !tr.codebook.ok || !tr.changed.ok {
			r.note = "re-run: " + tr.codebook.note + tr.changed.note
			break
		}
		r.turns = append(r.turns, tr)
	}
	os.RemoveAll(dir)
	return r, nil
}

// changedCodebook writes the embedded codebook with one term added to
// its first theme: a change of codebook as a user makes it, which
// changes its hash and so re-tags every stored text.
func changedCodebook(bin, path string) error {
	yaml, err := exec.Command(bin, "themes", "--yaml").Output()
	if err != nil {
		return fmt.Errorf("%s themes --yaml: %w", bin, err)
	}
	const at = "\n    terms:\n"
	i := bytes.Index(yaml, []byte(at))
	if i < 0 {
		return fmt.Errorf("%s themes --yaml: no terms list to add a term to", bin)
	}
	i += len(at)
	changed := append(append(append([]byte{}, yaml[:i]...), "      - {term: jobbcoach, weight: 2}\n"...), yaml[i:]...)
	return os.WriteFile(path, changed, 0o644)
}

// outputSizes sums the report files in out (everything but the store),
// and gives report.html's, the store's and evidence.csv's sizes.
func outputSizes(out string) (reports, html, store, evidence int64) {
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		switch name := e.Name(); {
		case strings.HasPrefix(name, "styrdok.db"):
			store += info.Size()
		case strings.HasPrefix(name, "."):
		default:
			reports += info.Size()
			if name == "report.html" {
				html = info.Size()
			}
			if name == "evidence.csv" {
				evidence = info.Size()
			}
		}
	}
	return
}

// share is a as a percentage of b.
func share(a, b time.Duration) float64 { return 100 * ratio(a, b) }

// spread is a median with the lowest and highest value.
type spread struct{ median, lo, hi float64 }

func (s spread) format(f string) string {
	m := fmt.Sprintf(f, s.median)
	if s.lo == s.hi {
		return m
	}
	return m + " (" + fmt.Sprintf(f, s.lo) + "–" + fmt.Sprintf(f, s.hi) + ")"
}

// stat is the median, lowest and highest of v over the turns (the
// median of an even count is the upper middle, as medianOf takes it).
func (r scaleResult) stat(v func(scaleTurn) float64) spread {
	var xs []float64
	for _, t := range r.turns {
		xs = append(xs, v(t))
	}
	if len(xs) == 0 {
		return spread{}
	}
	sort.Float64s(xs)
	return spread{median: xs[len(xs)/2], lo: xs[0], hi: xs[len(xs)-1]}
}

// shardCheck runs the corpus in textDir in 4 shards (one after another
// here; on a cluster they run at once), merges them, and compares every
// report with a single run's (run.json aside: it records times and
// folders; TestShardMergeIdentity compares it without them).
func shardCheck(bin, work, textDir string, docs int) string {
	const n = 4
	root := filepath.Join(work, "shards")
	os.RemoveAll(root)
	defer os.RemoveAll(root)
	single := filepath.Join(root, "single")
	asOf := []string{"--as-of", "2026-06-01"}
	one := runOnce("single run (--no-store)", nil, bin, append([]string{"run", "--quiet", "--no-store", "--out", single, textDir}, asOf...)...)
	if !one.ok {
		return "Shards: the single run failed: " + one.note + "\n\n"
	}
	var shardCPU, shardWall, maxWall time.Duration
	var maxRSS, partBytes int64
	var parts []string
	for k := 1; k <= n; k++ {
		out := filepath.Join(root, fmt.Sprint(k))
		m := runOnce(fmt.Sprintf("shard %d/%d", k, n), nil, bin, append([]string{"run", "--quiet", "--shard", fmt.Sprintf("%d/%d", k, n), "--out", out, textDir}, asOf...)...)
		if !m.ok {
			return fmt.Sprintf("Shards: shard %d of %d failed: %s\n\n", k, n, m.note)
		}
		shardCPU += m.cpu
		shardWall += m.wall
		maxWall = max(maxWall, m.wall)
		maxRSS = max(maxRSS, m.rssKB)
		part := filepath.Join(out, fmt.Sprintf("part-%04d-of-%04d.parquet", k, n))
		if fi, err := os.Stat(part); err == nil {
			partBytes += fi.Size()
		}
		parts = append(parts, out)
	}
	merged := filepath.Join(root, "merged")
	m := runOnce("merge", nil, bin, append([]string{"merge", "--quiet", "--out", merged}, parts...)...)
	if !m.ok {
		return "Shards: merge failed: " + m.note + "\n\n"
	}
	same, compared, diffs := 0, 0, []string{}
	entries, _ := os.ReadDir(single)
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || name == "run.json" {
			continue
		}
		compared++
		a, errA := os.ReadFile(filepath.Join(single, name))
		b, errB := os.ReadFile(filepath.Join(merged, name))
		if errA == nil && errB == nil && bytes.Equal(a, b) {
			same++
		} else {
			diffs = append(diffs, name)
		}
	}
	verdict := fmt.Sprintf("**byte-identical, %d of %d report files** (run.json aside: it records times and folders)", same, compared)
	if len(diffs) > 0 {
		verdict = fmt.Sprintf("**NOT identical: %s differ** (%d of %d the same)", strings.Join(diffs, ", "), same, compared)
	}
	return fmt.Sprintf("Shards (issue 17 point 5): %d documents in %d shards (`styrdok run --shard K/%d`, run one after another here: %.1f s wall in all, the longest %.1f s, %.1f s CPU, peak RSS %.0f MB; parts %.1f MB), then `styrdok merge` (%.1f s wall, %.1f s CPU, %.0f MB); against one `styrdok run --no-store` (%.1f s wall, %.1f s CPU): %s.\n\n",
		docs, n, n, shardWall.Seconds(), maxWall.Seconds(), shardCPU.Seconds(), float64(maxRSS)/1024, mb(partBytes), m.wall.Seconds(), m.cpu.Seconds(), float64(m.rssKB)/1024,
		one.wall.Seconds(), one.cpu.Seconds(), verdict)
}
