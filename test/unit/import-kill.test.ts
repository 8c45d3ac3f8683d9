// Killing `spiegel import` at random moments never leaves half a file (or half a batch) in the database,
// and running the import again converges on the totals of one clean import.
// The real CLI in a child process, SIGKILLed after a seeded random delay spread over the duration of a
// first clean run; half the trials start from an empty database, half from a copy of one that already
// holds the first months (so the killed run is a second batch with duplicates in it).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegion } from '../../data/generate/region.js';
import { createService } from '../../data/service.js';
import { BIN } from './cli-helpers.js';
import { prng } from '../fixtures/prng.js';

const TRIALS = Number(process.env.POWERLOSS_TRIALS ?? 10); // 100 in npm run scale:powerloss
const COUNTED = ['message', 'assignment_version', 'care_start', 'care_stop', 'declaration', 'declaration_line', 'declaration_answer'] as const;


let work: string;
let home: string;
let allDir: string;
let firstDir: string;
let baseDb: string;
let cleanSeconds: number;
let cleanTotals: Record<string, number>;

/** Runs the CLI import; kills it with SIGKILL after `killAfterMs` unless it has finished. */
function runCli(dir: string, db: string, killAfterMs: number | null): Promise<{ killed: boolean; code: number | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'import', dir, '--db', db, '--home', home], { stdio: 'ignore' });
    let killed = false;
    const timer = killAfterMs === null ? null : setTimeout(() => (killed = child.kill('SIGKILL')), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: killed && code === null, code, ms: performance.now() - started });
    });
  });
}

function totals(db: Database.Database): Record<string, number> {
  return Object.fromEntries(COUNTED.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

/** Every way a half-stored file or batch could show. Returns the list of violations (empty = consistent). */
function violations(db: Database.Database): string[] {
  const found: string[] = [];
  const rows = (label: string, sql: string) => {
    const r = db.prepare(sql).all();
    if (r.length > 0) found.push(`${label}: ${JSON.stringify(r.slice(0, 3))}`);
  };
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') found.push(`integrity_check: ${String(integrity)}`);
  rows('foreign_key_check', 'PRAGMA foreign_key_check');
  rows('unfinished or miscounted batch', `SELECT b.id, b.finished_at, b.files, (SELECT COUNT(*) FROM import_file f WHERE f.batch_id = b.id) AS n
    FROM import_batch b WHERE b.finished_at IS NULL OR b.files <> (SELECT COUNT(*) FROM import_file f WHERE f.batch_id = b.id)`);
  rows('file whose message count is not what it reports', `SELECT f.id, f.status, f.messages, (SELECT COUNT(*) FROM message m WHERE m.file_id = f.id) AS n
    FROM import_file f WHERE f.messages <> (SELECT COUNT(*) FROM message m WHERE m.file_id = f.id)
       OR (f.status = 'imported' AND f.messages <> 1) OR (f.status <> 'imported' AND f.messages <> 0)`);
  rows('message without its file', 'SELECT m.id FROM message m LEFT JOIN import_file f ON f.id = m.file_id WHERE f.id IS NULL OR f.status <> \'imported\'');
  for (const t of ['assignment_version', 'care_start', 'care_stop', 'declaration', 'declaration_answer']) {
    rows(`${t} without its message`, `SELECT x.id FROM ${t} x LEFT JOIN message m ON m.id = x.message_id WHERE m.id IS NULL`);
  }
  rows('declaration_line without its declaration', 'SELECT l.id FROM declaration_line l LEFT JOIN declaration d ON d.id = l.declaration_id WHERE d.id IS NULL');
  rows('answer_rejected_line without its answer', 'SELECT l.id FROM answer_rejected_line l LEFT JOIN declaration_answer a ON a.id = l.answer_id WHERE a.id IS NULL');
  // A stored message always has its facts: no message whose rows were cut off.
  rows('JW301 without assignment rows', "SELECT m.id FROM message m WHERE m.code = 'JW301' AND NOT EXISTS (SELECT 1 FROM assignment_version a WHERE a.message_id = m.id)");
  rows('JW305 without start rows', "SELECT m.id FROM message m WHERE m.code = 'JW305' AND NOT EXISTS (SELECT 1 FROM care_start s WHERE s.message_id = m.id)");
  rows('JW307 without stop rows', "SELECT m.id FROM message m WHERE m.code = 'JW307' AND NOT EXISTS (SELECT 1 FROM care_stop s WHERE s.message_id = m.id)");
  rows('JW323 without its declaration', "SELECT m.id FROM message m WHERE m.code = 'JW323' AND NOT EXISTS (SELECT 1 FROM declaration d WHERE d.message_id = m.id)");
  rows('JW325 without its answer', "SELECT m.id FROM message m WHERE m.code = 'JW325' AND NOT EXISTS (SELECT 1 FROM declaration_answer a WHERE a.message_id = m.id)");
  return found;
}

function withDb<T>(file: string, f: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return f(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'spiegel-kill-'));
  home = join(work, 'home');
  const region = join(work, 'region');
  await writeRegion(region, { seed: 11, scale: 0.01 });
  // The first months of the region: enough files that the import takes a second or two after start-up.
  allDir = join(work, 'all');
  firstDir = join(work, 'first');
  let files = 0;
  for (const month of readdirSync(region).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort()) {
    if (files >= 700) break;
    cpSync(join(region, month), join(allDir, month), { recursive: true });
    if (files < 250) cpSync(join(region, month), join(firstDir, month), { recursive: true });
    files += readdirSync(join(region, month)).length;
  }
  rmSync(region, { recursive: true });

  const clean = join(work, 'clean.db');
  const run = await runCli(allDir, clean, null);
  expect(run.code).toBe(0);
  cleanSeconds = run.ms / 1000;
  cleanTotals = withDb(clean, totals);
  expect(cleanTotals.message).toBeGreaterThan(300);

  baseDb = join(work, 'base.db');
  expect((await runCli(firstDir, baseDb, null)).code).toBe(0);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('spiegel import killed with SIGKILL', () => {
  it(`never leaves half a file, and a re-run converges (${TRIALS} seeded trials)`, async () => {
    const random = prng(20261123);
    const outcomes: string[] = [];
    const service = (db: string) => createService({ dbFile: db, home });
    for (let trial = 0; trial < TRIALS; trial++) {
      const db = join(work, `trial-${trial}.db`);
      const fromBase = trial % 2 === 1;
      if (fromBase) copyFileSync(baseDb, db);
      // Stratified over the clean run's duration (start-up, reading, validation, storing), plus a little beyond.
      const delay = Math.round(((trial + random()) / TRIALS) * cleanSeconds * 1100);
      const run = await runCli(allDir, db, delay);
      // Killed before the store was created: the schema is made in one transaction, so it is all or nothing.
      const migrated = existsSync(db) && withDb(db, (d) => (d.pragma('user_version', { simple: true }) as number) > 0);
      if (!migrated && existsSync(db)) {
        expect(withDb(db, (d) => d.prepare('SELECT COUNT(*) AS n FROM sqlite_master').get() as { n: number }).n).toBe(0);
      }
      const batches = migrated ? withDb(db, (d) => (d.prepare('SELECT COUNT(*) AS n FROM import_batch').get() as { n: number }).n) : 0;
      outcomes.push(`#${trial} ${fromBase ? 'base' : 'empty'} kill@${delay}ms ${run.killed ? 'killed' : `exit ${run.code}`} batches=${batches}`);

      if (migrated) {
        const broken = withDb(db, violations);
        expect(broken, `trial ${trial} (kill after ${delay} ms, ${fromBase ? 'from base' : 'from empty'})`).toEqual([]);
      }

      const s = service(db);
      try {
        const report = await s['import/files']({ paths: [allDir] });
        expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
      } finally {
        s.close();
      }
      withDb(db, (d) => {
        expect(violations(d)).toEqual([]);
        expect(totals(d), `trial ${trial} after re-run`).toEqual(cleanTotals);
      });
      rmSync(db, { force: true });
      rmSync(`${db}-wal`, { force: true });
      rmSync(`${db}-shm`, { force: true });
    }
    // The trials must actually interrupt imports, not only watch finished ones.
    expect(outcomes.filter((o) => o.includes('killed')).length, outcomes.join('\n')).toBeGreaterThanOrEqual(TRIALS / 2);
  }, 100_000 + TRIALS * 15_000);
});

