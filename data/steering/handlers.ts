// The steering calls of the contract (core/contract/steering.ts): indicators, their series and status, month
// close and the FoodValley measures. Values come from the pivot and flows engines (data/steering/values.ts);
// definitions and frozen values from SQLite (data/steering/store.ts).
import type Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { Handlers } from '../../core/contract/methods.js';
import { DEFAULT_RULE, type Indicator, type IndicatorSource, type MonthState } from '../../core/contract/steering.js';
import { fromDay } from '../../core/domain/dates.js';
import { voorlopigKeys } from '../../core/pivot/voorlopig.js';
import type { FactStore } from '../../core/pivot/store.js';
import { sourceLabel } from '../../core/steering/labels.js';
import { addMonths, monthOfDayKey, monthOfIso, monthRange } from '../../core/steering/months.js';
import { buildSeries } from '../../core/steering/series.js';
import { careTableFor } from '../flows/handlers.js';
import { listViews } from '../workbench/views.js';
import { programme } from './programme.js';
import { closedMonths, deleteIndicator, frozenValues, listIndicators, reopenMonth, storeClose, storeIndicator } from './store.js';
import { liveValues, type Engines } from './values.js';

type SteeringMethods =
  | 'indicators/list' | 'indicators/save' | 'indicators/delete' | 'indicators/series'
  | 'months/list' | 'months/close' | 'months/reopen' | 'measures/programme';
export type SteeringHandlers = Pick<Handlers, SteeringMethods>;

/** The dataset's months: first month with care, the peildatum month, and the voorlopig ones. */
function dataMonths(store: FactStore) {
  const table = careTableFor(store);
  const peil = store.peildatum === null ? null : monthOfDayKey(store.peildatum);
  const first = table.firstDay === null ? null : monthOfDayKey(table.firstDay);
  const voorlopig = new Set(voorlopigKeys(store.peildatum === null ? null : fromDay(store.peildatum)).filter((k) => k.length === 7));
  return { peil, first, voorlopig, peildatum: store.peildatum === null ? null : fromDay(store.peildatum) };
}

export function steeringHandlers(db: Database.Database, getStore: () => Promise<FactStore>, threshold: number, now: () => Date = () => new Date()): SteeringHandlers {
  const engines = async (): Promise<Engines> => ({ store: await getStore(), threshold });

  const sourceOfView = (viewId: number): IndicatorSource => {
    const view = listViews(db).find((v) => v.id === viewId);
    if (!view) throw new ApiFailure('not-found', `no saved view with id ${viewId}`);
    return { kind: 'pivot', measure: view.query.measures[0]!, filters: view.query.filters };
  };

  return {
    async 'indicators/list'() {
      return listIndicators(db);
    },
    async 'indicators/save'(args) {
      const source = args.source ?? sourceOfView(args.viewId!);
      let baseline = args.baseline.value;
      if (baseline === undefined) {
        const value = liveValues(await engines(), source, [args.baseline.period]).get(args.baseline.period)?.value ?? null;
        if (value === null) throw new ApiFailure('bad-request', `the indicator has no value in ${args.baseline.period}: give the baseline value`);
        baseline = value;
      }
      try {
        return storeIndicator(
          db,
          {
            id: args.id, name: args.name, project: args.project, source, viewId: args.viewId ?? null,
            baseline: { period: args.baseline.period, value: baseline }, target: args.target, direction: args.direction,
            rule: { ...DEFAULT_RULE, ...args.rule },
          },
          now(),
        );
      } catch (e) {
        throw new ApiFailure('bad-request', (e as Error).message);
      }
    },
    async 'indicators/delete'(args) {
      return { deleted: deleteIndicator(db, args.id) };
    },
    async 'indicators/series'(args) {
      const e = await engines();
      const d = dataMonths(e.store);
      const closed = closedMonths(db);
      const wanted = args.ids ? new Set(args.ids) : null;
      const series = listIndicators(db)
        .filter((i) => wanted === null || wanted.has(i.id))
        .map((indicator) => {
          const months = monthsOf(indicator, args.from ?? null, d.first, d.peil);
          const upToPeil = months.filter((m) => d.peil !== null && m <= d.peil);
          return buildSeries({
            indicator, label: sourceLabel(indicator.source), months,
            live: liveValues(e, indicator.source, upToPeil), frozen: frozenValues(db, indicator.id),
            closed: new Set(closed.keys()), voorlopig: d.voorlopig, peildatumMonth: d.peil,
            suppress: args.suppress ?? true, threshold,
          });
        });
      return { peildatum: d.peildatum, series, suppression: { applied: args.suppress ?? true, threshold } };
    },
    async 'months/list'() {
      const d = dataMonths(await getStore());
      const closed = closedMonths(db);
      const keys = new Set([...(d.first && d.peil ? monthRange(d.first, d.peil) : []), ...closed.keys()]);
      const months: MonthState[] = [...keys].sort().map((month) => {
        const c = closed.get(month);
        if (c) return { ...c, state: 'gesloten' };
        return { month, state: d.voorlopig.has(month) ? 'voorlopig' : 'definitief', closedAt: null, batchIds: [], peildatum: null, values: 0 };
      });
      return { peildatum: d.peildatum, months };
    },
    async 'months/close'(args) {
      const e = await engines();
      const d = dataMonths(e.store);
      if (d.peil === null || args.month > d.peil) throw new ApiFailure('bad-request', `${args.month} lies after the peildatum month (${d.peil ?? 'no data'}): it cannot be closed`);
      if (closedMonths(db).has(args.month)) throw new ApiFailure('bad-request', `${args.month} is already closed; reopen it first to close it again`);
      const values = new Map(listIndicators(db).map((i) => [i.id, liveValues(e, i.source, [args.month]).get(args.month)!]));
      storeClose(db, args.month, d.peildatum, now(), values);
      return { ...closedMonths(db).get(args.month)!, state: 'gesloten' };
    },
    async 'months/reopen'(args) {
      return { reopened: reopenMonth(db, args.month) };
    },
    async 'measures/programme'(args) {
      return programme(await engines(), args);
    },
  };
}

/** Months of an indicator's series: from `from` (default 12 months before the baseline, not before the first
 *  month with care unless the baseline is) to the later of the peildatum month and the target month. */
export function monthsOf(i: Indicator, from: string | null, first: string | null, peil: string | null): string[] {
  let start = from ?? addMonths(i.baseline.period, -12);
  if (from === null && first !== null && start < first) start = first < i.baseline.period ? first : i.baseline.period;
  const targetMonth = monthOfIso(i.target.date);
  const end = peil !== null && peil > targetMonth ? peil : targetMonth;
  return monthRange(start, end);
}
