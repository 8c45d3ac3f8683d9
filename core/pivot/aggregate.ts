// One grouping pass of the pivot: for a set of dimensions, the accumulators of every group, over the care
// facts (clients, trajectories) and the money facts (claimed, approved). Totals are separate passes with
// fewer dimensions, so every total is a distinct count over the union of its records, never a sum.
import type { Table } from 'apache-arrow';
import type { PivotFilter } from '../contract/methods.js';
import type { DimensionId } from '../registry.js';
import { ageBand, ageOn } from '../domain/age.js';
import { intColumn, keyReader, type KeyReader } from './keys.js';

export interface FactTables {
  care: Table; // one row per care period × month: client, dims, month, lastDay, birth, trajectory
  money: Table; // one row per declaration line: client, dims, month, endDay, birth, amount, approved
}

export interface Group {
  clients: Set<number>; // distinct children in care
  trajectories: Set<number>;
  anyClients: Set<number>; // children with any record in the group (suppression count)
  claimed: number;
  approved: number;
}

export const SEP = '\u0000';

function newGroup(): Group {
  return { clients: new Set(), trajectories: new Set(), anyClients: new Set(), claimed: 0, approved: 0 };
}

interface Scan {
  table: Table;
  kind: 'care' | 'money';
}

/** Rows of a table that pass every filter except the age band (which needs the cell's context). */
function passMask(table: Table, filters: PivotFilter[]): Uint8Array {
  const mask = new Uint8Array(table.numRows).fill(1);
  for (const [dim, op, value] of filters) {
    if (dim === 'ageband') continue;
    const read = keyReader(table, dim);
    const wanted = new Set(Array.isArray(value) ? value : [value]);
    const keep = op === '==' || op === 'in';
    for (let i = 0; i < mask.length; i++) if (mask[i] && wanted.has(read(i)) !== keep) mask[i] = 0;
  }
  return mask;
}

function ageFilter(filters: PivotFilter[]): ((band: string) => boolean) | null {
  const f = filters.filter(([d]) => d === 'ageband');
  if (f.length === 0) return null;
  return (band) =>
    f.every(([, op, value]) => {
      const hit = (Array.isArray(value) ? value : [value]).includes(band);
      return op === '==' || op === 'in' ? hit : !hit;
    });
}

/** Age band per row: care rows use the last day in care among the child's rows that share the group's
 *  other keys (and so its time period); money rows use the end of their product period. */
function ageBands(scan: Scan, dims: DimensionId[], mask: Uint8Array): (row: number) => string {
  const birth = intColumn(scan.table, 'birth');
  const client = intColumn(scan.table, 'client');
  if (scan.kind === 'money') {
    const end = intColumn(scan.table, 'endDay');
    return (i) => ageBand(ageOn(birth[i]!, end[i]!));
  }
  const last = intColumn(scan.table, 'lastDay');
  const others = dims.filter((d): d is Exclude<DimensionId, 'ageband'> => d !== 'ageband').map((d) => keyReader(scan.table, d));
  const context = (i: number) => `${client[i]}${SEP}${others.map((r) => r(i)).join(SEP)}`;
  const lastDay = new Map<string, number>();
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const k = context(i);
    const cur = lastDay.get(k);
    if (cur === undefined || last[i]! > cur) lastDay.set(k, last[i]!);
  }
  return (i) => ageBand(ageOn(birth[i]!, lastDay.get(context(i))!));
}

export function aggregate(tables: FactTables, dims: DimensionId[], filters: PivotFilter[], useCare: boolean, useMoney: boolean): Map<string, Group> {
  const groups = new Map<string, Group>();
  const scans: Scan[] = [];
  if (useCare) scans.push({ table: tables.care, kind: 'care' });
  if (useMoney) scans.push({ table: tables.money, kind: 'money' });
  const ageAllowed = ageFilter(filters);
  const needsAge = ageAllowed !== null || dims.includes('ageband');

  for (const scan of scans) {
    const { table, kind } = scan;
    const mask = passMask(table, filters);
    const band = needsAge ? ageBands(scan, dims, mask) : null;
    const readers: KeyReader[] = dims.map((d) => (d === 'ageband' ? band! : keyReader(table, d)));
    const client = intColumn(table, 'client');
    const trajectory = kind === 'care' ? intColumn(table, 'trajectory') : null;
    const amount = kind === 'money' ? intColumn(table, 'amount') : null;
    const approved = kind === 'money' ? intColumn(table, 'approved') : null;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      if (ageAllowed && !ageAllowed(band!(i))) continue;
      const key = readers.map((r) => r(i)).join(SEP);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = newGroup()));
      g.anyClients.add(client[i]!);
      if (trajectory) {
        g.clients.add(client[i]!);
        if (trajectory[i]! >= 0) g.trajectories.add(trajectory[i]!);
      } else {
        g.claimed += amount![i]!;
        if (approved![i]) g.approved += amount![i]!;
      }
    }
  }
  return groups;
}

