package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/corpus"
)

// TestRunFragments: re-runs into the same OUT and store copy the last
// run's rendered rows of every unchanged document (the fragments beside
// the store) and still write every output byte for byte as a cold run
// of the same inputs in a fresh folder does: after one changed file, a
// codebook change, another --as-of, another --lang, and with the
// fragments damaged, truncated or from another version, which are
// ignored with a note, never trusted.
func TestRunFragments(t *testing.T) {
	tmp := t.TempDir()
	tree := filepath.Join(tmp, "c")
	files := generatedTree(t, tree, 40, 5)
	cbs := codebookVariants(t)
	out := filepath.Join(tmp, "out")
	frags := filepath.Join(out, corpus.DefaultStoreName+".fragments")
	opts := []string{"--as-of", "2026-01-01", "--codebook", cbs["A"]}
	set := func(flag, value string) {
		for k := range opts {
			if opts[k] == flag {
				opts[k+1] = value
				return
			}
		}
		opts = append(opts, flag, value)
	}
	args := func(out string) []string {
		return append(append([]string{"run", "--quiet", "--timeout", "30m", "--out", out}, opts...), tree)
	}
	// touch appends a sentence to file k: the run then writes the
	// reports (an unchanged corpus leaves them as they are).
	touch := func(k int) {
		appendLine(t, files[k], "Kommunen ska erbjuda samhällsorientering på modersmål och språkkafé för alla nyanlända.")
	}
	// damage edits the fragments file name, and touches file k.
	damage := func(name string, k int, edit func([]byte) []byte) func() {
		return func() {
			path := filepath.Join(frags, name)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, path, edit(data))
			touch(k)
		}
	}
	steps := []struct {
		name   string
		change func()
		note   string // in stderr: the fragments were not used ("" for none)
	}{
		{"cold", func() {}, ""},
		{"one changed", func() { touch(5) }, ""},
		{"codebook change", func() { set("--codebook", cbs["B"]) }, ""},
		{"codebook with other levels", func() { set("--codebook", cbs["C"]) }, ""},
		{"another as-of", func() { set("--as-of", "2019-06-01") }, "another version or other --as-of or --lang"},
		{"english", func() { set("--lang", "en") }, "another version or other --as-of or --lang"},
		{"damaged fragment", damage("evidence.csv.frag", 7, func(b []byte) []byte { b[0] ^= 0xff; return b }), "checksum does not match"},
		{"truncated", damage("report.html.frag", 8, func(b []byte) []byte { return b[:len(b)-7] }), "report.html.frag"},
		{"another format", damage("documents.jsonl.frag", 9, func(b []byte) []byte {
			b[len(b)-fragTrailerOffsetFormat] ^= 1 // the trailer's format; its checksum then fails too
			return b
		}), "documents.jsonl.frag"},
		{"a file added", func() {
			data, err := os.ReadFile(files[3])
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(tree, "9999-ny-kommun-plan.txt"), append(data, "\nEn ny plan för bostäder och arbete.\n"...))
		}, ""},
		{"a file removed", func() { os.Remove(files[20]) }, ""},
		{"again, unchanged files re-used", func() { touch(12) }, ""},
	}
	for k, s := range steps {
		s.change()
		code, stderr := runStyrdok(t, args(out)...)
		if code != exitOK {
			t.Fatalf("%s: exit %d\n%s", s.name, code, stderr)
		}
		switch {
		case s.note == "" && strings.Contains(stderr, "fragments"):
			t.Errorf("%s: a note on the fragments where none was due:\n%s", s.name, stderr)
		case s.note != "" && !strings.Contains(stderr, s.note):
			t.Errorf("%s: stderr does not say %q:\n%s", s.name, s.note, stderr)
		}
		for _, name := range []string{"evidence.csv.frag", "actions.csv.frag", "documents.jsonl.frag", "report.html.frag", "evidence-sheet.frag", "actions-sheet.frag"} {
			if s.name == "damaged fragment" && name == "evidence.csv.frag" {
				continue // found damaged while in use: removed, made anew by the next run
			}
			if _, err := os.Stat(filepath.Join(frags, name)); err != nil {
				t.Errorf("%s: no %s kept for the next run: %v", s.name, name, err)
			}
		}
		if k == 0 {
			continue
		}
		fresh := filepath.Join(tmp, "fresh-"+strings.ReplaceAll(s.name, " ", "-"))
		if code, stderr := runStyrdok(t, args(fresh)...); code != exitOK {
			t.Fatalf("%s: cold run: exit %d\n%s", s.name, code, stderr)
		}
		sameOutputs(t, fresh, out)
	}
}

// fragTrailerOffsetFormat is where, counted from a fragments file's
// end, its trailer holds the format (reports' fragTrailerSize less the
// magic).
const fragTrailerOffsetFormat = 64 - 8
