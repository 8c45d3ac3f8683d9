// How a figure is shown: the unit a measure has after show-as / per 1,000, rounded to what is shown, and
// its text. Every export (CSV, XLSX, clipboard) and the CLI use these, so they agree digit for digit.
import type { PivotQuery } from '../contract/pivot.js';
import { MEASURE_INFO, type MeasureId } from '../registry.js';

/** integer: counts; euro: money (value in euro); decimal1: days, per 1,000; decimal2: volume; percent: a fraction (0.125 = 12,5 %). */
export type FigureFormat = 'integer' | 'euro' | 'decimal1' | 'decimal2' | 'percent';
export interface Figure {
  value: number; // already rounded to the digits shown
  format: FigureFormat;
}

export const DIGITS: Record<FigureFormat, number> = { integer: 0, euro: 2, decimal1: 1, decimal2: 2, percent: 1 };

/** The format of a measure's values as the engine returns them for this query. Show-as turns every measure
 *  into a share; per 1,000 applies to clients only (core/contract/pivot.ts: "clients per 1,000 youth"). */
export function shownFormat(query: Pick<PivotQuery, 'showAs' | 'per1000'>, measure: MeasureId): FigureFormat {
  if (query.showAs !== 'value') return 'percent';
  if (query.per1000 && measure === 'clients') return 'decimal1';
  switch (MEASURE_INFO[measure].unit) {
    case 'count':
      return 'integer';
    case 'eurocent':
      return 'euro';
    case 'volume':
      return 'decimal2'; // minutes arrive as hours: a quarter of an hour is 0,25
    case 'percent':
      return 'percent';
    case 'days':
    case 'rate':
      return 'decimal1';
  }
}

/** An engine value (money in eurocent, shares as fractions) as the figure shown. -0 becomes 0. */
export function figure(raw: number, format: FigureFormat): Figure {
  const value = format === 'euro' ? raw / 100 : raw;
  const digits = format === 'percent' ? DIGITS.percent + 2 : DIGITS[format];
  return { value: Number(value.toFixed(digits)) || 0, format };
}

const formats = new Map<string, Intl.NumberFormat>();

/** Dutch text of a figure: decimal comma; `grouping` adds thousands dots (1.234,5) for reading, not for CSV. */
export function figureText(f: Figure, grouping: boolean): string {
  const digits = DIGITS[f.format];
  const key = `${digits}|${grouping}`;
  let nf = formats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping });
    formats.set(key, nf);
  }
  return f.format === 'percent' ? `${nf.format(f.value * 100)}%` : nf.format(f.value);
}
