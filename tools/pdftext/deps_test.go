package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkPackages keeps pdftext (and so ingest, all it imports)
// free of net and cgo: net/http was once linked for one MIME-sniffing
// function, and with it crypto/tls, crypto/x509 and, through net's
// resolver, the C library's dynamic loader, a few milliseconds of
// start-up in every process that reads a document (docs/benchmarks.md).
func TestNoNetworkPackages(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the imports: %v", err)
	}
	out, err := exec.Command(goBin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps listed %d packages: %q", len(deps), deps)
	}
	for _, d := range deps {
		switch d {
		case "net", "net/http", "crypto/tls", "crypto/x509", "runtime/cgo", "os/user":
			t.Errorf("pdftext links %s (go list -deps ./tools/pdftext)", d)
		}
	}
}
