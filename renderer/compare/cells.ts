// How a compare figure reads, as the pivot grid and the exports write it: "<5" for a figure behind 1–4
// children when suppressed, "x" for a secondarily suppressed one, else the value in its unit (count, rate per
// 1.000, euro from eurocent, share as a percentage, days). The class reuses the pivot's marking
// (styles.css: table.pivot td.small / .suppressed / .zero).
import type { CompareCell } from '../../core/contract/compare.js';
import { formatNumber } from '../format.js';

export type Unit = 'count' | 'rate' | 'euro' | 'share' | 'days';

export interface CellText {
  text: string;
  className: string;
  flag: CompareCell['flag'];
}

export function valueText(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'count':
      return formatNumber(value);
    case 'rate':
      return formatNumber(value, 1);
    case 'euro':
      return `€ ${formatNumber(value / 100)}`;
    case 'share':
      return `${formatNumber(value * 100, 1)} %`;
    case 'days':
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
  }
}

export function cellText(c: CompareCell | null | undefined, unit: Unit, threshold: number): CellText {
  if (!c) return { text: '–', className: 'num', flag: 'ok' };
  if (c.flag === 'suppressed') return { text: `<${threshold}`, className: 'num suppressed', flag: c.flag };
  if (c.flag === 'secondary') return { text: 'x', className: 'num suppressed', flag: c.flag };
  const text = valueText(c.value, unit);
  if (c.flag === 'small') return { text, className: 'num small', flag: c.flag };
  return { text, className: c.value === 0 ? 'num zero' : 'num', flag: c.flag };
}

/** A figure that can be drawn: its value, or null when hidden (a chart leaves it out and says so). */
export const drawable = (c: CompareCell | null | undefined): number | null => (c && c.flag !== 'suppressed' && c.flag !== 'secondary' ? c.value : null);

/** A rate shown only when the count behind it is: a rate of a hidden count would give the count away
 *  (rate × population). The engine does this too; the screen does not rely on it. */
export function guarded(rate: CompareCell | null | undefined, count: CompareCell | null | undefined): CompareCell | null | undefined {
  if (!rate || !count || (count.flag !== 'suppressed' && count.flag !== 'secondary')) return rate;
  return { value: null, clients: null, flag: count.flag };
}
