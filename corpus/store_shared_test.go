package corpus

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// asVersion4 turns the store at path, of the current schema, into one of
// schema version 4 as styrdok left it before analysis_data: every
// analyses row holding its own bytes (data, sentence_rows, hit_rows),
// the views reading them from there. Earlier versions' upgrade tests
// start from it.
func asVersion4(t *testing.T, db *sql.DB) {
	t.Helper()
	qs := append(dropViews(),
		`ALTER TABLE analyses ADD COLUMN data BLOB NOT NULL DEFAULT x''`,
		`ALTER TABLE analyses ADD COLUMN sentence_rows TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE analyses ADD COLUMN hit_rows TEXT NOT NULL DEFAULT ''`,
		`UPDATE analyses SET data = d.data, sentence_rows = d.sentence_rows, hit_rows = d.hit_rows FROM analysis_data d WHERE d.id = analyses.data_id`,
		`ALTER TABLE analyses DROP COLUMN data_id`,
		`DROP TABLE analysis_data`,
		// Version 4's views over the rows' own JSON, which the upgrade
		// must drop before it can drop the columns.
		`CREATE VIEW sentences AS SELECT a.id AS analysis_id, json_extract(j.value, '$[0]') AS idx FROM analyses a, json_each(a.sentence_rows) j`,
		`CREATE VIEW theme_hits AS SELECT a.id AS analysis_id, json_extract(j.value, '$[0]') AS theme FROM analyses a, json_each(a.hit_rows) j`,
		`UPDATE meta SET value = '4' WHERE key = 'schema_version'`)
	for _, q := range qs {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
}

// storeRows is a digest of what a store's analyses are: every analysis
// (key, metadata, bytes) with its sentences, hits and coverage, as SQL
// reads them through the views, one line each, sorted.
func storeRows(t *testing.T, db *sql.DB) string {
	t.Helper()
	var lines []string
	for _, q := range []string{
		`SELECT a.sha256 || ' ' || a.codebook_hash || ' ' || a.municipality || ' ' || a.words || ' ' || hex(d.data) FROM analyses a JOIN analysis_data d ON d.id = a.data_id`,
		`SELECT a.sha256 || ' ' || a.codebook_hash || ' s ' || s.idx || ' ' || s.start || ' ' || s.kind || ' ' || s.section FROM sentences s JOIN analyses a ON a.id = s.analysis_id`,
		`SELECT a.sha256 || ' ' || a.codebook_hash || ' h ' || h.theme || ' ' || h.sentence || ' ' || h.score || ' ' || h.matched FROM theme_hits h JOIN analyses a ON a.id = h.analysis_id`,
		`SELECT a.sha256 || ' ' || a.codebook_hash || ' c ' || c.theme || ' ' || c.sentences || ' ' || c.level FROM coverage c JOIN analyses a ON a.id = c.analysis_id`,
		`SELECT path || ' ' || codebook_hash || ' ' || data_id IS NOT NULL FROM documents`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(q, err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, s)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestKeptAnalysesShareBytes: an analysis kept across a change of terms
// is a row of the new codebook pointing at the bytes of the base
// codebook's row, not a copy of them; a content seen twice in one run
// leaves no bytes without a row.
func TestKeptAnalysesShareBytes(t *testing.T) {
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	st, err := OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	base := testAnalyzer(t)
	// The first file twice, under a second path: one row, one set of bytes.
	twice := append([]string{filepath.Join(t.TempDir(), "again.txt")}, files...)
	content, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(twice[0], content, 0o644); err != nil {
		t.Fatal(err)
	}
	runSaved(t, st, base, twice)
	weight := editedAnalyzer(t, "      - {term: arbetsgivare, weight: 2}\n", "      - {term: arbetsgivare, weight: 3}\n")
	res := runSaved(t, st, weight, twice)
	if res.kept == 0 || res.kept == len(twice) {
		t.Fatalf("%d of %d kept: want some kept, some re-tagged", res.kept, len(twice))
	}
	var shared, analyses, data, orphans int
	st.DB().QueryRow(`SELECT count(*) FROM analyses a JOIN analyses b ON b.sha256 = a.sha256 AND b.data_id = a.data_id
		WHERE a.codebook_hash = ? AND b.codebook_hash = ?`, weight.Codebook.Hash(), base.Codebook.Hash()).Scan(&shared)
	st.DB().QueryRow(`SELECT count(*) FROM analyses`).Scan(&analyses)
	st.DB().QueryRow(`SELECT count(*) FROM analysis_data`).Scan(&data)
	st.DB().QueryRow(`SELECT count(*) FROM analysis_data WHERE id NOT IN (SELECT data_id FROM analyses)`).Scan(&orphans)
	// Each kept document is counted once per path; its content once.
	keptContents := 0
	st.DB().QueryRow(`SELECT count(*) FROM analyses a JOIN analyses b ON b.sha256 = a.sha256 AND b.data_id = a.data_id
		WHERE a.codebook_hash = ? AND b.codebook_hash = ? AND a.sha256 IN (SELECT sha256 FROM files WHERE path = ?)`,
		weight.Codebook.Hash(), base.Codebook.Hash(), twice[0]).Scan(&keptContents)
	wantShared := res.kept - keptContents // again.txt and files[0] are one content
	if shared != wantShared || data != analyses-shared || orphans != 0 {
		t.Fatalf("%d kept rows share their base's bytes (want %d); %d analyses, %d sets of bytes (want %d), %d without a row",
			shared, wantShared, analyses, data, analyses-shared, orphans)
	}
}

// TestStoreUpgradeTo5: a version 4 store, whose analyses rows hold their
// own bytes, is upgraded in place: every analysis, sentence, hit and
// coverage row reads as before through the tables and views, and the
// next run re-uses every analysis. A store of a version this styrdok
// does not know, older or newer, is refused with a message naming both
// versions and what to do.
func TestStoreUpgradeTo5(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	st, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	runSaved(t, st, testAnalyzer(t), files)
	weight := editedAnalyzer(t, "      - {term: arbetsgivare, weight: 2}\n", "      - {term: arbetsgivare, weight: 3}\n")
	if res := runSaved(t, st, weight, files); res.kept == 0 {
		t.Fatal("nothing kept: the upgrade would not see shared bytes")
	}
	want := storeRows(t, st.DB())
	st.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	asVersion4(t, db)
	db.Close()
	if st, err = OpenStore(path); err != nil {
		t.Fatalf("version 4 store not upgraded: %v", err)
	}
	var version string
	st.DB().QueryRow(`SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&version)
	if version != StoreSchemaVersion {
		t.Fatalf("schema version %s after the upgrade, want %s", version, StoreSchemaVersion)
	}
	var free int
	st.DB().QueryRow(`PRAGMA freelist_count`).Scan(&free)
	if free != 0 {
		t.Errorf("%d free pages after the upgrade: the moved bytes' pages were not given back (VACUUM)", free)
	}
	if got := storeRows(t, st.DB()); got != want {
		t.Fatalf("the upgraded store reads differently:\n%s\nwant\n%s", firstLines(got, 5), firstLines(want, 5))
	}
	res := runSaved(t, st, weight, files)
	if res.Stats.Reused != len(files) || len(res.Problems) != 0 {
		t.Fatalf("after the upgrade: stats %+v, problems %v: want every analysis re-used", res.Stats, res.Problems)
	}
	st.Close()

	for _, v := range []string{"1", "6"} {
		db, err := sql.Open("sqlite", "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`UPDATE meta SET value = ? WHERE key = 'schema_version'`, v); err != nil {
			t.Fatal(err)
		}
		db.Close()
		_, err = OpenStore(path)
		wantMsg := fmt.Sprintf("schema version %s, this styrdok reads version %s (use a new --store file)", v, StoreSchemaVersion)
		if err == nil || !strings.Contains(err.Error(), wantMsg) || !strings.Contains(err.Error(), path) {
			t.Fatalf("version %s store: %v, want an error naming %s and saying %q", v, err, path, wantMsg)
		}
	}
}

// firstLines is s's first n lines, for a failure message.
func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
