// The period of a comparison: a year, quarter or month key as in the pivot's time dimensions ('2024',
// '2024-Q1', '2024-03'), as the day span the flows use (cut off at the peildatum), and the same period one
// year earlier — the "against earlier years" of issue 8.
import type { ComparePeriod } from '../contract/compare.js';
import type { PivotFilter } from '../contract/pivot.js';
import { grainOfKey } from '../domain/period.js';
import { onePeriod } from '../flows/periods.js';

/** The same period a year earlier: '2024-Q1' → '2023-Q1'. */
export function previousKey(key: string): string {
  return `${Number(key.slice(0, 4)) - 1}${key.slice(4)}`;
}

/** The pivot filter selecting the period's fact rows. */
export function periodFilter(key: string): PivotFilter {
  return [grainOfKey(key), '==', key];
}

export interface ResolvedPeriod extends ComparePeriod {
  a: number; // first day (day number)
  b: number; // last day counted (≤ peildatum)
}

/** The period as a span, or null when it lies after the peildatum (or the data holds no care). */
export function resolvePeriod(key: string, firstDay: number | null, peildatum: number | null): ResolvedPeriod | null {
  const span = onePeriod(grainOfKey(key), key, firstDay, peildatum);
  if (!span) return null;
  return { key: span.key, label: span.label, start: span.start, end: span.end, partial: span.partial, voorlopig: span.voorlopig, a: span.a, b: span.b };
}

export const publicPeriod = (p: ResolvedPeriod): ComparePeriod => ({ key: p.key, label: p.label, start: p.start, end: p.end, partial: p.partial, voorlopig: p.voorlopig });
