// The import checks (docs/IMPORT.md "Controles") on a generated region, against counts computed here from the
// generator's ground truth (truth.json: what it planned, sharing no code with data/import or data/model).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegion, type Truth, type TruthLine } from '../../data/generate/index.js';
import { openDatabase } from '../../data/db/open.js';
import { batchCounts, runChecks } from '../../data/import/checks.js';
import { importFiles, readInputs } from '../../data/import/importer.js';
import { loadOrCreateKey } from '../../data/import/pseudonym.js';

const SEED = 77;
const SCALE = 0.005;

let dir: string;
let truth: Truth;
let db: Database.Database;
let batchId: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-checks-gt-'));
  await writeRegion(join(dir, 'region'), { seed: SEED, scale: SCALE });
  truth = JSON.parse(readFileSync(join(dir, 'region', 'truth.json'), 'utf8')) as Truth;
  db = openDatabase(join(dir, 'spiegel.db'));
  const report = await importFiles(db, await readInputs([join(dir, 'region')]), { key: loadOrCreateKey(join(dir, 'key')), appVersion: 'test' });
  expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
  batchId = report.batchId!;
}, 600_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

const minusDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Pairs of overlapping lines per provider, client, municipality, ToewijzingNummer and ProductCode, leaving
 *  out credits and the lines a credit names as VorigReferentieNummer. */
function truthPairs(lines: TruthLine[]): number {
  const credited = new Set(lines.filter((l) => l.amount < 0 && l.prevRef).map((l) => `${l.provider}|${l.prevRef}`));
  const groups = new Map<string, TruthLine[]>();
  for (const l of lines) {
    if (l.amount < 0 || credited.has(`${l.provider}|${l.ref}`)) continue;
    const k = [l.provider, l.bsn, l.municipality, l.nr, l.code].join('|');
    groups.set(k, [...(groups.get(k) ?? []), l]);
  }
  let pairs = 0;
  for (const g of groups.values()) {
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (g[i]!.periodStart <= g[j]!.periodEnd && g[j]!.periodStart <= g[i]!.periodEnd) pairs++;
  }
  return pairs;
}

describe(`the import checks on a generated region (seed ${SEED}, scale ${SCALE}) equal counts from its ground truth`, () => {
  it('counts messages and declaration lines per message type', () => {
    const counts = batchCounts(db, batchId);
    expect(Object.fromEntries(counts.map((c) => [c.code, c.messages]))).toEqual(truth.messagesByCode);
    expect(counts.find((c) => c.code === 'JW323')!.records).toBe(truth.lines.length);
  });

  it('finds exactly the assignments the generator left unstarted, and nothing else', () => {
    const cutoff = minusDays(truth.peildatum, 60);
    const notStarted = truth.assignments.filter((a) => !a.started && !a.deleted && a.start <= cutoff).length;
    const byNr = new Map(truth.assignments.map((a) => [`${a.municipality}|${a.nr}`, a]));
    let outside = 0;
    let missing = 0;
    for (const l of truth.lines) {
      const a = byNr.get(`${l.municipality}|${l.nr}`);
      if (!a || a.deleted) missing++;
      else if (l.periodStart < a.start || (a.end !== null && l.periodEnd > a.end)) outside++;
    }
    const expected = [
      ['not-started-60d', notStarted],
      ['declaration-outside-assignment', outside],
      ['declaration-no-assignment', missing],
      ['duplicate-line', truthPairs(truth.lines)],
    ].filter(([, n]) => n !== 0);
    expect(notStarted).toBeGreaterThan(0); // the planted assignedNotStarted case at least
    expect(runChecks(db, { batchId, peildatum: truth.peildatum }).map((w) => [w.code, w.count])).toEqual(expected);
  });
});
