// Calendar dates as whole day numbers (days since 1970-01-01, UTC) so arithmetic is exact and time-zone free.

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`not a date: ${iso}`);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

// The generator formats the same few thousand days millions of times, so remember them.
const isoCache = new Map<Day, string>();

export function iso(d: Day): string {
  let s = isoCache.get(d);
  if (s === undefined) {
    s = new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(d, s);
  }
  return s;
}

export function ymd(d: Day): { y: number; m: number; d: number } {
  const t = new Date(d * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Month index (year * 12 + month - 1), handy for looping over months. */
const monthCache = new Map<Day, number>();

export function monthIndex(d: Day): number {
  let mi = monthCache.get(d);
  if (mi === undefined) {
    const t = ymd(d);
    mi = t.y * 12 + t.m - 1;
    monthCache.set(d, mi);
  }
  return mi;
}

export function monthFirst(mi: number): Day {
  return Math.round(Date.UTC(Math.floor(mi / 12), mi % 12, 1) / MS_PER_DAY);
}

export function monthLast(mi: number): Day {
  return monthFirst(mi + 1) - 1;
}

export function monthKey(mi: number): string {
  return `${Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;
}
