// Issue 4 at a small scale: build/scale-import.ts (the `npm run scale:import` check) on a generated region —
// every month, month × municipality and month × segment equals the generator's ground truth, and importing
// shuffled over three batches or twice gives the same tables. Plus the comparison helpers themselves, on
// hand-made results, so a difference is shown to fail the check.
import { normalisePivotQuery } from '../../core/contract/pivot.js';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScaleImport, type ScaleReport } from '../../build/scale-import.js';
import type { Truth, TruthResult } from '../../data/generate/index.js';
import { diffPivot } from '../fixtures/truth-compare.js';
import { diffSnapshots, shuffledBatches, type Snapshot } from '../fixtures/import-order.js';
import type { PivotResult } from '../../core/contract/methods.js';

const SCALE = 0.01;
const SEED = 7;

let report: ScaleReport;
let truth: Truth;

beforeAll(async () => {
  report = await runScaleImport({ scale: SCALE, seed: SEED, keep: true });
  truth = JSON.parse(readFileSync(join(report.dir!, 'region', 'truth.json'), 'utf8')) as Truth;
}, 600_000);

afterAll(() => {
  if (report?.dir) rmSync(report.dir, { recursive: true, force: true });
}, 60_000);

/** Months from 2015-01 (the generator's default start) to the peildatum's month, both included. */
function monthsTo(peildatum: string): number {
  return (Number(peildatum.slice(0, 4)) - 2015) * 12 + Number(peildatum.slice(5, 7));
}

describe(`scale:import at scale ${SCALE}, seed ${SEED}`, () => {
  it('imports every generated message, one message per file', () => {
    expect(report.corpus.files).toBe(truth.messages);
    expect(report.import.statuses).toEqual({ imported: truth.messages });
    expect(report.order.tables.message).toBe(truth.messages);
  });

  it('every month, month × municipality and month × segment equals the ground truth, all four measures', () => {
    expect(truth.start).toBe('2015-01-01');
    expect(report.truth.months).toBe(monthsTo(truth.peildatum));
    expect(report.truth.queries.map((q) => q.label)).toEqual(['month', 'month × municipality', 'month × segment']);
    for (const q of report.truth.queries) expect(q.values).toBe(q.cells * 4);
    expect(report.truth.values).toBeGreaterThan(report.truth.months * 4 * 3);
    expect(report.truth.first).toEqual([]);
    expect(report.truth.mismatches).toBe(0);
  });

  it('shuffled over three batches, and the folder twice, give identical pivots and row counts', () => {
    expect(report.order.differences).toEqual([]);
    const [, shuffled, twice] = report.order.runs;
    expect(shuffled).toMatchObject({ batches: 3, files: truth.messages, statuses: { imported: truth.messages } });
    expect(twice).toMatchObject({ batches: 2, files: 2 * truth.messages, statuses: { imported: truth.messages, duplicate: truth.messages } });
    expect(twice!.warnings.duplicate).toBe(truth.messages);
    expect(report.order.pivots).toBe(2 * 20 + 1); // 20 dimensions × year, with and without suppression; meta/dimensions
    expect(report.ok).toBe(true);
  });

  it('stored rows and fact rows are what the ground truth implies', () => {
    const t = report.order.tables;
    // One product per generated message: a JW301 per assignment version, a JW305 per start, a JW307 per stop.
    expect(t.assignment_version).toBe(truth.assignments.reduce((n, a) => n + a.versions, 0));
    expect(t.care_start).toBe(truth.messagesByCode.JW305);
    expect(t.care_stop).toBe(truth.messagesByCode.JW307);
    expect(t.declaration).toBe(truth.messagesByCode.JW323);
    expect(t.declaration_answer).toBe(truth.messagesByCode.JW325);
    expect(t.declaration_line).toBe(truth.lines.length);
    expect(t['store.money']).toBe(truth.lines.filter((l) => l.periodStart <= truth.peildatum).length);
    // Care facts: one row per care period per calendar month it runs in, up to the peildatum.
    const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
    let careRows = 0;
    for (const p of truth.periods) {
      const end = p.end === null || p.end > truth.peildatum ? truth.peildatum : p.end;
      if (p.start <= end) careRows += month(end) - month(p.start) + 1;
    }
    expect(t['store.care']).toBe(careRows);
  });
});

describe('the comparison catches differences', () => {
  // rows month × cols segment, measures clients and claimed, written out by hand.
  const base = (): TruthResult => ({
    rowKeys: [['2020-01'], ['2020-02']],
    colKeys: [['verblijf'], ['wonen']],
    cells: [[[3, 100], [1, 50]], [[2, 70], [0, 0]]],
    rowTotals: [[4, 150], [2, 70]],
    colTotals: [[4, 170], [1, 50]],
    grandTotal: [5, 220],
  });

  it('finds nothing in equal results and counts cells and values', () => {
    expect(diffPivot('q', ['clients', 'claimed'], base(), base())).toEqual({ cells: 9, values: 18, mismatches: [] });
  });

  it('names the cell, the measure and both values', () => {
    const ours = base();
    ours.cells[1]![0]![1] = 71;
    expect(diffPivot('q', ['clients', 'claimed'], ours, base()).mismatches).toEqual([{ query: 'q', row: '2020-02', col: 'verblijf', measure: 'claimed', ours: 71, truth: 70 }]);
  });

  it('reports a month missing on one side, and keys out of order', () => {
    const ours = base();
    ours.rowKeys.pop();
    ours.cells.pop();
    ours.rowTotals.pop();
    const missing = diffPivot('q', ['clients', 'claimed'], ours, base()).mismatches;
    expect(missing).toHaveLength(6); // 2020-02: two cells and its row total, two measures each
    expect(missing[0]).toMatchObject({ row: '2020-02', ours: undefined, truth: 2 });
    const swapped = base();
    swapped.colKeys.reverse();
    swapped.cells = swapped.cells.map((r) => [...r].reverse());
    swapped.colTotals.reverse();
    expect(diffPivot('q', ['clients', 'claimed'], swapped, base()).mismatches).toEqual([
      { query: 'q', row: '(colKeys order)', col: '', measure: '', ours: 'wonen, verblijf', truth: 'verblijf, wonen' },
    ]);
  });

  it('a suppressed value (NaN) differs from a number', () => {
    const ours = base();
    ours.grandTotal[0] = NaN;
    expect(diffPivot('q', ['clients', 'claimed'], ours, base()).mismatches).toHaveLength(1);
  });

  it('between databases: a flag, a value or a table count that differs is reported', () => {
    const cell = (clients: number, flag: PivotResult['cells'][number][number]['flag'] = 'ok') => ({ values: [clients], clients, records: clients, flag });
    const pivot = (): PivotResult => ({
      query: normalisePivotQuery({ rows: ['gender'], measures: ['clients'] }),
      rows: [{ path: ['1'] }, { path: ['2'] }, { path: [] }],
      cols: [{ path: [] }],
      cells: [[cell(6)], [cell(7)], [cell(13)]],
      labels: { gender: { '1': { nl: 'man', en: 'male' }, '2': { nl: 'vrouw', en: 'female' } } },
      peildatum: '2025-12-31',
      voorlopig: [],
      notes: [],
      suppression: { applied: true, threshold: 5 },
    });
    const snap = (): Snapshot => ({ pivots: [{ label: 'gender', result: pivot() }], dimensions: { dimensions: [] } as never, rows: { message: 10, 'facts.care': 4 }, bookkeeping: { import_batch: 1 } });
    const a = snap();
    expect(diffSnapshots('b', a, snap()).differences).toEqual([]);
    const b = snap();
    b.pivots[0]!.result.cells[0]![0]!.flag = 'small';
    b.rows['facts.care'] = 5;
    b.bookkeeping.import_batch = 3; // bookkeeping differs by design: not compared
    const d = diffSnapshots('b', a, b).differences;
    expect(d).toEqual(['b: gender: .cells.0.0.flag: "small" ≠ "ok"', 'b: table facts.care: 5 rows ≠ 4 (reference)']);
    b.pivots[0]!.result.cells[0]![0]!.values = [8];
    expect(diffSnapshots('b', a, b).differences[0]).toBe('b: gender [1 / (all)] clients: 8 ≠ 6 (reference)');
  });

  it('the shuffle covers every file once, in three batches, the same for the same seed', () => {
    const files = Array.from({ length: 10 }, (_, i) => `f${i}.xml`);
    const b = shuffledBatches(files, 7, 3);
    expect(b.map((x) => x.length)).toEqual([4, 4, 2]);
    expect(b.flat().sort()).toEqual([...files].sort());
    expect(b.flat()).not.toEqual(files);
    expect(shuffledBatches(files, 7, 3)).toEqual(b);
  });
});
