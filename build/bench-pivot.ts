// Pivot benchmark: `npm run bench:pivot [-- --rows 1e6,1e7 --quick --seed S --scale X --runs 5 --no-sqlite --json]`.
//
// 1. A synthetic region (seed, scale) is generated and imported once (cached under $TMPDIR/spiegel-bench)
//    and its FactStore built as the app builds it; the store is then tiled to each size (bench-pivot/tile.ts).
// 2. 25 pivots: five named ones and 20 from a seeded PRNG (bench-pivot/queries.ts), all unsuppressed.
// 3. The same columns are loaded into DuckDB (in process, threads = cores) and SQLite (in memory); each
//    query is translated to one SQL statement (bench-pivot/sql.ts). Every result of ours is compared with
//    both, cell by cell, totals included: any difference fails the run (exit code 1, after the report).
// 4. Per query and engine: one warm-up run, then the median of 5 (a SQL statement whose first run takes
//    longer than --slow-ms is timed once). Ours is timed from the normalised query to the result
//    (runPivot), with no result cache; the SQL engines are timed on the measures alone, without the
//    children-per-cell and row counts that were compared (ours computes those on every run). Sizes run largest first, so the resident memory of the largest store is
//    measured in a process that has held nothing bigger.
// Performance is measured here, never asserted in unit tests; test/unit/bench-pivot.test.ts runs --quick.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sqlColumns } from './bench-pivot/columns.js';
import { canCollect, machine } from './bench-pivot/measure.js';
import { namedQueries, randomQueries, type BenchQuery } from './bench-pivot/queries.js';
import { loadRegion } from './bench-pivot/region.js';
import { formatQuery, runSize, type SizeReport } from './bench-pivot/run.js';
import { KIND } from '../core/pivot/store.js';
import { valuesOf, onlyChunk } from './bench-pivot/tile.js';

export interface PivotBenchOptions {
  rows: number[];
  seed: number;
  scale: number;
  querySeed: number;
  runs: number;
  slowMs: number;
  sqlite: boolean;
  root?: string;
  log?: (line: string) => void;
}

export interface PivotBenchReport {
  date: string;
  machine: ReturnType<typeof machine>;
  gcExposed: boolean;
  region: { seed: number; scale: number; factRows: number; byKind: { care: number; money: number; assignment: number }; clients: number; storeSeconds: number };
  queries: BenchQuery[];
  sizes: SizeReport[];
  /** Every query whose result differed from DuckDB's or SQLite's, per size: the run fails when any is. */
  mismatches: string[];
}

export const QUICK = { rows: [20_000], scale: 0.002 } as const;

export async function runPivotBench(o: PivotBenchOptions): Promise<PivotBenchReport> {
  const log = o.log ?? (() => undefined);
  const region = await loadRegion({ seed: o.seed, scale: o.scale, root: o.root ?? join(tmpdir(), 'spiegel-bench'), log });
  const kind = valuesOf(onlyChunk(region.store.facts, 'kind'));
  const byKind = { care: 0, money: 0, assignment: 0 };
  for (const k of kind) byKind[k === KIND.care ? 'care' : k === KIND.money ? 'money' : 'assignment']++;
  log(`region: ${kind.length.toLocaleString('en')} fact rows (care ${byKind.care}, money ${byKind.money}, assignment ${byKind.assignment}), ${region.store.clients.numRows} children, store built in ${region.storeSeconds.toFixed(1)} s`);
  const base = sqlColumns(region.store);
  const queries = [...namedQueries(base), ...randomQueries(base, o.querySeed)];
  const sizes: SizeReport[] = [];
  for (const rows of [...o.rows].sort((a, b) => b - a)) {
    sizes.push(await runSize(region.store, region.peildatum, rows, queries, { runs: o.runs, slowMs: o.slowMs, sqlite: o.sqlite, afterLarger: sizes.length > 0, log }));
    log(formatSize(sizes.at(-1)!));
  }
  return {
    date: new Date().toISOString(),
    machine: machine(),
    gcExposed: canCollect,
    region: { seed: o.seed, scale: o.scale, factRows: kind.length, byKind, clients: region.store.clients.numRows, storeSeconds: region.storeSeconds },
    queries,
    sizes: sizes.sort((a, b) => a.rows - b.rows),
    mismatches: sizes.flatMap((s) => s.queries.filter((q) => q.mismatch).map((q) => `${s.rows} rows: ${q.mismatch}`)),
  };
}

const f1 = (x: number) => x.toFixed(1);

export function formatSize(s: SizeReport): string {
  const m = s.memory;
  return [
    `== ${s.rows.toLocaleString('en')} fact rows (${s.copies} copies, ${s.clients.toLocaleString('en')} children) ==`,
    `median over ${s.queries.length} queries: ours ${s.median.ours.toFixed(2)} ms, DuckDB ${f1(s.median.duckdb)} ms${s.median.sqlite !== null ? `, SQLite ${f1(s.median.sqlite)} ms` : ''}`,
    `ratio of medians: DuckDB/ours ${f1(s.ratio.duckdb)}× (per query: geometric mean ${f1(s.ratio.duckdbGeomean)}×, smallest ${f1(s.ratio.duckdbMin)}×)` +
      (s.ratio.sqlite !== null ? `; SQLite/ours ${f1(s.ratio.sqlite)}× (geometric mean ${f1(s.ratio.sqliteGeomean!)}×)` : ''),
    `memory: ${m.rssMeaningful ? `${f1(m.rssBytesPerRow)} B/row resident for the store, ${f1(m.rssAfterQueriesBytesPerRow)} B/row after one run of every query` : 'resident size not measured (a larger store was held before)'}; Arrow buffers ${f1(m.arrowFactBytesPerRow)} B/row facts + ${f1(m.arrowOtherBytesPerRow)} B/row other tables`,
    `load: DuckDB ${f1(s.loadSeconds.duckdb)} s${s.loadSeconds.sqlite !== null ? `, SQLite ${f1(s.loadSeconds.sqlite)} s` : ''}; tiling ${f1(s.tileSeconds)} s`,
  ].join('\n');
}

export function formatReport(r: PivotBenchReport): string {
  const m = r.machine;
  const head = [
    `pivot benchmark ${r.date}: ${m.nproc} × ${m.cpu}, ${m.ramGiB} GiB, ${m.node}, load average ${m.loadAverage.join(' ')}${r.gcExposed ? '' : ' (no --expose-gc: RSS figures are rough)'}`,
    `region seed ${r.region.seed} scale ${r.region.scale}: ${r.region.factRows.toLocaleString('en')} fact rows, ${r.region.clients} children`,
  ];
  return [...head, ...r.sizes.flatMap((s) => ['', formatSize(s), ...s.queries.map(formatQuery)])].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      scale: { type: 'string' },
      'query-seed': { type: 'string', default: '7' },
      runs: { type: 'string', default: '5' },
      'slow-ms': { type: 'string', default: '5000' },
      'no-sqlite': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const rows = values.rows ? values.rows.split(',').map((x) => Math.round(Number(x))) : values.quick ? [...QUICK.rows] : [1e6, 1e7];
  if (rows.some((n) => !(n > 0))) throw new Error(`--rows: expected positive numbers such as 1e6,1e7, got ${values.rows}`);
  const report = await runPivotBench({
    rows,
    seed: Number(values.seed),
    scale: Number(values.scale ?? (values.quick ? QUICK.scale : 0.1)),
    querySeed: Number(values['query-seed']),
    runs: Number(values.runs),
    slowMs: Number(values['slow-ms']),
    sqlite: !values['no-sqlite'],
    log: (l) => console.error(l),
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (report.mismatches.length) {
    console.error(`\nFAILED: ${report.mismatches.length} results differ from the SQL engines:\n${report.mismatches.join('\n')}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
