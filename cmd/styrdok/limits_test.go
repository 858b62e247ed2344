package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fakeTesseract puts a tesseract on PATH (before the real one) that
// answers --list-langs with the Swedish model and --version with
// version, and logs every call; it returns the log's path.
func fakeTesseract(t *testing.T, version string) string {
	t.Helper()
	bin := t.TempDir()
	log := filepath.Join(bin, "calls.log")
	script := "#!/bin/sh\necho \"$@\" >> '" + log + "'\n" +
		"case \"$1\" in\n--list-langs) printf 'List of available languages in \"/nowhere/\" (1):\\nswe\\n' ;;\n" +
		"--version) echo '" + version + "' ;;\nesac\n"
	if err := os.WriteFile(filepath.Join(bin, "tesseract"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	// The OCR key looks for poppler's tools too (ingest.findOCRTools):
	// stand-ins where they are not installed, so the test does not
	// depend on the machine having poppler-utils (a machine without it
	// never asked the fake Tesseract, and the test failed there).
	for _, tool := range []string{"pdftoppm", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err == nil {
			continue
		}
		if err := os.WriteFile(filepath.Join(bin, tool), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return log
}

// tesseractCalls is how many times the fake Tesseract was run.
func tesseractCalls(t *testing.T, log string) int {
	t.Helper()
	b, err := os.ReadFile(log)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(b), "\n")
}

// TestRunAsksTesseractOnlyForFailures: a run of text files that all
// read well does not run Tesseract (two processes, a fifth of a one-file
// re-run's CPU at 1,000 documents: issue 17 item 3), whether cold, after
// one changed file or up to date; a failed file's key still names the
// Tesseract installed, so a new one makes the run read it again rather
// than find the reports up to date.
func TestRunAsksTesseractOnlyForFailures(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for the fake tesseract")
	}
	log := fakeTesseract(t, "tesseract 9.9.1")
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	writeFile(t, filepath.Join(dir, "tierp-kopia.txt"), append(goodText(t), "\nEn rad till om integration.\n"...))
	out := t.TempDir()
	step := func(name string, wantCode int, wantUpToDate bool) {
		t.Helper()
		code, _, stderr := run(t, "", "run", "--out", out, dir)
		if code != wantCode {
			t.Fatalf("%s: exit %d, want %d:\n%s", name, code, wantCode, stderr)
		}
		if got := strings.Contains(stderr, "up to date"); got != wantUpToDate {
			t.Fatalf("%s: up to date %v, want %v:\n%s", name, got, wantUpToDate, stderr)
		}
	}
	step("cold", exitOK, false)
	step("unchanged", exitOK, true)
	f, err := os.OpenFile(filepath.Join(dir, "tierp.txt"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nKommunen följer upp integrationen varje år.\n")
	f.Close()
	step("one changed file", exitOK, false)
	step("unchanged again", exitOK, true)
	if n := tesseractCalls(t, log); n != 0 {
		t.Fatalf("runs without a failure ran Tesseract %d times, want none", n)
	}

	writeFile(t, filepath.Join(dir, "empty.txt"), []byte("  \n"))
	step("a failed file", exitFailure, false)
	if tesseractCalls(t, log) == 0 {
		t.Fatal("a run with a failed file did not ask Tesseract for the failure's key")
	}
	step("the failure up to date", exitFailure, true)
	fakeTesseract(t, "tesseract 9.9.2")
	step("another Tesseract", exitFailure, false)
}
