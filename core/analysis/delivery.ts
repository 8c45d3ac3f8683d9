// analysis/delivery (docs/ANALYSIS.md "Toegewezen versus geleverd") for year Y, counted up to the peildatum:
//   realisation       per segment × unit: Σ GeleverdVolume of the lines of assignments with an Omvang ÷ the Omvang
//                     over the days of Y the assignment ran (Frequentie 1 per dag × days, 2 per week × days/7,
//                     4 per maand × days × 12/365.25, 6 totaal × the share of the assignment's days in Y; an
//                     open-ended 'totaal' cannot be spread and is left out). Minutes (01) count as hours (04).
//   never used        assignments that ended in Y (by the peildatum) with no standing start and no line;
//   open commitments  started assignments still running on the reference day (31 December of Y, or the peildatum
//                     when earlier): their days from then to the end of Y (open einde: to the end of Y) × the
//                     recent price per care day of their category (analysis/forecast's dayPrices);
//   providers         claimed in Y against the imported ceiling; at-risk when the forecast exceeds it.
import type { DeliveryResult } from '../contract/analysis.js';
import { lastDayOfMonth } from '../domain/dates.js';
import { SEGMENTS, type Segment } from '../domain/segments.js';
import type { CareTable } from '../flows/input.js';
import type { Text } from '../registry.js';
import { assignmentKey, type AssignmentFact } from './assignments.js';
import { figure } from './figures.js';
import type { AnalysisLine } from './money.js';

export interface DeliveryInput {
  year: number;
  table: CareTable;
  assignments: readonly AssignmentFact[];
  lines: readonly AnalysisLine[]; // all lines (filtered here to Y and the municipality)
  prices: ReadonlyMap<string, number>; // per category, eurocent per care day
  ceilings: ReadonlyMap<string, number>; // provider → eurocent for Y
  providerForecast: (provider: string) => number; // eurocent
  municipality: string | null;
  label: (segment: Segment) => Text;
  suppress: boolean;
  threshold: number;
}

const hours = (unit: string | null, v: number): [string, number] => (unit === '01' ? ['04', v / 60] : [unit ?? '', v]);

/** Omvang over the days [a, b] (inclusive) of an assignment; null when it cannot be spread. */
export function assignedVolume(a: AssignmentFact, from: number, to: number): number | null {
  if (a.volume === null) return null;
  const s = Math.max(a.start, from);
  const e = Math.min(a.end ?? Infinity, to);
  const days = e - s + 1;
  if (days <= 0) return 0;
  switch (a.frequency) {
    case '1': return a.volume * days;
    case '2': return (a.volume * days) / 7;
    case '4': return (a.volume * days * 12) / 365.25;
    case '6': return a.end === null ? null : (a.volume * days) / (a.end - a.start + 1);
    default: return null;
  }
}

export function delivery(input: DeliveryInput): DeliveryResult {
  const { year, table } = input;
  const y0 = Date.UTC(year, 0, 1) / 86_400_000;
  const peil = table.peildatum ?? lastDayOfMonth(year * 100 + 12);
  const y1 = Math.min(lastDayOfMonth(year * 100 + 12), peil);
  const yearEnd = lastDayOfMonth(year * 100 + 12);
  const mine = (m: string) => input.municipality === null || m === input.municipality;
  const started = new Set(table.rows.map((r) => assignmentKey(r)));
  const lines = input.lines.filter((l) => Math.floor(l.month / 100) === year && mine(l.municipality));
  const linesOf = new Map<string, AnalysisLine[]>();
  for (const l of input.lines) if (mine(l.municipality)) linesOf.set(assignmentKey(l), [...(linesOf.get(assignmentKey(l)) ?? []), l]);
  const f = (v: number, children: number) => figure(v, children, input.suppress, input.threshold);

  // Realisation.
  const real = new Map<string, { segment: Segment; unit: string; n: number; clients: Set<string>; assigned: number; delivered: number }>();
  for (const a of input.assignments) {
    if (!mine(a.municipality) || !started.has(assignmentKey(a)) || a.start > y1 || (a.end !== null && a.end < y0)) continue;
    const assigned = assignedVolume(a, y0, y1);
    if (assigned === null) continue;
    const [unit, amount] = hours(a.unit, assigned);
    const key = `${a.segment}|${unit}`;
    const r = real.get(key) ?? { segment: a.segment, unit, n: 0, clients: new Set<string>(), assigned: 0, delivered: 0 };
    r.n++;
    if (a.client) r.clients.add(a.client);
    r.assigned += amount;
    for (const l of linesOf.get(assignmentKey(a)) ?? []) {
      if (Math.floor(l.month / 100) !== year) continue;
      const [u, v] = hours(l.unit, l.volume);
      if (u === unit) r.delivered += v;
    }
    real.set(key, r);
  }
  const realisation = [...real.values()]
    .sort((a, b) => SEGMENTS.indexOf(a.segment) - SEGMENTS.indexOf(b.segment) || a.unit.localeCompare(b.unit))
    .map((r) => {
      const assigned = f(round2(r.assigned), r.clients.size);
      const delivered = f(round2(r.delivered), r.clients.size);
      return {
        segment: r.segment, unit: r.unit, label: input.label(r.segment), assignments: r.n, clients: f(r.clients.size, r.clients.size), assigned, delivered,
        realisation: assigned.value === null || delivered.value === null || r.assigned === 0 ? null : Math.round((r.delivered / r.assigned) * 1000) / 1000,
      };
    });

  // Never used and open commitments, per segment.
  const reference = Math.min(yearEnd, peil);
  const per = () => new Map<Segment, { n: number; clients: Set<string>; amount: number }>();
  const never = per();
  const open = per();
  const add = (m: ReturnType<typeof per>, a: AssignmentFact, amount: number) => {
    const t = m.get(a.segment) ?? { n: 0, clients: new Set<string>(), amount: 0 };
    t.n++;
    if (a.client) t.clients.add(a.client);
    t.amount += amount;
    m.set(a.segment, t);
  };
  for (const a of input.assignments) {
    if (!mine(a.municipality)) continue;
    const k = assignmentKey(a);
    if (a.end !== null && a.end >= y0 && a.end <= y1 && !started.has(k) && !linesOf.has(k)) add(never, a, 0);
    if (started.has(k) && a.start <= reference && (a.end === null || a.end > reference)) {
      const days = Math.max(0, Math.min(a.end ?? yearEnd, yearEnd) - reference);
      add(open, a, Math.round(days * (input.prices.get(a.category) ?? 0)));
    }
  }
  const segmentRows = (m: ReturnType<typeof per>, money: boolean) =>
    SEGMENTS.filter((s) => m.has(s)).map((s) => {
      const t = m.get(s)!;
      return { segment: s, label: input.label(s), assignments: f(t.n, t.clients.size), clients: f(t.clients.size, t.clients.size), amount: money ? f(t.amount, t.clients.size) : null };
    });

  // Providers.
  const prov = new Map<string, { spend: number; clients: Set<string> }>();
  for (const l of lines) {
    const t = prov.get(l.provider) ?? { spend: 0, clients: new Set<string>() };
    t.spend += l.amount;
    t.clients.add(l.client);
    prov.set(l.provider, t);
  }
  for (const p of input.ceilings.keys()) if (!prov.has(p)) prov.set(p, { spend: 0, clients: new Set() });
  const providers = [...prov.entries()]
    .sort((a, b) => b[1].spend - a[1].spend || a[0].localeCompare(b[0]))
    .map(([provider, t]) => {
      const ceiling = input.ceilings.get(provider) ?? null;
      const forecast = Math.max(t.spend, input.providerForecast(provider));
      const status: DeliveryResult['providers'][number]['status'] = ceiling === null ? 'none' : t.spend > ceiling ? 'over' : forecast > ceiling ? 'at-risk' : 'under';
      const spend = f(t.spend, t.clients.size);
      return {
        provider, clients: f(t.clients.size, t.clients.size), spend, forecast: f(forecast, t.clients.size), ceiling,
        // A hidden spend is not given away by its share of the ceiling either.
        used: ceiling === null || ceiling === 0 || spend.value === null ? null : Math.round((t.spend / ceiling) * 1000) / 1000, status,
      };
    });
  return {
    year, realisation, neverUsed: segmentRows(never, false), openCommitments: segmentRows(open, true), providers,
    peildatum: table.peildatum === null ? null : new Date(table.peildatum * 86_400_000).toISOString().slice(0, 10),
    suppression: { applied: input.suppress, threshold: input.threshold },
    notes: [],
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
