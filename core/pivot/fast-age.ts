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

/** Day number of civil date y-m-d (the inverse of ymdOf; Howard Hinnant's days-from-civil). */
export function dayOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The first days on which a child born in `birth` is 4, 12, 18 and 23 (the age bands' lower bounds), into
 *  `out`: its band on a day is then the number of them on or before it, the same as bandCode() without
 *  a date conversion per row. A birth month outside 1–12 (0: unknown) follows ageAt(): with month 0 the
 *  age turns on 1 January, with a month above 12 a year later. */
export function bandStarts(birth: number, out: Int32Array): void {
  const by = Math.floor(birth / 100);
  const bm = birth % 100;
  [4, 12, 18, 23].forEach((age, i) => {
    out[i] = bm >= 1 && bm <= 12 ? dayOf(by + age, bm, 15) : dayOf(by + age + (bm > 12 ? 1 : 0), 1, 1);
  });
}
