// Month keys ('2025-03') as counted indices, so series can step, compare and draw straight lines by month.
import { firstDayOfMonth, lastDayOfMonth, monthOfDay } from '../domain/dates.js';

/** '2025-03' → year × 12 + month − 1. */
export function monthIndexOf(key: string): number {
  return Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
}

export function monthKeyOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month key holding a day number. */
export function monthOfDayKey(day: number): string {
  const yyyymm = monthOfDay(day);
  return monthKeyOf(Math.floor(yyyymm / 100) * 12 + (yyyymm % 100) - 1);
}

export function monthOfIso(iso: string): string {
  return iso.slice(0, 7);
}

/** Every month key from `from` to `to`, inclusive (empty when to < from). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndexOf(from); i <= monthIndexOf(to); i++) out.push(monthKeyOf(i));
  return out;
}

export function addMonths(key: string, n: number): string {
  return monthKeyOf(monthIndexOf(key) + n);
}

const yyyymm = (key: string): number => Number(key.slice(0, 4)) * 100 + Number(key.slice(5, 7));
/** First and last day (day numbers) of a month. */
export function monthDays(key: string): { a: number; b: number } {
  return { a: firstDayOfMonth(yyyymm(key)), b: lastDayOfMonth(yyyymm(key)) };
}
