// analysis/forecast: the data the money analyses share (built once per derived model) and the forecast call,
// per segment and for the region, with the backtest on 30 June of earlier years (core/analysis/forecast.ts).
import type Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { ForecastArgs, ForecastResult } from '../../core/contract/analysis.js';
import { backtest, Declared, forecastYear, type CareSpan } from '../../core/analysis/forecast.js';
import { figure, hiddenFigure, hiddenRows } from '../../core/analysis/figures.js';
import type { AnalysisLine } from '../../core/analysis/money.js';
import type { AssignmentFact } from '../../core/analysis/assignments.js';
import { fromDay, monthOfDay, toDay } from '../../core/domain/dates.js';
import { keyPeriod, periodDays } from '../../core/domain/period.js';
import { SEGMENTS } from '../../core/domain/segments.js';
import { monthKey } from '../../core/domain/time.js';
import type { CareRow, CareTable } from '../../core/flows/input.js';
import type { FactStore } from '../../core/pivot/store.js';
import { careTableFor, flowLabel } from '../flows/handlers.js';
import { classifierOf, loadAnalysisLines, loadAssignmentFacts } from './load.js';

export interface AnalysisData {
  table: CareTable;
  lines: AnalysisLine[];
  assignments: AssignmentFact[];
  declared: Declared;
}

const cache = new WeakMap<FactStore, AnalysisData>();
export function analysisData(db: Database.Database, store: FactStore): AnalysisData {
  let d = cache.get(store);
  if (!d) {
    const classify = classifierOf(db);
    const lines = loadAnalysisLines(db, classify);
    cache.set(store, (d = { table: careTableFor(store), lines, assignments: loadAssignmentFacts(db, classify), declared: new Declared(lines) }));
  }
  return d;
}

/** The months and days of a period key ('2024', '2024-Q2', '2024-03'), cut off at the peildatum. */
export function periodRange(key: string, peildatum: number | null): { firstMonth: number; lastMonth: number; a: number; b: number } {
  const { firstMonth, lastMonth } = keyPeriod(key);
  const { a, b } = periodDays(key, peildatum);
  if (peildatum !== null && a > peildatum) throw new ApiFailure('bad-request', `period ${key} lies after the peildatum`);
  return { firstMonth, lastMonth, a, b };
}

const spans = (rows: readonly CareRow[]): CareSpan[] => rows.map((r) => ({ start: r.start, end: r.end, category: r.category }));

/** The year-end forecast (eurocent) for the lines and care passing the filters. */
export function forecastFor(d: AnalysisData, year: number, asOf: number, line: (l: AnalysisLine) => boolean, care: (r: CareRow) => boolean): number {
  const lines = d.lines.filter(line);
  return forecastYear(new Declared(lines), lines, spans(d.table.rows.filter(care)), year, asOf).total;
}

export function runForecast(d: AnalysisData, args: ForecastArgs, threshold: number): ForecastResult {
  const peil = d.table.peildatum;
  if (peil === null) throw new ApiFailure('bad-request', 'there is no care in the data yet');
  const asOf = args.asOf === undefined ? peil : toDay(args.asOf);
  if (asOf > peil) throw new ApiFailure('bad-request', `asOf ${args.asOf} lies after the peildatum ${fromDay(peil)}`);
  if (asOf < toDay(`${args.year}-01-01`)) throw new ApiFailure('bad-request', `asOf must lie in or after ${args.year}`);
  const suppress = args.suppress ?? true;
  const mine = (m: string) => args.municipality === undefined || m === args.municipality;
  const asOfMonth = monthOfDay(asOf);
  const inYear = (l: AnalysisLine) => Math.floor(l.month / 100) === args.year && l.month <= asOfMonth && l.declared <= asOf;
  const careRows = d.table.rows.filter((r) => mine(r.municipality));
  const lines = d.lines.filter((l) => mine(l.municipality));
  const declared = args.municipality === undefined ? d.declared : new Declared(lines);
  const region = forecastYear(declared, lines, spans(careRows), args.year, asOf);

  const parts = SEGMENTS.map((segment) => {
    const segLines = lines.filter((l) => l.segment === segment);
    const segCare = careRows.filter((r) => r.segment === segment);
    const known = segLines.filter(inYear);
    const clients = new Set(known.map((l) => l.client)).size;
    const open = segCare.filter((r) => r.start <= asOf && (r.end === null || r.end >= asOf));
    return {
      segment, clients, actual: known.reduce((t, l) => t + l.amount, 0),
      forecast: forecastYear(new Declared(segLines), segLines, spans(segCare), args.year, asOf).total,
      open: new Set(open.map((r) => `${r.municipality}|${r.toewijzingNr}`)).size, openChildren: new Set(open.map((r) => r.client)).size,
    };
  }).filter((p) => p.clients > 0 || p.open > 0);
  const small = (n: number) => n > 0 && n < threshold;
  const hidden = suppress ? hiddenRows(parts, (p) => p.segment, (p) => small(p.clients), (p) => Math.abs(p.actual)) : new Map();
  const money = (segment: string, v: number, children: number) => (hidden.has(segment) ? hiddenFigure(hidden.get(segment)!) : figure(v, children, suppress, threshold));
  const regionClients = new Set(lines.filter(inYear).map((l) => l.client)).size;
  const open = careRows.filter((r) => r.start <= asOf && (r.end === null || r.end >= asOf));
  const rows: ForecastResult['rows'] = parts.map((p) => ({
    segment: p.segment, label: flowLabel('segment', p.segment), clients: figure(p.clients, p.clients, suppress, threshold),
    actual: money(p.segment, p.actual, p.clients), forecast: money(p.segment, p.forecast, p.clients), openAssignments: figure(p.open, p.openChildren, suppress, threshold),
  }));
  rows.push({
    segment: 'total', label: { nl: 'Totaal', en: 'Total' }, clients: figure(regionClients, regionClients, suppress, threshold),
    actual: figure(region.known, regionClients, suppress, threshold), forecast: figure(region.total, regionClients, suppress, threshold),
    openAssignments: figure(new Set(open.map((r) => `${r.municipality}|${r.toewijzingNr}`)).size, new Set(open.map((r) => r.client)).size, suppress, threshold),
  });
  const firstYear = d.table.firstDay === null ? args.year : Number(fromDay(d.table.firstDay).slice(0, 4));
  const bt = backtest(declared, lines, spans(careRows), firstYear, peil);
  return {
    year: args.year, asOf: fromDay(asOf),
    method: {
      nl: 'Maanden tot de peildatum: wat gedeclareerd is, aangevuld tot de zorg die liep × de recente prijs per zorgdag (declaraties van de 365 dagen ervoor); latere maanden: de zorg die in de laatste maand liep (open toewijzingen, open einde) per dag. Segmentrijen zijn elk apart voorspeld en tellen niet precies op tot het totaal.',
      en: 'Months up to the as-of date: what was declared, topped up to the care that ran × the recent price per care day (declarations of the 365 days before); later months: the care running in the last month (open assignments, open einde) per day. Segment rows are forecast one by one and need not add up to the total exactly.',
    },
    months: region.months.map((m) => ({ month: monthKey(m.month), actual: m.basis === 'expected' ? null : m.known, forecast: Math.round(m.forecast), basis: m.basis })),
    rows,
    total: { actual: region.known, forecast: region.total },
    backtest: { cutoff: '06-30', ...bt },
    peildatum: fromDay(peil),
    suppression: { applied: suppress, threshold },
    notes: [],
  };
}
