// Reads every .parquet file in a folder with DuckDB and prints, as JSON,
// each file's row count, column names and DuckDB's column types, and the
// count of nulls per column. Usage: node check.mjs DIR
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
const out = {};
for (const f of readdirSync(dir).filter((f) => f.endsWith('.parquet')).sort()) {
  const path = join(dir, f).replaceAll("'", "''");
  const n = await con.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${path}')`);
  const cols = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`)).getRowObjects();
  const nulls = {};
  for (const c of cols) {
    const q = `SELECT count(*)::INTEGER AS n FROM read_parquet('${path}') WHERE "${c.column_name}" IS NULL`;
    nulls[c.column_name] = (await con.runAndReadAll(q)).getRowObjects()[0].n;
  }
  out[f] = {
    rows: n.getRowObjects()[0].n,
    columns: cols.map((r) => r.column_name),
    types: Object.fromEntries(cols.map((r) => [r.column_name, r.column_type])),
    nulls,
  };
}
console.log(JSON.stringify(out));
