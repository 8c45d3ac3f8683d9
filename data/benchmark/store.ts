// Reading and writing the CBS benchmark figures (migration 009) and the population figures compare needs.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { StatlineObservation } from '../../core/benchmark/statline.js';

/** Replaces the table's figures for the years the file holds, and logs the import, in one transaction. */
export function storeStatline(db: Database.Database, table: string, obs: readonly StatlineObservation[], meta: { source: string; file: string; bytes: Uint8Array; at: string }): number {
  const years = [...new Set(obs.map((o) => o.year))];
  return db.transaction(() => {
    let replaced = 0;
    const del = db.prepare('DELETE FROM bench_value WHERE cbs_table = ? AND year = ?');
    for (const y of years) replaced += del.run(table, y).changes;
    const ins = db.prepare('INSERT OR REPLACE INTO bench_value (cbs_table, region, year, figure, value) VALUES (?, ?, ?, ?, ?)');
    for (const o of obs) ins.run(table, o.region, o.year, o.figure, o.value);
    const sha = createHash('sha256').update(meta.bytes).digest('hex');
    db.prepare('INSERT INTO bench_import (cbs_table, source, file_name, sha256, stored, imported_at) VALUES (?, ?, ?, ?, ?, ?)').run(table, meta.source, meta.file, sha, obs.length, meta.at);
    return replaced;
  })();
}

export function benchYears(db: Database.Database, table?: string): number[] {
  const sql = `SELECT DISTINCT year FROM bench_value${table ? ' WHERE cbs_table = ?' : ''} ORDER BY 1`;
  return db.prepare(sql).pluck().all(...(table ? [table] : [])) as number[];
}

/** table → figure → region → value, for one year. */
export function benchValues(db: Database.Database, year: number, table?: string): Map<string, Map<string, Map<string, number>>> {
  const rows = db
    .prepare(`SELECT cbs_table AS t, figure, region, value FROM bench_value WHERE year = ?${table ? ' AND cbs_table = ?' : ''} ORDER BY cbs_table, figure, region`)
    .all(year, ...(table ? [table] : [])) as { t: string; figure: string; region: string; value: number }[];
  const out = new Map<string, Map<string, Map<string, number>>>();
  for (const r of rows) {
    const byFig = out.get(r.t) ?? out.set(r.t, new Map()).get(r.t)!;
    (byFig.get(r.figure) ?? byFig.set(r.figure, new Map()).get(r.figure)!).set(r.region, r.value);
  }
  return out;
}

export function benchList(db: Database.Database) {
  const tables = db
    .prepare(`SELECT cbs_table AS "table", source, file_name AS file, imported_at AS importedAt FROM bench_import WHERE id IN (SELECT MAX(id) FROM bench_import GROUP BY cbs_table) ORDER BY cbs_table`)
    .all() as { table: string; source: string; file: string; importedAt: string }[];
  return tables.map((x) => {
    const s = db.prepare('SELECT COUNT(DISTINCT figure) AS figures, COUNT(DISTINCT region) AS regions FROM bench_value WHERE cbs_table = ?').get(x.table) as { figures: number; regions: number };
    return { ...x, years: benchYears(db, x.table), ...s };
  });
}

/** Inhabitants (all ages, both sexes) on 1 January of `year` per municipality: a 'Totaal' age row. */
export function inhabitants(db: Database.Database, year: number): Map<string, number> {
  const rows = db
    .prepare(`SELECT municipality, MAX(count) AS n FROM ref_population WHERE year = ? AND sex = 'T' AND age_from = 0 AND age_to IS NULL GROUP BY municipality`)
    .all(year) as { municipality: string; n: number }[];
  return new Map(rows.map((r) => [r.municipality, r.n]));
}
