// Large-file check (issue 4): `npm run scale:large [-- --mb N --seed S --via child|cli --keep --json]`.
//
// 1. Writes one JW323 of N MB (default 1024 = 1 GiB) to a temp folder, streaming (build/large-declaration.ts),
//    with its ground truth: clients, lines, the signed total.
// 2. Imports it into a fresh database in a child process, so the child's peak RSS is the import's alone:
//    `--via child` (default) runs build/scale-large-child.ts, which calls importLargeFile inside the
//    importer's transaction shape; `--via cli` runs `node bin/spiegel.js import FILE --db … --home …` (the real
//    service path, once the importer hands large files to importLargeFile), its peak RSS printed at exit by a
//    `--import data:` hook. The data worker is a thread, so that peak includes it and the xmllint workers.
// 3. Reports wall time, MB/s, CPU seconds, peak RSS, and the lines and total stored against the truth.
// Exit 1 when the stored lines or total differ from the truth or the import fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { writeLargeDeclaration, type LargeDeclarationTruth } from './large-declaration.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxRssKiB='+process.resourceUsage().maxRSS+'\\n'))`;

export interface ScaleLargeReport {
  date: string;
  machine: { nproc: number; ramGiB: number; node: string };
  via: 'child' | 'cli';
  /** The signal that ended a first child which was then run again (see runScaleLarge), or null. */
  signalled: string | null;
  file: { bytes: number; generatedSeconds: number } & LargeDeclarationTruth;
  import: { seconds: number; mbPerSecond: number; cpuSeconds: number | null; maxRssMiB: number };
  stored: { lines: number; total: number; clients: number };
  ok: boolean;
}

export function runScaleLarge(options: { mb: number; seed?: number; via?: 'child' | 'cli'; keep?: boolean; log?: (l: string) => void }): ScaleLargeReport {
  const log = options.log ?? (() => undefined);
  const via = options.via ?? 'child';
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-scale-large-'));
  try {
    const file = join(dir, 'JW323-large.xml');
    const dbFile = join(dir, 'spiegel.db');
    let t = Date.now();
    const truth = writeLargeDeclaration(file, { bytes: Math.round(options.mb * 1024 * 1024), seed: options.seed ?? 1 });
    const generatedSeconds = (Date.now() - t) / 1000;
    log(`wrote ${truth.bytes} bytes (${truth.clients} clients, ${truth.lines} lines) in ${generatedSeconds.toFixed(1)} s`);

    t = Date.now();
    const args =
      via === 'child'
        ? ['--import', 'tsx', join(ROOT, 'build', 'scale-large-child.ts'), file, dbFile, dir]
        : ['--import', RSS_HOOK, join(ROOT, 'bin', 'spiegel.js'), 'import', file, '--db', dbFile, '--home', dir];
    const spawn = () => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    let run = spawn();
    // Once, on a shared CI machine, the child died by a signal after 1.6 s with nothing on stderr (not
    // reproduced in 100 runs here). A signal is the machine's doing, not a wrong result: run once more, and say so.
    const signalled = run.status === null && run.signal !== null ? run.signal : null;
    if (signalled !== null) {
      log(`the import child died by ${signalled}; running it once more`);
      t = Date.now();
      run = spawn();
    }
    const seconds = (Date.now() - t) / 1000;
    if (run.status !== 0) throw new Error(`the import failed (exit ${run.status}, signal ${run.signal}${run.error ? `, ${run.error.message}` : ''}): ${run.stderr.slice(-2000)}${run.stdout.slice(-2000)}`);
    let maxRssKiB: number;
    let cpuSeconds: number | null = null;
    if (via === 'child') {
      const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as { maxRssKiB: number; cpuSeconds: number };
      ({ maxRssKiB, cpuSeconds } = result);
    } else {
      // Every thread runs the hook at its exit; each prints the process's peak so far.
      maxRssKiB = Math.max(...[...run.stderr.matchAll(/maxRssKiB=(\d+)/g)].map((m) => Number(m[1])));
    }

    const db = new Database(dbFile, { readonly: true });
    const stored = db.prepare('SELECT count(*) AS lines, coalesce(sum(bedrag), 0) AS total, count(DISTINCT pseudonym) AS clients FROM declaration_line').get() as ScaleLargeReport['stored'];
    db.close();
    const ok = stored.lines === truth.lines && stored.total === truth.total && stored.clients === truth.clients;
    return {
      date: new Date().toISOString().slice(0, 10),
      machine: { nproc: availableParallelism(), ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version },
      via,
      signalled,
      file: { ...truth, generatedSeconds },
      import: { seconds, mbPerSecond: truth.bytes / 2 ** 20 / seconds, cpuSeconds, maxRssMiB: maxRssKiB / 1024 },
      stored,
      ok,
    };
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
}

export function formatScaleLarge(r: ScaleLargeReport): string {
  const mib = (b: number): string => (b / 2 ** 20).toFixed(1);
  return [
    `scale:large ${r.date}, ${r.machine.nproc} cores, ${r.machine.ramGiB} GiB, Node ${r.machine.node}, via ${r.via}${r.signalled === null ? '' : ` (the first child died by ${r.signalled} and was run again)`}`,
    `file      ${mib(r.file.bytes)} MiB, ${r.file.clients} clients, ${r.file.lines} lines (${r.file.creditLines} credit), total ${r.file.total} cent`,
    `import    ${r.import.seconds.toFixed(1)} s, ${r.import.mbPerSecond.toFixed(2)} MiB/s${r.import.cpuSeconds === null ? '' : `, ${r.import.cpuSeconds.toFixed(1)} CPU s`}, peak RSS ${r.import.maxRssMiB.toFixed(0)} MiB`,
    `stored    ${r.stored.lines} lines, ${r.stored.clients} clients, total ${r.stored.total} cent: ${r.ok ? 'equal to the truth' : 'DIFFERENT from the truth'}`,
  ].join('\n');
}

function cli(): void {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string', default: '1024' },
      seed: { type: 'string', default: '1' },
      via: { type: 'string', default: 'child' },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.via !== 'child' && values.via !== 'cli') throw new Error('--via is child or cli');
  const report = runScaleLarge({ mb: Number(values.mb), seed: Number(values.seed), via: values.via, keep: values.keep, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatScaleLarge(report)}\n`);
  if (!report.ok) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    cli();
  } catch (e) {
    process.stderr.write(`scale:large: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
