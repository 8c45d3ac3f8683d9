// Breakdown units and groups of a flows query. The unit decides the spells (DOMAIN.md §5): the region (all
// care), a municipality, a segment, or — with filters — a segment within a municipality. The group is how
// spells are shown: their unit, or for gender and age band the child's band at the spell's start.
import type { FlowBreakdown } from '../contract/flows.js';
import { ageBand, ageOn } from '../domain/age.js';
import { SEGMENTS } from '../domain/segments.js';
import { AGE_BANDS, type Text } from '../registry.js';
import type { CareRow, CareTable } from './input.js';
import type { Spell } from './spells.js';

export type GroupDim = 'municipality' | 'segment' | 'gender' | 'ageband';
export type Labeller = (dim: GroupDim, key: string) => Text;

export interface UnitFilter {
  by: FlowBreakdown;
  segment: string | null;
  municipality: string | null;
}

export const ALL = 'all';
export const UNKNOWN_BAND = 'onbekend';

/** The unit of a care period under this query, or null when a filter leaves it out. */
export function unitFunction(f: UnitFilter): (r: CareRow) => string | null {
  return (r) => {
    if ((f.segment !== null && r.segment !== f.segment) || (f.municipality !== null && r.municipality !== f.municipality)) return null;
    return f.by === 'municipality' ? r.municipality : f.by === 'segment' ? r.segment : '';
  };
}

/** Whether the units are smaller than the region by municipality / by segment (doorstroom and verhuizing exist). */
export function unitParts(f: UnitFilter): { municipality: boolean; segment: boolean } {
  return { municipality: f.by === 'municipality' || f.municipality !== null, segment: f.by === 'segment' || f.segment !== null };
}

export function groupFunction(f: UnitFilter, table: CareTable): (s: Spell) => string {
  switch (f.by) {
    case 'municipality':
    case 'segment':
      return (s) => s.unit;
    case 'gender':
      return (s) => table.clients[s.client]!.gender;
    case 'ageband':
      return (s) => {
        const birth = table.clients[s.client]!.birth;
        return birth === 0 ? UNKNOWN_BAND : ageBand(ageOn(birth, s.start));
      };
    default:
      return () => ALL;
  }
}

const ORDER: Record<FlowBreakdown, readonly string[]> = {
  region: [ALL],
  municipality: [],
  segment: SEGMENTS,
  ageband: [...AGE_BANDS, UNKNOWN_BAND],
  gender: ['1', '2', '0'],
};

/** Groups in display order: the fixed order of the breakdown, else by key. */
export function orderGroups(by: FlowBreakdown, keys: Iterable<string>): string[] {
  const order = ORDER[by];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function groupLabel(f: UnitFilter, key: string, label: Labeller): Text {
  if (f.by === 'region') {
    const parts: Text[] = [];
    if (f.segment !== null) parts.push(label('segment', f.segment));
    if (f.municipality !== null) parts.push(label('municipality', f.municipality));
    if (parts.length === 0) return { nl: 'Regio (alle zorg)', en: 'Region (all care)' };
    return { nl: parts.map((p) => p.nl).join(', '), en: parts.map((p) => p.en).join(', ') };
  }
  if (key === UNKNOWN_BAND) return { nl: 'Onbekend', en: 'Unknown' };
  return label(f.by, key);
}
