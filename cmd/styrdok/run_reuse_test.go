package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRunKeptReports: a codebook change that touches no document (a
// term no text holds) keeps every analysis, and the run writes run.json
// only: the other reports stay in OUT as they are (not rewritten) and
// are byte-identical to a cold run's with the new codebook. A report
// edited in OUT, a damaged key file or a stale report a stopped run left
// are found: the reports are written again, or the stale one removed,
// and OUT is a cold run's again.
func TestRunKeptReports(t *testing.T) {
	cbs := codebookVariants(t)
	yaml, err := os.ReadFile(cbs["A"])
	if err != nil {
		t.Fatal(err)
	}
	absent := func(name, term string) string { // A with a term no test document holds
		at := "      - {term: arbetsmarknad, weight: 2}\n"
		p := filepath.Join(t.TempDir(), name+".yaml")
		writeFile(t, p, []byte(strings.Replace(string(yaml), at, at+"      - {term: "+term+", weight: 2}\n", 1)))
		return p
	}
	z1, z2 := absent("z1", "kvantdatorstöd"), absent("z2", "kvantfysiker")
	inputs := []string{"../../testdata/corpus", "../../testdata/mixed"}
	runWith := func(cb, out string) string {
		t.Helper()
		code, stderr := runStyrdok(t, append([]string{"run", "--as-of", "2026-01-01", "--timeout", "30m", "--format", "csv,parquet", "--codebook", cb, "--out", out}, inputs...)...)
		if code != exitFailure { // testdata/mixed holds files that fail
			t.Fatalf("run with %s: exit %d\n%s", cb, code, stderr)
		}
		return stderr
	}
	fresh := func(cb string) string {
		t.Helper()
		dir := filepath.Join(t.TempDir(), "fresh")
		runWith(cb, dir)
		return dir
	}
	out := filepath.Join(t.TempDir(), "out")
	runWith(cbs["A"], out)
	keyFile := filepath.Join(out, "styrdok.db"+reportsKeySuffix)
	var kf reportsKeyFile
	if b, err := os.ReadFile(keyFile); err != nil || json.Unmarshal(b, &kf) != nil || len(kf.Outputs) < 10 || kf.Key == "" {
		t.Fatalf("key file after the cold run: %v, %d outputs", err, len(kf.Outputs))
	}
	// Every report's time set back: one that is written again shows it.
	past := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	backdate := func() {
		for _, o := range kf.Outputs {
			if err := os.Chtimes(filepath.Join(out, o.Name), past, past); err != nil {
				t.Fatal(err)
			}
		}
	}
	rewritten := func() []string {
		var names []string
		for _, o := range kf.Outputs {
			if fi, err := os.Stat(filepath.Join(out, o.Name)); err != nil || !fi.ModTime().Equal(past) {
				names = append(names, o.Name)
			}
		}
		return names
	}
	runJSON := func() []byte {
		b, err := os.ReadFile(filepath.Join(out, "run.json"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	backdate()
	before := runJSON()
	runWith(z1, out)
	if w := rewritten(); len(w) != 0 {
		t.Errorf("codebook change that touches nothing: %v written again, want run.json only", w)
	}
	if bytes.Equal(before, runJSON()) {
		t.Error("run.json not written")
	}
	sameOutputs(t, fresh(z1), out)

	// A report edited since: the reports are written again, but for
	// those whose bytes the folder holds as this run composes them
	// (reports.Report.Previous: the small ones, composed in memory and
	// compared); the edited one is written again.
	ev := filepath.Join(out, "evidence.csv")
	f, err := os.OpenFile(ev, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("x\n")
	f.Close()
	backdate()
	runWith(z2, out)
	if w := rewritten(); !slices.Contains(w, "evidence.csv") || !slices.Contains(w, "report.html") {
		t.Errorf("after evidence.csv was edited: only %v written again", w)
	}
	freshZ2 := fresh(z2)
	sameOutputs(t, freshZ2, out)

	// A stale report (as a run stopped while publishing leaves one) is
	// removed, and the kept reports stay.
	stale := filepath.Join(out, "county-99.csv")
	writeFile(t, stale, []byte("x\n"))
	backdate()
	if stderr := runWith(z1, out); !strings.Contains(stderr, "removed "+stale) {
		t.Errorf("stale report: stderr does not say it was removed\n%s", stderr)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale report still there: %v", err)
	}
	if w := rewritten(); len(w) != 0 {
		t.Errorf("stale report: %v written again, want run.json only", w)
	}

	// A damaged key file: not used, the reports written, the file anew.
	writeFile(t, keyFile, []byte(`{"format":1,"key":`))
	backdate()
	runWith(z2, out)
	if w := rewritten(); len(w) < len(kf.Outputs) {
		t.Errorf("damaged key file: only %v written again", w)
	}
	var again reportsKeyFile
	if b, err := os.ReadFile(keyFile); err != nil || json.Unmarshal(b, &again) != nil || again.Key != kf.Key {
		t.Errorf("key file after a damaged one: %v, key %q, want %q", err, again.Key, kf.Key)
	}
	sameOutputs(t, freshZ2, out)
}

// TestOutputSigs: a report whose signature is the one recorded with a
// hash is taken to have that hash unread (here a hash it does not have,
// so that the test sees the file was not read); once the file is written
// to, even with the same bytes, size and modification time, or replaced
// by a rename, it is hashed again and the wrong hash found.
func TestOutputSigs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "evidence.csv")
	writeFile(t, path, []byte("a,b\n1,2\n"))
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	sig, ok := fileSigOf(fi)
	if !ok {
		t.Skip("no file signatures on this system: every report is hashed")
	}
	real, err := hashFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wrong := real
	wrong.SHA256 = strings.Repeat("0", 64)
	sigs := fileSigs{"evidence.csv": {Name: "evidence.csv", SHA256: wrong.SHA256, fileSig: sig}}
	if !sigs.sameOutput(dir, wrong) {
		t.Fatal("the recorded signature is not trusted")
	}
	if !(fileSigs{}).sameOutput(dir, real) || (fileSigs{}).sameOutput(dir, wrong) {
		t.Fatal("without a matching signature the file is not hashed")
	}
	// The same bytes written in place, the modification time put back.
	time.Sleep(10 * time.Millisecond)
	if err := os.WriteFile(path, []byte("a,b\n1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	if sigs.sameOutput(dir, wrong) {
		t.Error("a file written to since its signature was taken is trusted unread")
	}
	// Another file renamed over it.
	fi, _ = os.Stat(path)
	sig, _ = fileSigOf(fi)
	sigs["evidence.csv"] = outputSig{Name: "evidence.csv", SHA256: wrong.SHA256, fileSig: sig}
	writeFile(t, path+".new", []byte("a,b\n1,2\n"))
	if err := os.Rename(path+".new", path); err != nil {
		t.Fatal(err)
	}
	if sigs.sameOutput(dir, wrong) {
		t.Error("a file renamed over the report is trusted unread")
	}
}
