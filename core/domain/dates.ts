// Calendar dates as ISO strings (YYYY-MM-DD) at the edges and as day numbers (days since 1970-01-01, UTC)
// inside the model, so date arithmetic never meets time zones or daylight saving.
const DAY_MS = 86_400_000;

export function toDay(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Month as yyyymm, e.g. 202604. */
export function monthOfDay(day: number): number {
  const dt = new Date(day * DAY_MS);
  return dt.getUTCFullYear() * 100 + dt.getUTCMonth() + 1;
}

export function firstDayOfMonth(yyyymm: number): number {
  return Date.UTC(Math.floor(yyyymm / 100), (yyyymm % 100) - 1, 1) / DAY_MS;
}

export function lastDayOfMonth(yyyymm: number): number {
  return Date.UTC(Math.floor(yyyymm / 100), yyyymm % 100, 1) / DAY_MS - 1;
}

export function nextMonth(yyyymm: number): number {
  return yyyymm % 100 === 12 ? yyyymm + 89 : yyyymm + 1;
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return fromDay(toDay(text)) === text;
}
