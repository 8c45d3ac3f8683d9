// analysis/forecast (docs/ANALYSIS.md "Jaarprognose"): the year-end total of claimed spending for year Y made on
// an as-of date A, using only what was known on A. Declarations arrive months late (DOMAIN.md §1: 400 days in
// 2015, 73 in 2019) and that lag changes from year to year, so the forecast does not extrapolate declared money;
// it prices the care itself, which is known on time (JW301/JW305/JW307):
//   price(c)  = Σ amount ÷ Σ days of the declaration lines of product category c declared in the 365 days up to A
//               (the recent declaration pattern; a credit line takes its days back);
//   E(m)      = Σ over care periods running in month m (started by A, cut off at A) of days in m × price(c);
//   month m begun by A: max(K(m), E(m)), K(m) = what was declared for m by A (declared money is a floor);
//   later months: the care running in the last month begun by A ("open einde": the open assignments) per day,
//                 times the days of the month.
// The baseline it must beat: last year's total × this year's trend so far (Σ K this year ÷ Σ K of the same months
// last year), both as known at A. The backtest makes both on 30 June of every earlier year whose December is
// final (not voorlopig: at least 3 months before the peildatum) and that has a year before it in the data.
import { firstDayOfMonth, lastDayOfMonth, monthOfDay } from '../domain/dates.js';
import { monthIndex, yyyymmOf } from '../pivot/store.js';
import type { AnalysisLine } from './money.js';


/** Σ amount per ProductPeriode month as known on any day: cumulative by DeclaratieDagtekening. */
export class Declared {
  private readonly byMonth = new Map<number, { days: Int32Array; cum: Float64Array }>();
  constructor(lines: readonly AnalysisLine[]) {
    const groups = new Map<number, AnalysisLine[]>();
    for (const l of lines) {
      const mi = monthIndex(l.month);
      const g = groups.get(mi);
      if (g) g.push(l);
      else groups.set(mi, [l]);
    }
    for (const [mi, g] of groups) {
      g.sort((a, b) => a.declared - b.declared);
      const days = new Int32Array(g.length);
      const cum = new Float64Array(g.length);
      let t = 0;
      g.forEach((l, i) => {
        t += l.amount;
        days[i] = l.declared;
        cum[i] = t;
      });
      this.byMonth.set(mi, { days, cum });
    }
  }

  /** Σ amount of month index `mi` declared on or before `day` (Infinity: everything). */
  known(mi: number, day: number): number {
    const g = this.byMonth.get(mi);
    if (!g) return 0;
    let lo = 0;
    let hi = g.days.length; // first index with days > day
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (g.days[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : g.cum[lo - 1]!;
  }
}

export interface Forecast {
  months: { month: number; known: number; forecast: number; basis: 'actual' | 'completed' | 'expected' }[];
  known: number; // Σ K
  total: number; // rounded to the cent
}

/** A care period as the forecast needs it (from the care table). */
export interface CareSpan {
  start: number;
  end: number | null; // null: still running at the peildatum
  category: string;
}

const lineDays = (l: AnalysisLine) => l.days * (l.amount < 0 ? -1 : 1);

/** Price per care day per product category from the lines declared in the 365 days up to asOf. */
export function dayPrices(lines: readonly AnalysisLine[], asOf: number): Map<string, number> {
  const sums = new Map<string, { amount: number; days: number }>();
  for (const l of lines) {
    if (l.declared > asOf || l.declared <= asOf - 365) continue;
    const c = l.product.slice(0, l.product.indexOf('/'));
    const t = sums.get(c) ?? { amount: 0, days: 0 };
    t.amount += l.amount;
    t.days += lineDays(l);
    sums.set(c, t);
  }
  const out = new Map<string, number>();
  for (const [c, t] of sums) if (t.days > 0) out.set(c, t.amount / t.days);
  return out;
}

/** E(m) for the months first..last (indices), from care known at asOf. */
function careEstimate(care: readonly CareSpan[], prices: Map<string, number>, first: number, last: number, asOf: number): number[] {
  const out = new Array<number>(last - first + 1).fill(0);
  const from = firstDayOfMonth(yyyymmOf(first));
  const to = Math.min(asOf, lastDayOfMonth(yyyymmOf(last)));
  for (const c of care) {
    const price = prices.get(c.category);
    if (price === undefined || c.start > to) continue;
    const end = Math.min(c.end ?? Infinity, to);
    if (end < from) continue;
    for (let mi = Math.max(first, monthIndex(monthOfDay(Math.max(c.start, from)))); mi <= last; mi++) {
      const a = Math.max(c.start, firstDayOfMonth(yyyymmOf(mi)));
      const b = Math.min(end, lastDayOfMonth(yyyymmOf(mi)));
      if (b < a) break;
      out[mi - first]! += (b - a + 1) * price;
    }
  }
  return out;
}

export function forecastYear(declared: Declared, lines: readonly AnalysisLine[], care: readonly CareSpan[], year: number, asOf: number): Forecast {
  const aMonth = monthIndex(monthOfDay(asOf));
  const first = monthIndex(year * 100 + 1);
  const lastBegun = Math.min(aMonth, first + 11);
  const prices = dayPrices(lines, asOf);
  const months: Forecast['months'] = [];
  let known = 0;
  const estimate = lastBegun >= first ? careEstimate(care, prices, first, lastBegun, asOf) : [];
  for (let mi = first; mi <= lastBegun; mi++) {
    const k = declared.known(mi, asOf);
    known += k;
    const e = estimate[mi - first]!;
    months.push({ month: yyyymmOf(mi), known: k, forecast: Math.max(k, e), basis: k >= e ? 'actual' : 'completed' });
  }
  // The care running in the last month begun by A, per day of that month up to A.
  const runDays = lastBegun < first ? 0 : Math.min(asOf, lastDayOfMonth(yyyymmOf(lastBegun))) - firstDayOfMonth(yyyymmOf(lastBegun)) + 1;
  const perDay = runDays > 0 ? (estimate[lastBegun - first] ?? 0) / runDays : 0;
  for (let mi = Math.max(first, lastBegun + 1); mi <= first + 11; mi++) {
    const days = lastDayOfMonth(yyyymmOf(mi)) - firstDayOfMonth(yyyymmOf(mi)) + 1;
    months.push({ month: yyyymmOf(mi), known: 0, forecast: perDay * days, basis: 'expected' });
  }
  return { months, known, total: Math.round(months.reduce((t, m) => t + m.forecast, 0)) };
}

/** Last year's total × this year's trend so far, both as known at asOf. */
export function baselineYear(declared: Declared, year: number, asOf: number): number {
  const aMonth = monthIndex(monthOfDay(asOf));
  const first = monthIndex(year * 100 + 1);
  let lastYear = 0;
  let ytd = 0;
  let ytdBefore = 0;
  for (let i = 0; i < 12; i++) {
    lastYear += declared.known(first - 12 + i, asOf);
    if (first + i <= aMonth) {
      ytd += declared.known(first + i, asOf);
      ytdBefore += declared.known(first - 12 + i, asOf);
    }
  }
  return ytdBefore === 0 ? 0 : Math.round((lastYear * ytd) / ytdBefore);
}

export interface BacktestYear { year: number; actual: number; forecast: number; baseline: number; errorForecast: number; errorBaseline: number }

/** On 30 June of every year with a year before it in the data and a final December (≥ 3 months before the peildatum). */
export function backtest(declared: Declared, lines: readonly AnalysisLine[], care: readonly CareSpan[], firstYear: number, peildatum: number): { years: BacktestYear[]; maeForecast: number | null; maeBaseline: number | null } {
  const years: BacktestYear[] = [];
  for (let y = firstYear + 1; monthIndex(y * 100 + 12) + 3 <= monthIndex(monthOfDay(peildatum)); y++) {
    const asOf = lastDayOfMonth(y * 100 + 6);
    let actual = 0;
    for (let i = 0; i < 12; i++) actual += declared.known(monthIndex(y * 100 + 1) + i, Infinity);
    const forecast = forecastYear(declared, lines, care, y, asOf).total;
    const baseline = baselineYear(declared, y, asOf);
    years.push({ year: y, actual, forecast, baseline, errorForecast: Math.abs(forecast - actual), errorBaseline: Math.abs(baseline - actual) });
  }
  const mean = (f: (b: BacktestYear) => number) => (years.length === 0 ? null : Math.round(years.reduce((t, b) => t + f(b), 0) / years.length));
  return { years, maeForecast: mean((b) => b.errorForecast), maeBaseline: mean((b) => b.errorBaseline) };
}
