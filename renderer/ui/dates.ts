// What a person types into a date field, read as a calendar date: 31-12-2025 as Spiegel shows dates
// everywhere (renderer/format.ts), 1-2-2025 typed quickly, and 2025-12-31 pasted from a file or a database.
// Day first, always: 03-04-2025 is 3 April. A slash is refused rather than guessed, because 04/03/2025
// from an American source means 3 April and would be read as 4 March.

export type DateProblem =
  | { kind: 'format' }
  | { kind: 'month'; month: number }
  | { kind: 'day'; day: number; month: number; year: number; daysInMonth: number }
  | { kind: 'year'; year: number };

export type ParsedDate = { ok: true; iso: string } | { ok: false; empty: true } | { ok: false; empty: false; problem: DateProblem };

/** Years a youth-care figure can be about; a typo like 20255 or 0225 is caught instead of stored. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DAY_FIRST = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** dd-mm-jjjj, d-m-jjjj or jjjj-mm-dd (spaces around it ignored) to an ISO date YYYY-MM-DD, or why not. */
export function parseDateInput(text: string): ParsedDate {
  const s = text.trim();
  if (s === '') return { ok: false, empty: true };
  const dayFirst = DAY_FIRST.exec(s);
  const iso = dayFirst ? null : ISO.exec(s);
  if (!dayFirst && !iso) return { ok: false, empty: false, problem: { kind: 'format' } };
  const [day, month, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]].map(Number) : [iso![3], iso![2], iso![1]].map(Number);
  if (year! < MIN_YEAR || year! > MAX_YEAR) return { ok: false, empty: false, problem: { kind: 'year', year: year! } };
  if (month! < 1 || month! > 12) return { ok: false, empty: false, problem: { kind: 'month', month: month! } };
  const last = daysInMonth(year!, month!);
  if (day! < 1 || day! > last) return { ok: false, empty: false, problem: { kind: 'day', day: day!, month: month!, year: year!, daysInMonth: last } };
  const two = (n: number) => String(n).padStart(2, '0');
  return { ok: true, iso: `${year}-${two(month!)}-${two(day!)}` };
}

/** The ISO date a field's text stands for, '' while it is empty or not (yet) a date. */
export function isoOf(text: string): string {
  const p = parseDateInput(text);
  return p.ok ? p.iso : '';
}
