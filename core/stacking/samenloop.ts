// Samenloop Jeugd–Wmo (issue 7, docs/STACKING.md): the same person (same pseudonym: both domains are
// pseudonymised with the installation key) with Jeugd care and with Wmo support. Pure: the Jeugd care table
// and the Wmo periods go in, the figures come out, suppressed like the other stacking figures.
// The 18th birthday is the first day of the birth month 18 years on: only year and month of birth are kept.
import type { SamenloopResult } from '../contract/stacking.js';
import { firstDayOfMonth, fromDay } from '../domain/dates.js';
import { periodDays } from '../domain/period.js';
import type { CareTable } from '../flows/input.js';
import { Tally, suppressTallies } from '../flows/suppress.js';

/** One Wmo support period: a started WMO assignment, from its start to its stop (null: still running). */
export interface WmoPeriod {
  pseudonym: string;
  municipality: string;
  start: number; // day number, inclusive
  end: number | null; // day number, inclusive
}

export interface WmoData {
  imported: boolean; // any iWmo message in the database
  periods: WmoPeriod[];
}

export interface SamenloopQuery {
  period: string;
  municipality?: string;
  suppress?: boolean;
}

/** Youth care in these days before the 18th birthday puts a child in the turning-18 cohort. */
export const BEFORE_18_DAYS = 90;
/** Wmo support that starts within this many days from the 18th birthday counts as "moved to Wmo". */
export const WMO_AFTER_18_DAYS = 365;

const overlaps = (s: number, e: number | null, a: number, b: number) => s <= b && (e === null || e >= a);

export function runSamenloop(table: CareTable, wmo: WmoData, q: SamenloopQuery, threshold: number): SamenloopResult {
  const suppress = q.suppress ?? true;
  const municipality = q.municipality ?? null;
  const { a, b } = periodDays(q.period, table.peildatum);
  const mine = (m: string) => municipality === null || m === municipality;

  const wmoOf = new Map<string, WmoPeriod[]>();
  for (const p of wmo.periods) if (mine(p.municipality)) wmoOf.set(p.pseudonym, [...(wmoOf.get(p.pseudonym) ?? []), p]);
  const cap = threshold;
  const t = {
    jeugd: new Tally('jeugd', cap), wmo: new Tally('wmo', cap), both: new Tally('both', cap), sameDay: new Tally('sameDay', cap),
    cohort: new Tally('cohort', cap), toWmo: new Tally('toWmo', cap), prolonged: new Tally('prolonged', cap), both18: new Tally('both18', cap), neither: new Tally('neither', cap),
  };
  const index = new Map<string, number>();
  table.clients.forEach((c, i) => index.set(c.pseudonym, i));
  // Wmo people get numbers after the Jeugd children, so a Tally counts each person once.
  let next = table.clients.length;
  for (const [pseudonym, periods] of wmoOf) {
    const id = index.get(pseudonym) ?? next++;
    if (periods.some((p) => overlaps(p.start, p.end, a, b))) t.wmo.add(id);
  }

  for (let c = 0; c < table.clients.length; c++) {
    const rows = table.rows.slice(table.offsets[c]!, table.offsets[c + 1]!).filter((r) => mine(r.municipality));
    if (rows.length === 0) continue;
    const client = table.clients[c]!;
    const support = wmoOf.get(client.pseudonym) ?? [];
    const inPeriod = rows.filter((r) => overlaps(r.start, r.end, a, b));
    const wmoInPeriod = support.filter((p) => overlaps(p.start, p.end, a, b));
    if (inPeriod.length > 0) t.jeugd.add(c);
    if (inPeriod.length > 0 && wmoInPeriod.length > 0) {
      t.both.add(c);
      const sameDay = inPeriod.some((r) => wmoInPeriod.some((p) => {
        const from = Math.max(r.start, p.start, a);
        const to = Math.min(r.end ?? b, p.end ?? b, b);
        return from <= to;
      }));
      if (sameDay) t.sameDay.add(c);
    }
    if (client.birth === 0) continue;
    const day18 = firstDayOfMonth(client.birth + 1800);
    if (day18 < a || day18 > b) continue;
    if (!rows.some((r) => overlaps(r.start, r.end, day18 - BEFORE_18_DAYS, day18 - 1))) continue;
    t.cohort.add(c);
    const prolonged = rows.some((r) => r.segment !== 'jbjr' && (r.end === null || r.end >= day18));
    const moved = support.some((p) => overlaps(p.start, p.end, day18, day18 + WMO_AFTER_18_DAYS - 1));
    (prolonged && moved ? t.both18 : prolonged ? t.prolonged : moved ? t.toWmo : t.neither).add(c);
  }

  suppressTallies(Object.values(t), [[t.toWmo, t.prolonged, t.both18, t.neither, t.cohort]], suppress, threshold);
  let first: number | null = null;
  let lastWmo: number | null = null;
  for (const p of wmo.periods) {
    if (first === null || p.start < first) first = p.start;
    const e = p.end ?? p.start;
    if (lastWmo === null || e > lastWmo) lastWmo = e;
  }
  return {
    query: { period: q.period, municipality, suppress },
    start: fromDay(a),
    end: fromDay(b),
    wmo: {
      imported: wmo.imported,
      firstDay: first === null ? null : fromDay(first),
      lastDay: lastWmo === null ? null : fromDay(lastWmo),
    },
    jeugd: t.jeugd.count(),
    wmoClients: t.wmo.count(),
    both: t.both.count(),
    bothSameDay: t.sameDay.count(),
    turning18: { cohort: t.cohort.count(), toWmo: t.toWmo.count(), prolonged: t.prolonged.count(), both: t.both18.count(), neither: t.neither.count() },
    peildatum: table.peildatum === null ? null : fromDay(table.peildatum),
    suppression: { applied: suppress, threshold },
  };
}
