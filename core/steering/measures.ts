// The FoodValley programme measures (docs/DEFINITIONS.md, docs/STEERING.md), per month, on the same care table
// the flows count (core/flows/input.ts): the same care periods, trajectories and spells — no second way of
// deciding who was in care when.
import { toDay } from '../domain/dates.js';
import { inCareOn, type CareRow, type CareTable } from '../flows/input.js';
import { spellsOf } from '../flows/spells.js';
import { monthDays } from './months.js';

/** One month of a measure. `open`: the figure can still change with data up to a later peildatum. */
export interface MeasureValue {
  value: number | null; // a share in % (one decimal), or a count
  numerator: number | null;
  denominator: number | null; // shares only
  clients: number; // distinct children behind it (a share: those in the denominator)
  open: boolean;
}

export const pct = (num: number, den: number): number | null => (den === 0 ? null : Math.round((1000 * num) / den) / 10);
const share = (num: number, den: number, clients: number, open: boolean): MeasureValue => ({ value: pct(num, den), numerator: num, denominator: den, clients, open });

/** Jeugdhulp for the 18+ measure: not JB/JR, and a trajectory (categories 40/42 are not, DOMAIN.md §4). */
const jeugdhulp = (r: CareRow): boolean => r.segment !== 'jbjr' && r.trajectory >= 0;
const verblijf = (r: CareRow): boolean => r.segment === 'verblijf';

/** A stretch of days the measure is counted over: a month, or a whole range for totals. */
export interface Bucket {
  key: string;
  a: number; // first day
  b: number; // last day
}

export const monthBuckets = (months: readonly string[]): Bucket[] => months.map((key) => ({ key, ...monthDays(key) }));

/** The bucket holding a day; null outside them. */
function bucketFinder(buckets: readonly Bucket[]): (day: number) => string | null {
  return (day) => buckets.find((s) => s.a <= day && day <= s.b)?.key ?? null;
}

/**
 * Crisis trajectories followed by verblijf: of the crisis trajectories starting in the month, the share whose
 * child starts a verblijf care period on or after the trajectory's start and at most `days` days after its
 * end. Open while a trajectory is undecided: not followed yet, and still running or ended less than `days`
 * days before the peildatum.
 */
export function crisisToVerblijf(table: CareTable, buckets: readonly Bucket[], days: number): Map<string, MeasureValue> {
  const peil = table.peildatum ?? -Infinity;
  const monthOf = bucketFinder(buckets);
  const trajectories = new Map<number, { client: number; start: number; end: number | null }>();
  for (const r of table.rows) {
    if (r.segment !== 'crisis' || r.trajectory < 0) continue;
    const t = trajectories.get(r.trajectory);
    if (!t) trajectories.set(r.trajectory, { client: r.client, start: r.start, end: r.end });
    else {
      t.start = Math.min(t.start, r.start);
      t.end = t.end === null || r.end === null ? null : Math.max(t.end, r.end);
    }
  }
  const tally = new Map<string, { num: number; den: number; clients: Set<number>; open: boolean }>(buckets.map(({ key: m }) => [m, { num: 0, den: 0, clients: new Set(), open: false }]));
  for (const t of trajectories.values()) {
    const m = monthOf(t.start);
    if (m === null) continue;
    const until = (t.end ?? peil) + days;
    let followed = false;
    for (let i = table.offsets[t.client]!; i < table.offsets[t.client + 1]!; i++) {
      const r = table.rows[i]!;
      if (verblijf(r) && r.start >= t.start && r.start <= until) followed = true;
    }
    const c = tally.get(m)!;
    c.den++;
    c.clients.add(t.client);
    if (followed) c.num++;
    else if (t.end === null || t.end + days > peil) c.open = true;
  }
  return new Map(buckets.map(({ key: m }): [string, MeasureValue] => {
    const c = tally.get(m)!;
    return [m, share(c.num, c.den, c.clients.size, c.open)];
  }));
}

/** The 18th birthday of a child born in yyyymm: the 15th of the birth month (DOMAIN.md §4, age). */
export function eighteenthBirthday(birth: number): number {
  const y = Math.floor(birth / 100) + 18;
  return toDay(`${y}-${String(birth % 100).padStart(2, '0')}-15`);
}

/**
 * Prolonged youth care: of the children turning 18 in the month who were in jeugdhulp on the last day of the
 * month before (only the birth month is known, so that is the last day they were surely 17), the share still in
 * jeugdhulp `days` days after the 18th birthday (the 15th). Open (value null) while that day lies after the
 * peildatum for some birthday in the month.
 */
export function prolongedCare(table: CareTable, buckets: readonly Bucket[], days: number): Map<string, MeasureValue> {
  const peil = table.peildatum ?? -Infinity;
  const monthOf = bucketFinder(buckets);
  const tally = new Map(buckets.map(({ key }) => [key, { num: 0, den: 0 }]));
  for (let c = 0; c < table.clients.length; c++) {
    const birth = table.clients[c]!.birth;
    if (birth === 0) continue;
    const b = eighteenthBirthday(birth);
    const m = monthOf(b);
    if (m === null || !inCareOn(table, c, b - 15, jeugdhulp)) continue; // b − 15: the last day of the month before
    const t = tally.get(m)!;
    t.den++;
    if (inCareOn(table, c, b + days, jeugdhulp)) t.num++;
  }
  return new Map(buckets.map(({ key: m, b }): [string, MeasureValue] => {
    const t = tally.get(m)!;
    if (b + days > peil) return [m, { value: null, numerator: null, denominator: t.den, clients: t.den, open: true }];
    return [m, share(t.num, t.den, t.den, false)];
  }));
}

/**
 * Children out of residential care since `since` (cumulative): at the end of each month (or the peildatum),
 * the children with a verblijf spell (their verblijf care merged across providers, DOMAIN.md §5) that ended on
 * or after `since` and who are not in verblijf that day. A child who returns and leaves again counts once.
 */
export function outOfResidential(table: CareTable, buckets: readonly Bucket[], since: string): Map<string, MeasureValue> {
  const from = toDay(since);
  const peil = table.peildatum ?? -Infinity;
  const byClient = new Map<number, { ends: number[]; spans: [number, number][] }>();
  for (const s of spellsOf(table, (r) => (verblijf(r) ? '' : null))) {
    const e = byClient.get(s.client) ?? { ends: [], spans: [] };
    if (s.end >= from && s.end !== Infinity) e.ends.push(s.end);
    e.spans.push([s.start, s.end]);
    byClient.set(s.client, e);
  }
  return new Map(buckets.map(({ key: m, b }): [string, MeasureValue] => {
    const day = Math.min(b, peil);
    if (day < from) return [m, { value: null, numerator: null, denominator: null, clients: 0, open: false }];
    let n = 0;
    for (const { ends, spans } of byClient.values()) {
      if (ends.some((e) => e <= day) && !spans.some(([a, b]) => a <= day && day <= b)) n++;
    }
    return [m, { value: n, numerator: n, denominator: null, clients: n, open: false }];
  }));
}
