// analysis/waiting (docs/ANALYSIS.md "Wachttijden"), DOMAIN.md §5 and §8:
//   assignment → first start  first standing start's Begindatum − the first version's Toewijzingsdatum, in days,
//                             for assignments whose first start lies in the period (a start before the assignment,
//                             which iJw allows, counts as 0 days);
//   request → start           first start of the assignment(s) linked to a JW315/JW317 (same provider AGB +
//                             ReferentieAanbieder, DOMAIN.md §8) − the request's Dagtekening, starts in the period;
//   toegewezen, niet gestart  assignments without a standing start that still run at the peildatum, aged from
//                             their first Toewijzingsdatum (in-app list: ToewijzingNummer, never a pseudonym);
//   long trajectories         trajectories still running at the peildatum that began more than 18 months before it
//                             and whose latest assignment (Toewijzingsdatum) is also more than 18 months old.
import { WAIT_CLASSES, type WaitingResult } from '../contract/analysis.js';
import { fromDay } from '../domain/dates.js';
import { SEGMENTS, type Segment } from '../domain/segments.js';
import type { CareTable } from '../flows/input.js';
import { Tally, suppressTallies } from '../flows/suppress.js';
import type { Text } from '../registry.js';
import { assignmentKey, medianOf, wholeMonths, type AssignmentFact } from './assignments.js';

export interface RequestFact {
  provider: string;
  reference: string; // ReferentieAanbieder
  sent: number; // Dagtekening (day)
}

export interface WaitingInput {
  table: CareTable;
  assignments: readonly AssignmentFact[];
  requests: readonly RequestFact[];
  period: { key: string; a: number; b: number };
  municipality: string | null;
  label: (segment: Segment) => Text;
  suppress: boolean;
  threshold: number;
}

const classOf = (days: number) => WAIT_CLASSES.findIndex((c) => days >= c.min && (c.max === null || days <= c.max));

type Wait = { segment: Segment; client: number | string; days: number };

function rows(waits: Wait[], input: WaitingInput): WaitingResult['assignmentToStart'] {
  const groups = [...SEGMENTS.filter((s) => waits.some((w) => w.segment === s)), 'total' as const];
  const tallies = groups.map((g) => ({ g, count: new Tally(`${g}`, input.threshold), classes: WAIT_CLASSES.map((c) => new Tally(`${g}|${c.key}`, input.threshold)), days: [] as number[] }));
  const total = tallies[tallies.length - 1]!;
  for (const w of waits) {
    for (const t of [tallies.find((x) => x.g === w.segment)!, total]) {
      const client = typeof w.client === 'number' ? w.client : hash(w.client);
      t.count.add(client);
      t.classes[classOf(w.days)]!.add(client);
      t.days.push(w.days);
    }
  }
  const all = tallies.flatMap((t) => [t.count, ...t.classes]);
  const equations = [...tallies.map((t) => [t.count, ...t.classes]), tallies.map((t) => t.count)];
  for (let c = 0; c < WAIT_CLASSES.length; c++) equations.push(tallies.map((t) => t.classes[c]!));
  suppressTallies(all, equations, input.suppress, input.threshold);
  return tallies.map((t) => ({
    segment: t.g,
    label: t.g === 'total' ? { nl: 'Totaal', en: 'Total' } : input.label(t.g),
    count: t.count.count(),
    meanDays: t.count.hidden || t.days.length === 0 ? null : Math.round((t.days.reduce((a, b) => a + b, 0) / t.days.length) * 10) / 10,
    medianDays: t.count.hidden ? null : medianOf(t.days),
    classes: t.classes.map((c) => c.count()),
  }));
}

/** A stable number for a pseudonym (Tally counts children by number). */
function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

export function waiting(input: WaitingInput): WaitingResult {
  const { table, period } = input;
  const peil = table.peildatum ?? period.b;
  const mine = (m: string) => input.municipality === null || m === input.municipality;
  const firstStart = new Map<string, { day: number; client: number }>();
  const trajectories = new Map<number, { start: number; open: boolean; keys: Set<string>; municipality: string; provider: string; segment: Segment }>();
  for (const r of table.rows) {
    const k = assignmentKey(r);
    const cur = firstStart.get(k);
    if (!cur || r.start < cur.day) firstStart.set(k, { day: r.start, client: r.client });
    if (r.trajectory < 0) continue;
    const t = trajectories.get(r.trajectory) ?? { start: r.start, open: false, keys: new Set<string>(), municipality: r.municipality, provider: r.provider, segment: r.segment };
    t.start = Math.min(t.start, r.start);
    t.open ||= r.end === null || r.end > peil;
    t.keys.add(k);
    trajectories.set(r.trajectory, t);
  }
  const byKey = new Map(input.assignments.map((a) => [assignmentKey(a), a]));
  const inPeriod = (d: number) => d >= period.a && d <= period.b;

  const toStart: Wait[] = [];
  for (const a of input.assignments) {
    const s = firstStart.get(assignmentKey(a));
    if (!s || !inPeriod(s.day) || !mine(a.municipality)) continue;
    toStart.push({ segment: a.segment, client: s.client, days: Math.max(0, s.day - a.firstAssignedOn) });
  }
  const byReference = new Map<string, AssignmentFact[]>();
  for (const a of input.assignments) if (a.reference) byReference.set(`${a.provider}|${a.reference}`, [...(byReference.get(`${a.provider}|${a.reference}`) ?? []), a]);
  const requestWaits: Wait[] = [];
  for (const q of input.requests) {
    let best: { day: number; client: number; a: AssignmentFact } | null = null;
    for (const a of byReference.get(`${q.provider}|${q.reference}`) ?? []) {
      const s = firstStart.get(assignmentKey(a));
      if (s && mine(a.municipality) && (!best || s.day < best.day)) best = { ...s, a };
    }
    if (best && inPeriod(best.day)) requestWaits.push({ segment: best.a.segment, client: best.client, days: Math.max(0, best.day - q.sent) });
  }

  const notStarted = input.assignments
    .filter((a) => mine(a.municipality) && !firstStart.has(assignmentKey(a)) && a.firstAssignedOn <= peil && (a.end === null || a.end >= peil))
    .map((a) => ({
      municipality: a.municipality, toewijzingNr: a.toewijzingNr, provider: a.provider, product: `${a.category}/${a.code ?? ''}`, segment: a.segment,
      assignedOn: fromDay(a.firstAssignedOn), ingangsdatum: fromDay(a.start), ageDays: peil - a.firstAssignedOn,
    }))
    .sort((x, y) => y.ageDays - x.ageDays || x.municipality.localeCompare(y.municipality) || x.toewijzingNr - y.toewijzingNr);
  const classes = WAIT_CLASSES.map((_, i) => notStarted.filter((n) => classOf(n.ageDays) === i).length);

  const peilIso = fromDay(peil);
  const long: WaitingResult['longTrajectories']['items'] = [];
  for (const t of trajectories.values()) {
    if (!t.open || !mine(t.municipality) || wholeMonths(fromDay(t.start), peilIso) < 18) continue;
    let latest: AssignmentFact | null = null;
    for (const k of t.keys) {
      const a = byKey.get(k);
      if (a && (!latest || a.assignedOn > latest.assignedOn)) latest = a;
    }
    if (!latest || wholeMonths(fromDay(latest.assignedOn), peilIso) < 18) continue;
    long.push({ municipality: t.municipality, toewijzingNr: latest.toewijzingNr, provider: t.provider, segment: t.segment, start: fromDay(t.start), months: wholeMonths(fromDay(t.start), peilIso), lastAssignedOn: fromDay(latest.assignedOn) });
  }
  long.sort((x, y) => y.months - x.months || x.municipality.localeCompare(y.municipality) || x.toewijzingNr - y.toewijzingNr);

  return {
    period: { key: period.key, start: fromDay(period.a), end: fromDay(period.b) },
    assignmentToStart: rows(toStart, input),
    requestToStart: rows(requestWaits, input),
    notStarted: { total: notStarted.length, classes, items: notStarted },
    longTrajectories: { total: long.length, items: long },
    peildatum: table.peildatum === null ? null : fromDay(table.peildatum),
    suppression: { applied: input.suppress, threshold: input.threshold },
    notes: [],
  };
}
