// Killing Spiegel (SIGKILL) while it backs up and migrates a database never leaves a half-migrated store or
// a half backup that could later be restored: after every kill the database is intact at the old version
// with all its rows, or at the new one with the migration complete, and every listed backup is complete.
// Opening it again finishes the job. Trials: $POWERLOSS_TRIALS (5 in npm test, 100 in npm run scale:powerloss).
// A SIGKILL loses what the process had not handed to the OS; a power cut can also lose what the OS had not
// written yet, which WAL with synchronous=NORMAL may roll back to an earlier commit but never corrupts.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../data/db/backup.js';
import { SCHEMA_VERSION } from '../../data/db/migrate.js';
import { openDatabase } from '../../data/db/open.js';
import { prng } from '../fixtures/prng.js';
import { WITH_HEAVY } from './powerloss-child.js';

const TRIALS = Number(process.env.POWERLOSS_TRIALS ?? 5);
const ROWS = 100_000;
const CHILD = fileURLToPath(new URL('./powerloss-child.ts', import.meta.url));

let work: string;
let base: string;
let cleanMs: number;

/** Runs the child; kills it `killAfterMs` after it starts opening the database. `ms`: how long opening took. */
function runChild(db: string, killAfterMs: number | null): Promise<{ killed: boolean; code: number | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db], { stdio: ['ignore', 'pipe', 'ignore'] });
    let started = Number.NaN;
    let killed = false;
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!Number.isNaN(started) || !chunk.toString().startsWith('open')) return;
      started = performance.now();
      if (killAfterMs !== null) timer = setTimeout(() => (killed = child.kill('SIGKILL')), killAfterMs);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: killed && code === null, code, ms: performance.now() - started });
    });
  });
}

/** What is wrong with a database that should be the old version whole or the new one whole ([] = nothing). */
function violations(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const found: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') found.push(`integrity_check: ${String(integrity)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const hasCopy = count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'payload_copy'") === 1;
    if (count('SELECT COUNT(*) FROM payload') !== ROWS) found.push('rows of payload lost');
    if (version === SCHEMA_VERSION) {
      if (hasCopy) found.push('old version, but the migration\'s table exists');
      if (count("SELECT COUNT(*) FROM payload WHERE v LIKE '%!'") !== 0) found.push('old version, but rows were rewritten');
    } else if (version === SCHEMA_VERSION + 1) {
      if (!hasCopy || count('SELECT COUNT(*) FROM payload_copy') !== ROWS) found.push('new version, but the copy is incomplete');
      if (count("SELECT COUNT(*) FROM payload WHERE v LIKE '%!'") !== ROWS) found.push('new version, but not every row was rewritten');
    } else {
      found.push(`unexpected version ${version}`);
    }
    return found;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'spiegel-powerloss-'));
  base = join(work, 'base.db');
  const db = openDatabase(base);
  db.exec('CREATE TABLE payload (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  db.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO payload SELECT i, printf('regel %08d van een zorgtoewijzing, gepseudonimiseerd', i) FROM n`).run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const clean = join(work, 'clean.db');
  copyFileSync(base, clean);
  const run = await runChild(clean, null);
  expect(run.code).toBe(0);
  cleanMs = run.ms;
  expect(violations(clean)).toEqual([]);
  expect(listBackups(clean)).toHaveLength(1);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('SIGKILL during backup and migration', () => {
  it(`leaves the old version or the new one, whole, and complete backups (${TRIALS} trials)`, async () => {
    const random = prng(20261124);
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const db = join(work, `trial-${trial}.db`);
      copyFileSync(base, db);
      // Stratified over the clean run's opening (backup, then migration; its exit is left out).
      const delay = Math.round(((trial + random()) / TRIALS) * cleanMs * 0.9);
      const run = await runChild(db, delay);
      const version = new Database(db, { readonly: true }).pragma('user_version', { simple: true });
      outcomes.push(`#${trial} kill@${delay}ms ${run.killed ? 'killed' : `exit ${run.code}`} v${String(version)} backups=${listBackups(db).length}`);
      expect(violations(db), outcomes.at(-1)).toEqual([]);
      for (const b of listBackups(db)) {
        const copy = new Database(b.file, { readonly: true });
        expect(copy.pragma('integrity_check', { simple: true }), b.file).toBe('ok');
        expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(copy.prepare('SELECT COUNT(*) FROM payload').pluck().get()).toBe(ROWS);
        copy.close();
      }
      // Opening it again finishes the migration.
      openDatabase(db, { migrations: WITH_HEAVY }).close();
      expect(violations(db)).toEqual([]);
      expect(new Database(db, { readonly: true }).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
      rmSync(db, { force: true });
      rmSync(`${db}.backups`, { recursive: true, force: true });
    }
    // The trials must interrupt runs, not only watch finished ones.
    expect(outcomes.filter((o) => o.includes('killed')).length, outcomes.join('\n')).toBeGreaterThanOrEqual(Math.floor(TRIALS / 2));
    if (process.env.POWERLOSS_TRIALS) console.log(`clean open ${Math.round(cleanMs)} ms\n${outcomes.join('\n')}`);
  }, 30_000 + TRIALS * 8_000);
});
