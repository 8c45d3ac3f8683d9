// Measuring days of query/stacking: one given day, or per month its last day (the peildatum for a month cut
// off there). A period key ('2024', '2024-Q1', '2024-03') gives its months; no key gives every month with care.
import type { z } from 'zod';
import type { stackingPoint } from '../contract/stacking.js';
import { firstDayOfMonth, fromDay, lastDayOfMonth, monthOfDay, nextMonth, toDay } from '../domain/dates.js';
import { monthsOfKey } from '../domain/period.js';
import { monthKey } from '../domain/time.js';
import { periodLabel } from '../flows/periods.js';

export type Point = z.infer<typeof stackingPoint> & { d: number };

/** Arguments that cannot be answered (a day after the peildatum, …): the handlers turn it into 'bad-request'. */
export class StackingInputError extends Error {}

export function measuringPoints(at: string | null, period: string | null, firstDay: number | null, peildatum: number | null): Point[] {
  if (peildatum === null || firstDay === null) return [];
  if (at !== null) {
    const d = toDay(at);
    if (fromDay(d) !== at) throw new StackingInputError(`at: '${at}' is not a calendar date`);
    if (d > peildatum) throw new StackingInputError(`at: ${at} lies after the peildatum ${fromDay(peildatum)}`);
    return [{ key: at, label: { nl: at, en: at }, day: at, partial: false, d }];
  }
  let months: number[];
  if (period !== null) months = monthsOfKey(period);
  else {
    months = [];
    for (let m = monthOfDay(firstDay); m <= monthOfDay(peildatum); m = nextMonth(m)) months.push(m);
  }
  const out: Point[] = [];
  for (const m of months) {
    if (firstDayOfMonth(m) > peildatum) break;
    const last = lastDayOfMonth(m);
    const d = Math.min(last, peildatum);
    const key = monthKey(m);
    out.push({ key, label: periodLabel('month', key), day: fromDay(d), partial: last > peildatum, d });
  }
  if (out.length === 0) throw new StackingInputError(`period ${period} lies after the peildatum ${fromDay(peildatum)}`);
  return out;
}
