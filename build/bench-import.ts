// Import benchmark: `npm run bench:import [-- --scale N --seed S --corpus DIR --no-per-type --json]`.
//
// 1. Generates a named corpus (seed + scale) with the synthetic region generator, through the real CLI
//    (`spiegel generate`) in a child process, so generation does not count towards this process's peak RSS.
//    An existing corpus with the same name (and its truth.json) is reused.
// 2. Imports it into a fresh database through the path the app uses (createService + 'import/files' with
//    the corpus folder): read → sniff → XSD-validate → parse + pseudonymise → store. Timed end to end;
//    peak RSS is process.resourceUsage().maxRSS taken right after this import.
// 3. Per message type: a second fresh database, each type's files imported as their own batch through the
//    same service call (types in the order of the traffic: assignments before starts and stops), so each
//    type's time includes its own read, validation (one xmllint-wasm start per batch) and storage.
// 4. Baseline: `xmllint --noout --schema xsd/JWnnn.xsd FILES…` (native libxml2, a validating parse that
//    stores nothing) over the same files, grouped by type, many files per call within the argument-length
//    limit, one call at a time. The ratio printed is Spiegel import time / xmllint time (target ≤ 2).
// Performance is measured here, never asserted in unit tests; test/unit/bench-import.test.ts only checks
// that a tiny run produces every field.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createService } from '../data/service.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'spiegel.js');
const XSD_DIR = join(ROOT, 'data', 'import', 'xsd');
/** The order types are imported in when timed per type: as the traffic flows (assignment, start, stop, …). */
const TYPE_ORDER = ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325'];
/** Characters of file-name arguments per xmllint call: far below ARG_MAX (and Windows' 32 K command line). */
const MAX_ARG_CHARS = 24_000;

export interface BenchOptions {
  seed: number;
  scale: number;
  /** Where corpora live; each is a subfolder named after the corpus. Default: $TMPDIR/spiegel-bench. */
  corpusRoot?: string;
  perType?: boolean;
  xmllint?: string;
  log?: (line: string) => void;
}

export interface Throughput {
  files: number;
  messages: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  messagesPerSecond: number;
}

export interface BenchReport {
  date: string;
  machine: { nproc: number; cpu: string; ramGiB: number; node: string; platform: string };
  corpus: { name: string; seed: number; scale: number; dir: string; files: number; bytes: number; messagesByType: Record<string, number>; generatedSeconds: number | null };
  import: Throughput & { statuses: Record<string, number>; maxRssMiB: number };
  perType: (Throughput & { code: string })[] | null;
  xmllint: { version: string; seconds: number; calls: number; invalid: number; mbPerSecond: number; messagesPerSecond: number };
  /** Spiegel import seconds / xmllint seconds: the issue's target is ≤ 2. */
  ratio: number;
}

interface CorpusFile {
  path: string;
  code: string;
  bytes: number;
}

export function corpusName(seed: number, scale: number): string {
  return `seed${seed}-scale${scale}`;
}

function listCorpus(dir: string): CorpusFile[] {
  const files: CorpusFile[] = [];
  const visit = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) visit(p);
      else if (entry.name.endsWith('.xml')) files.push({ path: p, code: /^(JW\d{3})-/.exec(entry.name)?.[1] ?? 'other', bytes: statSync(p).size });
    }
  };
  visit(dir);
  return files;
}

function ensureCorpus(root: string, seed: number, scale: number, log: (l: string) => void): { dir: string; seconds: number | null } {
  const dir = join(root, corpusName(seed, scale));
  if (existsSync(join(dir, 'truth.json'))) {
    log(`corpus ${corpusName(seed, scale)}: reusing ${dir}`);
    return { dir, seconds: null };
  }
  rmSync(dir, { recursive: true, force: true });
  log(`corpus ${corpusName(seed, scale)}: generating in ${dir}`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'generate', '--out', dir, '--scale', String(scale), '--seed', String(seed)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`spiegel generate failed: ${r.stderr || r.stdout}`);
  return { dir, seconds: (performance.now() - t) / 1000 };
}

function throughput(files: CorpusFile[], seconds: number): Throughput {
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  return {
    files: files.length,
    messages: files.length, // one iJw message per file
    bytes,
    seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    messagesPerSecond: files.length / seconds,
  };
}

async function timedImport(dbDir: string, batches: string[][], log: (line: string) => void = () => {}): Promise<{ seconds: number[]; statuses: Record<string, number> }> {
  const service = createService({ dbFile: join(dbDir, 'bench.db'), home: join(dbDir, 'home') });
  const seconds: number[] = [];
  const statuses: Record<string, number> = {};
  // A long import says how far it is every 10 s (import/status, as the app's progress bar reads it); Ctrl+C stops.
  const progress = setInterval(() => {
    void service['import/status']({}).then((p) => {
      if (p.running) log(`  import: ${p.filesDone}/${p.filesTotal} files, ${(p.bytesDone / 1e6).toFixed(1)} of ${(p.bytesTotal / 1e6).toFixed(1)} MB${p.etaMs === null ? '' : `, about ${Math.ceil(p.etaMs / 1000)} s to go`}`);
    });
  }, 10_000);
  try {
    for (const paths of batches) {
      const t = performance.now();
      const report = await service['import/files']({ paths });
      seconds.push((performance.now() - t) / 1000);
      for (const f of report.files) statuses[f.status] = (statuses[f.status] ?? 0) + 1;
    }
  } finally {
    clearInterval(progress);
    service.close();
  }
  return { seconds, statuses };
}

function runXmllint(xmllint: string, cwd: string, xsd: string, files: string[]): Promise<{ validates: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(xmllint, ['--noout', '--schema', xsd, ...files], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let validates = 0;
    let rest = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      for (const l of lines) if (l.endsWith(' validates')) validates++;
    });
    child.on('error', reject);
    child.on('close', () => resolvePromise({ validates: validates + (rest.endsWith(' validates') ? 1 : 0) }));
  });
}

async function timeXmllint(xmllint: string, dir: string, files: CorpusFile[]): Promise<{ seconds: number; calls: number; invalid: number }> {
  const calls: { xsd: string; files: string[] }[] = [];
  for (const code of [...new Set(files.map((f) => f.code))].sort()) {
    const xsd = join(XSD_DIR, `${code}.xsd`);
    let current: string[] = [];
    let chars = 0;
    for (const f of files.filter((x) => x.code === code)) {
      const rel = relative(dir, f.path);
      if (current.length > 0 && chars + rel.length + 1 > MAX_ARG_CHARS) {
        calls.push({ xsd, files: current });
        current = [];
        chars = 0;
      }
      current.push(rel);
      chars += rel.length + 1;
    }
    if (current.length > 0) calls.push({ xsd, files: current });
  }
  let validates = 0;
  const t = performance.now();
  for (const call of calls) validates += (await runXmllint(xmllint, dir, call.xsd, call.files)).validates;
  return { seconds: (performance.now() - t) / 1000, calls: calls.length, invalid: files.length - validates };
}

export async function runImportBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const xmllint = options.xmllint ?? 'xmllint';
  const version = spawnSync(xmllint, ['--version'], { encoding: 'utf8' });
  if (version.error) throw new Error(`${xmllint} not found: the baseline needs libxml2's xmllint on PATH`);
  const root = resolve(options.corpusRoot ?? join(tmpdir(), 'spiegel-bench'));
  const corpus = ensureCorpus(root, options.seed, options.scale, log);
  const files = listCorpus(corpus.dir);
  const order = (c: string) => (TYPE_ORDER.includes(c) ? TYPE_ORDER.indexOf(c) : TYPE_ORDER.length);
  const messagesByType: Record<string, number> = {};
  for (const code of [...new Set(files.map((f) => f.code))].sort((a, b) => order(a) - order(b))) {
    messagesByType[code] = files.filter((f) => f.code === code).length;
  }
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  log(`corpus: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${JSON.stringify(messagesByType)}`);

  const work = mkdtempSync(join(tmpdir(), 'spiegel-bench-db-'));
  try {
    log('import: whole corpus, one call of import/files');
    const whole = await timedImport(join(work, 'whole'), [[corpus.dir]], log);
    const maxRssMiB = process.resourceUsage().maxRSS / 1024;

    let perType: BenchReport['perType'] = null;
    if (options.perType !== false) {
      const codes = Object.keys(messagesByType);
      log(`import per type: ${codes.join(', ')}, one batch each`);
      const byType = await timedImport(join(work, 'per-type'), codes.map((c) => files.filter((f) => f.code === c).map((f) => f.path)), log);
      perType = codes.map((code, i) => ({ code, ...throughput(files.filter((f) => f.code === code), byType.seconds[i]!) }));
    }

    log('xmllint: validating parse of the same files');
    const lint = await timeXmllint(xmllint, corpus.dir, files);
    const imported = throughput(files, whole.seconds[0]!);
    const lintThroughput = throughput(files, lint.seconds);
    return {
      date: new Date().toISOString().slice(0, 10),
      machine: {
        nproc: availableParallelism(),
        cpu: cpuModel(),
        ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      },
      corpus: { name: corpusName(options.seed, options.scale), seed: options.seed, scale: options.scale, dir: corpus.dir, files: files.length, bytes, messagesByType, generatedSeconds: corpus.seconds },
      import: { ...imported, statuses: whole.statuses, maxRssMiB },
      perType,
      xmllint: {
        version: (version.stderr || version.stdout).split('\n')[0]!.trim(),
        seconds: lint.seconds,
        calls: lint.calls,
        invalid: lint.invalid,
        mbPerSecond: lintThroughput.mbPerSecond,
        messagesPerSecond: lintThroughput.messagesPerSecond,
      },
      ratio: imported.seconds / lint.seconds,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1]!.trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

export function formatReport(r: BenchReport): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  const row = (label: string, t: Throughput) =>
    `${label.padEnd(8)} ${String(t.files).padStart(8)} ${f(t.bytes / 1e6).padStart(9)} ${f(t.seconds, 2).padStart(9)} ${f(t.mbPerSecond, 2).padStart(8)} ${f(t.messagesPerSecond, 0).padStart(9)}`;
  const lines = [
    `Spiegel import benchmark — ${r.date}`,
    `machine: ${r.machine.nproc} × ${r.machine.cpu}, ${r.machine.ramGiB} GiB RAM, Node ${r.machine.node}, ${r.machine.platform}`,
    `corpus:  ${r.corpus.name} (${r.corpus.dir}): ${r.corpus.files} files, ${f(r.corpus.bytes / 1e6)} MB; ${Object.entries(r.corpus.messagesByType).map(([c, n]) => `${c} ${n}`).join(', ')}`,
    '',
    `${'what'.padEnd(8)} ${'files'.padStart(8)} ${'MB'.padStart(9)} ${'seconds'.padStart(9)} ${'MB/s'.padStart(8)} ${'msg/s'.padStart(9)}`,
    row('import', r.import),
    ...(r.perType ?? []).map((t) => row(t.code, t)),
    row('xmllint', { files: r.corpus.files, messages: r.corpus.files, bytes: r.corpus.bytes, seconds: r.xmllint.seconds, mbPerSecond: r.xmllint.mbPerSecond, messagesPerSecond: r.xmllint.messagesPerSecond }),
    '',
    `import statuses: ${JSON.stringify(r.import.statuses)}; peak RSS ${f(r.import.maxRssMiB, 0)} MiB`,
    ...(r.perType ? [`per-type sum: ${f(r.perType.reduce((n, t) => n + t.seconds, 0), 2)} s (each type its own batch in a second fresh database)`] : []),
    `xmllint: ${r.xmllint.version}; ${r.xmllint.calls} calls, one at a time; ${r.xmllint.invalid} files not reported valid`,
    `ratio Spiegel import / xmllint: ${f(r.ratio, 2)}× (target ≤ 2×)`,
  ];
  return lines.join('\n');
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '0.1' },
      seed: { type: 'string', default: '1' },
      corpus: { type: 'string' },
      'no-per-type': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const report = await runImportBench({
    seed: Number(values.seed),
    scale: Number(values.scale),
    perType: !values['no-per-type'],
    ...(values.corpus ? { corpusRoot: values.corpus } : {}),
    log: (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  cli().catch((e: unknown) => {
    process.stderr.write(`bench:import: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
