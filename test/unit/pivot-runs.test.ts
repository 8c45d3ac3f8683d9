// The run index the pivot scans (core/pivot/runs.ts) on the hand-worked region of pivot-engine.test.ts,
// every figure read off test/fixtures/hand-store.ts by hand:
//   care runs: c0 period 0 (2024-01..03) and period 1 (2024-11..12), c1 period 2 (2024-02), c2 period 3
//     (2024-12), c3 period 4 (2024-03..10);
//   money runs (rows with the same stored dimensions): c0 line 0 (P1 verblijf, € 1000 approved) and line 3
//     (P2 specialistisch, € 500 pending) differ, so two runs; c1 lines 1 and 2 (€ 300 and € −100 approved,
//     same dimensions) are one run of € 200 with an approved debit line;
//   assignment runs: c1 assignment 0 (2024-12).
import { describe, expect, it } from 'vitest';
import { normalisePivotQuery } from '../../core/contract/pivot.js';
import { runPivot } from '../../core/pivot/pivot.js';
import { bandStarts } from '../../core/pivot/fast-age.js';
import { runIndex } from '../../core/pivot/runs.js';
import { monthIndex } from '../../core/pivot/store.js';
import { handStore } from '../fixtures/fact-store.js';
import { HAND } from '../fixtures/hand-store.js';

describe('run index', () => {
  it('groups each record’s consecutive months into one run and money rows with the same dimensions', () => {
    const ix = runIndex(handStore(HAND));
    expect([...ix.careOf]).toEqual([0, 2, 3, 4, 5]);
    expect([...ix.careMonth]).toEqual([202401, 202411, 202402, 202412, 202403].map(monthIndex));
    expect([...ix.careTraj]).toEqual([0, 1, 2, -1, 3]);
    expect([...ix.moneyOf]).toEqual([0, 2, 3, 3, 3]);
    expect([...ix.claimed]).toEqual([100000, 50000, 20000]);
    expect([...ix.approved]).toEqual([100000, 0, 20000]);
    expect([...ix.pending]).toEqual([0, 50000, 0]);
    expect([...ix.approvedDebit]).toEqual([1, 0, 1]);
    expect([...ix.asgOf]).toEqual([0, 0, 1, 1, 1]);
    expect([...ix.asgRecord]).toEqual([0]);
    expect([ix.minMonth, ix.maxMonth]).toEqual([monthIndex(202401), monthIndex(202412)]);
  });

  it('splits a record’s run where a month is missing, and the pivot still counts month by month', () => {
    // c3 without its June row: period 4 runs 2024-03..05 and 2024-07..10.
    const gap = { ...HAND, facts: HAND.facts.filter((f) => !(f.client === 3 && f.month === 202406)) };
    const store = handStore(gap);
    const ix = runIndex(store);
    expect([...ix.careOf]).toEqual([0, 2, 3, 4, 6]);
    expect([...ix.careMonth].slice(4)).toEqual([202403, 202407].map(monthIndex));
    const q = normalisePivotQuery({ rows: ['month'], measures: ['clients', 'trajectories'], filters: [['municipality', '==', '0203']], suppress: false });
    const r = runPivot(store, q, { peildatum: HAND.peildatum, threshold: 5, labels: (_d, k) => ({ nl: k, en: k }) });
    const row = (key: string) => r.cells[r.rows.findIndex((h) => h.path.join() === key)]?.[0];
    // Municipality 0203: c1 in 2024-02, c3 in 2024-03..05 and 07..10; no one in June.
    expect(r.rows.map((h) => h.path.join())).toEqual(['2024-02', '2024-03', '2024-04', '2024-05', '2024-07', '2024-08', '2024-09', '2024-10', '']);
    expect(row('2024-05')?.values).toEqual([1, 1]);
    expect(row('2024-07')?.records).toBe(1);
    // The total: two children, two trajectories (t2, t3 once although its rows are two runs), 1 + 7 rows.
    expect(row('')?.values).toEqual([2, 2]);
    expect(row('')?.records).toBe(8);
  });

  // Context dimensions on runs: c3's one run (period 4, 2024-03..10, born 2012-06) is 11 on its last day in
  // Q1 (03-31) and 12 from Q2 (06-30, 09-30, 10-10), so a filter on the age band keeps only its Q1 stretch.
  // c2 (born 2015-01) is 9 on 2024-12-31; c0 (born 2010-05) 13 or 14, c1 (born 2008-01) 16: dropped, and
  // so are all money lines (c0's on 02-29 and 11-30, c1's on 02-29: their own last days).
  const hand = handStore(HAND);
  const ctx = { peildatum: HAND.peildatum, threshold: 5, labels: (_d: string, k: string) => ({ nl: k, en: k }) };
  const pivot = (q: Parameters<typeof normalisePivotQuery>[0]) => {
    const r = runPivot(hand, normalisePivotQuery(q), ctx);
    return new Map(r.rows.map((h, i) => [h.path.join(), { values: r.cells[i]!.at(-1)!.values, records: r.cells[i]!.at(-1)!.records }]));
  };

  it('splits a run by time where the age band on the stretch’s last day differs, and filters on it', () => {
    const r = pivot({ rows: ['quarter'], measures: ['clients', 'claimed'], filters: [['ageband', '==', '4-11']], suppress: false });
    expect([...r.keys()]).toEqual(['2024-Q1', '2024-Q4', '']);
    expect(r.get('2024-Q1')).toEqual({ values: [1, 0], records: 1 }); // c3's March row
    expect(r.get('2024-Q4')).toEqual({ values: [1, 0], records: 1 }); // c2's December row
    expect(r.get('')).toEqual({ values: [2, 0], records: 2 });
  });

  it('keeps a child’s rows of every kind by the municipality of its last day per kind', () => {
    // Municipality 0228 (A): c0 (care to 2024-12-31, 14: 12-17; lines of € 1000 and € 500) and c2 (4-11).
    const r = pivot({ rows: ['ageband'], measures: ['clients', 'claimed'], filters: [['lastMunicipality', '==', '0228']], suppress: false });
    expect([...r.keys()]).toEqual(['4-11', '12-17', '']);
    expect(r.get('12-17')).toEqual({ values: [1, 150000], records: 7 }); // 5 care rows, 2 lines
    expect(r.get('4-11')).toEqual({ values: [1, 0], records: 1 });
    expect(r.get('')).toEqual({ values: [2, 150000], records: 8 });
  });

  it('finds the first day of each age band: the 15th of the birth month, 1 January when it is unknown', () => {
    const s = new Int32Array(4);
    const days = (...iso: string[]) => iso.map((d) => Date.parse(d) / 86_400_000);
    bandStarts(201206, s); // c3: 4 on 2016-06-15, 12 on 2024-06-15 (DOMAIN.md §4: whole years from the 15th)
    expect([...s]).toEqual(days('2016-06-15', '2024-06-15', '2030-06-15', '2035-06-15'));
    bandStarts(200802, s);
    expect([...s]).toEqual(days('2012-02-15', '2020-02-15', '2026-02-15', '2031-02-15'));
    bandStarts(0, s); // unknown birth: year 0, so 23 and over on every day the store holds
    expect([...s]).toEqual(days('0004-01-01', '0012-01-01', '0018-01-01', '0023-01-01'));
  });
});
