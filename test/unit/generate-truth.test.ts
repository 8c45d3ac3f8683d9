// truthPivot on a tiny hand-built plan: every number below is worked out by hand from DOMAIN.md.
import { describe, expect, it } from 'vitest';
import { ageAt, ageBand, truthPivot, type Truth, type TruthLine, type TruthPeriod } from '../../data/generate/index.js';

const P1 = '11111111';
const P2 = '22222222';

function period(bsn: string, municipality: string, provider: string, category: string, start: string, end: string | null): TruthPeriod {
  return { bsn, municipality, provider, nr: 1, category, code: `${category}A01`, start, end };
}

function line(bsn: string, provider: string, category: string, periodStart: string, periodEnd: string, amount: number, status: TruthLine['status'], ref: string, prevRef?: string): TruthLine {
  return { provider, municipality: '0228', bsn, ref, ...(prevRef ? { prevRef } : {}), nr: 1, category, code: `${category}A01`, month: periodStart.slice(0, 7), periodStart, periodEnd, amount, status, declaration: 'D1' };
}

// A turns 18 on 2024-07-15 (15th of the birth month); B turns 4 on 2024-12-15.
const truth: Truth = {
  seed: 0, scale: 0, start: '2024-01-01', end: '2024-12-31', peildatum: '2024-12-31', files: 0, messages: 0, messagesByCode: {}, planted: {}, providers: [],
  children: [
    { bsn: 'A', birth: '2006-07', gender: '1' },
    { bsn: 'B', birth: '2020-12', gender: '2' },
    { bsn: 'C', birth: '2012-01', gender: '2' },
  ],
  periods: [
    period('A', '0228', P1, '45', '2024-01-10', '2024-03-31'),
    period('A', '0228', P1, '45', '2024-02-01', '2024-02-15'), // overlaps: same trajectory
    period('A', '0228', P1, '54', '2024-04-01', '2024-05-31'), // touches, same segment: same trajectory
    period('A', '0228', P2, '43', '2024-05-01', null), // open: runs to the peildatum
    period('A', '0345', P1, '45', '2024-09-01', '2024-09-30'), // another municipality: its own trajectory
    period('B', '0228', P2, '40', '2024-02-01', '2024-02-28'), // a client, never a trajectory
    period('B', '0228', P2, '45', '2024-11-01', '2025-03-31'), // clipped at the peildatum
    period('C', '0228', P1, '45', '2025-02-01', null), // after the peildatum: nothing
  ],
  assignments: [],
  lines: [
    line('A', P1, '45', '2024-03-01', '2024-03-31', 10000, 'approved', 'R1'),
    line('A', P1, '45', '2024-03-01', '2024-03-31', -10000, 'approved', 'R2', 'R1'), // credit
    line('A', P1, '45', '2024-03-01', '2024-03-31', 12000, 'approved', 'R3'), // correction
    line('B', P2, '45', '2024-11-01', '2024-11-30', 5000, 'rejected', 'R4'),
    line('B', P2, '45', '2024-12-01', '2024-12-31', 5000, 'pending', 'R5'),
    line('A', P2, '43', '2025-01-01', '2025-01-31', 99999, 'approved', 'R6'), // after the peildatum
  ],
};

describe('truthPivot on a hand-worked plan', () => {
  it('computes age on the 15th of the birth month', () => {
    expect(ageAt('2006-07', '2024-07-14')).toBe(17);
    expect(ageAt('2006-07', '2024-07-15')).toBe(18);
    expect(ageBand(3)).toBe('0-3');
    expect(ageBand(18)).toBe('18-22');
  });

  it('counts distinct clients, merged trajectories and signed money per municipality', () => {
    const r = truthPivot(truth, { rows: ['municipality'], cols: [], measures: ['clients', 'trajectories', 'claimed', 'approved'] });
    expect(r.rowKeys).toEqual([['0228'], ['0345']]);
    expect(r.colKeys).toEqual([[]]);
    // 0228: A and B; trajectories A@P1 (45+45+54 merged), A@P2 verblijf, B@P2 45 (cat 40 is no trajectory).
    // Money: 10000 − 10000 + 12000 + 5000 (rejected) + 5000 (pending) = 22000 claimed; 12000 approved.
    expect(r.cells).toEqual([[[2, 3, 22000, 12000]], [[1, 1, 0, 0]]]);
    expect(r.rowTotals).toEqual([[2, 3, 22000, 12000], [1, 1, 0, 0]]);
    expect(r.colTotals).toEqual([[2, 4, 22000, 12000]]);
    // A moved, so municipality rows add up to 3 clients; the total is distinct: 2.
    expect(r.grandTotal).toEqual([2, 4, 22000, 12000]);
  });

  it('takes the age band on the last day in care in the cell, and money at the ProductPeriode end', () => {
    const r = truthPivot(truth, { rows: ['ageband'], cols: ['quarter'], measures: ['clients', 'claimed'] });
    expect(r.rowKeys).toEqual([['0-3'], ['4-11'], ['12-17'], ['18-22']]);
    expect(r.colKeys).toEqual([['2024-Q1'], ['2024-Q2'], ['2024-Q3'], ['2024-Q4']]);
    const clients = r.cells.map((row) => row.map((c) => c[0]));
    expect(clients).toEqual([
      [1, 0, 0, 0], // B in Q1 (last day 02-28, age 3); B's November line (age 3) is money only: no client
      [0, 0, 0, 1], // B on 12-31: 4
      [1, 1, 0, 0], // A on 03-31 and 06-30: 17
      [0, 0, 1, 1], // A on 09-30 and 12-31: 18
    ]);
    const claimed = r.cells.map((row) => row.map((c) => c[1]));
    expect(claimed).toEqual([
      [0, 0, 0, 5000],
      [0, 0, 0, 5000],
      [12000, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(r.colTotals.map((t) => t[0])).toEqual([2, 1, 1, 2]);
    expect(r.grandTotal).toEqual([2, 22000]);
    // A row total is the figure of its own cell: no time key, so P is the whole range and each child has one
    // band, taken on their last day in care (A: 18 on 12-31, B: 4 on 12-31). Money keeps its own band per line.
    expect(r.rowTotals).toEqual([[0, 5000], [1, 5000], [0, 12000], [1, 0]]);
    // The union reading instead counts each child in every band it had in some quarter.
    const u = truthPivot(truth, { rows: ['ageband'], cols: ['quarter'], measures: ['clients', 'claimed'] }, { totals: 'union' });
    expect(u.rowTotals).toEqual([[1, 5000], [1, 5000], [1, 12000], [1, 0]]);
    expect(u.colTotals).toEqual(r.colTotals);
    expect(u.grandTotal).toEqual(r.grandTotal);
  });

  it("counts a child's trajectories in the child's age band of the cell", () => {
    // Whole range: A is 18 on their last day in care (12-31), so all three of A's trajectories are 18-22,
    // including the one that ended on 05-31 when A was 17. B (4 on 12-31) has one trajectory.
    const r = truthPivot(truth, { rows: ['ageband'], cols: [], measures: ['clients', 'trajectories'] });
    expect(r.rowKeys).toEqual([['0-3'], ['4-11'], ['12-17'], ['18-22']]);
    expect(r.cells).toEqual([[[0, 0]], [[1, 1]], [[0, 0]], [[1, 3]]]);
    // Per provider, A's last day at P1 is 09-30 (18): still 18-22.
    const p = truthPivot(truth, { rows: ['provider', 'ageband'], cols: [], measures: ['clients', 'trajectories'] });
    // Money-only rows: A's March lines at P1 (17 on 03-31), B's November line at P2 (3 on 11-30).
    expect(p.rowKeys).toEqual([[P1, '12-17'], [P1, '18-22'], [P2, '0-3'], [P2, '4-11'], [P2, '18-22']]);
    expect(p.cells.map((c) => c[0])).toEqual([[0, 0], [1, 2], [0, 0], [1, 1], [1, 1]]);
  });

  it('orders segments by DOMAIN.md §4, not alphabetically, and never counts categories 40/42 as trajectories', () => {
    const r = truthPivot(truth, { rows: ['segment'], cols: [], measures: ['clients', 'trajectories'] });
    expect(r.rowKeys).toEqual([['verblijf'], ['specialistisch'], ['overig']]);
    expect(r.cells).toEqual([[[1, 1]], [[2, 3]], [[1, 0]]]);
    expect(r.grandTotal).toEqual([2, 4]);
  });

  it('applies filters and leaves rejected and pending lines out of approved', () => {
    const r = truthPivot(truth, { rows: ['provider'], cols: ['gender'], measures: ['claimed', 'approved'], filters: [['year', '==', '2024']] });
    expect(r.rowKeys).toEqual([[P1], [P2]]);
    expect(r.colKeys).toEqual([['1'], ['2']]);
    expect(r.cells).toEqual([
      [[12000, 12000], [0, 0]],
      [[0, 0], [10000, 0]],
    ]);
    expect(r.grandTotal).toEqual([22000, 12000]);
  });

  it('counts a trajectory in each month it overlaps, once in the total', () => {
    const r = truthPivot(truth, { rows: ['month'], cols: [], measures: ['trajectories'], filters: [['municipality', '==', '0228'], ['provider', '==', P1]] });
    expect(r.rowKeys).toEqual([['2024-01'], ['2024-02'], ['2024-03'], ['2024-04'], ['2024-05']]);
    expect(r.cells.map((row) => row[0]![0])).toEqual([1, 1, 1, 1, 1]);
    expect(r.grandTotal).toEqual([1]);
  });
});
