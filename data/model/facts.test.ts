// The measures of the pivot on a small hand-built case: every expected value below is worked out by hand
// in the comments, from DOMAIN.md §4, §5 and §8.
import { describe, expect, it } from 'vitest';
import { toDay } from '../../core/domain/dates.js';
import { normalisePivotQuery, type PivotQueryInput } from '../../core/contract/methods.js';
import { runPivot } from '../../core/pivot/pivot.js';
import type { CarePeriod } from './careperiods.js';
import { buildFactTables, type MoneyFact } from './facts.js';
import { assignTrajectories } from './trajectories.js';

const period = (client: string, municipality: string, provider: string, cat: string, start: string, end: string | null): CarePeriod => ({
  client, municipality, provider, toewijzingNr: 1, productCategory: cat, productCode: null, start: toDay(start), end: end ? toDay(end) : null, endReason: null,
});
// X (girl, born 2012-06): two touching ambulant periods at P1 (one trajectory) and open verblijf at P2.
// Y (boy, born 2007-02): ambulant in Veenendaal over the year boundary.
const periods = [
  period('X', '0228', 'P1', '45', '2024-01-01', '2024-03-31'),
  period('X', '0228', 'P1', '45', '2024-04-01', '2024-08-31'),
  period('X', '0228', 'P2', '43', '2024-05-01', null),
  period('Y', '0345', 'P1', '45', '2024-11-01', '2025-02-28'),
];
const line = (client: string, municipality: string, start: string, end: string, amount: number, status: MoneyFact['status']): MoneyFact => ({
  client, municipality, provider: 'P1', productCategory: '45', periodStart: start, periodEnd: end, amount, status,
});
const money = [
  line('X', '0228', '2024-03-01', '2024-03-31', 100_000, 'approved'),
  line('X', '0228', '2024-03-01', '2024-03-31', -20_000, 'approved'), // a credit
  line('Y', '0345', '2024-12-01', '2024-12-31', 50_000, 'rejected'),
  line('Y', '0345', '2025-01-01', '2025-01-31', 60_000, 'pending'),
  line('Y', '0345', '2025-07-01', '2025-07-31', 99_999, 'approved'), // after the peildatum: not counted
];
const people = new Map([
  ['X', { birth: 201206, gender: '2' }],
  ['Y', { birth: 200702, gender: '1' }],
]);
const tables = buildFactTables(periods, assignTrajectories(periods), money, people, toDay('2025-06-30'));
const pivot = (q: PivotQueryInput) =>
  runPivot(tables, normalisePivotQuery({ suppress: false, ...q }), { peildatum: '2025-06-30', threshold: 5, labels: (_d, k) => ({ nl: k, en: k }) });
const values = (p: ReturnType<typeof pivot>) => ({
  rows: p.rowKeys.map((r) => r.join('|')),
  cols: p.colKeys.map((c) => c.join('|')),
  cells: p.cells.map((row) => row.map((c) => c.values)),
  rowTotals: p.rowTotals.map((c) => c.values),
  colTotals: p.colTotals.map((c) => c.values),
  total: p.grandTotal.values,
});

describe('pivot measures on a hand-built case', () => {
  it('merges touching periods into one trajectory, per provider and segment', () => {
    expect([...assignTrajectories(periods)]).toEqual([0, 0, 1, 2]);
  });

  it('does not count verzorging (40) and vervoer (42) as trajectories, but does count the child', () => {
    const transport = [period('Z', '0228', 'P3', '42', '2024-02-01', '2024-02-29')];
    const t = buildFactTables(transport, assignTrajectories(transport), [], people, toDay('2025-06-30'));
    const p = runPivot(t, normalisePivotQuery({ rows: ['year'], measures: ['clients', 'trajectories'], suppress: false }), {
      peildatum: '2025-06-30', threshold: 5, labels: (_d, k) => ({ nl: k, en: k }),
    });
    expect(p.cells[0]![0]!.values).toEqual([1, 0]);
  });

  it('counts clients and trajectories per year, totals distinct', () => {
    // 2024: X, Y; trajectories X-P1, X-P2, Y. 2025: X (open at P2), Y; trajectories X-P2, Y.
    expect(values(pivot({ rows: ['year'], measures: ['clients', 'trajectories'] }))).toEqual({
      rows: ['2024', '2025'], cols: [''], cells: [[[2, 3]], [[2, 2]]], rowTotals: [[2, 3], [2, 2]], colTotals: [[2, 3]], total: [2, 3],
    });
  });

  it('takes the age on the last day of the period in care, per cell', () => {
    // X: 31-12-2024 → 12; 30-06-2025 (peildatum) → 13. Y: 31-12-2024 → 17; 28-02-2025 → 18.
    // Row totals have no time dimension: the whole range, so X at 13 (12-17) and Y at 18 (18-22).
    expect(values(pivot({ rows: ['ageband'], cols: ['year'] }))).toEqual({
      rows: ['12-17', '18-22'], cols: ['2024', '2025'],
      cells: [[[2], [1]], [[0], [1]]], rowTotals: [[1], [1]], colTotals: [[2], [2]], total: [2],
    });
  });

  it('sums claimed (credits negative) and approved money by product-period month, nothing after the peildatum', () => {
    // 2024: 100000 − 20000 + 50000 claimed, 80000 approved; 2025: 60000 claimed (pending), 0 approved.
    expect(values(pivot({ rows: ['municipality'], cols: ['year'], measures: ['claimed', 'approved'] }))).toEqual({
      rows: ['0228', '0345'], cols: ['2024', '2025'],
      cells: [[[80_000, 80_000], [0, 0]], [[50_000, 0], [60_000, 0]]],
      rowTotals: [[80_000, 80_000], [110_000, 0]], colTotals: [[130_000, 80_000], [60_000, 0]], total: [190_000, 80_000],
    });
  });

  it('reads gender, quarter, month, provider and category dimensions', () => {
    expect(values(pivot({ rows: ['gender'], cols: ['quarter'], filters: [['year', '==', '2025']] })).cells).toEqual([[[1], [0]], [[1], [1]]]);
    expect(pivot({ rows: ['month'], filters: [['municipality', '==', '0345']] }).rowKeys.map((r) => r[0])).toEqual([
      '2024-11', '2024-12', '2025-01', '2025-02',
    ]);
    expect(values(pivot({ rows: ['provider', 'category'], measures: ['trajectories'] })).cells).toEqual([[[2]], [[1]]]);
  });
});
