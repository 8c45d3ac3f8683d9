// The input of every flows analysis (and of stacking, issue 7): one row per care period, sorted by client
// and start, plus what is kept about each child. data/model/care-table.ts builds it from the fact store,
// so flows count exactly the care periods the pivot counts.
import type { Segment } from '../domain/segments.js';

export interface CareRow {
  client: number; // index into CareTable.clients
  start: number; // day number (core/domain/dates), inclusive
  end: number | null; // day number, inclusive; null = still running at the peildatum
  municipality: string; // the assigning municipality (4 digits)
  segment: Segment;
  provider: string; // AGB code
  category: string; // JZ020 product category
  product?: string; // ProductCode ('' none); optional so hand-built flows tables may leave it out (stacking lists it)
  endReason: string; // JZ588 RedenBeeindiging, else the mapped RedenWijziging, 'onbekend', or 'lopend' (still running)
  toewijzingNr: number;
  trajectory: number; // trajectory id (DOMAIN.md §5); -1 for categories that are no trajectory
}

export interface CareClient {
  pseudonym: string;
  birth: number; // yyyymm, 0 unknown
  gender: string; // iJw Geslacht: '0' unknown, '1', '2'
}

export interface CareTable {
  rows: CareRow[]; // sorted by client, then start
  offsets: Int32Array; // rows of client c: rows[offsets[c] .. offsets[c + 1])
  clients: CareClient[];
  peildatum: number | null; // day number; null = empty dataset
  firstDay: number | null; // first day of care in the data
}

/** Builds the table from rows in any order (sorts a copy). */
export function careTable(rows: readonly CareRow[], clients: CareClient[], peildatum: number | null): CareTable {
  const sorted = [...rows].sort((a, b) => a.client - b.client || a.start - b.start || a.toewijzingNr - b.toewijzingNr);
  const offsets = new Int32Array(clients.length + 1);
  for (const r of sorted) offsets[r.client + 1]!++;
  for (let c = 1; c < offsets.length; c++) offsets[c] = offsets[c]! + offsets[c - 1]!;
  let firstDay: number | null = null;
  for (const r of sorted) if (firstDay === null || r.start < firstDay) firstDay = r.start;
  return { rows: sorted, offsets, clients, peildatum, firstDay };
}

/** The rows of one client. */
export function rowsOf(table: CareTable, client: number): CareRow[] {
  return table.rows.slice(table.offsets[client]!, table.offsets[client + 1]!);
}

/** Whether the client has any care period covering `day` (optionally only rows passing `keep`). */
export function inCareOn(table: CareTable, client: number, day: number, keep?: (r: CareRow) => boolean): boolean {
  for (let i = table.offsets[client]!; i < table.offsets[client + 1]!; i++) {
    const r = table.rows[i]!;
    if (r.start > day) return false; // sorted by start
    if ((r.end === null || r.end >= day) && (!keep || keep(r))) return true;
  }
  return false;
}

/** The rows of a client covering `day`. */
export function rowsOn(table: CareTable, client: number, day: number): CareRow[] {
  const out: CareRow[] = [];
  for (let i = table.offsets[client]!; i < table.offsets[client + 1]!; i++) {
    const r = table.rows[i]!;
    if (r.start > day) break;
    if (r.end === null || r.end >= day) out.push(r);
  }
  return out;
}
