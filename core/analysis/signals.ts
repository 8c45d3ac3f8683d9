// analysis/signals (docs/ANALYSIS.md "Vroege signalen"): per series and month, the observed count against a
// baseline of the 12 months before it. Expected = the mean of that window; the control band is the Poisson
// band at tail probability ALPHA around the window's mean widened by two standard errors of that mean (the
// baseline is itself an estimate of only 12 months). A month is flagged up when observed ≥ the upper limit and
// at least MIN_OBSERVED children, down when observed ≤ the lower limit; months whose expected level is below
// MIN_EXPECTED are not tested (too few children to tell anything from noise).
import type { SignalMeasure, SignalRow, SignalsResult } from '../contract/analysis.js';
import type { Labeller } from '../flows/groups.js';
import type { CareTable } from '../flows/input.js';
import { fromDay, lastDayOfMonth, monthOfDay } from '../domain/dates.js';
import { monthIndex, yyyymmOf } from '../pivot/store.js';
import { lowerLimit, upperLimit } from './poisson.js';
import { monthlySeries } from './series.js';

export const SIGNAL_METHOD = { baselineMonths: 12, gapMonths: 0, minExpected: 0.25, minObserved: 5, alpha: 0.0001, warmupMonths: 36 } as const;

export interface SignalsQuery {
  measures: SignalMeasure[];
  from: string | null;
  to: string | null;
  segment: string | null;
  municipality: string | null;
  direction: 'up' | 'down' | 'both';
  suppress: boolean;
}

const keyOf = (index: number) => {
  const y = yyyymmOf(index);
  return `${Math.floor(y / 100)}-${String(y % 100).padStart(2, '0')}`;
};
const indexOf = (key: string) => monthIndex(Number(key.slice(0, 4)) * 100 + Number(key.slice(5, 7)));

export interface Test {
  expected: number;
  lower: number;
  upper: number;
}

/** The band for one month from its baseline window (null: not tested). */
export function controlBand(window: ArrayLike<number>): Test | null {
  const m = SIGNAL_METHOD;
  let sum = 0;
  for (let i = 0; i < window.length; i++) sum += window[i]!;
  const expected = sum / window.length;
  if (expected < m.minExpected) return null;
  const se = Math.sqrt(Math.max(expected, 0.5) / window.length);
  return { expected, upper: upperLimit(expected + 2 * se, m.alpha), lower: lowerLimit(Math.max(0, expected - 2 * se), m.alpha) };
}

export function runSignals(table: CareTable, q: SignalsQuery, label: Labeller, threshold: number): SignalsResult {
  const m = SIGNAL_METHOD;
  const set = monthlySeries(table, { segment: q.segment, municipality: q.municipality });
  const peil = table.peildatum;
  // The last complete month: the peildatum's month when the peildatum is its last day, else the month before.
  const pm = peil === null ? 197001 : monthOfDay(peil);
  const lastFull = peil === null ? -1 : monthIndex(pm) - (lastDayOfMonth(pm) === peil ? 0 : 1);
  const first = Math.max(set.firstMonth + Math.max(m.baselineMonths + m.gapMonths, m.warmupMonths), q.from ? indexOf(q.from) : -Infinity);
  const last = Math.min(lastFull, q.to ? indexOf(q.to) : Infinity, set.firstMonth + set.months - 1);
  const signals: SignalRow[] = [];
  const seriesTested = new Set<string>(); // combination × measure
  let tests = 0;
  for (const s of set.series) {
    for (const measure of q.measures) {
      const x = s[measure];
      for (let t = first; t <= last; t++) {
        const i = t - set.firstMonth;
        const band = controlBand(x.subarray(i - m.gapMonths - m.baselineMonths, i - m.gapMonths));
        if (!band) continue;
        tests++;
        seriesTested.add(`${s.segment}|${s.ageband}|${s.gender}|${s.municipality}|${measure}`);
        const observed = x[i]!;
        const up = observed >= band.upper && observed >= m.minObserved;
        const down = band.lower >= 0 && observed <= band.lower;
        if (!((up && q.direction !== 'down') || (down && q.direction !== 'up'))) continue;
        const hidden = q.suppress && observed > 0 && observed < threshold;
        const flag = observed > 0 && observed < threshold ? (q.suppress ? 'suppressed' : 'small') : 'ok';
        const l = (dim: 'segment' | 'ageband' | 'gender' | 'municipality', key: string) => label(dim, key);
        const parts = [l('segment', s.segment), s.ageband === 'onbekend' ? { nl: 'leeftijd onbekend', en: 'age unknown' } : l('ageband', s.ageband), l('gender', s.gender), l('municipality', s.municipality)];
        signals.push({
          measure, month: keyOf(t), segment: s.segment as SignalRow['segment'], ageband: s.ageband, gender: s.gender, municipality: s.municipality,
          label: { nl: parts.map((p) => p.nl).join(' · '), en: parts.map((p) => p.en).join(' · ') },
          observed: { value: hidden ? null : observed, flag }, expected: round2(band.expected), lower: band.lower, upper: band.upper,
          excess: hidden ? null : round2(observed - band.expected), direction: up ? 'up' : 'down',
          ratio: hidden || band.expected === 0 ? null : round2(observed / band.expected),
        });
      }
    }
  }
  signals.sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : Math.abs(b.excess ?? 0) - Math.abs(a.excess ?? 0)));
  const months: string[] = [];
  for (let t = first; t <= last; t++) months.push(keyOf(t));
  return {
    method: {
      description: {
        nl: `Verwacht = gemiddelde van de ${m.baselineMonths} maanden ervoor; signaal als de waarneming buiten de Poisson-band valt (kans ${m.alpha} per kant, verruimd met 2 standaardfouten van dat gemiddelde), bij omhoog minstens ${m.minObserved} kinderen; reeksen met verwacht < ${m.minExpected} niet getoetst; de eerste ${m.warmupMonths} maanden van de data niet (opbouw).`,
        en: `Expected = mean of the ${m.baselineMonths} months before; a signal when the observation falls outside the Poisson band (tail probability ${m.alpha} per side, widened by 2 standard errors of that mean), upward only with at least ${m.minObserved} children; series-months with expected < ${m.minExpected} are not tested, nor the first ${m.warmupMonths} months of the data (build-up).`,
      },
      baselineMonths: m.baselineMonths, gapMonths: m.gapMonths, minExpected: m.minExpected, minObserved: m.minObserved, alpha: m.alpha,
    },
    months,
    series: seriesTested.size,
    seriesYears: round2(tests / 12),
    signals,
    peildatum: peil === null ? null : fromDay(peil),
    suppression: { applied: q.suppress, threshold },
    notes: [],
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
