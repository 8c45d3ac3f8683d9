// The pivot engine on a region small enough to work out on paper (test/fixtures/hand-store.ts):
// four children, five care periods, four declaration lines, one assignment never started.
//   c0 (born 2010-05, girl) A: verblijf P1 2024-01-10..03-31 (t0), specialistisch P2 2024-11-01..open (t1)
//   c1 (born 2008-01, boy)  B: specialistisch P2 2024-02 (t2); assignment P3 from 2024-12 never started
//   c2 (born 2015-01, girl) A: category 42 from 2024-12 (no trajectory)
//   c3 (born 2012-06, boy)  B: generalistisch P1 2024-03-15..10-10 (t3) — turns 12 on 2024-06-15
import { describe, expect, it } from 'vitest';
import { normalisePivotQuery, type PivotQueryInput, type PivotResult } from '../../core/contract/pivot.js';
import { runPivot } from '../../core/pivot/pivot.js';
import { handStore } from '../fixtures/fact-store.js';
import { HAND } from '../fixtures/hand-store.js';

const store = handStore(HAND);
const run = (q: PivotQueryInput) =>
  runPivot(store, normalisePivotQuery({ suppress: false, ...q }), { peildatum: HAND.peildatum, threshold: 5, labels: (_d, k) => ({ nl: k, en: k }) });

/** value of measure `m` at row path × col path. */
function at(r: PivotResult, row: string[], col: string[], m = 0): number | null | undefined {
  const i = r.rows.findIndex((h) => h.path.join('|') === row.join('|'));
  const j = r.cols.findIndex((h) => h.path.join('|') === col.join('|'));
  if (i < 0 || j < 0) return undefined;
  return r.cells[i]![j]!.values[m];
}

describe('pivot engine on a hand-worked region', () => {
  it('counts distinct children and trajectories at cells, subtotals and totals (never sums)', () => {
    const r = run({ rows: ['municipality', 'segment'], cols: ['quarter'], measures: ['clients', 'trajectories'] });
    expect(r.rows.map((h) => h.path.join('/'))).toEqual([
      '0203', '0203/specialistisch', '0203/generalistisch', '0228', '0228/verblijf', '0228/specialistisch', '0228/overig', '',
    ]);
    expect(r.cols.map((h) => h.path.join('/'))).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '']);
    expect(at(r, ['0228', 'verblijf'], ['2024-Q1'])).toBe(1);
    expect(at(r, ['0228', 'verblijf'], ['2024-Q4'])).toBe(0);
    expect(at(r, ['0228'], ['2024-Q4'])).toBe(2); // c0, c2
    expect(at(r, ['0228'], ['2024-Q4'], 1)).toBe(1); // c2's category 42 is no trajectory
    expect(at(r, ['0228'], [])).toBe(2);
    expect(at(r, ['0228'], [], 1)).toBe(2);
    expect(at(r, ['0203'], ['2024-Q1'])).toBe(2); // c1, c3
    expect(at(r, [], ['2024-Q1'])).toBe(3);
    expect(at(r, [], ['2024-Q4'])).toBe(3);
    expect(at(r, [], ['2024-Q4'], 1)).toBe(2);
    expect(at(r, [], [])).toBe(4);
    expect(at(r, [], [], 1)).toBe(4);
  });

  it('age band per cell with totals over the union: c3 is 11 in Q1 and 12 from Q2', () => {
    const r = run({ rows: ['ageband'], cols: ['quarter'] });
    expect(at(r, ['4-11'], ['2024-Q1'])).toBe(1);
    expect(at(r, ['4-11'], ['2024-Q4'])).toBe(1);
    expect(at(r, ['4-11'], [])).toBe(2); // c3 and c2
    expect(at(r, ['12-17'], ['2024-Q1'])).toBe(2);
    expect(at(r, ['12-17'], ['2024-Q2'])).toBe(1);
    expect(at(r, ['12-17'], ['2024-Q4'])).toBe(2);
    expect(at(r, ['12-17'], [])).toBe(3);
    expect(at(r, [], [])).toBe(4); // c3 once, though in both bands
  });

  it('money: claimed, approved, pending, € per client, volume in hours and the effective price', () => {
    const r = run({ rows: ['municipality'], measures: ['claimed', 'approved', 'pending', 'perClient', 'volume', 'price'] });
    const b = r.cells[0]!.at(-1)!.values; // B: 120 minutes debit, 40 minutes credit = 80 minutes
    expect(b.slice(0, 4)).toEqual([20000, 20000, 0, 20000]);
    expect(b[4]).toBeCloseTo(80 / 60, 12);
    expect(b[5]).toBeCloseTo(15000, 9); // 200 euro per 4/3 hour
    const a = r.cells[1]!.at(-1)!.values; // A: units 14 and 04 do not add
    expect(a.slice(0, 4)).toEqual([150000, 100000, 50000, 100000]);
    expect(a[4]).toBeNull();
    expect(a[5]).toBe(100000 / 29); // only line 0 is approved: one unit
    const total = r.cells.at(-1)!.at(-1)!.values;
    expect(total.slice(0, 4)).toEqual([170000, 120000, 50000, 60000]); // € per client: 120000 / 2 children
  });

  it('assignments never started are assignments, not clients', () => {
    const r = run({ rows: ['municipality'], measures: ['assignments', 'clients'] });
    expect(at(r, ['0203'], [], 0)).toBe(1);
    expect(at(r, ['0228'], [], 0)).toBe(0);
    expect(at(r, ['0203'], [], 1)).toBe(2); // c1 (February) and c3
  });

  it('trajectory durations: mean and median in days, ongoing to the peildatum', () => {
    const r = run({ rows: ['kader'], measures: ['durationMean', 'durationMedian'] });
    // t0 82 days, t1 61 (to 2024-12-31), t2 29, t3 210
    expect(r.cells.at(-1)!.at(-1)!.values).toEqual([382 / 4, (61 + 82) / 2]);
  });

  it('filters: gender == 2 keeps c0 and c2', () => {
    const r = run({ rows: ['municipality'], filters: [['gender', '==', '2']] });
    expect(r.rows.map((h) => h.path.join())).toEqual(['0228', '']);
    expect(at(r, ['0228'], [])).toBe(2);
  });

  it('compare with the previous quarter', () => {
    const r = run({ rows: ['quarter'], compare: 'prev' });
    const change = (q: string) => r.cells[r.rows.findIndex((h) => h.path[0] === q)]![0]!.change![0];
    expect(change('2024-Q1')).toBeNull(); // nothing in 2023-Q4
    expect(change('2024-Q2')).toBeCloseTo((1 - 3) / 3);
    expect(change('2024-Q4')).toBeCloseTo((3 - 1) / 1);
  });

  it('show as share of the grand total, and of the parent', () => {
    const g = run({ rows: ['municipality'], showAs: 'grand' });
    expect(at(g, ['0203'], [])).toBe(0.5);
    expect(at(g, [], [])).toBe(1);
    const p = run({ rows: ['municipality', 'segment'], showAs: 'parent' });
    expect(at(p, ['0203', 'generalistisch'], [])).toBe(0.5); // c3 of c1, c3
    expect(at(p, ['0228'], [])).toBe(0.5);
  });

  it('marks voorlopig months and sorts rows by a measure', () => {
    const r = run({ rows: ['provider'], sort: { by: 'clients', dir: 'desc' } });
    expect(r.voorlopig).toEqual(expect.arrayContaining(['2024-12', '2024-11', '2024-10', '2024-Q4', '2024']));
    expect(r.voorlopig).not.toContain('2024-09');
    expect(r.rows.map((h) => h.path.join())).toEqual(['P1', 'P2', '']); // P1: c0, c2, c3; P2: c0, c1
  });
});

describe('drill-through', () => {
  it('lists the records behind a subtotal cell: B in 2024-Q1 = c1 February, c3 March', async () => {
    const { drill } = await import('../../core/pivot/drill.js');
    const d = drill(store, normalisePivotQuery({ rows: ['municipality', 'segment'], cols: ['quarter'], suppress: false }), ['0203'], ['2024-Q1'], 100);
    expect(d.total).toBe(2);
    expect(d.records.map((r) => [r.pseudonym, r.toewijzingNr, r.start, r.end])).toEqual([
      ['c1', 20, '2024-02-01', '2024-02-29'],
      ['c3', 40, '2024-03-15', '2024-10-10'],
    ]);
  });
});

describe('compare under suppression', () => {
  const compare = (threshold: number) => {
    const r = runPivot(store, normalisePivotQuery({ rows: ['quarter'], compare: 'prev', suppress: true }), {
      peildatum: HAND.peildatum,
      threshold,
      labels: (_d, k) => ({ nl: k, en: k }),
    });
    return (q: string) => r.cells[r.rows.findIndex((h) => h.path.join() === q)]![0]!.change![0];
  };
  it('hides a change whose earlier cell has 1..threshold-1 children, and gives totals over all periods none', () => {
    expect(compare(1)('2024-Q4')).toBe(2); // 3 children after 1: +200 %
    expect(compare(2)('2024-Q4')).toBeNull(); // Q3's single child would show through
    expect(compare(1)('')).toBeNull(); // the total over all quarters has no previous period
  });
});

describe('clients per 1,000 youth', () => {
  // Population 0–17 on 1 January 2024, made up for the test: 0228 = 100, 0203 = 200.
  const population = {
    aged0to17: (m: string, year: number) => (year === 2024 ? ({ '0228': 100, '0203': 200 } as Record<string, number>)[m] ?? null : null),
    municipalities: (year: number) => (year === 2024 ? ['0203', '0228'] : []),
  };
  it('divides the children aged 0–17 by the population of the cell’s municipality and year', () => {
    const r = runPivot(store, normalisePivotQuery({ rows: ['municipality'], cols: ['year'], per1000: true, suppress: false }), {
      peildatum: HAND.peildatum,
      threshold: 5,
      labels: (_d, k) => ({ nl: k, en: k }),
      population,
    });
    // 0228: c0 (14) and c2 (9) → 2 per 100; 0203: c1 (16 on 2024-02-29) and c3 (12) → 2 per 200.
    expect(at(r, ['0228'], ['2024'])).toBe(20);
    expect(at(r, ['0203'], ['2024'])).toBe(10);
    expect(at(r, [], ['2024'])).toBeCloseTo((4 / 300) * 1000, 10); // the region: both municipalities
    expect(at(r, ['0228'], [])).toBeNull(); // no year in the cell
  });
});

describe('last municipality', () => {
  // One child who moves: care in 0228 from January to March 2024, in 0203 from April to June.
  const mover = handStore({
    peildatum: '2024-12-31',
    clients: [{ pseudonym: 'm', birth: 201001 }],
    periods: [
      { trajectory: 0, start: '2024-01-01', end: '2024-03-31', toewijzingNr: 1 },
      { trajectory: 1, start: '2024-04-01', end: '2024-06-30', toewijzingNr: 2 },
    ],
    trajectories: [
      { start: '2024-01-01', end: '2024-03-31' },
      { start: '2024-04-01', end: '2024-06-30' },
    ],
    facts: [
      ...[202401, 202402, 202403].map((month) => ({ kind: 0 as const, client: 0, record: 0, month, lastDay: `2024-0${month % 100}-28`, municipality: '0228', segment: 'verblijf' })),
      ...[202404, 202405, 202406].map((month) => ({ kind: 0 as const, client: 0, record: 1, month, lastDay: `2024-0${month % 100}-28`, municipality: '0203', segment: 'verblijf' })),
    ],
  });
  const ctx = { peildatum: '2024-12-31', threshold: 5, labels: (_d: string, k: string) => ({ nl: k, en: k }) };
  it('counts a child who moved once per period, in the municipality of its last care', () => {
    const byMunicipality = runPivot(mover, normalisePivotQuery({ rows: ['municipality'], cols: ['year'], suppress: false }), ctx);
    expect(at(byMunicipality, ['0203'], ['2024'])).toBe(1);
    expect(at(byMunicipality, ['0228'], ['2024'])).toBe(1);
    const byLast = runPivot(mover, normalisePivotQuery({ rows: ['lastMunicipality'], cols: ['quarter'], suppress: false }), ctx);
    expect(at(byLast, ['0228'], ['2024-Q1'])).toBe(1);
    expect(at(byLast, ['0203'], ['2024-Q1'])).toBe(0);
    expect(at(byLast, ['0203'], ['2024-Q2'])).toBe(1);
    const year = runPivot(mover, normalisePivotQuery({ rows: ['lastMunicipality'], cols: ['year'], suppress: false }), ctx);
    expect(year.rows.map((h) => h.path.join())).toEqual(['0203', '']); // over the year: where the care ended
  });
});
