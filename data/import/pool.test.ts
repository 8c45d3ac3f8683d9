// The import workers (pool.ts, prepare-worker.ts): an import prepared in worker threads stores exactly what one
// prepared in the importer's own thread stores — every row of every table, ids included, and the same report —
// for a generated region imported twice (duplicates), with refused, mapped and zipped files among them. A
// worker that fails takes the import down with nothing stored; a cancel stops the workers and stores nothing.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegion } from '../generate/index.js';
import { exampleText } from '../../test/fixtures/import/examples.js';
import { closeTempStore, openTempStore, type TempStore } from '../../test/fixtures/import/store.js';
import { ImportCancelledError, importFiles, listInputs, type ImportOptions, type PathInput } from './importer.js';

let dir: string;
let region: PathInput[];
let extras: PathInput[];
const opened: TempStore[] = [];

function store(): TempStore {
  const s = openTempStore('spiegel-pool-');
  opened.push(s);
  return s;
}

/** Every row of every table, in rowid order per table (so ids and order count too). */
function everything(db: Database.Database): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all().map((r) => JSON.stringify(r)).sort()]));
}

const now = (): Date => new Date('2026-11-01T12:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-pool-region-'));
  await writeRegion(join(dir, 'r'), { seed: 5, scale: 0.003, start: '2023-01-01', end: '2024-06-30' });
  region = await listInputs([join(dir, 'r')]);
  // Files the workers must handle like the importer's thread does: refused before and by the XSD, an iJw 3.1
  // message (mapped, with a warning), and a zip archive whose entries are imported.
  const x = join(dir, 'x');
  mkdirSync(x);
  writeFileSync(join(x, 'a-broken.xml'), '<Bericht><Header>');
  writeFileSync(join(x, 'b-invalid.xml'), exampleText('JW315'));
  writeFileSync(join(x, 'c-v31.xml'), exampleText('JW301').replaceAll('istandaarden.nl/ijw/3_2/', 'istandaarden.nl/ijw/3_1/'));
  const some = readdirSync(join(dir, 'r'), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.xml')).sort().slice(0, 30);
  writeFileSync(join(x, 'd-month.zip'), zipSync(Object.fromEntries(some.map((n) => [n, new Uint8Array(readFileSync(join(dir, 'r', n)))]))));
  extras = await listInputs([x]);
}, 120_000);

afterAll(() => {
  for (const s of opened) closeTempStore(s.db, s.dir);
  rmSync(dir, { recursive: true, force: true });
});

describe('the import workers', () => {
  it('store exactly what preparing in the importer thread stores', async () => {
    expect(region.length).toBeGreaterThan(300);
    const half = region.slice(0, Math.round(region.length / 2));
    const results = [];
    for (const threads of [0, 2]) {
      const s = store();
      const options: ImportOptions = { key: opened[0]!.key, appVersion: 'test', now, threads, chunkFiles: 70 };
      // The second import holds the first half again (duplicates) and the extra files.
      const first = await importFiles(s.db, half, options);
      const second = await importFiles(s.db, [...extras, ...region], options);
      results.push({ reports: [first, second], rows: everything(s.db) });
    }
    const [inThread, inWorkers] = results;
    expect(inWorkers!.reports).toEqual(inThread!.reports);
    expect(inWorkers!.rows).toEqual(inThread!.rows);
    // The extras did what they should, so the comparison covered them.
    const statuses = inWorkers!.reports[1]!.files.slice(0, 5).map((f) => [f.name.split('/').pop(), f.status]);
    expect(statuses).toEqual([['a-broken.xml', 'rejected'], ['b-invalid.xml', 'rejected'], ['c-v31.xml', 'imported'], ['d-month.zip', 'imported'], [expect.any(String), 'duplicate']]);
    expect(inWorkers!.reports[1]!.warnings.some((w) => w.code === 'mapped-version')).toBe(true);
    expect(inWorkers!.rows['message']!.length).toBeGreaterThan(300);
  }, 180_000);

  it('fail the import when a file cannot be read, and nothing is stored', async () => {
    const s = store();
    const gone: PathInput = { name: 'gone.xml', path: join(dir, 'no-such-file.xml'), size: 10 };
    const inputs = [...region.slice(0, 100), gone, ...region.slice(100, 200)];
    await expect(importFiles(s.db, inputs, { key: s.key, appVersion: 'test', threads: 2, chunkFiles: 40 })).rejects.toThrow(/no-such-file/);
    expect(s.db.inTransaction).toBe(false);
    for (const t of ['import_batch', 'import_file', 'message', 'message_batch']) {
      expect(s.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get(), t).toBe(0);
    }
  }, 60_000);

  it('stop on cancel, and nothing is stored', async () => {
    const s = store();
    const control = { cancelled: false, onProgress: (p: { filesDone: number }) => { if (p.filesDone >= 80) control.cancelled = true; } };
    await expect(importFiles(s.db, region, { key: s.key, appVersion: 'test', threads: 2, chunkFiles: 40, control })).rejects.toBeInstanceOf(ImportCancelledError);
    expect(s.db.inTransaction).toBe(false);
    for (const t of ['import_batch', 'import_file', 'message', 'message_batch']) {
      expect(s.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get(), t).toBe(0);
    }
  }, 60_000);
});
