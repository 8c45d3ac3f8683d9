// Age (DOMAIN.md §4): whole years between the 15th of the birth month and a date; bands 0–3, 4–11, 12–17,
// 18–22, 23+. Only birth year and month are stored, hence the 15th.
import { fromDay } from './dates.js';
import type { AGE_BANDS } from '../registry.js';

/** birth as yyyymm; day as a day number. */
export function ageOn(birth: number, day: number): number {
  const [y, m, d] = fromDay(day).split('-').map(Number) as [number, number, number];
  const by = Math.floor(birth / 100);
  const bm = birth % 100;
  let age = y - by;
  if (m < bm || (m === bm && d < 15)) age -= 1;
  return age;
}

export function ageBand(age: number): (typeof AGE_BANDS)[number] {
  if (age <= 3) return '0-3';
  if (age <= 11) return '4-11';
  if (age <= 17) return '12-17';
  if (age <= 22) return '18-22';
  return '23+';
}
