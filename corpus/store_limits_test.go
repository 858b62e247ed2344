package corpus

import (
	"database/sql"
	"path/filepath"
	"testing"
)

// TestStoreFailureLimits: a failure is stored with the limits it was met
// under and comes back with them; a version 2 store (no limits column)
// is upgraded in place, its failures keyed by no limits (so retried).
func TestStoreFailureLimits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "styrdok.db")
	s, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	k := AnalysisKey{PipelineVersion: "v", CodebookHash: "cb", AsOf: "2026-01-01"}
	run, err := s.BeginRun(k, 1, "x")
	if err != nil {
		t.Fatal(err)
	}
	w := s.Writer(run, k)
	if err := w.Add(&Record{Path: "big.pdf", Size: 9, MtimeNS: 1, Failure: "file too large", Limits: "max-bytes=5"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	fs, err := s.FailureStates("v")
	if err != nil || fs["big.pdf"].Limits != "max-bytes=5" {
		t.Fatalf("failure states %+v, %v", fs, err)
	}
	s.Close()

	// Make it a version 2 store, as an earlier styrdok left it.
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	asVersion4(t, db)
	for _, q := range []string{`ALTER TABLE failures DROP COLUMN limits`, `ALTER TABLE runs DROP COLUMN unsupported`, `DROP TABLE prepared`, `UPDATE meta SET value = '2' WHERE key = 'schema_version'`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	db.Close()
	s, err = OpenStore(path)
	if err != nil {
		t.Fatalf("version 2 store not upgraded: %v", err)
	}
	defer s.Close()
	fs, err = s.FailureStates("v")
	if err != nil || fs["big.pdf"].Reason != "file too large" || fs["big.pdf"].Limits != "" {
		t.Fatalf("after the upgrade: %+v, %v", fs, err)
	}
}
