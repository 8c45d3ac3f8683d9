// Turns a pivot result into what the table and the chart draw. Pure, so it is tested without a browser.
import type { PivotCell, PivotResult } from '../../core/contract/methods.js';
import { MEASURE_INFO, type MeasureId } from '../../core/registry.js';
import type { Lang } from '../i18n/index.js';

export type Dim = PivotResult['query']['rows'][number];

/** The user's choice in the controls; '' means "none". */
export interface PivotChoice {
  row1: Dim;
  row2: Dim | '';
  col: Dim | '';
  filterDim: Dim | '';
  filterValue: string;
  measure: MeasureId;
}

export function toQuery(choice: PivotChoice, rows: Dim[] = choice.row2 ? [choice.row1, choice.row2] : [choice.row1]) {
  return {
    rows,
    cols: choice.col ? [choice.col] : [],
    measures: [choice.measure],
    filters: choice.filterDim && choice.filterValue ? [[choice.filterDim, '==', choice.filterValue] as [Dim, '==', string]] : [],
    // The analyst's own working view shows exact values and marks small cells (DOMAIN.md §3).
    suppress: false,
  };
}

export function label(result: PivotResult, dim: Dim, key: string, lang: Lang): string {
  return result.labels[dim]?.[key]?.[lang] ?? key;
}

export interface TableRow {
  kind: 'data' | 'subtotal';
  key: string[];
  /** Row header texts, one per row level (a subtotal row has one). */
  headers: string[];
  cells: PivotCell[];
  total: PivotCell | undefined;
}

export interface RowGroup {
  /** First-level header spanning the group when there are two row levels. */
  header: string | null;
  key: string[];
  rows: TableRow[];
}

/** Rows grouped by their first level; with two levels each group ends in its own subtotal row, taken
 *  from a separate one-level query because distinct clients cannot be added up. */
export function tableGroups(result: PivotResult, lang: Lang, subtotals: PivotResult | null): RowGroup[] {
  const dims = result.query.rows;
  const dataRow = (key: string[], i: number): TableRow => ({
    kind: 'data',
    key,
    headers: key.map((k, level) => label(result, dims[level]!, k, lang)),
    cells: result.cells[i] ?? [],
    total: result.rowTotals[i],
  });
  if (dims.length < 2) return [{ header: null, key: [], rows: result.rowKeys.map(dataRow) }];

  const groups: RowGroup[] = [];
  result.rowKeys.forEach((key, i) => {
    let group = groups.at(-1);
    if (!group || group.key[0] !== key[0]) {
      group = { header: label(result, dims[0]!, key[0]!, lang), key: [key[0]!], rows: [] };
      groups.push(group);
    }
    group.rows.push(dataRow(key, i));
  });
  for (const group of groups) {
    const j = subtotals?.rowKeys.findIndex((k) => k[0] === group.key[0]) ?? -1;
    if (!subtotals || j < 0) continue;
    group.rows.push({
      kind: 'subtotal',
      key: group.key,
      headers: [],
      // Subtotal cells follow the subtotal query's columns; align them by key with the main result's.
      cells: result.colKeys.map((ck) => subtotals.cells[j]?.[subtotals.colKeys.findIndex((c) => c.join('\u0000') === ck.join('\u0000'))] ?? emptyCell),
      total: subtotals.rowTotals[j],
    });
  }
  return groups;
}

const emptyCell: PivotCell = { values: [0], clients: 0, flag: 'ok' };

export interface ChartDatum {
  row: string;
  col: string;
  value: number;
}

/** The figures of the data cells (not the totals), one datum per non-zero row × column: a zero draws
 *  nothing, and leaving it out keeps one bar segment per figure shown. */
export function chartData(result: PivotResult, lang: Lang): ChartDatum[] {
  const out: ChartDatum[] = [];
  const colDim = result.query.cols[0];
  result.rowKeys.forEach((key, i) => {
    const row = key.map((k, level) => label(result, result.query.rows[level]!, k, lang)).join(' · ');
    result.colKeys.forEach((ck, j) => {
      const value = result.cells[i]?.[j]?.values[0];
      if (value === null || value === undefined || value === 0) return;
      // Money travels in eurocent; the chart's axis reads euro.
      const shown = MEASURE_INFO[result.query.measures[0]!].unit === 'eurocent' ? value / 100 : value;
      out.push({ row, col: colDim ? label(result, colDim, ck[0]!, lang) : '', value: shown });
    });
  });
  return out;
}

/** The column labels in the result's order (empty without a column dimension). */
export function columnLabels(result: PivotResult, lang: Lang): string[] {
  const colDim = result.query.cols[0];
  return colDim ? result.colKeys.map((ck) => label(result, colDim, ck[0]!, lang)) : [];
}

/** A stable test/debug handle for a cell: the key path as JSON, never a joined string. */
export function keyAttr(key: string[] | 'total'): string {
  return key === 'total' ? 'total' : JSON.stringify(key);
}
