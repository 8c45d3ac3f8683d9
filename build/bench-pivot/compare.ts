// Our pivot's result against the SQL engine's, exactly: the same row and column headers (subtotals and
// totals included), and in every cell of the grid the same value of every measure, the same number of
// distinct children and the same number of fact rows. A cell SQL has no group for must be empty in ours.
import type { PivotResult } from '../../core/contract/pivot.js';
import type { MeasureId } from '../../core/registry.js';
import type { SqlPivot } from './sql.js';

export type SqlRow = Record<string, unknown>;

interface Figures {
  values: (number | null)[];
  clients: number | null;
  records: number;
}

/** Sums over no rows are NULL in SQL and 0 in a pivot; ratios over no children stay null. */
const SUMS: readonly MeasureId[] = ['claimed', 'approved', 'pending'];

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const keyOf = (row: readonly string[], col: readonly string[]) => JSON.stringify([row, col]);

/** SQL result rows keyed by (row path, column path), a subtotal's path being the prefix it keeps. */
export function sqlFigures(plan: SqlPivot, rows: readonly SqlRow[]): Map<string, Figures> {
  const out = new Map<string, Figures>();
  const n = plan.dims.length;
  for (const r of rows) {
    const gid = Number(r.gid);
    const kept = plan.dims.map((_, i) => (gid & (1 << (n - 1 - i))) === 0);
    const path = (from: number, to: number) => {
      const p: string[] = [];
      for (let i = from; i < to && kept[i]; i++) p.push(String(r[`d${i}`]));
      return p;
    };
    const key = keyOf(path(0, plan.rowDims), path(plan.rowDims, n));
    if (out.has(key)) throw new Error(`SQL returned the group ${key} twice`);
    const values = plan.measures.map((m, i) => {
      const v = num(r[`m${i}`]);
      return v === null && SUMS.includes(m) ? 0 : v;
    });
    out.set(key, { values, clients: num(r.n_clients), records: Number(r.n_records) });
  }
  return out;
}

function emptyFigures(measures: readonly MeasureId[]): Figures {
  return { values: measures.map((m) => (m === 'perClient' ? null : 0)), clients: 0, records: 0 };
}

const same = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Object.is(a + 0, b + 0));

/** Differences between our result and SQL's, described one per line (empty when equal). */
export function differences(ours: PivotResult, plan: SqlPivot, sql: Map<string, Figures>, limit = 8): string[] {
  const diffs: string[] = [];
  const seen = new Set<string>();
  const report = (s: string) => diffs.length < limit && diffs.push(s);
  const empty = emptyFigures(plan.measures);
  ours.rows.forEach((row, r) =>
    ours.cols.forEach((col, c) => {
      const key = keyOf(row.path, col.path);
      seen.add(key);
      const cell = ours.cells[r]?.[c];
      if (!cell) return report(`cell ${key}: missing in our grid`);
      const want = sql.get(key) ?? empty;
      plan.measures.forEach((m, i) => {
        if (!same(cell.values[i] ?? null, want.values[i]!)) report(`cell ${key} ${m}: ours ${cell.values[i]}, SQL ${want.values[i]}`);
      });
      if (!same(cell.clients, want.clients)) report(`cell ${key} children: ours ${cell.clients}, SQL ${want.clients}`);
      if (cell.records !== want.records) report(`cell ${key} fact rows: ours ${cell.records}, SQL ${want.records}`);
    }),
  );
  for (const key of sql.keys()) if (!seen.has(key)) report(`group ${key}: in SQL, not among our headers`);
  for (const h of ours.rows) if (!sql.has(keyOf(h.path, []))) report(`row ${JSON.stringify(h.path)}: among our headers, no group in SQL`);
  for (const h of ours.cols) if (!sql.has(keyOf([], h.path))) report(`column ${JSON.stringify(h.path)}: among our headers, no group in SQL`);
  const rowPaths = new Set(ours.rows.map((h) => JSON.stringify(h.path)));
  const colPaths = new Set(ours.cols.map((h) => JSON.stringify(h.path)));
  if (rowPaths.size !== ours.rows.length) report('our row headers repeat');
  if (colPaths.size !== ours.cols.length) report('our column headers repeat');
  return diffs;
}
