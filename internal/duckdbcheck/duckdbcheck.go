// Package duckdbcheck reads Parquet files with DuckDB, through
// tools/parquetcheck's Node script, for the tests that check that
// researchers can load styrdok's Parquet files as they are (cmd/styrdok's
// shard parts, reports' tables).
package duckdbcheck

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Table is what DuckDB reports of one Parquet file.
type Table struct {
	Rows    int               `json:"rows"`
	Columns []string          `json:"columns"`
	Types   map[string]string `json:"types"`
	Nulls   map[string]int    `json:"nulls"`
}

// Require skips t unless DuckDB can be run (see Read), so that a test
// skips before it builds what it would check; it returns the script's
// folder and the node command.
func Require(t testing.TB) (dir, node string) {
	t.Helper()
	dir = os.Getenv("STYRDOK_PARQUETCHECK")
	if dir == "" {
		t.Skip("STYRDOK_PARQUETCHECK not set (see .ci/run: npm install in tools/parquetcheck)")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	return dir, node
}

// Read reads every Parquet file in folder with DuckDB and returns what it
// reports, by file name. It skips t unless STYRDOK_PARQUETCHECK names a
// folder where tools/parquetcheck's npm dependencies are installed (.ci/run
// does that) and node is on the PATH: DuckDB is an npm package, not
// something every machine has.
func Read(t testing.TB, folder string) map[string]Table {
	t.Helper()
	dir, node := Require(t)
	cmd := exec.Command(node, filepath.Join(dir, "check.mjs"), folder)
	cmd.Dir = dir
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("duckdb check of %s: %v\n%s", folder, err, data)
	}
	var got map[string]Table
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("duckdb check of %s: %v: %s", folder, err, data)
	}
	return got
}
