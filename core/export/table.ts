// A pivot result as the rectangular table every export shows: header row, one row per row path with its
// total, a total row. Suppressed cells read "<5" (primary) or "x" (secondary), never their value.
import type { PivotCell, PivotResult } from '../contract/methods.js';
import { DIMENSION_INFO, MEASURE_INFO, type Lang, type MeasureId, type Unit } from '../registry.js';

/** Formats one value; money measures arrive in eurocent and are shown in euro. */
export type CellText = (value: number, unit: Unit) => string;

export interface TableOptions {
  lang: Lang;
  number: CellText;
}

function cellTexts(cell: PivotCell, threshold: number, measures: MeasureId[], number: CellText): string[] {
  if (cell.flag === 'suppressed') return cell.values.map(() => `<${threshold}`);
  if (cell.flag === 'secondary') return cell.values.map(() => 'x');
  return cell.values.map((v, i) => (v === null ? '' : number(v, MEASURE_INFO[measures[i]!].unit)));
}

export function pivotTable(result: PivotResult, { lang, number }: TableOptions): string[][] {
  const { query, labels } = result;
  const t = result.suppression.threshold;
  const total = lang === 'nl' ? 'Totaal' : 'Total';
  const multi = query.measures.length > 1;
  const measureLabels = query.measures.map((m) => MEASURE_INFO[m].label[lang]);
  const hasCols = query.cols.length > 0;

  const colHeads = hasCols
    ? [...result.colKeys.map((p) => p.map((k, d) => labels[query.cols[d]!]?.[k]?.[lang] ?? k).join(' · ')), total]
    : [''];
  const header = [
    ...query.rows.map((d) => DIMENSION_INFO[d].label[lang]),
    ...colHeads.flatMap((c) => (multi || !hasCols ? measureLabels.map((m) => (c ? `${c} · ${m}` : m)) : [c])),
  ];
  const line = (cells: PivotCell[]) => cells.flatMap((c) => cellTexts(c, t, query.measures, number));
  const rows = result.rowKeys.map((path, r) => [
    ...path.map((k, d) => labels[query.rows[d]!]?.[k]?.[lang] ?? k),
    ...line(hasCols ? [...result.cells[r]!, result.rowTotals[r]!] : [result.rowTotals[r]!]),
  ]);
  const totalRow = [
    total,
    ...query.rows.slice(1).map(() => ''),
    ...line(hasCols ? [...result.colTotals, result.grandTotal] : [result.grandTotal]),
  ];
  return [header, ...rows, totalRow];
}
