// Care periods (DOMAIN.md §5) from the stored JW301/JW305/JW307 facts. Pure: takes rows, returns periods
// and the warnings a user should see, so the order in which files were imported never changes a figure.
import { toDay } from '../../core/domain/dates.js';

/** Orders messages: later Dagtekening wins, then the higher Identificatie (numeric where both are). */
export interface MessageOrder {
  dagtekening: string;
  identificatie: string;
}

export function compareMessages(a: MessageOrder, b: MessageOrder): number {
  if (a.dagtekening !== b.dagtekening) return a.dagtekening < b.dagtekening ? -1 : 1;
  const na = /^\d+$/.test(a.identificatie) ? BigInt(a.identificatie) : null;
  const nb = /^\d+$/.test(b.identificatie) ? BigInt(b.identificatie) : null;
  if (na !== null && nb !== null) return na === nb ? 0 : na < nb ? -1 : 1;
  return a.identificatie === b.identificatie ? 0 : a.identificatie < b.identificatie ? -1 : 1;
}

export interface AssignmentRow extends MessageOrder {
  municipality: string;
  provider: string;
  toewijzingNr: number;
  productCategory: string;
  productCode: string | null;
  toewijzingsdatum: string;
  toewijzingstijd: string;
  ingangsdatum: string;
  einddatum: string | null;
  redenWijziging: string | null;
  pseudonym: string | null;
}

export interface StartRow extends MessageOrder {
  municipality: string;
  provider: string;
  toewijzingNr: number;
  productCategory: string;
  productCode: string | null;
  begindatum: string;
  statusAanlevering: string;
  pseudonym: string | null;
}

export interface StopRow extends StartRow {
  einddatum: string;
  redenBeeindiging: string;
}

export interface CarePeriod {
  client: string; // pseudonym
  municipality: string;
  provider: string;
  toewijzingNr: number;
  productCategory: string;
  productCode: string | null;
  start: number; // day number, inclusive
  end: number | null; // day number, inclusive; null = open
  endReason: string | null; // RedenBeeindiging of the stop that ended it, if any
}

export interface ModelWarning {
  code: 'deleted-assignment' | 'start-without-assignment' | 'stop-without-start' | 'end-before-start';
  detail: string;
}

const RETRACTED = '3';
const TEMPORARY_STOP = '20';
export const DELETED = '13'; // RedenWijziging 13: the assignment is deleted (DOMAIN.md §5)

function latestBy<T extends MessageOrder>(rows: T[], keyOf: (r: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) {
    const k = keyOf(r);
    const cur = out.get(k);
    if (!cur || compareMessages(r, cur) > 0) out.set(k, r);
  }
  return out;
}

/** The winning version per (municipality, ToewijzingNummer): latest Toewijzingsdatum + -tijd, ties to the later message. */
export function winningAssignments(rows: AssignmentRow[]): Map<string, AssignmentRow> {
  const out = new Map<string, AssignmentRow>();
  for (const r of rows) {
    const k = `${r.municipality}|${r.toewijzingNr}`;
    const cur = out.get(k);
    if (!cur) {
      out.set(k, r);
      continue;
    }
    const a = `${r.toewijzingsdatum}T${r.toewijzingstijd}`;
    const b = `${cur.toewijzingsdatum}T${cur.toewijzingstijd}`;
    if (a > b || (a === b && compareMessages(r, cur) > 0)) out.set(k, r);
  }
  return out;
}

const assignmentKey = (r: { municipality: string; toewijzingNr: number }) => `${r.municipality}|${r.toewijzingNr}`;
const productKey = (r: StartRow) => `${r.productCategory}|${r.productCode ?? ''}`;

export function deriveCarePeriods(
  assignments: AssignmentRow[],
  starts: StartRow[],
  stops: StopRow[],
): { periods: CarePeriod[]; warnings: ModelWarning[] } {
  const warnings: ModelWarning[] = [];
  const winners = winningAssignments(assignments);

  // Standing starts: the latest message per logical key decides; StatusAanlevering 3 retracts.
  const latestStarts = latestBy(starts, (s) => `${assignmentKey(s)}|${productKey(s)}|${s.begindatum}`);
  const startsByPeriod = new Map<string, StartRow>();
  for (const s of latestStarts.values()) {
    if (s.statusAanlevering === RETRACTED) continue;
    const k = `${assignmentKey(s)}|${s.begindatum}`;
    const cur = startsByPeriod.get(k);
    if (!cur || compareMessages(s, cur) > 0) startsByPeriod.set(k, s);
  }

  // Standing definitive stops per (assignment, Begindatum); the latest message wins among several.
  const latestStops = latestBy(stops, (s) => `${assignmentKey(s)}|${productKey(s)}|${s.begindatum}|${s.redenBeeindiging}|${s.einddatum}`);
  const stopByPeriod = new Map<string, StopRow>();
  for (const s of latestStops.values()) {
    if (s.statusAanlevering === RETRACTED || s.redenBeeindiging === TEMPORARY_STOP) continue;
    const k = `${assignmentKey(s)}|${s.begindatum}`;
    if (!startsByPeriod.has(k)) {
      warnings.push({ code: 'stop-without-start', detail: `toewijzing ${s.toewijzingNr} (gemeente ${s.municipality}), begindatum ${s.begindatum}` });
      continue;
    }
    const cur = stopByPeriod.get(k);
    if (!cur || compareMessages(s, cur) > 0) stopByPeriod.set(k, s);
  }

  const periods: CarePeriod[] = [];
  for (const [k, s] of startsByPeriod) {
    const assignment = winners.get(assignmentKey(s));
    const where = `toewijzing ${s.toewijzingNr} (gemeente ${s.municipality}), begindatum ${s.begindatum}`;
    if (assignment?.redenWijziging === DELETED) {
      warnings.push({ code: 'deleted-assignment', detail: where });
      continue;
    }
    if (!assignment) warnings.push({ code: 'start-without-assignment', detail: where });
    const stop = stopByPeriod.get(k);
    const ends = [stop?.einddatum, assignment?.einddatum ?? undefined].filter((d): d is string => !!d).map(toDay);
    const start = toDay(s.begindatum);
    const end = ends.length ? Math.min(...ends) : null;
    if (end !== null && end < start) {
      warnings.push({ code: 'end-before-start', detail: where });
      continue;
    }
    const stopEnds = stop && toDay(stop.einddatum) === end;
    periods.push({
      client: s.pseudonym ?? assignment?.pseudonym ?? '',
      municipality: s.municipality,
      provider: s.provider,
      toewijzingNr: s.toewijzingNr,
      productCategory: assignment?.productCategory ?? s.productCategory,
      productCode: assignment ? assignment.productCode : s.productCode,
      start,
      end,
      endReason: stopEnds ? stop.redenBeeindiging : null,
    });
  }
  periods.sort((a, b) => a.start - b.start || a.toewijzingNr - b.toewijzingNr || a.municipality.localeCompare(b.municipality));
  return { periods, warnings };
}
