// A pivot result as the rectangular table every export and the CLI show — exactly what the grid shows:
// header rows (column paths with their subtotal and total columns, then the measures), one line per shown
// row with its subtotals and the grand total, in the grid's order. Rows under a collapsed path are left out,
// as in the grid. Suppressed cells read "<5" (primary) or "x" (secondary), never their value; the numbers
// stay numbers (Figure) so an XLSX can keep them numeric.
import type { PivotCell, PivotResult } from '../contract/pivot.js';
import { DIMENSION_INFO, MEASURE_INFO, TIME_DIMENSIONS, type DimensionId, type Lang } from '../registry.js';
import { figure, shownFormat, type Figure } from './figures.js';
import { titleLine } from './title.js';

export type TableCell = string | Figure;
/** row: a leaf row; subtotal: a row with a shorter path; total: the grand total. */
export type LineKind = 'row' | 'subtotal' | 'total';

export interface PivotTable {
  title: string; // peildatum, filters in force, whether small counts are suppressed
  notes: string[]; // why a requested figure is empty (from the result)
  header: string[][]; // one row per column dimension, then the measures
  body: TableCell[][];
  kinds: LineKind[]; // per body line
  labelColumns: number; // leading columns that hold row labels (one per row dimension)
}

export interface TableOptions {
  lang: Lang;
  /** Row paths the grid shows collapsed: the rows below them are left out (their subtotal stays). */
  collapsed?: readonly (readonly string[])[];
}

const WORDS = {
  nl: { total: 'Totaal', voorlopig: ' (voorlopig)', prev: 'Δ % t.o.v. vorige periode', yoy: 'Δ % t.o.v. vorig jaar' },
  en: { total: 'Total', voorlopig: ' (provisional)', prev: 'Δ % vs previous period', yoy: 'Δ % vs same period last year' },
} as const;

const SHOW_AS_WORDS = {
  nl: { grand: '% van totaal', row: '% van rijtotaal', col: '% van kolomtotaal', parent: '% van bovenliggend' },
  en: { grand: '% of total', row: '% of row total', col: '% of column total', parent: '% of parent' },
} as const;

/** A key's label, with " (voorlopig)" for a time key that holds a voorlopig month (DOMAIN.md §2). */
export function keyLabeller(result: PivotResult, lang: Lang): (dim: DimensionId, key: string) => string {
  const voorlopig = new Set(result.voorlopig);
  const time = new Set<DimensionId>(TIME_DIMENSIONS);
  return (dim, key) => {
    const label = result.labels[dim]?.[key]?.[lang] ?? key;
    return time.has(dim) && voorlopig.has(key) ? label + WORDS[lang].voorlopig : label;
  };
}

/** The measure's column header as shown: show-as and per 1,000 say so. */
function measureLabel(result: PivotResult, lang: Lang, m: PivotResult['query']['measures'][number]): string {
  const { showAs, per1000 } = result.query;
  const label = MEASURE_INFO[m].label[lang];
  if (showAs !== 'value') return `${label} (${SHOW_AS_WORDS[lang][showAs]})`;
  if (per1000 && m === 'clients') return `${label} ${lang === 'nl' ? 'per 1.000 jeugdigen' : 'per 1,000 youth'}`;
  return label;
}

const isUnder = (path: readonly string[], collapsed: readonly (readonly string[])[]) =>
  collapsed.some((c) => c.length < path.length && c.every((k, i) => path[i] === k));

export function pivotTable(result: PivotResult, { lang, collapsed = [] }: TableOptions): PivotTable {
  const { query } = result;
  const words = WORDS[lang];
  const label = keyLabeller(result, lang);
  const threshold = result.suppression.threshold;
  const withChange = query.compare !== 'none';
  const formats = query.measures.map((m) => shownFormat(query, m));

  // One block of columns per column path: each measure, followed by its change when comparing.
  const block = query.measures.flatMap((m) => [measureLabel(result, lang, m), ...(withChange ? [words[query.compare as 'prev' | 'yoy']] : [])]);
  const colHead = (path: string[], d: number): string => {
    if (d < path.length) return label(query.cols[d]!, path[d]!);
    if (d > path.length) return '';
    return path.length === 0 ? words.total : `${words.total} ${label(query.cols[d - 1]!, path[d - 1]!)}`;
  };
  const header: string[][] = query.cols.map((dim, d) => [
    ...query.rows.slice(1).map(() => ''),
    DIMENSION_INFO[dim].label[lang],
    ...result.cols.flatMap((c) => block.map(() => colHead(c.path, d))),
  ]);
  header.push([...query.rows.map((dim) => DIMENSION_INFO[dim].label[lang]), ...result.cols.flatMap(() => block)]);

  const shown = (cell: PivotCell, raw: number | null | undefined, format: (typeof formats)[number]): TableCell => {
    if (cell.flag === 'suppressed') return `<${threshold}`;
    if (cell.flag === 'secondary') return 'x';
    return raw === null || raw === undefined ? '' : figure(raw, format);
  };
  const cellColumns = (cell: PivotCell): TableCell[] =>
    query.measures.flatMap((_, i) => [shown(cell, cell.values[i], formats[i]!), ...(withChange ? [shown(cell, cell.change?.[i], 'percent')] : [])]);
  const rowLabels = (path: string[]): string[] =>
    query.rows.map((dim, d) => {
      if (path.length === query.rows.length || d < path.length - 1) return d < path.length ? label(dim, path[d]!) : '';
      if (path.length === 0) return d === 0 ? words.total : '';
      return d === path.length - 1 ? `${words.total} ${label(dim, path[d]!)}` : '';
    });

  const body: TableCell[][] = [];
  const kinds: LineKind[] = [];
  result.rows.forEach((row, r) => {
    if (isUnder(row.path, collapsed)) return;
    body.push([...rowLabels(row.path), ...result.cells[r]!.flatMap(cellColumns)]);
    kinds.push(row.path.length === 0 ? 'total' : row.path.length < query.rows.length ? 'subtotal' : 'row');
  });
  return { title: titleLine(result, lang), notes: result.notes.map((n) => n[lang]), header, body, kinds, labelColumns: query.rows.length };
}

/** The table as lines of text (title, notes, header, body), figures rendered by `text`. */
export function tableLines(table: PivotTable, text: (f: Figure) => string): string[][] {
  return [
    [table.title],
    ...table.notes.map((n) => [n]),
    ...table.header,
    ...table.body.map((line) => line.map((c) => (typeof c === 'string' ? c : text(c)))),
  ];
}
