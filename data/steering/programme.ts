// measures/programme: the four FoodValley measures per month over [from, to] and over the whole range, with
// numerator and denominator. Suppression (DOMAIN.md §3): a point behind 1–4 children — in its denominator, or
// 1–4 children in the numerator of a share — is blanked whole (value, numerator and denominator).
import type { z } from 'zod';
import type { MeasureSource, ProgrammeMeasure, ProgrammeResult, programmeArgs } from '../../core/contract/steering.js';
import { SEGMENTS } from '../../core/domain/segments.js';
import { fromDay } from '../../core/domain/dates.js';
import { voorlopigKeys } from '../../core/pivot/voorlopig.js';
import { PROGRAMME_INFO } from '../../core/steering/labels.js';
import { monthBuckets, type MeasureValue } from '../../core/steering/measures.js';
import { addMonths, monthDays, monthOfDayKey, monthRange } from '../../core/steering/months.js';
import { programmePointOf } from '../../core/steering/series.js';
import { measureMonths, type Engines } from './values.js';

type Args = z.infer<typeof programmeArgs>;
const round1 = (x: number): number => Math.round(x * 10) / 10;

export function programme(e: Engines, args: Args): ProgrammeResult {
  const peil = e.store.peildatum === null ? null : monthOfDayKey(e.store.peildatum);
  const peildatum = e.store.peildatum === null ? null : fromDay(e.store.peildatum);
  const to = args.to ?? peil ?? '1970-01';
  const from = args.from ?? addMonths(to, -11);
  const months = monthRange(from, peil !== null && peil < to ? peil : to);
  const suppress = args.suppress ?? true;
  const voorlopig = new Set(voorlopigKeys(peildatum));
  const last = months[months.length - 1] ?? to;
  const whole = [{ key: last, a: monthDays(from).a, b: monthDays(last).b }];

  const one = (key: string, source: MeasureSource, total: (byMonth: Map<string, MeasureValue>) => MeasureValue): ProgrammeMeasure => {
    const byMonth = measureMonths(e, source, monthBuckets(months));
    const info = PROGRAMME_INFO[source.id];
    return {
      key, id: source.id, label: info.label, definition: info.definition, unit: info.unit, source,
      months: months.map((m) => programmePointOf(m, byMonth.get(m)!, voorlopig.has(m), e.threshold, suppress)),
      total: programmePointOf(last, total(byMonth), months.some((m) => voorlopig.has(m)), e.threshold, suppress),
    };
  };
  // Shares over the whole range: counted again over one bucket spanning it, so each child counts once.
  const pooled = (source: MeasureSource) => () => measureMonths(e, source, whole).get(last)!;
  const crisis: MeasureSource = { kind: 'measure', id: 'crisisToVerblijf', days: args.crisisDays ?? 28 };
  const prolonged: MeasureSource = { kind: 'measure', id: 'prolongedCare', days: args.prolongedDays ?? 30 };
  const out: MeasureSource = { kind: 'measure', id: 'outOfResidential', since: args.since ?? `${from}-01` };
  const measures: ProgrammeMeasure[] = [
    one('crisisToVerblijf', crisis, pooled(crisis)),
    // Each child turns 18 once: the months' decided cohorts add up (open months left out).
    one('prolongedCare', prolonged, (byMonth) => {
      const decided = [...byMonth.values()].filter((v) => v.numerator !== null);
      const num = decided.reduce((s, v) => s + v.numerator!, 0);
      const den = decided.reduce((s, v) => s + v.denominator!, 0);
      return { value: den === 0 ? null : Math.round((1000 * num) / den) / 10, numerator: num, denominator: den, clients: den, open: decided.length < byMonth.size };
    }),
    ...SEGMENTS.map((segment) =>
      one(`avgMonthlyClients:${segment}`, { kind: 'measure', id: 'avgMonthlyClients', segment }, (byMonth) => {
        const values = [...byMonth.values()];
        const mean = values.length === 0 ? null : round1(values.reduce((s, v) => s + (v.value ?? 0), 0) / values.length);
        // The busiest month's children: a lower bound on the distinct children behind the mean.
        return { value: mean, numerator: mean, denominator: null, clients: Math.max(0, ...values.map((v) => v.clients)), open: false };
      }),
    ),
    one('outOfResidential', out, (byMonth) => byMonth.get(last) ?? { value: null, numerator: null, denominator: null, clients: 0, open: false }),
  ];
  return { from, to: last, peildatum, measures, suppression: { applied: suppress, threshold: e.threshold } };
}
