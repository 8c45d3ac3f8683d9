// Monthly counts per series segment × age band × gender × municipality, counted on the flows engine's spells
// (core/flows/spells.ts) with the unit segment × municipality, so "instroom" here is exactly the flows view's
// instroom for that segment within that municipality (DOMAIN.md §5–§6):
//   instroom  spells starting in the month; the child's age band and gender at the spell's start (as flows);
//   clients   distinct children with a spell overlapping the month; age band on the last day in care in the
//             month (DOMAIN.md §4).
import { ageBand, ageOn } from '../domain/age.js';
import { lastDayOfMonth } from '../domain/dates.js';
import type { CareTable } from '../flows/input.js';
import { spellsOf } from '../flows/spells.js';
import { UNKNOWN_BAND } from '../flows/groups.js';
import { monthIndex, yyyymmOf } from '../pivot/store.js';
import { monthOfDay } from '../domain/dates.js';

export interface SeriesKey {
  segment: string;
  ageband: string;
  gender: string;
  municipality: string;
}

export interface MonthlySeries extends SeriesKey {
  instroom: Int32Array; // indexed by month − firstMonth
  clients: Int32Array;
}

export interface SeriesSet {
  firstMonth: number; // months since 1970-01 of index 0
  months: number; // length of every array
  series: MonthlySeries[];
}

const bandOn = (birth: number, day: number) => (birth === 0 ? UNKNOWN_BAND : ageBand(ageOn(birth, day)));

export function monthlySeries(table: CareTable, filter: { segment: string | null; municipality: string | null }): SeriesSet {
  if (table.peildatum === null || table.firstDay === null) return { firstMonth: 0, months: 0, series: [] };
  const firstMonth = monthIndex(monthOfDay(table.firstDay));
  const lastMonth = monthIndex(monthOfDay(table.peildatum));
  const months = lastMonth - firstMonth + 1;
  const byKey = new Map<string, MonthlySeries & { last: Map<number, number> }>();
  const seriesOf = (segment: string, municipality: string, ageband: string, gender: string) => {
    const key = `${segment}|${ageband}|${gender}|${municipality}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { segment, ageband, gender, municipality, instroom: new Int32Array(months), clients: new Int32Array(months), last: new Map() }));
    return s;
  };
  const spells = spellsOf(table, (r) =>
    (filter.segment !== null && r.segment !== filter.segment) || (filter.municipality !== null && r.municipality !== filter.municipality) ? null : `${r.segment}|${r.municipality}`,
  );
  for (const sp of spells) {
    const client = table.clients[sp.client]!;
    const [segment, municipality] = sp.unit.split('|') as [string, string];
    const startMonth = monthIndex(monthOfDay(sp.start)) - firstMonth;
    if (startMonth >= 0 && startMonth < months) seriesOf(segment, municipality, bandOn(client.birth, sp.start), client.gender).instroom[startMonth]!++;
    const end = Math.min(sp.end, table.peildatum);
    for (let m = Math.max(0, startMonth); m <= monthIndex(monthOfDay(end)) - firstMonth && m < months; m++) {
      const lastDay = Math.min(end, lastDayOfMonth(yyyymmOf(firstMonth + m)));
      const s = seriesOf(segment, municipality, bandOn(client.birth, lastDay), client.gender);
      if (s.last.get(sp.client) === m) continue; // two spells of one child in one month: one child
      s.last.set(sp.client, m);
      s.clients[m]!++;
    }
  }
  const series = [...byKey.values()].map(({ last: _last, ...s }) => s);
  series.sort((a, b) => (a.segment + a.ageband + a.gender + a.municipality < b.segment + b.ageband + b.gender + b.municipality ? -1 : 1));
  return { firstMonth, months, series };
}
