// Scale check (issue 4): `npm run scale:import -- --scale N --seed S [--keep]`.
//
// 1. Generates a region through the real CLI (`spiegel generate`) in a child process, so generation does not
//    count towards this process's peak RSS.
// 2. Imports the folder into a fresh database (createService + 'import/files' {paths: [folder]}) and compares,
//    per month, per month × municipality and per month × segment, every measure with the generator's ground
//    truth (truthPivot over truth.json, which shares no code with the app). Any differing value fails.
// 3. Order independence: a second database imports the same files shuffled (seeded) over 3 batches, a third
//    imports the folder twice; both must equal the first in a set of pivots (test/fixtures/import-order.ts),
//    meta/dimensions and the row count of every stored table and Arrow fact table.
// Exit 1 on any difference. test/unit/scale-import.test.ts runs the same code at a small scale.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { truthPivot, type Measure, type Truth, type TruthQuery } from '../data/generate/index.js';
import { createService } from '../data/service.js';
import { diffPivot, shape, type Mismatch } from '../test/fixtures/truth-compare.js';
import { diffSnapshots, listXml, pivotsOf, rowCounts, shuffledBatches, type Snapshot } from '../test/fixtures/import-order.js';

const BIN = join(fileURLToPath(new URL('../', import.meta.url)), 'bin', 'spiegel.js');
const MEASURES: Measure[] = ['clients', 'trajectories', 'claimed', 'approved'];
/** Per month, and per month crossed with the two dimensions the issue names. */
const TRUTH_QUERIES: { label: string; query: TruthQuery }[] = [
  { label: 'month', query: { rows: ['month'], cols: [], measures: MEASURES } },
  { label: 'month × municipality', query: { rows: ['month'], cols: ['municipality'], measures: MEASURES } },
  { label: 'month × segment', query: { rows: ['month'], cols: ['segment'], measures: MEASURES } },
];
const BATCHES = 3;

export interface ScaleOptions {
  scale: number;
  seed: number;
  /** Keep the work folder (region + databases) instead of removing it. */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface ImportRun {
  name: string;
  batches: number;
  files: number;
  seconds: number;
  statuses: Record<string, number>;
  /** Import warnings by code (e.g. 'duplicate' when the folder comes again). */
  warnings: Record<string, number>;
}

export interface ScaleReport {
  scale: number;
  seed: number;
  dir: string | null;
  corpus: { files: number; messages: number; messagesByCode: Record<string, number>; children: number; peildatum: string; generatedSeconds: number };
  import: ImportRun & { maxRssMiB: number };
  truth: { queries: { label: string; rows: number; cells: number; values: number; mismatches: number }[]; months: number; values: number; mismatches: number; first: Mismatch[] };
  order: { runs: ImportRun[]; /** Results compared per run. */ pivots: number; values: number; tables: Record<string, number>; bookkeeping: Record<string, Record<string, number>>; differences: string[] };
  maxRssMiB: number;
  ok: boolean;
}

async function importRun(name: string, dir: string, batches: string[][], log: (l: string) => void) {
  log(`import: ${name}`);
  mkdirSync(dir, { recursive: true });
  // One pseudonym key (home) for every database, as one installation would have.
  const service = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, '..', 'home') });
  const statuses: Record<string, number> = {};
  const warnings: Record<string, number> = {};
  let files = 0;
  const t = performance.now();
  try {
    for (const paths of batches) {
      const report = await service['import/files']({ paths });
      for (const f of report.files) statuses[f.status] = (statuses[f.status] ?? 0) + 1;
      for (const w of report.warnings) warnings[w.code] = (warnings[w.code] ?? 0) + 1;
      files += report.files.length;
    }
    const run: ImportRun = { name, batches: batches.length, files, seconds: (performance.now() - t) / 1000, statuses, warnings };
    return { run, service };
  } catch (e) {
    service.close();
    throw e;
  }
}

export async function runScaleImport(options: ScaleOptions): Promise<ScaleReport> {
  const log = options.log ?? (() => {});
  const work = mkdtempSync(join(tmpdir(), 'spiegel-scale-'));
  try {
    const region = join(work, 'region');
    log(`generate: scale ${options.scale}, seed ${options.seed} into ${region}`);
    let t = performance.now();
    const gen = spawnSync(process.execPath, [BIN, 'generate', '--out', region, '--scale', String(options.scale), '--seed', String(options.seed)], { encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(`spiegel generate failed: ${gen.stderr || gen.stdout}`);
    const generatedSeconds = (performance.now() - t) / 1000;
    const truth = JSON.parse(readFileSync(join(region, 'truth.json'), 'utf8')) as Truth;
    const files = listXml(region);

    // 1. The whole folder in one call, compared with the ground truth.
    const first = await importRun('whole folder, one batch', join(work, 'a'), [[region]], log);
    const maxRssMiB = process.resourceUsage().maxRSS / 1024;
    let a: Snapshot;
    const queries: ScaleReport['truth']['queries'] = [];
    const mismatches: Mismatch[] = [];
    try {
      for (const { label, query } of TRUTH_QUERIES) {
        log(`truth: ${label}`);
        t = performance.now();
        const ours = shape(await first.service['query/pivot']({ rows: query.rows, cols: query.cols, measures: query.measures, suppress: false }));
        const want = truthPivot(truth, query);
        const d = diffPivot(label, MEASURES, ours, want);
        const rows = new Set([...ours.rowKeys, ...want.rowKeys].map((k) => k.join('|'))).size;
        queries.push({ label, rows, cells: d.cells, values: d.values, mismatches: d.mismatches.length });
        mismatches.push(...d.mismatches);
      }
      a = { ...(await pivotsOf(first.service)), rows: {}, bookkeeping: {} };
    } finally {
      first.service.close();
    }
    Object.assign(a, rowCounts(join(work, 'a', 'spiegel.db')));

    // 2. Other orders: shuffled over three batches, and everything twice.
    const variants = [
      { name: `shuffled (seed ${options.seed}), ${BATCHES} batches of single files`, key: 'b', batches: shuffledBatches(files, options.seed, BATCHES) },
      { name: 'whole folder, twice', key: 'c', batches: [[region], [region]] },
    ];
    const runs = [first.run];
    const bookkeeping: Record<string, Record<string, number>> = { [first.run.name]: a.bookkeeping };
    const differences: string[] = [];
    let pivots = 0;
    let values = 0;
    for (const v of variants) {
      const { run, service } = await importRun(v.name, join(work, v.key), v.batches, log);
      let b: Snapshot;
      try {
        b = { ...(await pivotsOf(service)), rows: {}, bookkeeping: {} };
      } finally {
        service.close();
      }
      Object.assign(b, rowCounts(join(work, v.key, 'spiegel.db')));
      const d = diffSnapshots(v.name, a, b);
      runs.push(run);
      bookkeeping[v.name] = b.bookkeeping;
      differences.push(...d.differences);
      pivots = d.pivots;
      values += d.values;
    }

    const months = queries[0]?.rows ?? 0;
    const valuesTruth = queries.reduce((n, q) => n + q.values, 0);
    return {
      scale: options.scale,
      seed: options.seed,
      dir: options.keep ? work : null,
      corpus: { files: files.length, messages: truth.messages, messagesByCode: truth.messagesByCode, children: truth.children.length, peildatum: truth.peildatum, generatedSeconds },
      import: { ...first.run, maxRssMiB },
      truth: { queries, months, values: valuesTruth, mismatches: mismatches.length, first: mismatches.slice(0, 20) },
      order: { runs, pivots, values, tables: a.rows, bookkeeping, differences },
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      ok: mismatches.length === 0 && differences.length === 0,
    };
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
}

export function formatScaleReport(r: ScaleReport): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const run = (x: ImportRun) => `  ${x.name}: ${x.batches} batch(es), ${n(x.files)} files, ${x.seconds.toFixed(1)} s, ${JSON.stringify(x.statuses)}, warnings ${JSON.stringify(x.warnings)}`;
  return [
    `Spiegel scale import — scale ${r.scale}, seed ${r.seed}${r.dir ? ` (kept in ${r.dir})` : ''}`,
    `corpus: ${n(r.corpus.messages)} messages in ${n(r.corpus.files)} files, ${n(r.corpus.children)} children, peildatum ${r.corpus.peildatum}; generated in ${r.corpus.generatedSeconds.toFixed(1)} s`,
    `        ${Object.entries(r.corpus.messagesByCode).map(([c, k]) => `${c} ${n(k)}`).join(', ')}`,
    `import: ${r.import.seconds.toFixed(1)} s (${(r.corpus.messages / r.import.seconds).toFixed(0)} messages/s), peak RSS ${r.import.maxRssMiB.toFixed(0)} MiB after import; ${JSON.stringify(r.import.statuses)}`,
    '',
    `ground truth: ${r.truth.months} months; ${n(r.truth.values)} values compared (${MEASURES.join(', ')}, totals included), ${r.truth.mismatches} mismatches`,
    ...r.truth.queries.map((q) => `  ${q.label}: ${n(q.rows)} rows, ${n(q.cells)} cells, ${n(q.values)} values, ${q.mismatches} mismatches`),
    ...r.truth.first.map((m) => `  ✗ ${m.query} [${m.row} / ${m.col}] ${m.measure}: app ${m.ours}, truth ${m.truth}`),
    '',
    'import order: each run below against the first',
    ...r.order.runs.map(run),
    `  compared per run: ${r.order.pivots} results (pivots and meta/dimensions), whole (values, flags, keys, labels); ${n(r.order.values)} pivot values over both runs; row counts of ${Object.keys(r.order.tables).length} tables:`,
    `  ${Object.entries(r.order.tables).map(([t, k]) => `${t} ${n(k)}`).join(', ')}`,
    ...Object.entries(r.order.bookkeeping).map(([name, b]) => `  bookkeeping (not compared), ${name}: ${Object.entries(b).map(([t, k]) => `${t} ${n(k)}`).join(', ')}`),
    ...r.order.differences.slice(0, 40).map((d) => `  ✗ ${d}`),
    `  ${r.order.differences.length} differences`,
    '',
    `peak RSS overall ${r.maxRssMiB.toFixed(0)} MiB; ${r.ok ? 'OK' : 'FAILED'}`,
  ].join('\n');
}

async function cli(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.1' }, seed: { type: 'string', default: '1' }, keep: { type: 'boolean' } } });
  const report = await runScaleImport({ scale: Number(values.scale), seed: Number(values.seed), keep: values.keep === true, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${formatScaleReport(report)}\n`);
  if (!report.ok) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  cli().catch((e: unknown) => {
    process.stderr.write(`scale:import: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
