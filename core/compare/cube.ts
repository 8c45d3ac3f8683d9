// The comparisons count children and money with the pivot's own scan (core/pivot/grid.ts), so a figure here
// is always the figure the pivot shows for the same cell: no second copy of client counting. A Cube is one
// scan with row dimensions × column dimensions, read by keys instead of dictionary codes.
import type { PivotFilter, PivotQuery } from '../contract/pivot.js';
import { gridOf, type Grid } from '../pivot/grid.js';
import type { FactStore } from '../pivot/store.js';
import type { DimensionId, MeasureId } from '../registry.js';

export interface CubeCell {
  clients: number; // children in care (measure clients)
  any: number; // children with any record in the cell (care, money or assignment)
  values: Record<string, number | null>;
}

export interface Cube {
  /** Keys of a row (or column) dimension that have records, from the scan's headers. */
  rowKeys(): string[][];
  /** Keys of the column dimensions that have records (full depth). */
  colKeys(): string[][];
  /** The cell at (row keys, column keys); [] is the total over that side. Absent keys read as zeros. */
  at(row: readonly string[], col?: readonly string[]): CubeCell;
}

const EMPTY = (measures: readonly MeasureId[]): CubeCell => ({ clients: 0, any: 0, values: Object.fromEntries(measures.map((m) => [m, m === 'clients' ? 0 : null])) });

export function cube(store: FactStore, rows: DimensionId[], cols: DimensionId[], measures: MeasureId[], filters: PivotFilter[]): Cube {
  const all: MeasureId[] = measures.includes('clients') ? measures : ['clients', ...measures];
  const query: PivotQuery = {
    rows, cols, measures: all, filters, sort: { by: 'key', dir: 'asc' }, showAs: 'value', compare: 'none', per1000: false, suppress: false,
  };
  const grid: Grid = gridOf(store, query);
  const codes = (keys: readonly string[], offset: number): number[] | null => {
    const out: number[] = [];
    for (let i = 0; i < keys.length; i++) {
      const c = grid.codesOf(offset + i, keys[i]!);
      if (c === undefined) return null;
      out.push(c);
    }
    return out;
  };
  return {
    rowKeys: () => grid.rows[rows.length]!.map((h) => h.path),
    colKeys: () => grid.cols[cols.length]!.map((h) => h.path),
    at(row, col = []) {
      const rc = codes(row, 0);
      const cc = codes(col, rows.length);
      if (!rc || !cc) return EMPTY(all);
      const cell = grid.cell(rc, cc, all);
      const values = Object.fromEntries(all.map((m, i) => [m, cell.values[i] ?? null]));
      return { clients: (values.clients as number | null) ?? 0, any: cell.clients, values };
    },
  };
}

/** Children with approved (debit) lines behind an amount: the pivot's € per client is approved ÷ that number. */
export function approvedClients(c: CubeCell): number {
  const approved = c.values.approved ?? 0;
  const per = c.values.perClient ?? null;
  if (per === null) return 0;
  if (per === 0 || approved === 0) return c.any; // an amount netting to zero: fall back to every child with a record
  return Math.round(approved / per);
}
