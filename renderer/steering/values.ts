// How a steering figure reads: Dutch digits in the indicator's unit ("1.234", "25,0%", "€ 12.345", "73 dagen"),
// "<5" for a value behind 1–4 children (suppressed), "–" where there is no value; and month keys as words.
import type { Indicator, SeriesPoint } from '../../core/contract/steering.js';
import type { Lang } from '../../core/registry.js';
import { formatNumber } from '../format.js';

export type Unit = Indicator['unit'];

const MONTHS: Record<Lang, string[]> = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** '2025-03' as "mrt 2025". */
export function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-');
  return `${MONTHS[lang][Number(m) - 1] ?? m} ${y}`;
}

/** A plain number in the unit, without suppression: percentages are percentage points (25 = 25 %). */
export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  switch (unit) {
    case 'percent':
      return `${formatNumber(value, 1)}%`;
    case 'eurocent':
      return `€ ${formatNumber(Math.round(value / 100))}`;
    case 'days':
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
    case 'volume':
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
    default:
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
  }
}

/** A series point as shown: "<5" when suppressed, else its value in the unit. */
export function pointText(p: Pick<SeriesPoint, 'value' | 'flag'> | null | undefined, unit: Unit, threshold: number): string {
  if (!p) return '–';
  if (p.flag === 'suppressed') return `<${threshold}`;
  return formatValue(p.value, unit);
}

/** The d3 format of the unit for chart axes and tooltips (nl-NL locale: 1.234 · 25,0 · € 1.234). */
export function axisFormat(unit: Unit): string {
  return { count: ',d', percent: ',.1f', eurocent: '$,.0f', days: ',.0f', volume: ',.1f' }[unit];
}

/** Chart values: money in euro (the axis format adds the sign), others as they are. */
export function chartValue(value: number, unit: Unit): number {
  return unit === 'eurocent' ? value / 100 : value;
}

/** An analysis figure (value + suppression flag) as text and class, like the flows tables: "<5", "x", or the
 *  value — money (eurocent) in whole euro. */
export function figureText(f: { value: number | null; flag: string } | null | undefined, threshold: number, money = false): { text: string; className: string } {
  if (!f) return { text: '–', className: 'num' };
  if (f.flag === 'suppressed') return { text: `<${threshold}`, className: 'num suppressed' };
  if (f.flag === 'secondary') return { text: 'x', className: 'num suppressed' };
  if (f.value === null) return { text: '–', className: 'num' };
  const text = money ? euro(f.value) : formatNumber(f.value, Number.isInteger(f.value) ? 0 : 1);
  return { text, className: f.flag === 'small' ? 'num small' : f.value === 0 ? 'num zero' : 'num' };
}

/** Eurocent as "€ 12.345" (whole euro; negative as "−€ 1.234"). */
export function euro(cents: number): string {
  const e = Math.round(cents / 100);
  return `${e < 0 ? '−' : ''}€ ${formatNumber(Math.abs(e))}`;
}
