// Age band codes in the scan's inner loop: the same rule as core/domain/age.ts (whole years from the 15th
// of the birth month, DOMAIN.md §4) with integer arithmetic instead of date strings.

/** Civil date of a day number (days since 1970-01-01), as y * 10000 + m * 100 + d. */
export function ymdOf(day: number): number {
  // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

/** Age on `day` of a child born in `birth` (yyyymm). */
export function ageAt(birth: number, day: number): number {
  const ymd = ymdOf(day);
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  const bm = birth % 100;
  let age = y - Math.floor(birth / 100);
  if (m < bm || (m === bm && d < 15)) age -= 1;
  return age;
}

/** Index into AGE_BANDS: 0–3, 4–11, 12–17, 18–22, 23+. */
export function bandCode(birth: number, day: number): number {
  const age = ageAt(birth, day);
  return age <= 3 ? 0 : age <= 11 ? 1 : age <= 17 ? 2 : age <= 22 ? 3 : 4;
}
