// The pivot benchmark's parts on a store built by hand, with every expected figure worked out on paper
// below, then the whole benchmark at ~20k fact rows (--quick). No timing assertion: performance is measured
// by `npm run bench:pivot`, never asserted in tests.
//   c0 (born 2010-05, gender 2): care p0 (t0) in A, verblijf, 2024-01..02; care p1 (t1) in B,
//       specialistisch, 2024-03 (last day 03-31); line l0 in A, verblijf, 2024-02, €10.00 approved
//   c1 (born 2008-01, gender 1): care p3 (t2) in A, specialistisch, 2024-02 (last day 02-29); lines l1
//       €5.00 approved (2024-02) and l2 €2.00 pending (2024-03), both A, specialistisch; assignment a0 in A
//       2024-02..03
//   c2 (born 2015-01, gender 2): care p2 (category 42: no trajectory) in B, overig, 2024-01 (last day
//       01-31); assignment a1 in B 2024-01
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalisePivotQuery, type PivotQueryInput } from '../../core/contract/pivot.js';
import { runPivot } from '../../core/pivot/pivot.js';
import { formatReport, QUICK, runPivotBench } from '../../build/bench-pivot.js';
import { sqlColumns, keyAt } from '../../build/bench-pivot/columns.js';
import { differences, sqlFigures } from '../../build/bench-pivot/compare.js';
import { openDuckDB, openSQLite } from '../../build/bench-pivot/engines.js';
import { toSql } from '../../build/bench-pivot/sql.js';
import { onlyChunk, tileStore, valuesOf } from '../../build/bench-pivot/tile.js';
import { handStore, type HandFact } from '../fixtures/fact-store.js';

const A = '0228';
const B = '0203';
const care = (client: number, record: number, month: number, lastDay: string, municipality: string, segment: string, category: string): HandFact =>
  ({ kind: 0, client, record, month, lastDay, municipality, segment, category, provider: 'P1' });
const money = (client: number, record: number, month: number, segment: string, amount: number, status: 0 | 1): HandFact =>
  ({ kind: 1, client, record, month, lastDay: '2024-02-29', municipality: A, segment, category: '45', provider: 'P1', amount, status, unit: '01' });
const assigned = (client: number, record: number, month: number, municipality: string): HandFact =>
  ({ kind: 2, client, record, month, lastDay: '2024-01-31', municipality, segment: 'specialistisch', category: '45', provider: 'P1' });

// Sorted by client, kind, trajectory, record, month (core/pivot/store.ts).
const FACTS: HandFact[] = [
  care(0, 0, 202401, '2024-01-31', A, 'verblijf', '43'),
  care(0, 0, 202402, '2024-02-29', A, 'verblijf', '43'),
  care(0, 1, 202403, '2024-03-31', B, 'specialistisch', '45'),
  money(0, 0, 202402, 'verblijf', 1000, 1),
  care(1, 3, 202402, '2024-02-29', A, 'specialistisch', '45'),
  money(1, 1, 202402, 'specialistisch', 500, 1),
  money(1, 2, 202403, 'specialistisch', 200, 0),
  assigned(1, 0, 202402, A),
  assigned(1, 0, 202403, A),
  care(2, 2, 202401, '2024-01-31', B, 'overig', '42'),
  assigned(2, 1, 202401, B),
];
const period = (trajectory: number) => ({ trajectory, start: '2024-01-01', end: null, toewijzingNr: 1 });
const store = handStore({
  peildatum: '2024-03-31',
  facts: FACTS,
  clients: [
    { pseudonym: 'c0', birth: 201005, gender: '2' },
    { pseudonym: 'c1', birth: 200801, gender: '1' },
    { pseudonym: 'c2', birth: 201501, gender: '2' },
  ],
  periods: [period(0), period(1), period(-1), period(2)],
  trajectories: [0, 1, 2].map(() => ({ start: '2024-01-01', end: null })),
  lines: ['l0', 'l1', 'l2'].map((r) => ({ referentieNummer: r, toewijzingNr: 1, periodStart: '2024-02-01', periodEnd: '2024-02-29' })),
  assignments: [0, 1].map(() => ({ toewijzingNr: 1, start: '2024-01-01', end: null })),
});
const ints = (t: Parameters<typeof onlyChunk>[0], name: string) => [...valuesOf(onlyChunk(t, name))];
const q = (input: PivotQueryInput) => normalisePivotQuery({ ...input, suppress: false });
const ours = (input: PivotQueryInput) => runPivot(store, q(input), { peildatum: '2024-03-31', threshold: 5, labels: (_d, k) => ({ nl: k, en: k }) });

describe('bench:pivot tiling', () => {
  it('copies the facts with every index shifted per copy, truncates the last copy and keeps the order', () => {
    const { store: t, copies } = tileStore(store, 19); // 11 + 8
    expect(copies).toBe(2);
    expect(t.facts.numRows).toBe(19);
    expect(ints(t.facts, 'client')).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]);
    // records shift by 4 periods (kind 0), 3 lines (kind 1), 2 assignments (kind 2) per copy
    expect(ints(t.facts, 'record')).toEqual([0, 0, 1, 0, 3, 1, 2, 0, 0, 2, 1, 4, 4, 5, 3, 7, 4, 5, 2]);
    expect(ints(t.periods, 'trajectory')).toEqual([0, 1, -1, 2, 3, 4, -1, 5]);
    expect(t.clients.numRows).toBe(6);
    expect([...t.clients.getChild('pseudonym')!.toArray()]).toEqual(['c0', 'c1', 'c2', 'c0', 'c1', 'c2']);
    expect(t.lines.numRows).toBe(6);
    expect(t.assignments.numRows).toBe(4);
    expect([...t.facts.getChild('municipality')!.toArray()].slice(8, 13)).toEqual([A, B, B, A, A]);
    // a money row's amount is its line's: the lines are copied whole per copy, like the records they are
    expect(ints(t.lines, 'amount')).toEqual([1000, 500, 200, 1000, 500, 200]);
  });
});

describe('bench:pivot SQL table and translation', () => {
  it('materialises derived keys, per-child columns and the trajectory per fact row', () => {
    const cols = sqlColumns(store);
    const col = (name: string) => FACTS.map((_, i) => keyAt(cols.find((c) => c.name === name)!, i));
    expect(col('month')).toEqual(['2024-01', '2024-02', '2024-03', '2024-02', '2024-02', '2024-02', '2024-03', '2024-02', '2024-03', '2024-01', '2024-01']);
    expect(col('quarter').every((k) => k === '2024-Q1')).toBe(true);
    expect(col('kader')).toEqual(Array(11).fill('jeugdhulp'));
    expect(col('verblijf')).toEqual(['met', 'met', 'zonder', 'met', 'zonder', 'zonder', 'zonder', 'zonder', 'zonder', 'zonder', 'zonder']);
    expect(col('gender')).toEqual(['2', '2', '2', '2', '1', '1', '1', '1', '1', '2', '2']);
    expect(col('trajectory')).toEqual(['0', '0', '1', '-1', '2', '-1', '-1', '-1', '-1', '-1', '-1']);
    expect(col('birth').slice(0, 5)).toEqual(['201005', '201005', '201005', '201005', '200801']);
    expect(col('amount')).toEqual(['0', '0', '0', '1000', '0', '500', '200', '0', '0', '0', '0']); // lines[record] on money rows
  });

  it('gives the hand-worked figures in DuckDB and SQLite, equal to our pivot', async () => {
    const cols = sqlColumns(store);
    const engines = [await openDuckDB(cols, 2), openSQLite(cols, 2)];
    const key = (row: string[], col: string[]) => JSON.stringify([row, col]);
    try {
      const statements = [[engines[0]!, 'grouping-sets'], [engines[0]!, 'union-all'], [engines[1]!, 'union-all']] as const;
      for (const [engine, form] of statements) {
        const dialect = engine.name === 'DuckDB' ? 'duckdb' : 'sqlite';
        const input: PivotQueryInput = { rows: ['municipality'], cols: ['month'], measures: ['clients', 'trajectories', 'approved', 'assignments'] };
        const plan = toSql(q(input), dialect, { form });
        const f = sqlFigures(plan, await engine.run(plan.sql));
        // [clients, trajectories, approved, assignments], children with any record, fact rows
        expect(f.get(key([], []))).toEqual({ values: [3, 3, 1500, 2], clients: 3, records: 11 });
        expect(f.get(key([A], []))).toEqual({ values: [2, 2, 1500, 1], clients: 2, records: 8 });
        expect(f.get(key([B], []))).toEqual({ values: [2, 1, 0, 1], clients: 2, records: 3 });
        expect(f.get(key([A], ['2024-02']))).toEqual({ values: [2, 2, 1500, 1], clients: 2, records: 5 });
        expect(f.get(key([], ['2024-03']))).toEqual({ values: [1, 1, 0, 1], clients: 2, records: 3 });
        expect(f.get(key([B], ['2024-02']))).toBeUndefined();
        expect(differences(ours(input), plan, f)).toEqual([]);

        // € per client: €15.00 approved over c0 and c1
        const perClient: PivotQueryInput = { rows: ['kader'], measures: ['perClient', 'claimed'] };
        const p2 = toSql(q(perClient), dialect, { form });
        const f2 = sqlFigures(p2, await engine.run(p2.sql));
        expect(f2.get(key([], []))).toEqual({ values: [750, 1700], clients: 2, records: 3 });
        expect(differences(ours(perClient), p2, f2)).toEqual([]);

        // Age on the child's last day in care: c0 13 on 2024-03-31, c1 16 on 2024-02-29, c2 9 on 2024-01-31
        const age: PivotQueryInput = { rows: ['ageband'], cols: ['gender'], filters: [['kader', '==', 'jeugdhulp']] };
        const p3 = toSql(q(age), dialect, { form });
        const f3 = sqlFigures(p3, await engine.run(p3.sql));
        expect(f3.get(key(['12-17'], ['1']))?.values).toEqual([1]);
        expect(f3.get(key(['12-17'], ['2']))?.values).toEqual([1]);
        expect(f3.get(key(['4-11'], ['2']))?.values).toEqual([1]);
        expect(f3.get(key(['12-17'], []))?.values).toEqual([2]);
        expect(f3.get(key([], ['2']))?.values).toEqual([2]);
        expect(f3.get(key([], []))?.values).toEqual([3]);
        expect(f3.size).toBe(8); // 3 cells, 2 row totals, 2 column totals, the grand total
        expect(differences(ours(age), p3, f3)).toEqual([]);
      }
    } finally {
      for (const e of engines) e.close();
    }
  });

  it('reports a changed value, a changed row count and a missing header', async () => {
    const input: PivotQueryInput = { rows: ['municipality'], cols: ['month'], measures: ['clients'] };
    const lite = openSQLite(sqlColumns(store), 1);
    try {
      const plan = toSql(q(input), 'sqlite');
      const f = sqlFigures(plan, await lite.run(plan.sql));
      const r = ours(input);
      r.cells[0]![0]!.values[0] = r.cells[0]![0]!.values[0]! + 1;
      expect(differences(r, plan, f)).toHaveLength(1);
      const r2 = ours(input);
      r2.cells.at(-1)!.at(-1)!.records = 10;
      expect(differences(r2, plan, f)[0]).toMatch(/fact rows: ours 10, SQL 5/); // clients read the five care rows
      const r3 = ours(input);
      r3.rows.shift();
      r3.cells.shift();
      expect(differences(r3, plan, f).join('\n')).toMatch(/in SQL, not among our headers/);
    } finally {
      lite.close();
    }
  });
});

const root = mkdtempSync(join(tmpdir(), 'spiegel-bench-pivot-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bench:pivot --quick', () => {
  it('runs all 25 queries at ~20k fact rows against DuckDB and SQLite with every result equal', async () => {
    const r = await runPivotBench({ rows: [...QUICK.rows], seed: 3, scale: QUICK.scale, querySeed: 7, runs: 2, slowMs: 5000, sqlite: true, root });
    expect(r.mismatches).toEqual([]);
    expect(r.queries).toHaveLength(25);
    const [size] = r.sizes;
    expect(size!.rows).toBe(QUICK.rows[0]);
    expect(size!.queries.map((x) => x.name)).toEqual(r.queries.map((x) => x.name));
    for (const x of size!.queries) for (const t of [x.ours, x.duckdb, x.sqlite!]) expect(t.ms).toBeGreaterThan(0);
    expect(size!.memory.arrowFactBytesPerRow).toBeGreaterThan(20); // 15 fixed + 9 one-byte dimension codes
    expect(formatReport(r)).toContain('DuckDB/ours');
  }, 240_000);
});
