// The fact store of a generated region (seed 4242, scale 0.01) against the generator's ground truth
// (data/generate/truth: what it planned, sharing no code with data/model). Per child, from truth.json alone:
//   kind 0 rows = Σ over its care periods of the calendar months from start to min(end, peildatum);
//   kind 1 rows = its declaration lines whose ProductPeriode starts on or before the peildatum (and their €);
//   kind 2 rows = Σ over its not deleted assignments of the months from Ingangsdatum to min(Einddatum, peildatum).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFIER } from '../../core/domain/codebook.js';
import type { FactStore } from '../../core/pivot/store.js';
import { writeRegion, type Truth } from '../generate/index.js';
import { openDatabase } from '../db/open.js';
import { importFiles, listInputs } from '../import/importer.js';
import { loadOrCreateKey, pseudonymise } from '../import/pseudonym.js';
import { buildFactStore } from './store.js';

let dir: string;
let db: Database.Database;
let truth: Truth;
let store: FactStore;
let buildMs: number;
let key: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-store-region-'));
  await writeRegion(join(dir, 'region'), { seed: 4242, scale: 0.01 });
  truth = JSON.parse(readFileSync(join(dir, 'region', 'truth.json'), 'utf8')) as Truth;
  db = openDatabase(join(dir, 'spiegel.db'));
  key = loadOrCreateKey(join(dir, 'pseudonym.key'));
  const report = await importFiles(db, await listInputs([join(dir, 'region')]), { key, appVersion: 'test' });
  expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
  const t0 = performance.now();
  store = buildFactStore(db, truth.peildatum, DEFAULT_CLASSIFIER);
  buildMs = performance.now() - t0;
}, 600_000);
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

const months = (from: string, to: string) => (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + +to.slice(5, 7) - +from.slice(5, 7) + 1;

type Counts = [care: number, money: number, assignment: number, euro: number];

/** Per pseudonym: [kind 0 rows, kind 1 rows, kind 2 rows, Σ € of kind 1], from truth.json. */
function expected(): Map<string, Counts> {
  const peil = truth.peildatum;
  const out = new Map<string, Counts>();
  const of = (bsn: string): Counts => {
    const p = pseudonymise(key, bsn);
    if (!out.has(p)) out.set(p, [0, 0, 0, 0]);
    return out.get(p)!;
  };
  for (const p of truth.periods) {
    const end = p.end === null || p.end > peil ? peil : p.end;
    if (p.start <= peil && end >= p.start) of(p.bsn)[0] += months(p.start, end);
  }
  for (const l of truth.lines) {
    if (l.periodStart > peil) continue;
    of(l.bsn)[1]++;
    of(l.bsn)[3] += l.amount;
  }
  for (const a of truth.assignments) {
    const end = a.end === null || a.end > peil ? peil : a.end;
    if (!a.deleted && a.start <= peil && end >= a.start) of(a.bsn)[2] += months(a.start, end);
  }
  return out;
}

function actual(): Map<string, Counts> {
  const col = (name: string) => store.facts.getChild(name)!.data[0]!.values as ArrayLike<number>;
  const [kind, client, record] = [col('kind'), col('client'), col('record')];
  const amount = store.lines.getChild('amount')!.data[0]!.values as ArrayLike<number>; // a money row's line
  const pseudonyms = store.clients.getChild('pseudonym')!.toArray() as string[];
  const out = new Map<string, Counts>();
  for (let i = 0; i < store.facts.numRows; i++) {
    const p = pseudonyms[client[i]!]!;
    if (!out.has(p)) out.set(p, [0, 0, 0, 0]);
    const counts = out.get(p)!;
    counts[kind[i] as 0 | 1 | 2]++;
    if (kind[i] === 1) counts[3] += amount[record[i]!]!;
  }
  return out;
}

describe('the fact store of a generated region (seed 4242, scale 0.01)', () => {
  it("has per child as many care, money and assignment rows (and €) as the generator's truth implies", () => {
    const want = expected();
    const got = actual();
    expect(got.size).toBe(want.size);
    expect(store.clients.numRows).toBe(want.size);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    const totals = ([0, 1, 2] as const).map((k) => [...want.values()].reduce((s, c) => s + c[k], 0));
    expect(totals.every((n) => n > 0)).toBe(true);
    const bytes = store.facts.schema.fields.reduce((s, f) => s + store.facts.getChild(f.name)!.data[0]!.values.byteLength, 0);
    console.log(`fact store: ${store.facts.numRows} rows (care ${totals[0]}, money ${totals[1]}, assignment ${totals[2]}), ${store.clients.numRows} clients, built in ${buildMs.toFixed(0)} ms, ${(bytes / store.facts.numRows).toFixed(1)} bytes per row`);
  });

  it('keeps every child’s rows together, ordered by kind, record and month', () => {
    const col = (name: string) => store.facts.getChild(name)!.data[0]!.values as ArrayLike<number>;
    const [kind, client, record, month] = [col('kind'), col('client'), col('record'), col('month')];
    let disorder = 0;
    for (let i = 1; i < store.facts.numRows; i++) {
      const a = [client[i - 1]!, kind[i - 1]!, record[i - 1]!, month[i - 1]!];
      const b = [client[i]!, kind[i]!, record[i]!, month[i]!];
      const cmp = a.findIndex((x, j) => x !== b[j]);
      if (cmp < 0 || a[cmp]! > b[cmp]!) disorder++;
    }
    expect(disorder).toBe(0);
  });
});
