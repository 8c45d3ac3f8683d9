// One indicator's monthly series for the steering view and the report: the value per month (frozen in closed
// months, else today's), the target line, voorlopig and closed marks, small-cell suppression (DOMAIN.md §3)
// and the status (core/steering/status.ts), which is worked out on the exact values.
import type { Indicator, IndicatorSeries, ProgrammePoint, SeriesPoint } from '../contract/steering.js';
import type { MeasureValue } from './measures.js';
import type { Text } from '../registry.js';
import { ruleText, statusOf } from './status.js';
import { TARGET_LINE_TEXT, targetOn } from './target.js';

/** A month's exact figure: value and the distinct children behind it; open = it may still change. */
export interface RawValue {
  value: number | null;
  clients: number | null;
  open?: boolean;
}

export interface SeriesInput {
  indicator: Indicator;
  label: Text;
  months: readonly string[]; // every month shown, ascending
  live: ReadonlyMap<string, RawValue>; // computed from today's data (months up to the peildatum)
  frozen: ReadonlyMap<string, RawValue>; // frozen at month close
  closed: ReadonlySet<string>;
  voorlopig: ReadonlySet<string>; // months less than 3 months before the peildatum
  peildatumMonth: string | null;
  suppress: boolean;
  threshold: number;
}

export function flagOf(clients: number | null, threshold: number, suppress: boolean): SeriesPoint['flag'] {
  if (clients === null || clients <= 0 || clients >= threshold) return 'ok';
  return suppress ? 'suppressed' : 'small';
}

export function buildSeries(input: SeriesInput): IndicatorSeries {
  const { indicator, peildatumMonth } = input;
  const exact = input.months.map((month) => {
    const closed = input.closed.has(month);
    const frozen = input.frozen.get(month);
    const after = peildatumMonth === null || month > peildatumMonth;
    const raw = frozen ?? (after ? undefined : input.live.get(month));
    return {
      month,
      value: raw?.value ?? null,
      clients: raw?.clients ?? null,
      target: targetOn(indicator, month),
      voorlopig: !closed && !after && (input.voorlopig.has(month) || raw?.open === true),
      closed,
      frozen: frozen !== undefined,
    };
  });
  const points: SeriesPoint[] = exact.map((p) => {
    const flag = flagOf(p.clients, input.threshold, input.suppress);
    return flag === 'suppressed' ? { ...p, value: null, clients: null, flag } : { ...p, flag };
  });
  // The verdict is worked out on exact values, but no figure may give a hidden one away: the gap (with the
  // target line it tells the hidden months' mean) and the band in the rule text (it tells the baseline).
  const hidden = (month: string) => points.find((p) => p.month === month)?.flag === 'suppressed';
  const exactStatus = statusOf(indicator, exact, peildatumMonth);
  const status = {
    ...exactStatus,
    gap: exactStatus.months.some(hidden) ? null : exactStatus.gap,
    rule: hidden(indicator.baseline.period) ? ruleText(indicator, null) : exactStatus.rule,
  };
  let latest: SeriesPoint | null = null;
  exact.forEach((p, i) => {
    if (p.value !== null) latest = points[i]!;
  });
  return { indicator, label: input.label, points, latest, status, targetLine: TARGET_LINE_TEXT };
}

/** A programme measure's point (measures/programme): blanked whole — value, numerator, denominator — when the
 *  children behind it are 1–4, or, for a share, when its numerator is 1–4 children. */
export function programmePointOf(month: string, v: MeasureValue, voorlopig: boolean, threshold: number, suppress: boolean): ProgrammePoint {
  let flag = flagOf(v.clients, threshold, suppress);
  if (flag === 'ok' && v.denominator !== null) flag = flagOf(v.numerator, threshold, suppress);
  const p: ProgrammePoint = { month, value: v.value, numerator: v.numerator, denominator: v.denominator, clients: v.clients, flag, voorlopig: voorlopig || v.open };
  return flag === 'suppressed' ? { ...p, value: null, numerator: null, denominator: null, clients: null } : p;
}
