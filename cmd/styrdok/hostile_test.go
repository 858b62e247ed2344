package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Limits of the hostile run. The address-space limit is the hard bound
// the kernel enforces on the child (a runaway allocation makes it fail,
// not the machine swap); the RSS bound is what the test asserts. CPU
// seconds stop a run that hangs: the test asserts no timing of its own.
const (
	hostileAS     = 4 << 30    // bytes of address space (prlimit --as)
	hostileMaxRSS = 1024 << 20 // bytes of peak resident memory asserted (issue 13: under 1 GB)
	hostileCPU    = 600        // CPU seconds (prlimit --cpu)
	// --timeout per file: a wall-clock bound, so it is set well above
	// what the good files need on a quiet machine (a few seconds): at
	// load 40 one of them passed 10 s once, and the test, which asserts
	// no timing, failed on the machine's load. No bad file here is
	// expected to fail by the timeout; each fails on its own bound.
	hostileTimeout = "30s"
)

// hostileCorpus writes the hostile corpus into dir: the files of
// ../../testdata/hostile/files, smaller sizes of the shared generators (ported
// here, or run with python3 when it is installed) and one good document.
// It returns the inputs that must fail, and those that must be analysed;
// the rest may do either (parsers being fixed), but must be accounted for.
func hostileCorpus(t *testing.T, dir string) (bad, good []string) {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "hostile", "files")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, e.Name()), data)
	}
	bad = append(bad,
		"pdf-10000-empty-pages-80s.pdf",               // no text at all
		"pdf-13KB-amplifies-to-35MB-text-4GB-rss.pdf", // 35 MB of text: --max-text
		"docx-nesting-200MB-5.7GB-rss.docx",           // 200 MB of nesting, no text
	)
	// An xref /Prev loop is detected and the table rebuilt by scanning the
	// file's objects (it cost the whole timeout once); the text is read.
	good = append(good, "inject-formulas.txt", "inject-html.html", "inject-md.md", "pdf-xref-prev-loop-60s.pdf")

	writeFile(t, filepath.Join(dir, "good-tierp.txt"), goodText(t))
	good = append(good, "good-tierp.txt")

	// make-text-200MB.sh at 20 MB (over the default --max-text) and at
	// 3 MB (under it: analysed, its segments cut).
	words := "integrationsarbete arbetsmarknad bostad språk nyanlända kommunen ska erbjuda praktik "
	oneLine := func(name string, size int) {
		var b bytes.Buffer
		b.WriteString("Integrationsplan för Tierps kommun ")
		for b.Len() < size {
			b.WriteString(words)
		}
		writeFile(t, filepath.Join(dir, name), b.Bytes())
	}
	oneLine("text-20MB-no-newline.txt", 20<<20)
	bad = append(bad, "text-20MB-no-newline.txt")
	oneLine("text-3MB-no-newline.txt", 3<<20)
	good = append(good, "text-3MB-no-newline.txt")
	// One segment of 1 MB: report.html was quadratic in it.
	writeFile(t, filepath.Join(dir, "one-segment-1MB.txt"), []byte(strings.Repeat("ord ", 250000)))
	good = append(good, "one-segment-1MB.txt")
	// make-html-reconstruct.sh with N = 200,000 (800 kB).
	var h strings.Builder
	h.WriteString("<!doctype html><html><body><p>Integrationsplan.<p>")
	for i := range 500 {
		fmt.Fprintf(&h, "<b id=a%d>", i)
	}
	h.WriteString(strings.Repeat("<p>x", 200000) + "</body></html>")
	writeFile(t, filepath.Join(dir, "html-reconstruct-200k.html"), []byte(h.String()))
	// make-hostile-names.sh: documents and broken PDFs with hostile names.
	names := filepath.Join(dir, "names")
	body := "Integrationsplan för Tierps kommun.\n\nArbete och bostad för nyanlända är prioriterat. Kommunen ska erbjuda praktik och språkutbildning.\n"
	for _, n := range []string{"new\nline.txt", "com,ma.txt", `dq"uote.txt`, `=HYPERLINK("http:evil.example","x").txt`, "+SUM(1).txt", "-2+3.txt", "@A1.txt",
		"tab\t=1+1.txt", "<img src=x onerror=alert(1)>.txt", "pipe|name|.txt", "=1+1.txt", "[click](https:evil.example).txt", "![img](http:evil.example).txt", `\| escaped pipe.txt`} {
		writeFile(t, filepath.Join(names, n), []byte(body+fmt.Sprint(len(n))))
		good = append(good, filepath.Join("names", n))
	}
	for i, n := range []string{"=cmd|' -C calc'!A0.pdf", "bad\nnewline.pdf", `bad,"q".pdf`} {
		junk := bytes.Repeat([]byte{byte(i + 1), 0x8f, 0x00, 0xfe}, 1024) // not a PDF
		writeFile(t, filepath.Join(names, n), junk)
		bad = append(bad, filepath.Join("names", n))
	}

	// The Python generators, when python3 is there.
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Logf("no python3: the PDF and DOCX bombs are left out")
		return bad, good
	}
	gen, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "hostile", "gen"))
	for _, v := range []string{"imagekey", "longdict", "indirectfilter", "a85"} {
		name := "pdfbomb-0.3GB-" + v + ".pdf"
		if out, err := exec.Command(py, filepath.Join(gen, "pdfbomb.py"), filepath.Join(dir, name), "0.3", v).CombinedOutput(); err != nil {
			t.Fatalf("pdfbomb.py %s: %v\n%s", v, err, out)
		}
		bad = append(bad, name) // 300 MB of streams: over the default --max-decompressed (256 MiB)
	}
	if out, err := exec.Command(py, filepath.Join(gen, "bombs.py"), dir, "bomb1g").CombinedOutput(); err != nil {
		t.Fatalf("bombs.py bomb1g: %v\n%s", err, out)
	}
	bad = append(bad, "docx-zipbomb-1GB.docx")
	return bad, good
}

// TestHostileCorpus runs the real binary over the hostile corpus with a
// hard address-space limit and no GOMEMLIMIT, and checks what issue 13
// asks: exit 1, every bad file in failures.csv with a reason, the good
// ones analysed, every input accounted for, every report written, and
// peak RSS under hostileMaxRSS.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it over large hostile inputs")
	}
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("prlimit (util-linux) not installed: cannot bound the child's memory")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "styrdok")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpusDir := filepath.Join(tmp, "corpus")
	bad, good := hostileCorpus(t, corpusDir)
	out := filepath.Join(tmp, "out")
	cmd := exec.Command(prlimit, fmt.Sprintf("--as=%d", hostileAS), fmt.Sprintf("--cpu=%d", hostileCPU), "--",
		bin, "run", "--workers", "2", "--timeout", hostileTimeout, "--as-of", "2026-01-01", "--out", out, corpusDir)
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "GOMEMLIMIT=") || strings.HasPrefix(kv, "GOGC=")
	})
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	t.Logf("stderr:\n%s", stderr.String())
	if cmd.ProcessState == nil {
		t.Fatalf("did not run: %v", err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	rss := ru.Maxrss << 10 // kB on Linux
	t.Logf("peak RSS %d MB, CPU %.1f s", rss>>20, float64(ru.Utime.Sec+ru.Stime.Sec)+float64(ru.Utime.Usec+ru.Stime.Usec)/1e6)
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("killed by %v (the CPU limit of %d s, or the address-space limit)", ws.Signal(), hostileCPU)
	}
	if code := cmd.ProcessState.ExitCode(); code != exitFailure {
		t.Fatalf("exit %d, want 1", code)
	}
	if rss > hostileMaxRSS {
		t.Errorf("peak RSS %d MB, bound %d MB", rss>>20, hostileMaxRSS>>20)
	}
	for _, bad := range []string{"panic", "goroutine ", "fatal error"} {
		if strings.Contains(stderr.String(), bad) {
			t.Errorf("stderr shows %q", bad)
		}
	}

	rel := func(p string) string {
		r, err := filepath.Rel(corpusDir, p)
		if err != nil {
			return p
		}
		return r
	}
	analysed := map[string]bool{}
	for _, r := range readCSV(t, filepath.Join(out, "documents.csv")) {
		analysed[rel(r["document"])] = true
	}
	failed := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "failures.csv")) {
		failed[rel(r["document"])] = r["reason"]
	}
	for _, f := range bad {
		if reason, ok := failed[f]; !ok || strings.TrimSpace(reason) == "" {
			t.Errorf("%q: not in failures.csv with a reason (analysed: %v)", f, analysed[f])
		}
	}
	for _, f := range good {
		if !analysed[f] {
			t.Errorf("%q: not analysed (failure: %q)", f, failed[f])
		}
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*"))
	more, _ := filepath.Glob(filepath.Join(corpusDir, "names", "*"))
	for _, f := range append(files, more...) {
		if fi, err := os.Stat(f); err == nil && fi.IsDir() {
			continue
		}
		r := rel(f)
		_, isFailed := failed[r]
		switch {
		case analysed[r] && isFailed:
			t.Errorf("%q: both analysed and failed", r)
		case !analysed[r] && !isFailed:
			t.Errorf("%q: neither analysed nor listed as failed", r)
		case isFailed:
			t.Logf("failed   %q: %s", r, failed[r])
		default:
			t.Logf("analysed %q", r)
		}
	}
	for _, name := range []string{"documents.csv", "coverage.csv", "coverage_long.csv", "evidence.csv", "actions.csv", "failures.csv",
		"summary.md", "run.json", "similarity.csv", "documents.jsonl", "report.html", "coverage.xlsx", "county-03.csv"} {
		if fi, err := os.Stat(filepath.Join(out, name)); err != nil || fi.Size() == 0 {
			t.Errorf("report %s not written: %v", name, err)
		}
	}
}

// TestRunInterruptedParsing sends SIGINT to a real run while it reads
// and analyses its files, with --timeout far away. The run must stop at
// once with exit 130 and write no report: it is given 30 CPU seconds
// (prlimit --cpu), and a run that went on after Ctrl-C is killed by that
// limit instead. The corpus is the 10,000-page PDF (once a minute of
// parsing; 1-2 s since the page tree is read linearly) and 3,000 small
// documents, so that the run is still busy when the signal comes
// whatever the machine's speed.
func TestRunInterruptedParsing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("prlimit (util-linux) not installed")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "styrdok")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := filepath.Join(tmp, "corpus")
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hostile", "files", "pdf-10000-empty-pages-80s.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "slow.pdf"), data)
	body := goodText(t)
	for i := range 3000 {
		writeFile(t, filepath.Join(dir, "docs", fmt.Sprintf("doc-%04d.txt", i)), append(append([]byte{}, body...), fmt.Sprintf("\n\nDokument %d.\n", i)...))
	}
	out := filepath.Join(tmp, "out")
	cmd := exec.Command(prlimit, "--cpu=30", "--", bin, "run", "--workers", "1", "--timeout", "30m", "--out", out, dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the run is recorded in the store: its signal handler is
	// set up before the files are read.
	for countRows(filepath.Join(out, "styrdok.db"), "runs") == 0 {
		if cmd.ProcessState != nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // into the parse
	cmd.Process.Signal(os.Interrupt)
	cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("killed by %v: Ctrl-C did not stop the parse\n%s", ws.Signal(), stderr.String())
	}
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted || !strings.Contains(stderr.String(), "interrupted") {
		t.Fatalf("exit %d, want %d:\n%s", code, exitInterrupted, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "documents.csv")); err == nil {
		t.Errorf("reports written by an interrupted run")
	}
}
