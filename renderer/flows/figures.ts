// How one flows figure reads, exactly as the pivot grid and the exports write it: "<5" for a suppressed
// count, "x" for a secondarily suppressed one, Dutch digits otherwise. The CSS class reuses the pivot's
// marking (styles.css: table.pivot td.small / .suppressed / .zero).
import type { FlowCount } from '../../core/contract/flows.js';
import { formatNumber } from '../format.js';

export interface FigureText {
  text: string;
  className: string; // 'num' plus the mark
  flag: FlowCount['flag'];
}

export function figure(c: FlowCount | undefined, threshold: number): FigureText {
  if (!c) return { text: '', className: 'num', flag: 'ok' };
  if (c.flag === 'suppressed') return { text: `<${threshold}`, className: 'num suppressed', flag: c.flag };
  if (c.flag === 'secondary') return { text: 'x', className: 'num suppressed', flag: c.flag };
  const text = formatNumber(c.value);
  if (c.flag === 'small') return { text, className: 'num small', flag: c.flag };
  return { text, className: c.value === 0 ? 'num zero' : 'num', flag: c.flag };
}

/** A count that can be drawn: its value, or null when suppressed (a chart leaves it out and says so). */
export const drawable = (c: FlowCount | undefined): number | null => (c && c.value !== null ? c.value : null);

/** Days as "243,5" (mean/median may be halves or fractions). */
export const days = (d: number | null): string => (d === null ? '–' : formatNumber(d, Number.isInteger(d) ? 0 : 1));
