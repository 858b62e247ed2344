package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A peer whose Python cannot import its modules exits 1 at once: timed as
// a run, it made the peer look 30× faster than styrdok (0.11 s against
// 20 s). peerReady must refuse it, and runStrict must not count exit 1.
func TestPeerReadyRefusesMissingModulesAndScript(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "peer.py")
	if err := os.WriteFile(script, []byte("print(1)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A "python" that fails every probe, like one without the modules.
	noModules := filepath.Join(dir, "python")
	if err := os.WriteFile(noModules, []byte("#!/bin/sh\necho \"ModuleNotFoundError: No module named 'Stemmer'\" >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := peerReady(noModules, script)
	if err == nil || !strings.Contains(err.Error(), "python3-stemmer") || !strings.Contains(err.Error(), "Stemmer") {
		t.Errorf("peerReady without the modules = %v, want an error naming the module and the packages", err)
	}
	if err := peerReady("/bin/true", filepath.Join(dir, "absent.py")); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("peerReady without the script = %v, want \"not found\"", err)
	}
	if err := peerReady("/bin/true", script); err != nil {
		t.Errorf("peerReady with a python that imports = %v, want nil", err)
	}
}

func TestRunStrictCountsOnlyExitZero(t *testing.T) {
	if m := runStrict("exit 1", nil, "/bin/sh", "-c", "exit 1"); m.ok {
		t.Error("runStrict counted exit 1 as a run")
	}
	if m := runOnce("exit 1", nil, "/bin/sh", "-c", "exit 1"); !m.ok {
		t.Errorf("runOnce did not count exit 1 (styrdok's some-files-failed) as a run: %s", m.note)
	}
	if m := timeItStrict(2, "exit 0", nil, "/bin/sh", "-c", "exit 0"); !m.ok {
		t.Errorf("timeItStrict did not count exit 0: %s", m.note)
	}
	if m := timeItStrict(2, "exit 1", nil, "/bin/sh", "-c", "exit 1"); m.ok {
		t.Error("timeItStrict counted exit 1 as a run")
	}
}
