// Spells (DOMAIN.md §5): a child's care periods within one breakdown unit, merged when they overlap or touch
// (next start ≤ previous end + 1). Each breakdown has its own spells — that is what makes the stock-flow
// identity hold per breakdown — and each spell is classified at its start (nieuw / herhaald / doorstroom)
// and at its end (the end-reason group, DOMAIN.md §6).
import type { ReasonGroup } from '../contract/flows.js';
import { inCareOn, rowsOn, type CareRow, type CareTable } from './input.js';
import { fiveYearsBefore } from './periods.js';
import { reasonGroupOf } from './reasons.js';

export interface Spell {
  client: number;
  unit: string;
  start: number;
  end: number; // Infinity = still running at the peildatum
  last: CareRow; // the period whose end ended the spell: its end reason is the spell's
  municipality: string; // of the spell's first period (all of them, when the unit is a municipality)
  rows: CareRow[];
}

const endOf = (r: CareRow): number => (r.end === null ? Infinity : r.end);

/** Of two periods ending on the same day, the one whose reason counts: a known reason first, then the lower ToewijzingNummer. */
function decides(a: CareRow, b: CareRow): CareRow {
  const ka = a.endReason !== 'onbekend';
  const kb = b.endReason !== 'onbekend';
  if (ka !== kb) return ka ? a : b;
  if (a.toewijzingNr !== b.toewijzingNr) return a.toewijzingNr < b.toewijzingNr ? a : b;
  return a.municipality <= b.municipality ? a : b;
}

/** The spells of every child, per unit. `unitOf` returns null for periods outside the analysis (a filter). */
export function spellsOf(table: CareTable, unitOf: (r: CareRow) => string | null): Spell[] {
  const out: Spell[] = [];
  for (let c = 0; c < table.clients.length; c++) {
    const open = new Map<string, Spell>();
    for (let i = table.offsets[c]!; i < table.offsets[c + 1]!; i++) {
      const r = table.rows[i]!;
      const unit = unitOf(r);
      if (unit === null) continue;
      const cur = open.get(unit);
      if (cur && r.start <= cur.end + 1) {
        const e = endOf(r);
        if (e > cur.end) {
          cur.end = e;
          cur.last = r;
        } else if (e === cur.end) cur.last = decides(cur.last, r);
        cur.rows.push(r);
        continue;
      }
      const spell: Spell = { client: c, unit, start: r.start, end: endOf(r), last: r, municipality: r.municipality, rows: [r] };
      open.set(unit, spell);
      out.push(spell);
    }
  }
  return out;
}

export type InstroomKind = 'nieuw' | 'herhaald' | 'doorstroom';

/** Doorstroom: in care anywhere in the region the day before; else nieuw when no care in the five years before. */
export function instroomKind(table: CareTable, s: Spell): InstroomKind {
  if (inCareOn(table, s.client, s.start - 1)) return 'doorstroom';
  const from = fiveYearsBefore(s.start);
  for (let i = table.offsets[s.client]!; i < table.offsets[s.client + 1]!; i++) {
    const r = table.rows[i]!;
    if (r.start >= s.start) break;
    if (endOf(r) >= from) return 'herhaald';
  }
  return 'nieuw';
}

/**
 * Why an ended spell ended: in care elsewhere in the region the next day (up to the peildatum) is doorstroom
 * — verhuizing when the unit is a municipality and that care is assigned by another one; else the group of the
 * end reason of the period that ended the spell.
 */
export function uitstroomGroup(table: CareTable, s: Spell, municipalityUnit: boolean): ReasonGroup {
  const next = s.end + 1;
  if (table.peildatum !== null && next <= table.peildatum) {
    const on = rowsOn(table, s.client, next);
    if (on.length > 0) return municipalityUnit && on.some((r) => r.municipality !== s.municipality) ? 'verhuizing' : 'doorstroom';
  }
  return reasonGroupOf(s.last.endReason);
}
