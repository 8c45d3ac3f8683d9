// The pivot: one scan gives every cell and every subtotal (distinct counts over the union, never sums),
// then the headers in display order, growth against an earlier period, per 1,000 youth, "show as", and
// small-cell suppression (core/suppress.ts) — the same code for the grid, the CLI, exports and benchmarks.
import type { PivotCell, PivotQuery, PivotResult } from '../contract/pivot.js';
import type { DimensionId, Text } from '../registry.js';
import { suppressCells } from '../suppress.js';
import { gridOf } from './grid.js';
import { orderColumns, orderRows } from './order.js';
import type { FactStore } from './store.js';
import { applyShowAs, comparePeriods, per1000, type Population } from './transform.js';
import { voorlopigKeys } from './voorlopig.js';

export type { FactStore } from './store.js';

export interface PivotContext {
  peildatum: string | null;
  threshold: number;
  labels: (dim: DimensionId, key: string) => Text;
  population?: Population | null;
}

export function runPivot(store: FactStore, query: PivotQuery, ctx: PivotContext): PivotResult {
  const grid = gridOf(store, query);
  const rows = orderRows(grid, query);
  const cols = orderColumns(grid, query);
  const cells: PivotCell[][] = rows.map((r) => cols.map((c) => grid.cell(r.codes, c.codes, query.measures)));
  const notes: Text[] = [];
  if (query.compare !== 'none') comparePeriods(store, query, rows, cols, cells, ctx.threshold, notes);
  if (query.per1000) per1000(store, query, rows, cols, cells, ctx.population ?? null, notes);
  if (query.showAs !== 'value') applyShowAs(query, rows, cols, cells, notes);

  const labels: PivotResult['labels'] = {};
  const dims = [...query.rows, ...query.cols];
  const label = (dim: DimensionId, key: string) => ((labels[dim] ??= {})[key] ??= ctx.labels(dim, key));
  for (const r of rows) r.path.forEach((k, d) => label(dims[d]!, k));
  for (const c of cols) c.path.forEach((k, d) => label(dims[query.rows.length + d]!, k));
  for (const [dim, , value] of query.filters) for (const k of Array.isArray(value) ? value : [value]) label(dim, k);

  return suppressCells({
    query,
    rows: rows.map((r) => ({ path: r.path })),
    cols: cols.map((c) => ({ path: c.path })),
    cells,
    labels,
    peildatum: ctx.peildatum,
    voorlopig: voorlopigKeys(ctx.peildatum),
    notes,
    suppression: { applied: query.suppress, threshold: ctx.threshold },
  });
}
