// Turns a description of one assignment (what should happen to it) into an Assignment with message dates.
import type { Day } from './dates.js';
import type { Assignment, StartMsg, StopMsg, Version } from './plan.js';
import type { Rng } from './random.js';
import type { Child, Provider } from './actors.js';
import type { Omvang } from './xml.js';

export interface Ctx {
  rng: Rng;
  providers: Provider[];
  rangeStart: Day;
  rangeEnd: Day;
  nextNr: number;
}

export interface CareSpec {
  child: Child;
  address: number;
  provider: string;
  category: string;
  start: Day;
  /** Einddatum of the first JW301 version; null = open-ended assignment. */
  assignedEnd: Day | null;
  stop?: { end: Day; reason: string };
  extendTo?: Day;
  /** Intrekking: a later version with an earlier Einddatum (RedenWijziging 05, or the given reason). */
  shortenTo?: Day;
  shortenReason?: string;
  remove?: boolean;
  notStarted?: boolean;
  /** A start with this wrong Begindatum is sent first and retracted (StatusAanlevering 3). */
  wrongStart?: Day;
  tempStopEnd?: Day;
  request?: boolean;
}

const REFERRERS = ['01', '01', '01', '01', '02', '02', '03', '04', '05', '06', '08'];

function time(rng: Rng): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(rng.int(8, 17))}:${two(rng.int(0, 59))}:${two(rng.int(0, 59))}`;
}

/** Omvang per category: units the declarations use as well (DOMAIN.md §8 effective price). Verblijf is 7
 *  etmalen per week (Frequentie 2), as a real assignment says, so realisation (analysis/delivery) is near 100 %. */
export function unitOf(category: string): { unit: string; frequency: Omvang['frequency']; tariff: number } {
  switch (category) {
    case '43': return { unit: '14', frequency: '2', tariff: 19000 };
    case '44': return { unit: '14', frequency: '2', tariff: 26000 };
    case '46': return { unit: '14', frequency: '2', tariff: 35000 };
    case '41': return { unit: '16', frequency: '2', tariff: 6500 };
    case '54': return { unit: '01', frequency: '4', tariff: 190 };
    case '47':
    case '48': return { unit: '84', frequency: '4', tariff: 125000 };
    case '42': return { unit: '82', frequency: '4', tariff: 2500 };
    case '40': return { unit: '04', frequency: '4', tariff: 4500 };
    case '50':
    case '51': return { unit: '04', frequency: '4', tariff: 8000 };
    default: return { unit: '04', frequency: '4', tariff: 9500 };
  }
}

/** Builds the assignment, dropping every message dated after the end of the range. Null when even the first JW301 falls after it. */
export function buildAssignment(ctx: Ctx, spec: CareSpec): Assignment | null {
  const { rng, rangeStart, rangeEnd } = ctx;
  const nr = ctx.nextNr++;
  const t0 = Math.max(rangeStart, spec.start - rng.int(3, 25));
  if (t0 > rangeEnd) return null;
  const u = unitOf(spec.category);
  const omvang: Omvang = { volume: u.unit === '14' ? 7 : u.unit === '01' ? 240 : rng.int(1, 8), unit: u.unit, frequency: u.frequency };
  const versions: Version[] = [{ date: t0, time: time(rng), end: spec.assignedEnd }];
  const a: Assignment = {
    child: spec.child,
    address: spec.address,
    municipality: spec.child.addresses[spec.address]!.municipality,
    provider: spec.provider,
    nr,
    category: spec.category,
    code: `${spec.category}A${String(rng.int(1, 6)).padStart(2, '0')}`,
    start: spec.start,
    omvang,
    versions,
    starts: [],
    stops: [],
  };
  if (spec.request) a.request = { reference: `RA${nr}`, sent: Math.max(rangeStart, t0 - rng.int(3, 30)), referrer: rng.pick(REFERRERS) };
  let last = t0;
  const addVersion = (date: Day, end: Day | null, reason: string) => {
    last = Math.max(last + 1, date);
    versions.push({ date: last, time: time(rng), end, reason });
  };
  if (spec.extendTo !== undefined) addVersion((spec.assignedEnd ?? spec.start) - rng.int(10, 40), spec.extendTo, '04');
  if (spec.shortenTo !== undefined) addVersion(spec.shortenTo - rng.int(5, 30), spec.shortenTo, spec.shortenReason ?? '05');
  let startSent = spec.start + rng.int(1, 20);
  if (!spec.notStarted) {
    if (spec.wrongStart !== undefined) {
      const sent = Math.max(t0, spec.wrongStart + rng.int(1, 10));
      const retractedOn = sent + rng.int(3, 20);
      a.starts.push({ start: spec.wrongStart, sent, retractedOn });
      startSent = Math.max(startSent, retractedOn + 1);
    }
    a.starts.push({ start: spec.start, sent: Math.max(t0, startSent) });
  }
  if (spec.remove) addVersion(Math.max(last, startSent) + rng.int(5, 40), winningEnd(versions), '13');
  if (spec.tempStopEnd !== undefined) a.stops.push({ end: spec.tempStopEnd, reason: '20', sent: spec.tempStopEnd + rng.int(1, 15) });
  if (spec.stop) a.stops.push({ ...spec.stop, sent: Math.max(startSent, spec.stop.end) + rng.int(1, 25) });
  return clipToRange(a, rangeEnd);
}

function winningEnd(versions: Version[]): Day | null {
  return versions[versions.length - 1]?.end ?? null;
}

function clipToRange(a: Assignment, rangeEnd: Day): Assignment {
  a.versions = a.versions.filter((v) => v.date <= rangeEnd);
  const starts: StartMsg[] = [];
  for (const s of a.starts) {
    if (s.sent > rangeEnd) continue;
    starts.push(s.retractedOn !== undefined && s.retractedOn > rangeEnd ? { start: s.start, sent: s.sent } : s);
  }
  a.starts = starts;
  const stops: StopMsg[] = a.stops.filter((s) => s.sent <= rangeEnd);
  // A stop without a standing start is never sent: there is nothing to stop.
  a.stops = a.starts.some((s) => s.retractedOn === undefined) ? stops : [];
  if (a.request && a.request.sent > rangeEnd) delete a.request;
  return a;
}
