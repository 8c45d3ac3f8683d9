// Ground truth for flows (DOMAIN.md §5–§6), computed the plain way on purpose: for every child and every
// breakdown unit a day-by-day membership array (in care that day or not), read day by day. A spell starts on a
// day in care after a day not in care and ends on a day in care before a day not in care; the day after the
// peildatum counts as in care when a period runs past it. Shares no code with core/flows.
import { day, iso } from '../dates.js';
import { ageAt, ageBand, segmentOf } from './classify.js';
import type { Truth, TruthPeriod } from './types.js';

export type FlowsGrain = 'month' | 'quarter' | 'year';
export type FlowsBy = 'region' | 'municipality' | 'segment' | 'ageband' | 'gender';
export interface TruthFlowsQuery {
  grain: FlowsGrain;
  by: FlowsBy;
  segment?: string;
  municipality?: string;
}

export interface TruthFlowCell {
  beginstand: number;
  nieuw: number;
  herhaald: number;
  doorstroom: number;
  uitstroom: number;
  reasons: Record<string, number>;
  eindstand: number;
  /** doorstroom in / out by the heaviest segment of the other care the day before / after. */
  fromBy: Record<string, number>;
  toBy: Record<string, number>;
}

export interface TruthFlows {
  periods: string[];
  /** `${period}|${group}` → figures; a missing key means all zeros. */
  cells: Map<string, TruthFlowCell>;
}

const HEAVY = ['verblijf', 'wonen', 'crisis', 'dagbehandeling', 'specialistisch', 'generalistisch', 'overig', 'jbjr'];
const REASON: Record<string, string> = {
  '31': 'gepland', '32': 'voortijdig', '33': 'voortijdig', '34': 'voortijdig', '35': 'voortijdig',
  '36': 'gemeente', '37': 'gemeente', '38': 'andereAanbieder', '39': 'anderDomein', '02': 'overlijden',
};

export function periodKeyOf(grain: FlowsGrain, date: string): string {
  const m = Number(date.slice(5, 7));
  if (grain === 'year') return date.slice(0, 4);
  if (grain === 'quarter') return `${date.slice(0, 4)}-Q${Math.ceil(m / 3)}`;
  return date.slice(0, 7);
}

function fiveYearsEarlier(d: number): number {
  const t = new Date(d * 86_400_000);
  return Date.UTC(t.getUTCFullYear() - 5, t.getUTCMonth(), t.getUTCDate()) / 86_400_000;
}

/** The heaviest segment among periods (jeugdhulp by weight, then JB/JR), or 'geen'. */
export function heaviest(periods: readonly TruthPeriod[]): string {
  let best = 'geen';
  for (const p of periods) {
    const s = segmentOf(p.category);
    if (best === 'geen' || HEAVY.indexOf(s) < HEAVY.indexOf(best)) best = s;
  }
  return best;
}

export interface Setup {
  lo: number; // day number of index 0 (a day before any care)
  peil: number;
  byChild: Map<string, TruthPeriod[]>;
  endOf: (p: TruthPeriod) => number; // last day in care, peil + 1 when it runs past the peildatum
  covers: (p: TruthPeriod, d: number) => boolean;
}

export function setup(truth: Truth): Setup {
  const peil = day(truth.peildatum);
  const byChild = new Map<string, TruthPeriod[]>();
  let first = Infinity;
  for (const p of truth.periods) {
    if (day(p.start) > peil) continue; // not yet started at the peildatum: not counted
    first = Math.min(first, day(p.start));
    const list = byChild.get(p.bsn) ?? [];
    list.push(p);
    byChild.set(p.bsn, list);
  }
  const endOf = (p: TruthPeriod) => (p.end === null || day(p.end) > peil ? peil + 1 : day(p.end));
  return { lo: first - 1, peil, byChild, endOf, covers: (p, d) => day(p.start) <= d && endOf(p) >= d };
}

export function truthFlows(truth: Truth, q: TruthFlowsQuery): TruthFlows {
  const s = setup(truth);
  const { lo, peil } = s;
  const len = peil + 2 - lo; // up to peil + 1
  const births = new Map(truth.children.map((c) => [c.bsn, c]));
  const keep = (p: TruthPeriod) => (!q.segment || segmentOf(p.category) === q.segment) && (!q.municipality || p.municipality === q.municipality);
  const unitOf = (p: TruthPeriod) => (q.by === 'municipality' ? p.municipality : q.by === 'segment' ? segmentOf(p.category) : '');
  const municipalUnit = q.by === 'municipality' || q.municipality !== undefined;
  const keyAt: string[] = []; // period key of every day index
  for (let d = lo; d <= peil + 1; d++) keyAt.push(periodKeyOf(q.grain, iso(d)));
  const periods = [...new Set(keyAt.slice(1, len - 1))];
  const cells = new Map<string, TruthFlowCell>();
  const cell = (d: number, group: string): TruthFlowCell => {
    const k = `${keyAt[d - lo]}|${group}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { beginstand: 0, nieuw: 0, herhaald: 0, doorstroom: 0, uitstroom: 0, reasons: {}, eindstand: 0, fromBy: {}, toBy: {} }));
    return c;
  };
  const bump = (r: Record<string, number>, k: string) => (r[k] = (r[k] ?? 0) + 1);
  const firstOfPeriod = (d: number) => keyAt[d - lo] !== keyAt[d - lo - 1];
  const lastOfPeriod = (d: number) => d === peil || keyAt[d - lo] !== keyAt[d - lo + 1];

  for (const [bsn, mine] of s.byChild) {
    const region = new Uint8Array(len);
    for (const p of mine) for (let d = day(p.start); d <= s.endOf(p); d++) region[d - lo] = 1;
    const units = new Map<string, TruthPeriod[]>();
    for (const p of mine) if (keep(p)) units.set(unitOf(p), [...(units.get(unitOf(p)) ?? []), p]);
    for (const [unit, ps] of units) {
      const inUnit = new Uint8Array(len);
      for (const p of ps) for (let d = day(p.start); d <= s.endOf(p); d++) inUnit[d - lo] = 1;
      let group = '';
      for (let d = lo + 1; d <= peil; d++) {
        const i = d - lo;
        if (inUnit[i] && !inUnit[i - 1]) {
          const child = births.get(bsn)!;
          group = q.by === 'region' ? 'all' : q.by === 'ageband' ? ageBand(ageAt(child.birth, iso(d))) : q.by === 'gender' ? child.gender : unit;
          const c = cell(d, group);
          if (region[i - 1]) {
            c.doorstroom++;
            bump(c.fromBy, heaviest(mine.filter((p) => s.covers(p, d - 1) && !(keep(p) && unitOf(p) === unit))));
          } else {
            let earlier = false;
            for (let e = Math.max(lo, fiveYearsEarlier(d)); e < d; e++) if (region[e - lo]) earlier = true;
            if (earlier) c.herhaald++;
            else c.nieuw++;
          }
        }
        if (inUnit[i] && inUnit[i - 1] && firstOfPeriod(d)) cell(d, group).beginstand++;
        if (inUnit[i] && !inUnit[i + 1]) {
          const c = cell(d, group);
          c.uitstroom++;
          if (d + 1 <= peil && region[i + 1]) {
            const next = mine.filter((p) => s.covers(p, d + 1));
            const here = q.by === 'municipality' ? unit : q.municipality;
            bump(c.reasons, municipalUnit && next.some((p) => p.municipality !== here) ? 'verhuizing' : 'doorstroom');
            bump(c.toBy, heaviest(next.filter((p) => !(keep(p) && unitOf(p) === unit))));
          } else {
            const ending = ps.filter((p) => p.end !== null && day(p.end) === d);
            const known = (p: TruthPeriod) => (p.endReason ?? 'onbekend') !== 'onbekend';
            ending.sort((a, b) => Number(known(b)) - Number(known(a)) || a.nr - b.nr || (a.municipality < b.municipality ? -1 : 1));
            bump(c.reasons, REASON[ending[0]?.endReason ?? ''] ?? 'onbekend');
          }
        }
        if (inUnit[i] && inUnit[i + 1] && lastOfPeriod(d)) cell(d, group).eindstand++;
      }
    }
  }
  return { periods, cells };
}

/** Doorstroom matrix: per child the heaviest segment on a − 1 and on b ('jbjr' alone, 'geen' for none). */
export function truthDoorstroom(truth: Truth, grain: FlowsGrain, period: string, municipality?: string): Map<string, number> {
  const s = setup(truth);
  let a = Infinity;
  let b = -Infinity;
  for (let d = s.lo; d <= s.peil; d++) {
    if (periodKeyOf(grain, iso(d)) !== period) continue;
    a = Math.min(a, d);
    b = Math.max(b, d);
  }
  const out = new Map<string, number>();
  for (const mine of s.byChild.values()) {
    const here = mine.filter((p) => !municipality || p.municipality === municipality);
    const from = heaviest(here.filter((p) => s.covers(p, a - 1)));
    const to = heaviest(here.filter((p) => s.covers(p, b)));
    if (from === 'geen' && to === 'geen') continue;
    out.set(`${from}>${to}`, (out.get(`${from}>${to}`) ?? 0) + 1);
  }
  return out;
}
