// How one figure of the grid reads, Dutch first: 1.234 · € 1.234 · 12,5 (days) · 12,3 % · +4,0 %.
// Suppressed cells read exactly as in the exports (core/export/table.ts): "<5" for a primary suppressed
// cell, "x" for a secondary one, and an empty value stays empty, so the grid and a file compare cell by cell.
import type { PivotCell, PivotQuery } from '../../../core/contract/pivot.js';
import { MEASURE_INFO, RATIO_MEASURES, type MeasureId, type Unit } from '../../../core/registry.js';
import { formatNumber } from '../../format.js';

/** Averages and ratios stay values under "show as" (as the engine does it: RATIOS in core/pivot/transform.ts). */
export const SHOWN_AS_VALUE: readonly MeasureId[] = RATIO_MEASURES;

/** The unit a measure is shown in under the query's show-as and per-1,000 settings. */
export function shownUnit(measure: MeasureId, query: Pick<PivotQuery, 'showAs' | 'per1000'>): Unit {
  if (query.showAs !== 'value' && !SHOWN_AS_VALUE.includes(measure)) return 'percent';
  if (query.per1000 && measure === 'clients') return 'rate';
  return MEASURE_INFO[measure].unit;
}

/** One value in its unit. Money arrives in eurocent: whole euros in the grid (readable at a glance in a
 *  meeting), except the effective price per unit, where the cents are the point. Shares arrive as fractions. */
export function formatMeasure(value: number, unit: Unit, measure?: MeasureId): string {
  switch (unit) {
    case 'eurocent':
      return measure === 'price' ? `€ ${formatNumber(value / 100, 2)}` : `€ ${formatNumber(Math.round(value / 100))}`;
    case 'days':
    case 'rate':
      return formatNumber(value, 1);
    case 'percent':
      return `${formatNumber(value * 100, 1)} %`;
    case 'volume':
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
    default:
      return formatNumber(value);
  }
}

/** A relative change (0.1 = +10 %) with its sign, so growth and decline read apart at once. */
export function formatChange(change: number): string {
  const text = `${formatNumber(change * 100, 1)} %`;
  return change > 0 ? `+${text}` : text;
}

export type CellMark = 'ok' | 'small' | 'suppressed' | 'secondary' | 'empty' | 'zero';

export interface CellText {
  text: string;
  mark: CellMark;
}

/** The text of one grid cell: value `mi` of the cell, or its change when `change` is set. */
export function cellText(
  cell: PivotCell | undefined,
  mi: number,
  unit: Unit,
  opts: { change?: boolean; threshold: number; measure?: MeasureId },
): CellText {
  if (!cell) return { text: '', mark: 'empty' };
  if (cell.flag === 'suppressed') return { text: `<${opts.threshold}`, mark: 'suppressed' };
  if (cell.flag === 'secondary') return { text: 'x', mark: 'secondary' };
  const value = opts.change ? (cell.change?.[mi] ?? null) : (cell.values[mi] ?? null);
  if (value === null || Number.isNaN(value)) return { text: '', mark: cell.flag === 'small' ? 'small' : 'empty' };
  const text = opts.change ? formatChange(value) : formatMeasure(value, unit, opts.measure);
  if (cell.flag === 'small') return { text, mark: 'small' };
  return { text, mark: value === 0 && !opts.change ? 'zero' : 'ok' };
}
