// The pivot over monthly care facts: distinct clients per cell, per row and column total and overall,
// each counted over the union of its records (never summed), then suppression (core/suppress.ts).
import type { Table } from 'apache-arrow';
import type { PivotCell, PivotQuery, PivotResult } from '../contract/methods.js';
import type { DimensionId } from '../registry.js';
import { codedColumn, type CodedColumn } from './columns.js';
import { compareKeys } from './order.js';
import { suppressCells } from '../suppress.js';

export interface PivotContext {
  peildatum: string | null;
  threshold: number;
  labels: (dim: DimensionId, key: string) => { nl: string; en: string };
}

interface Side {
  dims: DimensionId[];
  columns: CodedColumn[];
}

function comboKey(side: Side, row: number): string {
  return side.columns.map((c) => c.keys[c.codes[row]!]!).join('\u0000');
}

function filterMask(table: Table, query: PivotQuery): Uint8Array {
  const mask = new Uint8Array(table.numRows).fill(1);
  for (const [dim, op, value] of query.filters) {
    const col = codedColumn(table, dim);
    const wanted = new Set(Array.isArray(value) ? value : [value]);
    const keep = op === '==' || op === 'in';
    const allowed = col.keys.map((k) => wanted.has(k) === keep);
    for (let i = 0; i < mask.length; i++) if (mask[i] && !allowed[col.codes[i]!]) mask[i] = 0;
  }
  return mask;
}

function countCell(set: Set<number> | undefined): PivotCell {
  const n = set?.size ?? 0;
  return { values: [n], clients: n, flag: 'ok' };
}

export function runPivot(table: Table, query: PivotQuery, ctx: PivotContext): PivotResult {
  const rows: Side = { dims: query.rows, columns: query.rows.map((d) => codedColumn(table, d)) };
  const cols: Side = { dims: query.cols, columns: query.cols.map((d) => codedColumn(table, d)) };
  const client = codedColumn(table, 'client').codes;
  const mask = filterMask(table, query);

  const cellSets = new Map<string, Set<number>>();
  const rowSets = new Map<string, Set<number>>();
  const colSets = new Map<string, Set<number>>();
  const all = new Set<number>();
  const add = (m: Map<string, Set<number>>, k: string, c: number) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(c);
  };
  for (let i = 0; i < table.numRows; i++) {
    if (!mask[i]) continue;
    const r = comboKey(rows, i);
    const c = comboKey(cols, i);
    const who = client[i]!;
    add(cellSets, `${r}\u0001${c}`, who);
    add(rowSets, r, who);
    add(colSets, c, who);
    all.add(who);
  }

  const split = (k: string) => (k === '' ? [] : k.split('\u0000'));
  const sortPaths = (dims: DimensionId[], keys: Iterable<string>) =>
    [...keys].map(split).sort((a, b) => {
      for (let d = 0; d < dims.length; d++) {
        const o = compareKeys(dims[d]!, a[d]!, b[d]!);
        if (o) return o;
      }
      return 0;
    });
  const rowKeys = sortPaths(query.rows, rowSets.keys());
  const colKeys = query.cols.length ? sortPaths(query.cols, colSets.keys()) : [[]];
  const join = (p: string[]) => p.join('\u0000');

  const cells = rowKeys.map((r) => colKeys.map((c) => countCell(cellSets.get(`${join(r)}\u0001${join(c)}`))));
  const rowTotals = rowKeys.map((r) => countCell(rowSets.get(join(r))));
  const colTotals = colKeys.map((c) => countCell(colSets.get(join(c))));
  const grandTotal = countCell(all);

  const labels: PivotResult['labels'] = {};
  for (const [d, dim] of [...query.rows, ...query.cols].entries()) {
    const paths = d < query.rows.length ? rowKeys.map((p) => p[d]!) : colKeys.map((p) => p[d - query.rows.length]!);
    labels[dim] = Object.fromEntries(paths.map((k) => [k, ctx.labels(dim, k)]));
  }

  const result: PivotResult = {
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
  };
  return suppressCells(result);
}
