// Turns a pivot result into what the grid draws: the visible rows (after collapsing), the value columns
// (measure × column, plus a change column per measure with compare) and the column header rows with their
// spans. Pure, so it is tested without a browser; the exports of the other helper can use it to show
// exactly what the grid shows.
import type { PivotResult, PivotSort } from '../../core/contract/pivot.js';
import { DIMENSION_INFO, MEASURE_INFO, TIME_DIMENSIONS, type DimensionId, type Lang, type MeasureId, type Unit } from '../../core/registry.js';
import { shownUnit } from './grid/format.js';

/** Texts the model needs from the translations (kept out of the model so it stays pure). */
export interface GridTexts {
  total: string;
  totalOf: (label: string) => string;
  empty: string;
  change: string;
}

export type TotalKind = 'none' | 'subtotal' | 'total';

export interface GridRow {
  index: number; // into result.rows and result.cells
  path: string[];
  level: number; // indentation: 0 for the first row dimension and the grand total
  kind: 'leaf' | 'subtotal' | 'total';
  label: string;
  voorlopig: boolean;
  collapsed: boolean; // subtotal rows only
}

export interface GridColumn {
  col: number; // into result.cols and the inner arrays of result.cells
  path: string[];
  measure: MeasureId;
  mi: number; // index into cell.values / cell.change
  kind: 'value' | 'change';
  total: TotalKind;
  unit: Unit;
  header: string;
}

export interface HeaderCell {
  text: string;
  path: string[];
  colSpan: number;
  rowSpan: number;
  total: TotalKind;
  voorlopig: boolean;
}

export interface GridModel {
  rows: GridRow[]; // visible rows, display order
  rowCount: number; // all rows of the result, collapsed or not
  columns: GridColumn[];
  headerRows: HeaderCell[][]; // one per column dimension, top to bottom
  rowDimLabels: string[];
  colDimLabels: string[];
  subtotalPaths: string[][]; // every collapsible row ("alles inklappen")
  voorlopig: boolean; // a voorlopig key is on show
  threshold: number;
}

type Labels = PivotResult['labels'];

export function label(labels: Labels, dim: DimensionId, key: string, lang: Lang, empty = '(leeg)'): string {
  return labels[dim]?.[key]?.[lang] ?? (key === '' ? empty : key);
}

/** A stable handle for a path: JSON, never a joined string (keys may contain any character). */
export function keyAttr(path: readonly string[]): string {
  return JSON.stringify(path);
}

const isTime = (dim: DimensionId | undefined) => dim !== undefined && (TIME_DIMENSIONS as readonly string[]).includes(dim);

/** True when a row sits under a collapsed subtotal (the subtotal itself stays visible). */
function hidden(path: string[], collapsed: ReadonlySet<string>): boolean {
  for (let n = 1; n < path.length; n++) if (collapsed.has(keyAttr(path.slice(0, n)))) return true;
  return false;
}

export function buildGrid(result: PivotResult, collapsedPaths: readonly (readonly string[])[], texts: GridTexts, lang: Lang): GridModel {
  const { query, labels } = result;
  const collapsed = new Set(collapsedPaths.map((p) => keyAttr([...p])));
  const voorlopigKeys = new Set(result.voorlopig);
  const lab = (dim: DimensionId, key: string) => label(labels, dim, key, lang, texts.empty);
  const marked = (dims: DimensionId[], path: string[]) => path.some((k, i) => isTime(dims[i]) && voorlopigKeys.has(k));
  let voorlopig = false;

  const rows: GridRow[] = [];
  const subtotalPaths: string[][] = [];
  result.rows.forEach(({ path }, index) => {
    const kind = path.length === 0 ? 'total' : path.length < query.rows.length ? 'subtotal' : 'leaf';
    if (kind === 'subtotal') subtotalPaths.push(path);
    if (hidden(path, collapsed)) return;
    const dim = query.rows[path.length - 1];
    const key = path[path.length - 1];
    const last = dim !== undefined && key !== undefined ? lab(dim, key) : '';
    const rowVoorlopig = key !== undefined && isTime(dim) && voorlopigKeys.has(key);
    voorlopig ||= rowVoorlopig;
    rows.push({
      index,
      path,
      level: Math.max(0, path.length - 1),
      kind,
      label: kind === 'total' ? texts.total : kind === 'subtotal' ? texts.totalOf(last) : last,
      voorlopig: rowVoorlopig,
      collapsed: kind === 'subtotal' && collapsed.has(keyAttr(path)),
    });
  });

  // Without column dimensions the engine may send one total column or none; either way there is one.
  const cols = result.cols.length > 0 ? result.cols : [{ path: [] as string[] }];
  const compare = query.compare !== 'none';
  const perCol = query.measures.length * (compare ? 2 : 1);
  const columns: GridColumn[] = [];
  cols.forEach(({ path }, col) => {
    const total: TotalKind = path.length === 0 ? 'total' : path.length < query.cols.length ? 'subtotal' : 'none';
    voorlopig ||= marked(query.cols, path);
    query.measures.forEach((measure, mi) => {
      const unit = shownUnit(measure, query);
      columns.push({ col, path, measure, mi, kind: 'value', total, unit, header: MEASURE_INFO[measure].label[lang] });
      if (compare) columns.push({ col, path, measure, mi, kind: 'change', total, unit: 'percent', header: texts.change });
    });
  });

  return {
    rows,
    rowCount: result.rows.length,
    columns,
    headerRows: headerRows(cols, query.cols, perCol, texts, lab, voorlopigKeys),
    rowDimLabels: query.rows.map((d) => dimLabel(d, lang)),
    colDimLabels: query.cols.map((d) => dimLabel(d, lang)),
    subtotalPaths,
    voorlopig,
    threshold: result.suppression.threshold,
  };
}

const dimLabel = (d: DimensionId, lang: Lang) => DIMENSION_INFO[d].label[lang];

/** Column header rows, one per column dimension. A group header spans its children and the subtotal that
 *  follows them; a subtotal's own "Totaal …" header starts one level lower and reaches down to the measure
 *  row, like a spreadsheet's pivot table. */
function headerRows(
  cols: { path: string[] }[],
  dims: DimensionId[],
  perCol: number,
  texts: GridTexts,
  lab: (dim: DimensionId, key: string) => string,
  voorlopigKeys: ReadonlySet<string>,
): HeaderCell[][] {
  const out: HeaderCell[][] = [];
  for (let k = 0; k < dims.length; k++) {
    const cells: HeaderCell[] = [];
    for (let i = 0; i < cols.length; ) {
      const path = cols[i]!.path;
      if (path.length > k) {
        const prefix = keyAttr(path.slice(0, k + 1));
        let j = i;
        while (j < cols.length && cols[j]!.path.length > k && keyAttr(cols[j]!.path.slice(0, k + 1)) === prefix) j++;
        cells.push({
          text: lab(dims[k]!, path[k]!),
          path: path.slice(0, k + 1),
          colSpan: (j - i) * perCol,
          rowSpan: 1,
          total: 'none',
          voorlopig: isTime(dims[k]) && voorlopigKeys.has(path[k]!),
        });
        i = j;
      } else {
        if (path.length === k) {
          const text = k === 0 ? texts.total : texts.totalOf(lab(dims[k - 1]!, path[k - 1]!));
          cells.push({ text, path, colSpan: perCol, rowSpan: dims.length - k, total: k === 0 ? 'total' : 'subtotal', voorlopig: false });
        }
        i++;
      }
    }
    out.push(cells);
  }
  return out;
}

/** "Alles inklappen" / a toggle on one subtotal row: the next set of collapsed paths. */
export function toggleCollapsed(collapsed: readonly string[][], path: string[]): string[][] {
  const key = keyAttr(path);
  return collapsed.some((p) => keyAttr(p) === key) ? collapsed.filter((p) => keyAttr(p) !== key) : [...collapsed, path];
}

/** Clicking a measure column: largest first, then smallest first, then back to the order of the keys.
 *  The total column ([]) is sent without `col` ("absent col = row total" in the contract). */
export function nextSort(current: PivotSort, measure: MeasureId, col: string[]): PivotSort {
  const withCol = (s: PivotSort): PivotSort => (col.length > 0 ? { ...s, col } : s);
  if (current.by !== measure || keyAttr(current.col ?? []) !== keyAttr(col)) return withCol({ by: measure, dir: 'desc' });
  if (current.dir === 'desc') return withCol({ by: measure, dir: 'asc' });
  return { by: 'key', dir: 'asc' };
}

/** Clicking the row-dimension corner: by key, ascending ↔ descending. */
export function nextKeySort(current: PivotSort): PivotSort {
  return { by: 'key', dir: current.by === 'key' && current.dir === 'asc' ? 'desc' : 'asc' };
}

/** aria-sort of a value column under the query's sort. */
export function sortOf(current: PivotSort, column: GridColumn): 'ascending' | 'descending' | undefined {
  if (column.kind !== 'value' || current.by !== column.measure || keyAttr(current.col ?? []) !== keyAttr(column.path)) return undefined;
  return current.dir === 'asc' ? 'ascending' : 'descending';
}
