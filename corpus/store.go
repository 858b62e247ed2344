package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/s2"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
	_ "modernc.org/sqlite" // the database/sql driver "sqlite", pure Go
)

// StoreSchemaVersion is the version of the store's tables (docs/store.md).
// A store written with another version is refused rather than misread.
const StoreSchemaVersion = "5"

// DefaultStoreName is the store's file name inside the output folder.
const DefaultStoreName = "styrdok.db"

// storeSchema creates the tables; docs/store.md documents every column.
const storeSchema = `
CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
	path     TEXT PRIMARY KEY,
	size     INTEGER NOT NULL,
	mtime_ns INTEGER NOT NULL,
	sha256   TEXT NOT NULL,
	last_run INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS files_sha256 ON files(sha256);
CREATE TABLE IF NOT EXISTS texts (
	sha256           TEXT NOT NULL,
	pipeline_version TEXT NOT NULL,
	format           TEXT NOT NULL,
	size             INTEGER NOT NULL,
	pages            TEXT NOT NULL,
	text             TEXT NOT NULL,
	PRIMARY KEY (sha256, pipeline_version)
);
CREATE TABLE IF NOT EXISTS codebooks (
	hash TEXT PRIMARY KEY,
	json TEXT NOT NULL
);
` + analysesSchema + `
CREATE TABLE IF NOT EXISTS coverage (
	analysis_id INTEGER NOT NULL,
	theme       TEXT NOT NULL,
	sentences   INTEGER NOT NULL,
	share       REAL NOT NULL,
	level       INTEGER NOT NULL,
	PRIMARY KEY (analysis_id, theme)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
	id               INTEGER PRIMARY KEY,
	started_at       TEXT NOT NULL,
	finished_at      TEXT,
	status           TEXT NOT NULL,
	pipeline_version TEXT NOT NULL,
	codebook_hash    TEXT NOT NULL,
	as_of            TEXT NOT NULL,
	workers          INTEGER NOT NULL,
	args             TEXT NOT NULL,
	files            INTEGER NOT NULL DEFAULT 0,
	parsed           INTEGER NOT NULL DEFAULT 0,
	retagged         INTEGER NOT NULL DEFAULT 0,
	reused           INTEGER NOT NULL DEFAULT 0,
	failed           INTEGER NOT NULL DEFAULT 0,
	unsupported      INTEGER NOT NULL DEFAULT 0,
	inputs           TEXT NOT NULL DEFAULT '',
	outputs          TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS failures (
	path             TEXT PRIMARY KEY,
	size             INTEGER NOT NULL,
	mtime_ns         INTEGER NOT NULL,
	pipeline_version TEXT NOT NULL,
	reason           TEXT NOT NULL,
	last_run         INTEGER NOT NULL,
	limits           TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS run_failures (
	run_id INTEGER NOT NULL,
	path   TEXT NOT NULL,
	reason TEXT NOT NULL,
	PRIMARY KEY (run_id, path)
);
`

// preparedSchema is the table of schema version 4: the codebook-independent
// part of each content's analysis (analysis.AppendPrepared), once per
// content and pipeline version, from which a run with another codebook
// re-tags a document without analysing it again. Created with the other
// tables, and added to a version 3 store by upgradeStore.
const preparedSchema = `
CREATE TABLE IF NOT EXISTS prepared (
	sha256           TEXT NOT NULL,
	pipeline_version TEXT NOT NULL,
	data             BLOB NOT NULL,
	PRIMARY KEY (sha256, pipeline_version)
);
`

// analysesSchema is the analyses table (docs/store.md), in storeSchema
// and, as analyses_v5, in the upgrade from version 4.
const analysesSchema = `
CREATE TABLE IF NOT EXISTS analyses (
	id                 INTEGER PRIMARY KEY,
	sha256             TEXT NOT NULL,
	pipeline_version   TEXT NOT NULL,
	codebook_hash      TEXT NOT NULL,
	as_of              TEXT NOT NULL,
	run_id             INTEGER NOT NULL,
	municipality_code  TEXT NOT NULL,
	municipality       TEXT NOT NULL,
	county_code        TEXT NOT NULL,
	county             TEXT NOT NULL,
	attribution_confidence REAL NOT NULL,
	attribution_reason TEXT NOT NULL,
	kind               TEXT NOT NULL,
	title              TEXT NOT NULL,
	reference          TEXT NOT NULL,
	adopted_by         TEXT NOT NULL,
	adopted_on         TEXT NOT NULL,
	valid_from         TEXT NOT NULL,
	valid_to           TEXT NOT NULL,
	year               TEXT NOT NULL,
	status             TEXT NOT NULL,
	words              INTEGER NOT NULL,
	sentences          INTEGER NOT NULL,
	data_id            INTEGER NOT NULL,
	UNIQUE (sha256, pipeline_version, codebook_hash, as_of)
);
`

// analysisDataSchema is the table of schema version 5: an analysis's
// bytes (the serialized analysis and its rows' JSON), which analyses
// rows share through analyses.data_id. An analysis kept across a
// codebook change (Record.KeptFrom) is a new analyses row pointing at
// the same bytes: when each codebook's row held its own copy, keeping
// 2,000 analyses copied 38 MB inside SQLite (0.59 s of a 4.6 s re-run)
// and the store grew by 19 KB per document and codebook.
const analysisDataSchema = `
CREATE TABLE IF NOT EXISTS analysis_data (
	id            INTEGER PRIMARY KEY,
	data          BLOB NOT NULL,
	sentence_rows TEXT NOT NULL,
	hit_rows      TEXT NOT NULL
);
`

// storeViewNames are the views of storeViews, dropped before a schema
// upgrade changes the columns they read (upgradeStore) and created again
// by init.
var storeViewNames = []string{"documents", "sentences", "theme_hits", "sentence_texts", "current_run", "current_analyses",
	"current_documents", "current_coverage", "current_sentences", "current_theme_hits", "current_sentence_texts"}

// storeViews are (re)created on every open, so that a store upgraded from
// an earlier schema gets the views added since.
const storeViews = `
CREATE VIEW IF NOT EXISTS documents AS
	SELECT f.path, a.* FROM files f JOIN analyses a ON a.sha256 = f.sha256;
CREATE VIEW IF NOT EXISTS sentences AS
	SELECT a.id AS analysis_id,
		json_extract(j.value, '$[0]') AS idx, json_extract(j.value, '$[1]') AS start,
		json_extract(j.value, '$[2]') AS end, json_extract(j.value, '$[3]') AS page,
		json_extract(j.value, '$[4]') AS kind, json_extract(j.value, '$[5]') AS section
	FROM analyses a JOIN analysis_data d ON d.id = a.data_id, json_each(d.sentence_rows) j;
CREATE VIEW IF NOT EXISTS theme_hits AS
	SELECT a.id AS analysis_id,
		json_extract(j.value, '$[0]') AS theme, json_extract(j.value, '$[1]') AS sentence,
		CAST(json_extract(j.value, '$[2]') AS REAL) AS score, json_extract(j.value, '$[3]') AS matched
	FROM analyses a JOIN analysis_data d ON d.id = a.data_id, json_each(d.hit_rows) j;
CREATE VIEW IF NOT EXISTS sentence_texts AS
	SELECT s.*, a.sha256,
		CAST(substr(CAST(t.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT) AS text
	FROM sentences s JOIN analyses a ON a.id = s.analysis_id
		JOIN texts t ON t.sha256 = a.sha256 AND t.pipeline_version = a.pipeline_version;
-- The current_* views (docs/store.md): the analyses of the latest
-- completed run's pipeline version and codebook only, so that a file
-- analysed again after a codebook change is counted once; the status
-- is judged at that run's date (analysis/metadata.go validityStatus).
CREATE VIEW IF NOT EXISTS current_run AS
	SELECT id, pipeline_version, codebook_hash, as_of FROM runs
	WHERE status = 'completed' ORDER BY id DESC LIMIT 1;
CREATE VIEW IF NOT EXISTS current_analyses AS
	SELECT a.id, a.sha256, a.pipeline_version, a.codebook_hash, r.as_of, a.run_id,
		a.municipality_code, a.municipality, a.county_code, a.county,
		a.attribution_confidence, a.attribution_reason,
		a.kind, a.title, a.reference, a.adopted_by, a.adopted_on, a.valid_from, a.valid_to, a.year,
		CASE
			WHEN e.valid_end IS NULL THEN 'unknown'
			WHEN e.valid_end < r.as_of THEN 'expired'
			ELSE 'current'
		END AS status,
		a.words, a.sentences
	FROM analyses a
	JOIN current_run r ON a.pipeline_version = r.pipeline_version AND a.codebook_hash = r.codebook_hash
	JOIN (SELECT id, CASE
			WHEN date(valid_to) = valid_to THEN valid_to
			WHEN date(valid_to || '-01') = valid_to || '-01' THEN date(valid_to || '-01', '+1 month', '-1 day')
			WHEN length(valid_to) = 4 AND date(valid_to || '-01-01') = valid_to || '-01-01' THEN valid_to || '-12-31'
		END AS valid_end FROM analyses) e ON e.id = a.id;
CREATE VIEW IF NOT EXISTS current_documents AS
	SELECT f.path, a.* FROM files f JOIN current_analyses a ON a.sha256 = f.sha256;
CREATE VIEW IF NOT EXISTS current_coverage AS
	SELECT c.* FROM coverage c JOIN current_analyses a ON a.id = c.analysis_id;
CREATE VIEW IF NOT EXISTS current_sentences AS
	SELECT s.* FROM sentences s JOIN current_analyses a ON a.id = s.analysis_id;
CREATE VIEW IF NOT EXISTS current_theme_hits AS
	SELECT h.* FROM theme_hits h JOIN current_analyses a ON a.id = h.analysis_id;
CREATE VIEW IF NOT EXISTS current_sentence_texts AS
	SELECT s.* FROM sentence_texts s JOIN current_analyses a ON a.id = s.analysis_id;
`

// Store is the embedded SQLite database of a corpus: files, extracted
// texts, analyses with their sentences and theme hits, and run records.
// It is safe for concurrent use; writes go through one StoreWriter at a
// time. Every write happens in a transaction on a WAL journal, so a
// process killed at any moment leaves the store as of its last commit.
type Store struct {
	db       *sql.DB
	path     string
	loadStmt *sql.Stmt // LoadAnalysis, prepared once: it runs once per re-used file
	// prepStmt and textStmt are LoadPrepared and LoadText, prepared once:
	// they run once per re-tagged file.
	prepStmt, textStmt *sql.Stmt
	// packBufs recycles the buffers analyses are compressed into (*[]byte):
	// once a record is written (SQLite copies what it binds) its buffer
	// serves the next; a new one per document was 66 MB of garbage on
	// 2,000 documents.
	packBufs sync.Pool
	// rowBufs recycles the scratch buffers of the rows' JSON (*[]byte).
	rowBufs sync.Pool
	// pageSize is the file's page size: storePageSize for a store made
	// since session 12, SQLite's default 4 KB for one made before.
	pageSize int
}

// AnalysisKey is what an analysis depends on besides the document's
// content: the pipeline version (code) and the codebook. AsOf, the date
// statuses (current, expired) are judged at, is the run's (runs.as_of),
// not the analysis's: themes, levels and evidence do not depend on it,
// and when it was part of the key every new day re-tagged the whole
// corpus. A status is judged when reports are made (analysis.Run) and in
// the current_* views; analyses.as_of and analyses.status are left
// empty.
type AnalysisKey struct {
	PipelineVersion string
	CodebookHash    string
	AsOf            string // YYYY-MM-DD: the run's date, recorded in runs
}

// FileState is what the store remembers of a file on disk. A file whose
// size and modification time are unchanged is not read again.
type FileState struct {
	Size    int64
	MtimeNS int64
	SHA256  string
}

// storePageSize is the page size of a new store. Most of what a run
// writes is a few large values per document (its text, ~12 KB; its
// compressed analysis, ~12 KB; its prepared analysis and rows' JSON),
// which with SQLite's default 4 KB pages span chains of overflow pages,
// each page a WAL frame written with two pwrite calls and copied to the
// database by another pread and pwrite at a checkpoint. With 64 KB pages
// a document's values sit in one or two leaf pages: writing a cold
// run's store took about a third less CPU (BenchmarkStoreWrite, docs/
// benchmarks.md session 12), for a file about 10% larger (85 against 77
// MB for 2,000 documents: index pages split half full hold more empty
// space), and reading a row back costs no more (BenchmarkStoreRead).
const storePageSize = 65536

// walCheckpointBytes is about how large the WAL grows before the run's
// writer copies it into the database (wal_autocheckpoint, given in
// pages: SQLite's default of 1,000 pages was 4 MB with 4 KB pages and
// would be 64 MB with storePageSize). It bounds what a power cut can take
// back: with synchronous=NORMAL the WAL is synced at each checkpoint,
// so a power cut (not a crash of styrdok, which loses nothing committed)
// can undo the transactions committed since the last one, about this
// many bytes of rows; the store stays consistent either way.
const walCheckpointBytes = 4 << 20

// OpenStore opens (creating if needed) the store at path.
func OpenStore(path string) (*Store, error) { return openStore(path, storePageSize) }

// openStore is OpenStore with the page size a new store gets (a power of
// two from 512 to 65536); tests and benchmarks make stores of SQLite's
// default 4 KB pages with it, as styrdok made them before.
func openStore(path string, pageSize int) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(30000)")
	// A new store gets pages of storePageSize bytes; an existing one
	// keeps the size it was made with (the pragma only acts on an empty
	// file). The driver runs the _pragma list in lexicographic order and
	// the _journal_mode key after it: page_size must come before the
	// journal is WAL, whose page size is fixed.
	q.Add("_pragma", fmt.Sprintf("page_size(%d)", pageSize))
	q.Add("_journal_mode", "WAL")
	q.Add("_synchronous", "NORMAL")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.init(); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&s.pageSize); err != nil || s.pageSize <= 0 {
		db.Close()
		return nil, fmt.Errorf("store %s: page size %d: %v", path, s.pageSize, err)
	}
	for _, st := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&s.loadStmt, `SELECT d.data FROM analyses a JOIN analysis_data d ON d.id = a.data_id
			WHERE a.sha256 = ? AND a.pipeline_version = ? AND a.codebook_hash = ? AND a.as_of = ''`},
		{&s.prepStmt, `SELECT data FROM prepared WHERE sha256 = ? AND pipeline_version = ?`},
		{&s.textStmt, `SELECT format, size, pages, text FROM texts WHERE sha256 = ? AND pipeline_version = ?`},
	} {
		if *st.stmt, err = db.Prepare(st.query); err != nil {
			db.Close()
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
	}
	return s, nil
}

func (s *Store) init() error {
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version, was string
	err = tx.QueryRow(`SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&version)
	if err == nil {
		was = version
		if version, err = upgradeStore(tx, version); err != nil {
			return err
		}
	}
	switch {
	case err == nil && version != StoreSchemaVersion:
		return fmt.Errorf("schema version %s, this styrdok reads version %s (use a new --store file)", version, StoreSchemaVersion)
	case err != nil:
		if _, err := tx.Exec(storeSchema + preparedSchema + analysisDataSchema); err != nil {
			return fmt.Errorf("creating tables: %w", err)
		}
		if _, err := tx.Exec(`INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)`, StoreSchemaVersion); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(storeViews); err != nil {
		return fmt.Errorf("creating views: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if was != "" && was != version {
		// The upgrade to version 5 moved every analysis's bytes to
		// analysis_data: the pages they left are given back once, or the
		// file keeps both (118 -> 197 MB for 2,000 documents analysed
		// with two codebooks). A store VACUUM fails on (a full disk) is
		// whole all the same, and later writes reuse its free pages.
		_, _ = s.db.Exec(`VACUUM`)
	}
	return nil
}

// upgradeStore brings a store of an earlier schema version up to
// StoreSchemaVersion in place, inside the opening transaction, and
// returns the version it is then at (a version it does not know, older
// or newer, is returned as it is and refused by the caller). Every
// schema change is one step here.
func upgradeStore(tx *sql.Tx, version string) (string, error) {
	steps := []struct {
		from, to string
		queries  []string
	}{
		// Version 3 keys a failure by the limits it was met under, and
		// counts a run's unsupported files apart from its failed ones.
		{"2", "3", []string{`ALTER TABLE failures ADD COLUMN limits TEXT NOT NULL DEFAULT ''`,
			`ALTER TABLE runs ADD COLUMN unsupported INTEGER NOT NULL DEFAULT 0`}},
		// Version 4 keeps the prepared (codebook-independent) analyses.
		{"3", "4", []string{preparedSchema}},
		// Version 5 moves each analysis's bytes to analysis_data, which
		// rows of several codebooks share: every row keeps its bytes
		// under its own id. The views reading the moved columns are
		// dropped first (SQLite refuses to drop a column a view reads);
		// init creates them again.
		{"4", "5", append(dropViews(), analysisDataSchema,
			`INSERT INTO analysis_data(id, data, sentence_rows, hit_rows) SELECT id, data, sentence_rows, hit_rows FROM analyses`,
			strings.Replace(analysesSchema, "analyses (", "analyses_v5 (", 1),
			`INSERT INTO analyses_v5(`+analysesV4Columns+`, data_id) SELECT `+analysesV4Columns+`, id FROM analyses`,
			`DROP TABLE analyses`,
			`ALTER TABLE analyses_v5 RENAME TO analyses`)},
	}
	was := version
	for _, st := range steps {
		if version != st.from {
			continue
		}
		for _, q := range st.queries {
			if _, err := tx.Exec(q); err != nil {
				return was, fmt.Errorf("upgrading the store from version %s: %w", st.from, err)
			}
		}
		version = st.to
	}
	if version != was {
		if _, err := tx.Exec(`UPDATE meta SET value = ? WHERE key = 'schema_version'`, version); err != nil {
			return was, err
		}
	}
	return version, nil
}

// analysesV4Columns are the columns of version 4's analyses table
// that version 5 keeps (all but data, sentence_rows and hit_rows).
const analysesV4Columns = `id, sha256, pipeline_version, codebook_hash, as_of, run_id,
	municipality_code, municipality, county_code, county, attribution_confidence, attribution_reason,
	kind, title, reference, adopted_by, adopted_on, valid_from, valid_to, year, status, words, sentences`

// dropViews are the statements that drop every view of storeViews.
func dropViews() []string {
	q := make([]string, len(storeViewNames))
	for i, v := range storeViewNames {
		q[i] = "DROP VIEW IF EXISTS " + v
	}
	return q
}

// Path returns the store's file name.
func (s *Store) Path() string { return s.path }

// DB gives direct read access for tests and tools.
func (s *Store) DB() *sql.DB { return s.db }

// Close checkpoints the journal and closes the database.
func (s *Store) Close() error {
	s.loadStmt.Close()
	s.prepStmt.Close()
	s.textStmt.Close()
	_, _ = s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store %s: %w", s.path, err)
	}
	return nil
}

// FileStates returns every remembered file by path.
func (s *Store) FileStates() (map[string]FileState, error) {
	rows, err := s.db.Query(`SELECT path, size, mtime_ns, sha256 FROM files`)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.path, err)
	}
	defer rows.Close()
	out := map[string]FileState{}
	for rows.Next() {
		var p string
		var f FileState
		if err := rows.Scan(&p, &f.Size, &f.MtimeNS, &f.SHA256); err != nil {
			return nil, fmt.Errorf("store %s: %w", s.path, err)
		}
		out[p] = f
	}
	return out, rows.Err()
}

// FailureState is a file that failed with the same size, modification
// time and pipeline version: it fails again without being read, as long
// as the limits are the same (Limits names them; a failure on a limit
// must be retried when the limit is raised).
type FailureState struct {
	Size    int64
	MtimeNS int64
	Reason  string
	Limits  string
}

// FailureStates returns the remembered failures of pipeline version v.
func (s *Store) FailureStates(v string) (map[string]FailureState, error) {
	rows, err := s.db.Query(`SELECT path, size, mtime_ns, reason, limits FROM failures WHERE pipeline_version = ?`, v)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.path, err)
	}
	defer rows.Close()
	out := map[string]FailureState{}
	for rows.Next() {
		var p string
		var f FailureState
		if err := rows.Scan(&p, &f.Size, &f.MtimeNS, &f.Reason, &f.Limits); err != nil {
			return nil, fmt.Errorf("store %s: %w", s.path, err)
		}
		out[p] = f
	}
	return out, rows.Err()
}

// TextHashes returns the content hashes whose text, as extracted by
// pipeline version v, is stored.
func (s *Store) TextHashes(v string) (map[string]bool, error) {
	return s.hashes(`SELECT sha256 FROM texts WHERE pipeline_version = ?`, v)
}

// AnalysedHashes returns the content hashes with a stored analysis for k.
func (s *Store) AnalysedHashes(k AnalysisKey) (map[string]bool, error) {
	return s.hashes(`SELECT sha256 FROM analyses WHERE pipeline_version = ? AND codebook_hash = ? AND as_of = ''`,
		k.PipelineVersion, k.CodebookHash)
}

func (s *Store) hashes(query string, args ...any) (map[string]bool, error) {
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.path, err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("store %s: %w", s.path, err)
		}
		out[h] = true
	}
	return out, rows.Err()
}

// LoadAnalysis returns the serialized analysis of content sha256 for k.
func (s *Store) LoadAnalysis(sha256 string, k AnalysisKey) ([]byte, error) {
	_, data, err := s.loadAnalysisPacked(sha256, k, nil)
	return data, err
}

// LoadPackedAnalysis is LoadAnalysis's row as stored, S2-compressed: the
// spill's bytes as they are (the same encoding and compression).
func (s *Store) LoadPackedAnalysis(sha256 string, k AnalysisKey) ([]byte, error) {
	var data []byte
	if err := s.loadStmt.QueryRow(sha256, k.PipelineVersion, k.CodebookHash).Scan(&data); err != nil {
		return nil, fmt.Errorf("store %s: analysis of %s: %w", s.path, sha256, err)
	}
	return data, nil
}

// PreparedHashes returns the content hashes whose prepared analysis
// (analysis.AppendPrepared), made by pipeline version v, is stored.
func (s *Store) PreparedHashes(v string) (map[string]bool, error) {
	return s.hashes(`SELECT sha256 FROM prepared WHERE pipeline_version = ?`, v)
}

// LoadPrepared returns the prepared analysis of content sha256 made by
// pipeline version v, uncompressed.
func (s *Store) LoadPrepared(sha256, v string) ([]byte, error) {
	var data []byte
	if err := s.prepStmt.QueryRow(sha256, v).Scan(&data); err != nil {
		return nil, fmt.Errorf("store %s: prepared analysis of %s: %w", s.path, sha256, err)
	}
	out, err := s2.Decode(nil, data)
	if err != nil {
		return nil, fmt.Errorf("store %s: prepared analysis of %s: %w", s.path, sha256, err)
	}
	return out, nil
}

// LoadText returns the text of content sha256 extracted by pipeline
// version v, as a Document whose Path is path.
func (s *Store) LoadText(sha256, v, path string) (*ingest.Document, error) {
	var format, pages string
	doc := &ingest.Document{Path: path, SHA256: sha256}
	err := s.textStmt.QueryRow(sha256, v).Scan(&format, &doc.Size, &pages, &doc.Text)
	if err != nil {
		return nil, fmt.Errorf("store %s: text of %s: %w", s.path, path, err)
	}
	doc.Format = ingest.Format(format)
	var spans [][]int
	if err := json.Unmarshal([]byte(pages), &spans); err != nil {
		return nil, fmt.Errorf("store %s: pages of %s: %w", s.path, path, err)
	}
	for i, sp := range spans {
		if len(sp) < 2 {
			return nil, fmt.Errorf("store %s: pages of %s: span %d has %d numbers", s.path, path, i+1, len(sp))
		}
		doc.Pages = append(doc.Pages, ingest.Page{Number: i + 1, Start: sp[0], End: sp[1]})
		if len(sp) > 2 && sp[2] == 1 {
			doc.OCRPages = append(doc.OCRPages, i+1)
		}
	}
	return doc, nil
}

// StoredCodebook is a codebook the store holds analyses of: its hash and
// its JSON as SaveCodebook recorded it.
type StoredCodebook struct{ Hash, JSON string }

// AnalysedCodebooks returns the codebooks other than except that the
// store holds analyses of by pipeline version v, the one its latest run
// used first, at most max of them: a run with a codebook that differs
// from one of them in a few terms keeps the analyses those terms cannot
// touch (corpus.Run, analysis.TermChange).
func (s *Store) AnalysedCodebooks(v, except string, max int) ([]StoredCodebook, error) {
	rows, err := s.db.Query(`SELECT c.hash, c.json FROM codebooks c JOIN
		(SELECT codebook_hash, MAX(run_id) AS last FROM analyses WHERE pipeline_version = ? AND codebook_hash != ? AND as_of = '' GROUP BY codebook_hash) a
		ON a.codebook_hash = c.hash ORDER BY a.last DESC, c.hash LIMIT ?`, v, except, max)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.path, err)
	}
	defer rows.Close()
	var out []StoredCodebook
	for rows.Next() {
		var c StoredCodebook
		if err := rows.Scan(&c.Hash, &c.JSON); err != nil {
			return nil, fmt.Errorf("store %s: %w", s.path, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store %s: %w", s.path, err)
	}
	return out, nil
}

// SaveCodebook records a codebook's JSON under its hash, so researchers
// can see which codebook an analysis was made with.
func (s *Store) SaveCodebook(hash string, jsonText []byte) error {
	if _, err := s.db.Exec(`INSERT OR IGNORE INTO codebooks(hash, json) VALUES (?, ?)`, hash, string(jsonText)); err != nil {
		return fmt.Errorf("store %s: %w", s.path, err)
	}
	return nil
}

// RunStats count what a run did with its files.
type RunStats struct {
	Files    int // files considered
	Parsed   int // read and parsed from disk
	Retagged int // analysed again from stored text (new codebook, version or date)
	Reused   int // analysis taken from the store
	// Failed counts the files that could not be read; Unsupported the
	// files that are not documents (images, archives), skipped and
	// listed: they alone do not fail a run. Each file is counted once.
	Failed      int
	Unsupported int
}

// BeginRun records the start of a run and returns its id. Runs left
// "running" by a killed process are marked "interrupted".
func (s *Store) BeginRun(k AnalysisKey, workers int, args string) (int64, error) {
	now := time.Now().UTC().Format(time.RFC3339)
	if _, err := s.db.Exec(`UPDATE runs SET status = 'interrupted' WHERE status = 'running'`); err != nil {
		return 0, fmt.Errorf("store %s: %w", s.path, err)
	}
	res, err := s.db.Exec(`INSERT INTO runs(started_at, status, pipeline_version, codebook_hash, as_of, workers, args) VALUES (?, 'running', ?, ?, ?, ?, ?)`,
		now, k.PipelineVersion, k.CodebookHash, k.AsOf, workers, args)
	if err != nil {
		return 0, fmt.Errorf("store %s: %w", s.path, err)
	}
	return res.LastInsertId()
}

// RunFailure is one file a run could not analyse.
type RunFailure struct{ Path, Reason string }

// OutputFile is a report file a run wrote, to tell later whether it is
// still as written.
type OutputFile struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// RunEnd is how a run ended: Status is "completed" or "interrupted";
// Inputs a digest of everything the reports depend on; Outputs the
// report files written.
type RunEnd struct {
	Status   string
	Stats    RunStats
	Failures []RunFailure
	Inputs   string
	Outputs  []OutputFile
}

// LastCompleted returns the inputs digest and outputs of the latest
// completed run, or "" when there is none.
func (s *Store) LastCompleted() (string, []OutputFile, error) {
	var inputs, outputs string
	err := s.db.QueryRow(`SELECT inputs, outputs FROM runs WHERE status = 'completed' ORDER BY id DESC LIMIT 1`).Scan(&inputs, &outputs)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, nil
	}
	if err != nil {
		return "", nil, fmt.Errorf("store %s: %w", s.path, err)
	}
	var out []OutputFile
	if err := json.Unmarshal([]byte(outputs), &out); err != nil {
		return "", nil, fmt.Errorf("store %s: runs.outputs: %w", s.path, err)
	}
	return inputs, out, nil
}

// FinishRun records a run's end, its counts, failures, inputs and outputs.
func (s *Store) FinishRun(id int64, end RunEnd) error {
	status, st, fails := end.Status, end.Stats, end.Failures
	outputs, _ := json.Marshal(end.Outputs)
	if end.Outputs == nil {
		outputs = []byte("[]")
	}
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("store %s: %w", s.path, err)
	}
	defer tx.Rollback()
	now := time.Now().UTC().Format(time.RFC3339)
	if _, err := tx.Exec(`UPDATE runs SET finished_at = ?, status = ?, files = ?, parsed = ?, retagged = ?, reused = ?, failed = ?, unsupported = ?, inputs = ?, outputs = ? WHERE id = ?`,
		now, status, st.Files, st.Parsed, st.Retagged, st.Reused, st.Failed, st.Unsupported, end.Inputs, string(outputs), id); err != nil {
		return fmt.Errorf("store %s: %w", s.path, err)
	}
	stmt, err := tx.Prepare(`INSERT OR REPLACE INTO run_failures(run_id, path, reason) VALUES (?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("store %s: %w", s.path, err)
	}
	defer stmt.Close()
	for _, f := range fails {
		if _, err := stmt.Exec(id, f.Path, f.Reason); err != nil {
			return fmt.Errorf("store %s: %s: %w", s.path, f.Path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store %s: %w", s.path, err)
	}
	return nil
}

// DocumentRow is an analysis's per-document columns (municipality and
// metadata), stored next to the serialized analysis for SQL.
type DocumentRow struct {
	// Metadata are the values of analysis.MetadataFields, in its order:
	// each goes to the column of the field's name.
	Metadata              []string
	AttributionConfidence float64
	AttributionReason     string
	Words, Sentences      int
}

// SentenceRow is one segment of a document. Its text is the span
// Start:End of the stored text (view sentence_texts), not stored twice.
type SentenceRow struct {
	Index, Start, End, Page int
	Kind                    string
	Section                 int
}

// HitRow is one segment counting toward one theme.
type HitRow struct {
	Theme    string
	Sentence int
	Score    float64
	Matched  string // matched words, "; "-separated
}

// CoverageRow is one theme's coverage of a document.
type CoverageRow struct {
	Theme     string
	Sentences int
	Share     float64
	Level     int
}

// AnalysisRecord is one analysis to store: Data is the serialized
// analysis that reports are rebuilt from; the rows are its normalised
// form for researchers' SQL.
type AnalysisRecord struct {
	Data      []byte
	Document  DocumentRow
	Sentences []SentenceRow
	Hits      []HitRow
	Coverage  []CoverageRow

	sealed                bool
	packed                []byte // Data, S2-compressed (klauspost/compress/s2: zstd cost 0.4 s of CPU on 2,000 documents, S2 a quarter of that, for a store 10% larger)
	sentenceRows, hitRows string // Sentences and Hits as JSON (rows.go)
}

// Seal does the CPU work of storing r (compressing Data, encoding the
// rows) in the caller's goroutine. A batch run calls it in its parallel
// workers, so that the one goroutine that writes the store only writes;
// StoreWriter.Add seals records that are not sealed yet. r must not
// change afterwards.
func (s *Store) Seal(r *AnalysisRecord) {
	if r.sealed {
		return
	}
	var dst []byte
	if b, ok := s.packBufs.Get().(*[]byte); ok {
		dst = *b
	}
	if n := s2.MaxEncodedLen(len(r.Data)); n > cap(dst) {
		dst = make([]byte, n)
	}
	r.packed = s2.Encode(dst[:cap(dst)], r.Data)
	buf, _ := s.rowBufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	r.sentenceRows, r.hitRows = sentenceRowsJSON(buf, r.Sentences), hitRowsJSON(buf, r.Hits)
	s.rowBufs.Put(buf)
	r.sealed = true
}

// Packed is Data as Seal compressed it (S2), nil before Seal. It is
// valid until the record is given to StoreWriter.Add, which recycles it
// once written.
func (r *AnalysisRecord) Packed() []byte { return r.packed }

// Record is what a run learnt about one file.
type Record struct {
	Path     string
	Size     int64
	MtimeNS  int64
	SHA256   string
	Text     *ingest.Document // non-nil: the text is new to the store
	Analysis *AnalysisRecord  // non-nil: the analysis is new to the store
	// Prepared, when set, is the content's prepared analysis
	// (analysis.AppendPrepared), S2-compressed: new to the store, or
	// replacing a damaged one.
	Prepared []byte
	// KeptFrom, when set, is the hash of a codebook whose stored
	// analysis of SHA256 is this run's too (a codebook change that cannot
	// touch the document, analysis.TermChange): a row under the run's
	// codebook shares the stored bytes (analysis_data) and copies the
	// coverage rows inside the store; nothing is encoded or compressed
	// again. Analysis is nil then.
	KeptFrom string
	// Failure, when set, is why the file failed; it is remembered with
	// the file's size and modification time so that an unchanged broken
	// file is not read again until the pipeline version changes.
	Failure string
	// Limits names the limits the failure was met under (FailureState).
	Limits string
	// ClearFailure forgets an earlier failure of Path.
	ClearFailure bool
}

// StoreWriter batches records into transactions: a batch commits when it
// holds BatchSize records or is older than MaxDelay, and on Flush. It is
// not safe for concurrent use.
type StoreWriter struct {
	s         *Store
	key       AnalysisKey
	runID     int64
	tx        *sql.Tx
	stmts     map[string]*sql.Stmt
	pending   int
	began     time.Time
	args      []any
	BatchSize int
	MaxDelay  time.Duration
}

// Writer returns a writer for run runID's records, analysed with key k.
func (s *Store) Writer(runID int64, k AnalysisKey) *StoreWriter {
	return &StoreWriter{s: s, key: k, runID: runID, BatchSize: 200, MaxDelay: time.Second}
}

var writerStatements = map[string]string{
	"file": `INSERT INTO files(path, size, mtime_ns, sha256, last_run) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256, last_run = excluded.last_run`,
	"failure": `INSERT INTO failures(path, size, mtime_ns, pipeline_version, reason, last_run, limits) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, pipeline_version = excluded.pipeline_version, reason = excluded.reason, last_run = excluded.last_run, limits = excluded.limits`,
	"unfail":   `DELETE FROM failures WHERE path = ?`,
	"text":     `INSERT OR IGNORE INTO texts(sha256, pipeline_version, format, size, pages, text) VALUES (?, ?, ?, ?, ?, ?)`,
	"prepared": `INSERT OR REPLACE INTO prepared(sha256, pipeline_version, data) VALUES (?, ?, ?)`,
	"data":     `INSERT INTO analysis_data(data, sentence_rows, hit_rows) VALUES (?, ?, ?)`,
	"analysis": analysisInsert(),
	// unshare removes the bytes of an analysis whose row was not written
	// (a duplicate of content seen earlier in the run).
	"unshare": `DELETE FROM analysis_data WHERE id = ?`,
}

// keepStatements are StoreWriter.keep's, prepared in a transaction when
// it first keeps an analysis (a cold run never does).
var keepStatements = map[string]string{
	"keptID": `SELECT id FROM analyses WHERE sha256 = ? AND pipeline_version = ? AND codebook_hash = ? AND as_of = ''`,
	"keep":   analysisCopy(),
	"keepCoverage": `INSERT INTO coverage(analysis_id, theme, sentences, share, level)
		SELECT ?, theme, sentences, share, level FROM coverage WHERE analysis_id = ?`,
}

// analysisCopy is the INSERT of a copy of an analyses row (by id) under
// another codebook hash and run: analysisInsert's columns, the metadata
// as they are and the same analysis_data row (data_id), whose bytes are
// not copied.
func analysisCopy() string {
	cols := analysisColumns()
	sel := slices.Clone(cols)
	sel[2], sel[4] = "?", "?"
	return "INSERT OR IGNORE INTO analyses(" + strings.Join(cols, ", ") + ") SELECT " + strings.Join(sel, ", ") + " FROM analyses WHERE id = ?"
}

// analysisInsert is the INSERT of an analyses row, its metadata columns
// named by analysis.MetadataFields (StoreWriter.add gives the values in
// the same order). The table itself (storeSchema) and the views
// (storeViews) are written out, not derived: they are the store's
// schema as every styrdok.db of its version holds it, and a column added
// to MetadataFields needs a new schema version anyway;
// TestStoreMetadataColumns checks that the table has a column for every
// field.
func analysisInsert() string {
	cols := analysisColumns()
	return "INSERT OR IGNORE INTO analyses(" + strings.Join(cols, ", ") + ") VALUES (" + strings.Repeat("?, ", len(cols)-1) + "?)"
}

// analysisColumns are the analyses columns a row is written with, in
// the order StoreWriter.add gives their values: the key (codebook_hash
// third, run_id fifth, which analysisCopy replaces), the metadata, the
// counts and data_id.
func analysisColumns() []string {
	cols := []string{"sha256", "pipeline_version", "codebook_hash", "as_of", "run_id"}
	for _, f := range analysis.MetadataFields {
		cols = append(cols, f.Name)
	}
	return append(cols, "attribution_confidence", "attribution_reason", "words", "sentences", "data_id")
}

// bulkTables are the row tables written many rows per statement (one
// INSERT of bulkRows rows costs little more than one of a single row).
var bulkTables = map[string]string{
	"coverage": `INSERT INTO coverage(analysis_id, theme, sentences, share, level) VALUES `,
}

var bulkColumns = map[string]int{"coverage": 5}

const bulkRows = 64

// bulkSQL is an INSERT of n rows of cols columns.
func bulkSQL(prefix string, cols, n int) string {
	row := "(?" + strings.Repeat(", ?", cols-1) + ")"
	return prefix + row + strings.Repeat(", "+row, n-1)
}

// bulkInsert inserts n rows into table; fill appends row i's values.
func (w *StoreWriter) bulkInsert(table string, n int, fill func(args []any, i int) []any) error {
	cols := bulkColumns[table]
	for done := 0; done < n; {
		k := min(bulkRows, n-done)
		st := w.stmts[table]
		if k < bulkRows {
			// A statement for k rows, prepared once per transaction: the
			// last rows of every document come in such short batches.
			name := fmt.Sprintf("%s/%d", table, k)
			if st = w.stmts[name]; st == nil {
				var err error
				if st, err = w.tx.Prepare(bulkSQL(bulkTables[table], cols, k)); err != nil {
					return err
				}
				w.stmts[name] = st
			}
		}
		w.args = w.args[:0]
		for i := done; i < done+k; i++ {
			w.args = fill(w.args, i)
		}
		if _, err := st.Exec(w.args...); err != nil {
			return err
		}
		done += k
	}
	return nil
}

// Add writes one record into the current batch.
func (w *StoreWriter) Add(r *Record) error {
	if err := w.add(r); err != nil {
		if w.tx != nil {
			w.tx.Rollback()
			w.tx = nil
		}
		return fmt.Errorf("store %s: %s: %w", w.s.path, r.Path, err)
	}
	if w.pending >= w.BatchSize || time.Since(w.began) >= w.MaxDelay {
		return w.Flush()
	}
	return nil
}

func (w *StoreWriter) add(r *Record) error {
	if w.tx == nil {
		tx, err := w.s.db.Begin()
		if err != nil {
			return err
		}
		w.tx, w.began, w.pending = tx, time.Now(), 0
		// A setting of the transaction's connection, which the pool
		// chooses: set each time.
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", max(1, walCheckpointBytes/w.s.pageSize))); err != nil {
			return err
		}
		w.stmts = map[string]*sql.Stmt{}
		for name, q := range writerStatements {
			st, err := tx.Prepare(q)
			if err != nil {
				return err
			}
			w.stmts[name] = st
		}
		for name, prefix := range bulkTables {
			st, err := tx.Prepare(bulkSQL(prefix, bulkColumns[name], bulkRows))
			if err != nil {
				return err
			}
			w.stmts[name] = st
		}
	}
	w.pending++
	if r.Failure != "" {
		_, err := w.stmts["failure"].Exec(r.Path, r.Size, r.MtimeNS, w.key.PipelineVersion, r.Failure, w.runID, r.Limits)
		return err
	}
	if r.ClearFailure {
		if _, err := w.stmts["unfail"].Exec(r.Path); err != nil {
			return err
		}
	}
	if r.Text != nil {
		// A page read by OCR is [start, end, 1]: a re-tag from the stored
		// text keeps Document.OCRPages, and a reader of [start, end]
		// pairs (json into [2]int drops the rest) is not disturbed.
		spans := make([][]int, len(r.Text.Pages))
		for i, p := range r.Text.Pages {
			spans[i] = []int{p.Start, p.End}
			if slices.Contains(r.Text.OCRPages, p.Number) {
				spans[i] = append(spans[i], 1)
			}
		}
		pages, _ := json.Marshal(spans)
		if _, err := w.stmts["text"].Exec(r.SHA256, w.key.PipelineVersion, string(r.Text.Format), r.Text.Size, string(pages), r.Text.Text); err != nil {
			return err
		}
	}
	if r.Prepared != nil {
		if _, err := w.stmts["prepared"].Exec(r.SHA256, w.key.PipelineVersion, r.Prepared); err != nil {
			return err
		}
	}
	if a := r.Analysis; a != nil {
		if !a.sealed && a.Data == nil {
			return errors.New("analysis record without data (written already?)")
		}
		w.s.Seal(a)
		d := a.Document
		if len(d.Metadata) != len(analysis.MetadataFields) {
			return fmt.Errorf("analysis record with %d metadata values, want %d", len(d.Metadata), len(analysis.MetadataFields))
		}
		// as_of and the status are left empty: they belong to a run, not
		// to an analysis (AnalysisKey); current_analyses judges the status.
		args := make([]any, 0, 12+len(d.Metadata))
		args = append(args, r.SHA256, w.key.PipelineVersion, w.key.CodebookHash, "", w.runID)
		for i, f := range analysis.MetadataFields {
			if f.Dated {
				args = append(args, "")
			} else {
				args = append(args, d.Metadata[i])
			}
		}
		res, err := w.stmts["data"].Exec(a.packed, a.sentenceRows, a.hitRows)
		// SQLite has copied the data: its buffer is free for the next
		// record (a record added again is sealed again from Data).
		packed := a.packed[:0]
		a.packed, a.sealed = nil, false
		w.s.packBufs.Put(&packed)
		if err != nil {
			return err
		}
		dataID, err := res.LastInsertId()
		if err != nil {
			return err
		}
		args = append(args, d.AttributionConfidence, d.AttributionReason, d.Words, d.Sentences, dataID)
		if res, err = w.stmts["analysis"].Exec(args...); err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 { // a duplicate of content seen earlier in this run
			if _, err := w.stmts["unshare"].Exec(dataID); err != nil {
				return err
			}
		} else {
			id, err := res.LastInsertId()
			if err != nil {
				return err
			}
			err = w.bulkInsert("coverage", len(a.Coverage), func(args []any, i int) []any {
				c := a.Coverage[i]
				return append(args, id, c.Theme, c.Sentences, c.Share, c.Level)
			})
			if err != nil {
				return err
			}
		}
	}
	if r.KeptFrom != "" {
		if err := w.keep(r); err != nil {
			return err
		}
	}
	if r.Path != "" {
		if _, err := w.stmts["file"].Exec(r.Path, r.Size, r.MtimeNS, r.SHA256, w.runID); err != nil {
			return err
		}
	}
	return nil
}

// keep writes the analyses row of r.SHA256 made with codebook r.KeptFrom
// again as the run's (Record.KeptFrom): its metadata and counts copied,
// its bytes shared (the same data_id), its coverage rows copied. The
// row read is the one LoadAnalysis reads. When the row is gone (a store edited since
// the run began) nothing is written: the next run analyses the file.
func (w *StoreWriter) keep(r *Record) error {
	if w.stmts["keep"] == nil {
		for name, q := range keepStatements {
			st, err := w.tx.Prepare(q)
			if err != nil {
				return err
			}
			w.stmts[name] = st
		}
	}
	var from int64
	err := w.stmts["keptID"].QueryRow(r.SHA256, w.key.PipelineVersion, r.KeptFrom).Scan(&from)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	res, err := w.stmts["keep"].Exec(w.key.CodebookHash, w.runID, from)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 { // content seen earlier in this run
		return nil
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	_, err = w.stmts["keepCoverage"].Exec(id, from)
	return err
}

// Flush commits the current batch.
func (w *StoreWriter) Flush() error {
	if w.tx == nil {
		return nil
	}
	for _, st := range w.stmts {
		st.Close()
	}
	err := w.tx.Commit()
	w.tx, w.stmts = nil, nil
	if err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("store %s: %w", w.s.path, err)
	}
	return nil
}
