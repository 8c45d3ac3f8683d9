// The periods of a flows table (DOMAIN.md §4: calendar month, quarter, year) as day spans [a, b], the last
// one cut off at the peildatum: nothing after the peildatum is counted (DOMAIN.md §2).
import { fromDay, monthOfDay } from '../domain/dates.js';
import { firstMonthOfKey, keyPeriod, MONTHS_PER } from '../domain/period.js';
import { monthKey, quarterKey, yearKey } from '../domain/time.js';
import { voorlopigKeys } from '../pivot/voorlopig.js';
import type { Text } from '../registry.js';
import type { FlowGrain, FlowPeriod } from '../contract/flows.js';

export interface Span extends FlowPeriod {
  a: number; // first day
  b: number; // last day counted (≤ peildatum)
}

const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month index (year × 12 + month − 1) of the first month of the period holding yyyymm. */
function periodStartIndex(grain: FlowGrain, yyyymm: number): number {
  const index = Math.floor(yyyymm / 100) * 12 + (yyyymm % 100) - 1;
  return index - (index % MONTHS_PER[grain]);
}

const yyyymmOf = (index: number): number => Math.floor(index / 12) * 100 + (index % 12) + 1;

export function periodKey(grain: FlowGrain, yyyymm: number): string {
  return grain === 'year' ? yearKey(yyyymm) : grain === 'quarter' ? quarterKey(yyyymm) : monthKey(yyyymm);
}

export function periodLabel(grain: FlowGrain, key: string): Text {
  if (grain === 'year') return { nl: key, en: key };
  if (grain === 'quarter') return { nl: `${key.slice(0, 4)} K${key[6]}`, en: `${key.slice(0, 4)} Q${key[6]}` };
  const m = Number(key.slice(5, 7));
  return { nl: `${MONTHS_NL[m - 1]} ${key.slice(0, 4)}`, en: `${MONTHS_EN[m - 1]} ${key.slice(0, 4)}` };
}

/** The same calendar date five years earlier (29 February → 1 March): the start of the nieuw/herhaald window. */
export function fiveYearsBefore(day: number): number {
  const [y, m, d] = fromDay(day).split('-').map(Number) as [number, number, number];
  return Date.UTC(y - 5, m - 1, d) / 86_400_000;
}

/** The first day on which nieuw vs herhaald is fully known: five years after the first care in the data. */
export function historyFrom(firstDay: number | null): number | null {
  if (firstDay === null) return null;
  const [y, m, d] = fromDay(firstDay).split('-').map(Number) as [number, number, number];
  return Date.UTC(y + 5, m - 1, d) / 86_400_000;
}

/**
 * The periods from `from` (default: the one holding the first care) to `to` (default and at most: the one
 * holding the peildatum). Empty for an empty dataset.
 */
export function periodSpans(grain: FlowGrain, from: string | null, to: string | null, firstDay: number | null, peildatum: number | null): Span[] {
  if (peildatum === null || firstDay === null) return [];
  const voorlopig = new Set(voorlopigKeys(fromDay(peildatum)));
  const history = historyFrom(firstDay)!;
  const last = periodStartIndex(grain, monthOfDay(peildatum));
  let first = periodStartIndex(grain, from === null ? monthOfDay(firstDay) : firstMonthOfKey(from));
  const end = to === null ? last : Math.min(last, periodStartIndex(grain, firstMonthOfKey(to)));
  const out: Span[] = [];
  for (; first <= end; first += MONTHS_PER[grain]) {
    const yyyymm = yyyymmOf(first);
    const key = periodKey(grain, yyyymm);
    const { a, lastDay: calendarEnd } = keyPeriod(key);
    const b = Math.min(calendarEnd, peildatum);
    out.push({
      key, label: periodLabel(grain, key), start: fromDay(a), end: fromDay(b), partial: calendarEnd > peildatum,
      voorlopig: voorlopig.has(key), historyIncomplete: a < history, a, b,
    });
  }
  return out;
}

/** The one period with this key (it must lie within the data and not after the peildatum's period). */
export function onePeriod(grain: FlowGrain, key: string, firstDay: number | null, peildatum: number | null): Span | null {
  if (peildatum === null || firstDay === null) return null;
  const spans = periodSpans(grain, key, key, firstDay, peildatum);
  return spans.length === 1 && spans[0]!.key === key ? spans[0]! : null;
}
