// The analysis calls of the contract (core/contract/analysis.ts): signals, forecast, decomposition, waiting,
// delivery and the budget ceilings. Counts of children come from the flows engine's care table (one per derived
// model, shared with the flows views); money from the declaration lines with their DeclaratieDagtekening.
import type Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { Handlers } from '../../core/contract/methods.js';
import type { FactStore } from '../../core/pivot/store.js';
import type { Segment } from '../../core/domain/segments.js';
import { fromDay, toDay } from '../../core/domain/dates.js';
import { runSignals } from '../../core/analysis/signals.js';
import { decompositionResult } from '../../core/analysis/decomposition.js';
import { waiting } from '../../core/analysis/waiting.js';
import { dayPrices } from '../../core/analysis/forecast.js';
import { delivery } from '../../core/analysis/delivery.js';
import { careTableFor, flowLabel } from '../flows/handlers.js';
import { loadRequestLinks } from '../model/requests.js';
import { budgetCeilings, importBudget, readBudgetFile } from './budget.js';
import { analysisData, forecastFor, periodRange, runForecast } from './forecast.js';

type AnalysisMethods = 'analysis/signals' | 'analysis/forecast' | 'analysis/decomposition' | 'analysis/waiting' | 'analysis/delivery' | 'analysis/import-budget' | 'analysis/budgets';
export type AnalysisHandlers = Pick<Handlers, AnalysisMethods>;
export interface AnalysisModel { store: FactStore; peildatum: string | null }

const segmentLabel = (s: Segment) => flowLabel('segment', s);

export function analysisHandlers(db: Database.Database, getModel: () => Promise<AnalysisModel>, threshold: () => number): AnalysisHandlers {
  const data = async () => analysisData(db, (await getModel()).store);
  return {
    async 'analysis/signals'(args) {
      const table = careTableFor((await getModel()).store);
      const q = {
        measures: [...(args.measures ?? ['instroom', 'clients'])], from: args.from ?? null, to: args.to ?? null, segment: args.segment ?? null,
        municipality: args.municipality ?? null, direction: args.direction ?? 'both', suppress: args.suppress ?? true,
      };
      return runSignals(table, q, flowLabel, threshold());
    },
    async 'analysis/forecast'(args) {
      return runForecast(await data(), args, threshold());
    },
    async 'analysis/decomposition'(args) {
      const d = await data();
      const base = periodRange(args.base, d.table.peildatum);
      const compare = periodRange(args.compare, d.table.peildatum);
      const pick = (r: typeof base) => d.lines.filter((l) => l.month >= r.firstMonth && l.month <= r.lastMonth && (args.municipality === undefined || l.municipality === args.municipality));
      return decompositionResult({
        base: { key: args.base, start: fromDay(base.a), end: fromDay(base.b), lines: pick(base) },
        compare: { key: args.compare, start: fromDay(compare.a), end: fromDay(compare.b), lines: pick(compare) },
        label: segmentLabel, suppress: args.suppress ?? true, threshold: threshold(), peildatum: d.table.peildatum === null ? null : fromDay(d.table.peildatum),
      });
    },
    async 'analysis/waiting'(args) {
      const d = await data();
      if (d.table.peildatum === null) throw new ApiFailure('bad-request', 'there is no care in the data yet');
      const key = args.period ?? fromDay(d.table.peildatum).slice(0, 4);
      const r = periodRange(key, d.table.peildatum);
      const requests = loadRequestLinks(db).map((q) => ({ provider: q.provider, reference: q.referentieAanbieder, sent: toDay(q.dagtekening) }));
      return waiting({
        table: d.table, assignments: d.assignments, requests, period: { key, a: r.a, b: r.b }, municipality: args.municipality ?? null,
        label: segmentLabel, suppress: args.suppress ?? true, threshold: threshold(),
      });
    },
    async 'analysis/delivery'(args) {
      const d = await data();
      const peil = d.table.peildatum ?? toDay(`${args.year}-12-31`);
      const asOf = Math.min(peil, toDay(`${args.year}-12-31`));
      const mine = (m: string) => args.municipality === undefined || m === args.municipality;
      const ceilings = new Map(budgetCeilings(db, args.year).map((c) => [c.provider, c.ceiling]));
      return delivery({
        year: args.year, table: d.table, assignments: d.assignments, lines: d.lines, prices: dayPrices(d.lines, asOf), ceilings,
        providerForecast: (p) => forecastFor(d, args.year, asOf, (l) => l.provider === p && mine(l.municipality), (r) => r.provider === p && mine(r.municipality)),
        municipality: args.municipality ?? null, label: segmentLabel, suppress: args.suppress ?? true, threshold: threshold(),
      });
    },
    async 'analysis/import-budget'(args) {
      try {
        return importBudget(db, readBudgetFile(args), new Date().toISOString());
      } catch (e) {
        throw new ApiFailure('bad-request', `budget file: ${(e as Error).message}`);
      }
    },
    async 'analysis/budgets'() {
      return { ceilings: budgetCeilings(db) };
    },
  };
}
