// The two SQL engines the pivot is measured against, in this process, each holding the wide `facts`
// table (columns.ts) built from the same Arrow columns:
// - DuckDB (@duckdb/node-api, in memory, threads = cores): dictionary columns as ENUM, integers in the
//   width the store uses, appended in data chunks;
// - SQLite (better-sqlite3, in memory): dictionary columns as TEXT, integers as INTEGER; no indexes
//   (a pivot reads every row of the kinds it needs, so an index would not help the scan).
import { DuckDBDataChunk, DuckDBInstance, DOUBLE, ENUM, INTEGER, SMALLINT, TINYINT, UINTEGER, USMALLINT, UTINYINT, type DuckDBType } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { quote } from './sql.js';
import type { SqlColumn, SqlInt } from './columns.js';
import type { SqlRow } from './compare.js';

export interface SqlEngine {
  name: 'DuckDB' | 'SQLite';
  run(sql: string): Promise<SqlRow[]>;
  close(): void;
}

const DUCK_TYPES: Record<SqlInt, DuckDBType> = { UTINYINT, TINYINT, USMALLINT, SMALLINT, INTEGER, UINTEGER, DOUBLE };
const rowCount = (c: SqlColumn) => (c.type === 'enum' ? c.codes.length : c.values.length);
const CHUNK = 2048; // DuckDB's vector size: the most rows one data chunk holds

export async function openDuckDB(columns: readonly SqlColumn[], threads: number): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const conn = await instance.connect();
  const ddl = columns.map((c) => (c.type === 'enum' ? `"${c.name}" ENUM (${c.keys.map(quote).join(', ')})` : `"${c.name}" ${c.type}`));
  await conn.run(`CREATE TABLE facts (${ddl.join(', ')})`);
  const types = columns.map((c) => (c.type === 'enum' ? ENUM(c.keys) : DUCK_TYPES[c.type]));
  const rows = columns.length ? rowCount(columns[0]!) : 0;
  const appender = await conn.createAppender('facts');
  const buffer: (string | number)[] = new Array(CHUNK);
  for (let start = 0; start < rows; start += CHUNK) {
    const n = Math.min(CHUNK, rows - start);
    const chunk = DuckDBDataChunk.create(types, n);
    buffer.length = n;
    columns.forEach((c, j) => {
      if (c.type === 'enum') for (let i = 0; i < n; i++) buffer[i] = c.keys[c.codes[start + i]!]!;
      else for (let i = 0; i < n; i++) buffer[i] = c.values[start + i]!;
      chunk.setColumnValues(j, buffer);
    });
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
  const loaded = (await conn.runAndReadAll('SELECT COUNT(*) AS n FROM facts')).getRowObjectsJS()[0]!.n;
  if (Number(loaded) !== rows) throw new Error(`DuckDB holds ${loaded} rows, expected ${rows}`);
  return {
    name: 'DuckDB',
    run: async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS(),
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

export function openSQLite(columns: readonly SqlColumn[], threads: number): SqlEngine {
  const db = new Database(':memory:');
  db.pragma(`threads = ${threads}`); // helper threads for sorting (GROUP BY, DISTINCT), where SQLite uses them
  db.pragma('temp_store = MEMORY');
  db.exec(`CREATE TABLE facts (${columns.map((c) => `"${c.name}" ${c.type === 'enum' ? 'TEXT' : c.type === 'DOUBLE' ? 'REAL' : 'INTEGER'}`).join(', ')})`);
  const rows = columns.length ? rowCount(columns[0]!) : 0;
  const perStatement = Math.max(1, Math.floor(30_000 / Math.max(1, columns.length)));
  const placeholders = (n: number) => Array.from({ length: n }, () => `(${columns.map(() => '?').join(', ')})`).join(', ');
  const full = db.prepare(`INSERT INTO facts VALUES ${placeholders(perStatement)}`);
  const params: (string | number)[] = [];
  db.transaction(() => {
    for (let start = 0; start < rows; start += perStatement) {
      const n = Math.min(perStatement, rows - start);
      params.length = 0;
      for (let i = start; i < start + n; i++) for (const c of columns) params.push(c.type === 'enum' ? c.keys[c.codes[i]!]! : c.values[i]!);
      (n === perStatement ? full : db.prepare(`INSERT INTO facts VALUES ${placeholders(n)}`)).run(params);
    }
  })();
  const loaded = (db.prepare('SELECT COUNT(*) AS n FROM facts').get() as { n: number }).n;
  if (loaded !== rows) throw new Error(`SQLite holds ${loaded} rows, expected ${rows}`);
  return {
    name: 'SQLite',
    run: async (sql) => db.prepare(sql).all() as SqlRow[],
    close: () => db.close(),
  };
}
