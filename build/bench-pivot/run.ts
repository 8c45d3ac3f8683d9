// One size of the pivot benchmark: tile the region's store to N fact rows, measure its memory, load the
// same columns into DuckDB and SQLite, then per query check our result against both (exactly; a mismatch
// stops the run) and time each engine.
import { cpus } from 'node:os';
import { normalisePivotQuery, type PivotQuery, type PivotResult } from '../../core/contract/pivot.js';
import { runPivot, type PivotContext } from '../../core/pivot/pivot.js';
import type { FactStore } from '../../core/pivot/store.js';
import { dimensionLabel } from '../../data/labels.js';
import { differences, sqlFigures } from './compare.js';
import { sqlColumns, type SqlColumn } from './columns.js';
import { openDuckDB, openSQLite, type SqlEngine } from './engines.js';
import { geomean, median, settledRss, storeBytes, timeRuns } from './measure.js';
import type { BenchQuery } from './queries.js';
import { toSql, type Dialect, type Form } from './sql.js';
import { tileStore } from './tile.js';

export interface EngineTiming {
  ms: number; // median of the timed runs
  runs: number;
  form?: Form; // DuckDB: the faster of its two equivalent statements
}

export interface QueryReport {
  name: string;
  rows: number; // headers in our result, totals included
  cols: number;
  ours: EngineTiming;
  duckdb: EngineTiming;
  sqlite: EngineTiming | null;
  /** How our result differs from DuckDB's or SQLite's; null when equal. */
  mismatch: string | null;
}

export interface SizeReport {
  rows: number;
  copies: number;
  clients: number;
  tileSeconds: number;
  /** RSS figures mean something only for the first (largest) size: later ones reuse freed memory. */
  memory: { rssMeaningful: boolean; rssBytesPerRow: number; rssAfterQueriesBytesPerRow: number; arrowFactBytesPerRow: number; arrowOtherBytesPerRow: number };
  loadSeconds: { duckdb: number; sqlite: number | null };
  queries: QueryReport[];
  median: { ours: number; duckdb: number; sqlite: number | null };
  /** Median DuckDB (SQLite) time over median ours; and per query, the geometric mean and the smallest ratio. */
  ratio: { duckdb: number; sqlite: number | null; duckdbGeomean: number; duckdbMin: number; sqliteGeomean: number | null };
}

export interface SizeOptions {
  runs: number;
  /** A SQL engine whose first run takes longer than this is timed once instead of `runs` times. */
  slowMs: number;
  sqlite: boolean;
  /** Whether a larger store was held before (its freed memory then hides this one's RSS). */
  afterLarger: boolean;
  log: (line: string) => void;
}

/** As the service builds it (data/service.ts): real labels, threshold 5, no population table. */
const context = (peildatum: string | null): PivotContext => ({ peildatum, threshold: 5, labels: dimensionLabel, population: null });

/** The statements an engine is checked and timed on: DuckDB both forms (the faster one counts), SQLite
 *  its only one. */
const FORMS: Record<SqlEngine['name'], Form[]> = { DuckDB: ['grouping-sets', 'union-all'], SQLite: ['union-all'] };
const dialectOf = (e: SqlEngine): Dialect => (e.name === 'DuckDB' ? 'duckdb' : 'sqlite');

/** Per form: the checked statement run once (the warm-up) and compared with ours; then the statement
 *  without the checked extras warmed up once and timed `runs` times — or, when the checked run took longer
 *  than slowMs, timed once without a further warm-up. The fastest form's median counts. */
async function checkAndTime(engine: SqlEngine, name: string, q: PivotQuery, ours: PivotResult, o: SizeOptions): Promise<{ timing: EngineTiming; mismatch: string | null }> {
  let best: EngineTiming | null = null;
  let mismatch: string | null = null;
  for (const form of FORMS[engine.name]) {
    const plan = toSql(q, dialectOf(engine), { form });
    const t = performance.now();
    const rows = await engine.run(plan.sql);
    const checkedMs = performance.now() - t;
    const diffs = differences(ours, plan, sqlFigures(plan, rows));
    if (diffs.length) mismatch ??= `query "${name}": our pivot differs from ${engine.name}:\n  ${diffs.join('\n  ')}\nSQL:\n${plan.sql}`;
    const sql = toSql(q, dialectOf(engine), { form, checked: false }).sql;
    const runs = checkedMs > o.slowMs ? 1 : o.runs;
    if (runs > 1) await engine.run(sql);
    const timing = { ms: median(await timeRuns(runs, () => engine.run(sql))), runs, form };
    if (!best || timing.ms < best.ms) best = timing;
  }
  return { timing: best!, mismatch };
}

export async function runSize(base: FactStore, peildatum: string | null, rows: number, queries: readonly BenchQuery[], o: SizeOptions): Promise<SizeReport> {
  const rss0 = settledRss();
  let t = performance.now();
  const { store, copies } = tileStore(base, rows);
  const tileSeconds = (performance.now() - t) / 1000;
  const rss1 = settledRss();
  const ctx = context(peildatum);
  const normalised = queries.map((q) => normalisePivotQuery({ ...q.input, suppress: false }));
  for (const q of normalised) runPivot(store, q, ctx); // once, so the engine's scratch is counted below
  const rss2 = settledRss();
  const bytes = storeBytes(store);
  o.log(`${rows.toLocaleString('en')} fact rows (${copies} copies): store ${((rss1 - rss0) / rows).toFixed(1)} B/row resident, ${(bytes.facts / rows).toFixed(1)} B/row fact columns`);

  let columns: SqlColumn[] | null = sqlColumns(store);
  t = performance.now();
  const duck = await openDuckDB(columns, cpus().length);
  const duckLoad = (performance.now() - t) / 1000;
  t = performance.now();
  const lite = o.sqlite ? openSQLite(columns, cpus().length) : null;
  const liteLoad = lite ? (performance.now() - t) / 1000 : null;
  columns = null;
  o.log(`  loaded DuckDB in ${duckLoad.toFixed(1)} s${lite ? `, SQLite in ${liteLoad!.toFixed(1)} s` : ''}`);

  const reports: QueryReport[] = [];
  try {
    for (const [i, q] of normalised.entries()) {
      const name = queries[i]!.name;
      const ours = runPivot(store, q, ctx); // warm-up, and the result checked
      const oursRuns = await timeRuns(o.runs, () => runPivot(store, q, ctx));
      const d = await checkAndTime(duck, name, q, ours, o);
      const l = lite ? await checkAndTime(lite, name, q, ours, o) : null;
      const mismatch = d.mismatch ?? l?.mismatch ?? null;
      if (mismatch) o.log(`  MISMATCH ${mismatch}`);
      const report: QueryReport = {
        name,
        rows: ours.rows.length,
        cols: ours.cols.length,
        ours: { ms: median(oursRuns), runs: o.runs },
        duckdb: d.timing,
        sqlite: l?.timing ?? null,
        mismatch,
      };
      reports.push(report);
      o.log(`  ${formatQuery(report)}`);
    }
  } finally {
    duck.close();
    lite?.close();
  }
  const med = (f: (r: QueryReport) => number) => median(reports.map(f));
  const oursMedian = med((r) => r.ours.ms);
  return {
    rows,
    copies,
    clients: store.clients.numRows,
    tileSeconds,
    memory: {
      rssMeaningful: !o.afterLarger,
      rssBytesPerRow: (rss1 - rss0) / rows,
      rssAfterQueriesBytesPerRow: (rss2 - rss0) / rows,
      arrowFactBytesPerRow: bytes.facts / rows,
      arrowOtherBytesPerRow: bytes.other / rows,
    },
    loadSeconds: { duckdb: duckLoad, sqlite: liteLoad },
    queries: reports,
    median: { ours: oursMedian, duckdb: med((r) => r.duckdb.ms), sqlite: lite ? med((r) => r.sqlite!.ms) : null },
    ratio: {
      duckdb: med((r) => r.duckdb.ms) / oursMedian,
      sqlite: lite ? med((r) => r.sqlite!.ms) / oursMedian : null,
      duckdbGeomean: geomean(reports.map((r) => r.duckdb.ms / r.ours.ms)),
      duckdbMin: Math.min(...reports.map((r) => r.duckdb.ms / r.ours.ms)),
      sqliteGeomean: lite ? geomean(reports.map((r) => r.sqlite!.ms / r.ours.ms)) : null,
    },
  };
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export function formatQuery(r: QueryReport): string {
  const lite = r.sqlite ? ` | SQLite ${ms(r.sqlite.ms)} ms${r.sqlite.runs === 1 ? '*' : ''} (${(r.sqlite.ms / r.ours.ms).toFixed(1)}×)` : '';
  const form = r.duckdb.form === 'union-all' ? ' UA' : '';
  return `${r.mismatch ? 'MISMATCH ' : ''}${r.name} [${r.rows}×${r.cols}]: ours ${ms(r.ours.ms)} ms | DuckDB ${ms(r.duckdb.ms)} ms${r.duckdb.runs === 1 ? '*' : ''}${form} (${(r.duckdb.ms / r.ours.ms).toFixed(1)}×)${lite}`;
}
