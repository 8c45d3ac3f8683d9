// Today's monthly values of an indicator source, from the engines that already count them: the pivot for
// pivot measures (core/pivot), the flows for flow figures (core/flows), core/steering/measures.ts for the
// FoodValley measures. Exact values (suppression off); series.ts applies suppression afterwards.
import { normalisePivotQuery } from '../../core/contract/pivot.js';
import type { IndicatorSource } from '../../core/contract/steering.js';
import { fromDay } from '../../core/domain/dates.js';
import { runFlows } from '../../core/flows/stockflow.js';
import { runPivot } from '../../core/pivot/pivot.js';
import type { FactStore } from '../../core/pivot/store.js';
import { RATIO_MEASURES } from '../../core/registry.js';
import { crisisToVerblijf, monthBuckets, outOfResidential, prolongedCare, type Bucket, type MeasureValue } from '../../core/steering/measures.js';
import type { RawValue } from '../../core/steering/series.js';
import { careTableFor, flowLabel } from '../flows/handlers.js';
import { dimensionLabel } from '../labels.js';

export interface Engines {
  store: FactStore;
  threshold: number;
}

/** Pivot measure per month over `months` (rows = month, the source's filters). */
export function pivotMonths(e: Engines, measure: IndicatorSource & { kind: 'pivot' }, months: readonly string[]): Map<string, RawValue> {
  const out = new Map<string, RawValue>();
  if (months.length === 0) return out;
  const query = normalisePivotQuery({
    rows: ['month'],
    measures: [measure.measure],
    filters: [...measure.filters, ['month', '>=', months[0]!], ['month', '<=', months[months.length - 1]!]],
    suppress: false,
  });
  const peildatum = e.store.peildatum === null ? null : fromDay(e.store.peildatum);
  const r = runPivot(e.store, query, { peildatum, threshold: e.threshold, labels: dimensionLabel });
  const total = r.cols.length - 1; // no column dimensions: the one total column
  r.rows.forEach((row, i) => {
    if (row.path.length !== 1) return;
    const cell = r.cells[i]![total]!;
    out.set(row.path[0]!, { value: cell.values[0] ?? null, clients: cell.clients });
  });
  // A month without records has no row: zero for counts and sums, empty for averages and ratios.
  const ratio = RATIO_MEASURES.includes(measure.measure);
  for (const m of months) if (!out.has(m)) out.set(m, { value: ratio ? null : 0, clients: 0 });
  return out;
}

function flowMonths(e: Engines, s: IndicatorSource & { kind: 'flow' }, months: readonly string[]): Map<string, RawValue> {
  const out = new Map<string, RawValue>();
  if (months.length === 0) return out;
  const table = careTableFor(e.store);
  const r = runFlows(
    table,
    { grain: 'month', from: months[0]!, to: months[months.length - 1]!, by: 'region', segment: s.segment ?? null, municipality: s.municipality ?? null, suppress: false },
    { threshold: e.threshold, label: flowLabel },
  );
  r.periods.forEach((p, i) => {
    const c = r.cells[i]![0];
    const figure = !c
      ? { value: 0, flag: 'ok' as const }
      : { beginstand: c.beginstand, instroom: c.instroom.total, nieuw: c.instroom.nieuw, herhaald: c.instroom.herhaald, doorstroom: c.instroom.doorstroom, uitstroom: c.uitstroom.total, eindstand: c.eindstand }[s.figure];
    // Flows count spells and flag figures behind 1–4 children 'small'; a region child has one spell at a time,
    // so the count stands for its children, capped below the threshold when the flows engine says it is small.
    const v = figure.value ?? 0;
    out.set(p.key, { value: v, clients: figure.flag === 'small' ? Math.min(v, e.threshold - 1) : v });
  });
  for (const m of months) if (!out.has(m)) out.set(m, { value: 0, clients: 0 });
  return out;
}

const raw = (v: MeasureValue): RawValue => ({ value: v.value, clients: v.clients, open: v.open });

/** A FoodValley measure per bucket (months, or a range for totals; avgMonthlyClients: months only). */
export function measureMonths(e: Engines, s: IndicatorSource & { kind: 'measure' }, buckets: readonly Bucket[]): Map<string, MeasureValue> {
  const table = careTableFor(e.store);
  switch (s.id) {
    case 'crisisToVerblijf':
      return crisisToVerblijf(table, buckets, s.days);
    case 'prolongedCare':
      return prolongedCare(table, buckets, s.days);
    case 'outOfResidential':
      return outOfResidential(table, buckets, s.since);
    case 'avgMonthlyClients': {
      const months = buckets.map((b) => b.key);
      const clients = pivotMonths(e, { kind: 'pivot', measure: 'clients', filters: [['segment', '==', s.segment]] }, months);
      return new Map(months.map((m): [string, MeasureValue] => {
        const v = clients.get(m)!;
        return [m, { value: v.value, numerator: v.value, denominator: null, clients: v.clients ?? 0, open: false }];
      }));
    }
  }
}

/** The source's value in each month (months up to the peildatum). */
export function liveValues(e: Engines, s: IndicatorSource, months: readonly string[]): Map<string, RawValue> {
  if (s.kind === 'pivot') return pivotMonths(e, s, months);
  if (s.kind === 'flow') return flowMonths(e, s, months);
  return new Map([...measureMonths(e, s, monthBuckets(months))].map(([m, v]) => [m, raw(v)]));
}
