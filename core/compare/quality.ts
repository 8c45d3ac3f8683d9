// compare/quality (issue 8, DOMAIN.md §8, docs/COMPARE.md): the message-traffic quality the figures depend on,
// per provider and for the region, for one period. The data layer reads the facts (data/compare/quality.ts);
// this file only counts. Definitions:
// - startWithin14: winning, not deleted assignments whose Ingangsdatum lies in the period and at least 14 days
//   before the peildatum; started within 14 days = a care period (standing JW305) of that assignment with
//   Begindatum ≤ Ingangsdatum + 14 days.
// - endsWithoutStop: care periods whose end lies in the period and at least 14 days before the peildatum; ended
//   without a JW307 = the end was not set by a standing definitive JW307 (the assignment's Einddatum ended it).
// - answerWithin10: JW323 declarations sent (message Dagtekening) in the period whose 10 working days have passed
//   by the peildatum, or that were answered; within = a JW325 dated ≤ 10 working days after the JW323.
// - requests: JW315/JW317 sent in the period; working days to the first JW301/JW319 (data/model/requests.ts),
//   against the norm of 5 working days.
// - retours: retour messages (JW302/306/308/316/318/320) dated in the period, and those carrying any RetourCode
//   other than 0200 ("geen opmerking").
import type { CompareQualityResult, CompareQualityRow } from '../contract/compare.js';
import { fromDay } from '../domain/dates.js';
import type { Text } from '../registry.js';
import { meanMedian, SlotBag } from './cells.js';
import { publicPeriod, type ResolvedPeriod } from './period.js';

interface Fact {
  provider: string;
  municipality: string;
}
export interface QAssignment extends Fact { client: string; toewijzingNr: number; ingang: number }
export interface QCarePeriod extends Fact { client: string; toewijzingNr: number; start: number; end: number | null; byStop: boolean }
export interface QDeclaration extends Fact { sent: number; workingDays: number | null; elapsed: number; clients: readonly string[] }
export interface QRequest extends Fact { client: string; sent: number; workingDays: number | null }
export interface QRetour extends Fact { type: string; day: number; codes: readonly string[] }

export interface QualityInput {
  period: ResolvedPeriod;
  municipality: string | null;
  assignments: readonly QAssignment[];
  periods: readonly QCarePeriod[];
  declarations: readonly QDeclaration[];
  requests: readonly QRequest[];
  retours: readonly QRetour[];
  retourTypes: readonly string[];
  providerLabel: (agb: string) => string;
  suppress: boolean;
  threshold: number;
  peildatum: number | null;
}

const NO_REMARK = '0200';
const GRACE_DAYS = 14;
const t = (nl: string, en: string): Text => ({ nl, en });
const distinct = (xs: Iterable<string>) => new Set(xs).size;

function row(bag: SlotBag, key: string, label: string, x: QualityInput, keep: (f: Fact) => boolean): () => CompareQualityRow {
  const { a, b } = x.period;
  const peil = x.peildatum ?? b;
  const share = (k: string, items: readonly { client: string }[], hits: number) => {
    const of = bag.count(`${key}|${k}`, items.length, distinct(items.map((i) => i.client)));
    const s = bag.derived(of, items.length ? hits / items.length : null);
    return () => ({ of: of.cell(), share: s.cell() });
  };
  // Starts within 14 days of the Ingangsdatum.
  const startDays = new Map<string, number[]>();
  for (const p of x.periods) if (keep(p)) startDays.set(`${p.municipality}|${p.toewijzingNr}`, [...(startDays.get(`${p.municipality}|${p.toewijzingNr}`) ?? []), p.start]);
  const due = x.assignments.filter((s) => keep(s) && s.ingang >= a && s.ingang <= b && s.ingang + GRACE_DAYS <= peil);
  const started = due.filter((s) => (startDays.get(`${s.municipality}|${s.toewijzingNr}`) ?? []).some((d) => d <= s.ingang + GRACE_DAYS)).length;
  const startWithin14 = share('start14', due, started);
  // Ends without a JW307.
  const ended = x.periods.filter((p) => keep(p) && p.end !== null && p.end >= a && p.end <= b && p.end + GRACE_DAYS <= peil);
  const endsWithoutStop = share('nostop', ended, ended.filter((p) => !p.byStop).length);
  // JW325 within 10 working days.
  const decl = x.declarations.filter((d) => keep(d) && d.sent >= a && d.sent <= b && (d.workingDays !== null || d.elapsed >= 10));
  const declOf = bag.count(`${key}|decl`, decl.length, distinct(decl.flatMap((d) => d.clients)));
  const declShare = bag.derived(declOf, decl.length ? decl.filter((d) => d.workingDays !== null && d.workingDays <= 10).length / decl.length : null);
  // Request lead time.
  const reqs = x.requests.filter((r) => keep(r) && r.sent >= a && r.sent <= b);
  const answered = reqs.filter((r) => r.workingDays !== null);
  const open = reqs.filter((r) => r.workingDays === null);
  const req = bag.count(`${key}|req`, answered.length, distinct(answered.map((r) => r.client)));
  const unanswered = bag.count(`${key}|req-open`, open.length, distinct(open.map((r) => r.client)));
  const days = answered.map((r) => r.workingDays!);
  const withinNorm = bag.derived(req, days.length ? days.filter((d) => d <= 5).length / days.length : null);
  const { mean, median } = meanMedian(days);
  // Retours: message counts (a retour carries no child), never small-cell suppressed.
  const retours = x.retourTypes.map((type) => {
    const list = x.retours.filter((r) => keep(r) && r.type === type && r.day >= a && r.day <= b);
    return { type, messages: list.length, withCodes: list.filter((r) => r.codes.some((c) => c !== NO_REMARK)).length };
  });
  return () => ({
    key,
    label,
    startWithin14: startWithin14(),
    endsWithoutStop: endsWithoutStop(),
    answerWithin10: { of: declOf.cell(), share: declShare.cell() },
    requests: {
      requests: req.cell(),
      unanswered: unanswered.cell(),
      meanWorkingDays: req.hidden ? null : mean,
      medianWorkingDays: req.hidden ? null : median,
      withinNorm: withinNorm.cell(),
    },
    retours,
  });
}

function groupBy<T extends Fact>(list: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const f of list) (m.get(f.provider) ?? m.set(f.provider, []).get(f.provider)!).push(f);
  return m;
}

export function compareQuality(x: QualityInput): CompareQualityResult {
  const inMunicipality = (f: Fact) => x.municipality === null || f.municipality === x.municipality;
  const providers = [...new Set([...x.assignments, ...x.periods, ...x.declarations, ...x.requests, ...x.retours].filter(inMunicipality).map((f) => f.provider))].sort();
  const bag = new SlotBag();
  // Each provider's own facts, grouped once: a row then reads only its own.
  const mine = (agb: string) => ({ ...x, assignments: groups.assignments.get(agb) ?? [], periods: groups.periods.get(agb) ?? [], declarations: groups.declarations.get(agb) ?? [], requests: groups.requests.get(agb) ?? [], retours: groups.retours.get(agb) ?? [] });
  const groups = {
    assignments: groupBy(x.assignments.filter(inMunicipality)),
    periods: groupBy(x.periods.filter(inMunicipality)),
    declarations: groupBy(x.declarations.filter(inMunicipality)),
    requests: groupBy(x.requests.filter(inMunicipality)),
    retours: groupBy(x.retours.filter(inMunicipality)),
  };
  const rows = providers.map((agb) => row(bag, agb, x.providerLabel(agb), mine(agb), () => true));
  const region = row(bag, 'region', 'Regio', x, inMunicipality);
  bag.suppress(x.suppress, x.threshold);
  const codes = new Map<string, number>();
  for (const r of x.retours) {
    if (!inMunicipality(r) || r.day < x.period.a || r.day > x.period.b) continue;
    for (const c of new Set(r.codes)) if (c !== NO_REMARK) codes.set(c, (codes.get(c) ?? 0) + 1);
  }
  return {
    query: { period: x.period.key, municipality: x.municipality, suppress: x.suppress },
    period: publicPeriod(x.period),
    retourTypes: [...x.retourTypes],
    retourCodes: [...codes].map(([code, messages]) => ({ code, messages })).sort((p, q) => q.messages - p.messages || (p.code < q.code ? -1 : 1)).slice(0, 20),
    providers: rows.map((r) => r()),
    region: region(),
    peildatum: x.peildatum === null ? null : fromDay(x.peildatum),
    notes: [
      t('Start binnen 14 dagen: zorgperiode (JW305) uiterlijk 14 dagen na de ingangsdatum van de toewijzing.', 'Start within 14 days: care period (JW305) at most 14 days after the assignment start date.'),
      t('Einde zonder JW307: het einde kwam van de einddatum van de toewijzing, niet van een stopbericht.', 'End without JW307: the end came from the assignment end date, not from a stop message.'),
      t('Werkdagen: maandag t/m vrijdag, feestdagen niet uitgezonderd.', 'Working days: Monday to Friday, public holidays not excluded.'),
    ],
    suppression: { applied: x.suppress, threshold: x.threshold },
  };
}
