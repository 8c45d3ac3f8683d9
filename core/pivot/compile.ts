// A query's dimensions and filters as lookup tables per stored column: a row's finest group is the sum of
// one table entry per column it reads (its code's dimension code × stride, summed over the dimensions and
// filters on that column). A code a filter rejects holds REJECT, so the sum stays negative whatever else
// is added: the scan needs no separate filter test. Columns: stored on the fact row (read once per run of
// a record), stored per child (read once per child), and the month (read per month only when a time
// dimension or filter is in the query).
import type { DimSource } from './dims.js';
import { MAX_GROUPS } from './levels.js';
import type { CompiledFilter } from './scan.js';

/** Below minus every possible group index, and small enough that a dozen of them stay a small integer. */
export const REJECT = -2 * MAX_GROUPS;

export interface ColumnLookups {
  cols: ArrayLike<number>[];
  luts: Int32Array[];
}

export interface GroupLookups {
  row: ColumnLookups; // fact-row dictionary columns except the month
  client: ColumnLookups; // per-child columns (gender, pc4, school, wijk)
  /** Per month index: its share of the group, REJECT when a filter drops it; null when time plays no part. */
  time: Int32Array | null;
}

interface Building {
  source: 'row' | 'client';
  codes: ArrayLike<number>;
  sum: Int32Array;
  rejected: Uint8Array;
}

/** Lookups for the plan's dimensions (with their strides) and filters; context dimensions are left out. */
export function compileGroups(dims: readonly DimSource[], strides: readonly number[], filters: readonly CompiledFilter[], month: ArrayLike<number>): GroupLookups {
  const byColumn = new Map<ArrayLike<number>, Building>();
  const entry = (d: DimSource): Building => {
    let b = byColumn.get(d.codes!);
    if (!b) {
      const n = d.map.length;
      byColumn.set(d.codes!, (b = { source: d.source as 'row' | 'client', codes: d.codes!, sum: new Int32Array(n), rejected: new Uint8Array(n) }));
    }
    return b;
  };
  dims.forEach((d, k) => {
    if (d.source === 'context') return;
    const b = entry(d);
    const s = strides[k]!;
    for (let i = 0; i < d.map.length; i++) b.sum[i]! += d.map[i]! * s;
  });
  for (const f of filters) {
    const d = f.source;
    if (d.source === 'context') continue;
    const b = entry(d);
    for (let i = 0; i < d.map.length; i++) if (f.allowed[d.map[i]!] === 0) b.rejected[i] = 1;
  }
  const out: GroupLookups = { row: { cols: [], luts: [] }, client: { cols: [], luts: [] }, time: null };
  for (const b of byColumn.values()) {
    const lut = b.sum.map((v, i) => (b.rejected[i] ? REJECT : v));
    if (b.codes === month) out.time = lut;
    else {
      const side = b.source === 'client' ? out.client : out.row;
      side.cols.push(b.codes);
      side.luts.push(lut);
    }
  }
  return out;
}

/** The same lookups over other arrays of the same codes (e.g. per run instead of per row). */
export function onColumns(l: ColumnLookups, columns: ReadonlyMap<ArrayLike<number>, ArrayLike<number>>): ColumnLookups {
  return { cols: l.cols.map((c) => columns.get(c) ?? c), luts: l.luts };
}

/** The group share of row (or child) i over a set of columns. */
export function groupOf(l: ColumnLookups, i: number): number {
  let g = 0;
  for (let k = 0; k < l.cols.length; k++) g += l.luts[k]![l.cols[k]![i]!]!;
  return g;
}
