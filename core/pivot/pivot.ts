// The pivot: groups for the cells, the row totals, the column totals and the grand total, each its own
// pass (so totals are distinct counts, not sums), then small-cell suppression (core/suppress.ts).
import type { PivotCell, PivotQuery, PivotResult } from '../contract/methods.js';
import type { DimensionId, MeasureId } from '../registry.js';
import { aggregate, SEP, type FactTables, type Group } from './aggregate.js';
import { compareKeys } from './order.js';
import { suppressCells } from '../suppress.js';

export type { FactTables } from './aggregate.js';

export interface PivotContext {
  peildatum: string | null;
  threshold: number;
  labels: (dim: DimensionId, key: string) => { nl: string; en: string };
}

const CARE_MEASURES: readonly MeasureId[] = ['clients', 'trajectories'];

function measureValue(g: Group | undefined, m: MeasureId): number {
  if (!g) return 0;
  switch (m) {
    case 'clients':
      return g.clients.size;
    case 'trajectories':
      return g.trajectories.size;
    case 'claimed':
      return g.claimed;
    case 'approved':
      return g.approved;
  }
}

function cellOf(g: Group | undefined, measures: MeasureId[]): PivotCell {
  return { values: measures.map((m) => measureValue(g, m)), clients: g?.anyClients.size ?? 0, flag: 'ok' };
}

function sortedPaths(dims: DimensionId[], keys: Iterable<string>): string[][] {
  const split = (k: string) => (dims.length === 0 ? [] : k.split(SEP));
  return [...keys].map(split).sort((a, b) => {
    for (let d = 0; d < dims.length; d++) {
      const o = compareKeys(dims[d]!, a[d]!, b[d]!);
      if (o) return o;
    }
    return 0;
  });
}

export function runPivot(tables: FactTables, query: PivotQuery, ctx: PivotContext): PivotResult {
  const useCare = query.measures.some((m) => CARE_MEASURES.includes(m));
  const useMoney = query.measures.some((m) => !CARE_MEASURES.includes(m));
  const run = (dims: DimensionId[]) => aggregate(tables, dims, query.filters, useCare, useMoney);

  const cellGroups = run([...query.rows, ...query.cols]);
  const rowGroups = run(query.rows);
  const colGroups = query.cols.length ? run(query.cols) : null;
  const all = run([]).get('');

  const rowKeys = sortedPaths(query.rows, rowGroups.keys());
  const colKeys = colGroups ? sortedPaths(query.cols, colGroups.keys()) : [[]];
  const join = (p: string[]) => p.join(SEP);
  const cells = rowKeys.map((r) =>
    colKeys.map((c) => cellOf(cellGroups.get(query.cols.length ? `${join(r)}${SEP}${join(c)}` : join(r)), query.measures)),
  );
  const rowTotals = rowKeys.map((r) => cellOf(rowGroups.get(join(r)), query.measures));
  const colTotals = colGroups ? colKeys.map((c) => cellOf(colGroups.get(join(c)), query.measures)) : [cellOf(all, query.measures)];
  const grandTotal = cellOf(all, query.measures);

  const labels: PivotResult['labels'] = {};
  query.rows.forEach((dim, d) => (labels[dim] = Object.fromEntries(rowKeys.map((p) => [p[d]!, ctx.labels(dim, p[d]!)]))));
  query.cols.forEach((dim, d) => (labels[dim] = Object.fromEntries(colKeys.map((p) => [p[d]!, ctx.labels(dim, p[d]!)]))));

  return suppressCells({
    query,
    rowKeys,
    colKeys,
    cells,
    rowTotals,
    colTotals,
    grandTotal,
    labels,
    peildatum: ctx.peildatum,
    suppression: { applied: query.suppress, threshold: ctx.threshold },
  });
}
