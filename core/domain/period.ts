// A period key of the pivot's time dimensions (year '2024', quarter '2024-Q2', month '2024-03') as its months
// and days. Flows, compare, stacking and the money analyses all read keys through these, so a period means the
// same months and days everywhere.
import type { FlowGrain } from '../contract/flows.js';
import { firstDayOfMonth, lastDayOfMonth, nextMonth } from './dates.js';

/** Months in one period of each grain. */
export const MONTHS_PER: Record<FlowGrain, number> = { month: 1, quarter: 3, year: 12 };

export function grainOfKey(key: string): FlowGrain {
  return key.length === 4 ? 'year' : key[5] === 'Q' ? 'quarter' : 'month';
}

/** First month (yyyymm) of a period key: '2024' → 202401, '2024-Q2' → 202404, '2024-03' → 202403. */
export function firstMonthOfKey(key: string): number {
  const year = Number(key.slice(0, 4));
  if (key.length === 4) return year * 100 + 1;
  if (key[5] === 'Q') return year * 100 + (Number(key[6]) - 1) * 3 + 1;
  return year * 100 + Number(key.slice(5, 7));
}

export interface KeyPeriod {
  grain: FlowGrain;
  firstMonth: number; // yyyymm
  lastMonth: number; // yyyymm
  a: number; // first day (day number)
  lastDay: number; // last calendar day, not cut off at any peildatum
}

/** The calendar months and days of a period key; a period never crosses a year end. */
export function keyPeriod(key: string): KeyPeriod {
  const grain = grainOfKey(key);
  const firstMonth = firstMonthOfKey(key);
  const lastMonth = firstMonth + MONTHS_PER[grain] - 1;
  return { grain, firstMonth, lastMonth, a: firstDayOfMonth(firstMonth), lastDay: lastDayOfMonth(lastMonth) };
}

/** The months (yyyymm) of a period key: 12 for a year, 3 for a quarter, 1 for a month. */
export function monthsOfKey(key: string): number[] {
  const { firstMonth, lastMonth } = keyPeriod(key);
  const out = [firstMonth];
  while (out[out.length - 1]! < lastMonth) out.push(nextMonth(out[out.length - 1]!));
  return out;
}

/** First and last day of a period key, the last cut off at the peildatum (none: the calendar's last day). */
export function periodDays(key: string, peildatum: number | null): { a: number; b: number } {
  const { a, lastDay } = keyPeriod(key);
  return { a, b: peildatum === null ? lastDay : Math.min(lastDay, peildatum) };
}
