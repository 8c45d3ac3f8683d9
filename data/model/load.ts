// Reads the stored facts the model needs from SQLite. Only this file knows the table layout.
import type Database from 'better-sqlite3';
import type { AssignmentRow, StartRow, StopRow } from './careperiods.js';

export function loadAssignments(db: Database.Database): AssignmentRow[] {
  return db
    .prepare(
      `SELECT a.municipality, a.provider, a.toewijzing_nr AS toewijzingNr, a.product_category AS productCategory,
              a.product_code AS productCode, a.toewijzingsdatum, a.toewijzingstijd, a.ingangsdatum, a.einddatum,
              a.reden_wijziging AS redenWijziging, m.pseudonym, m.dagtekening, m.identificatie
         FROM assignment_version a JOIN message m ON m.id = a.message_id`,
    )
    .all() as AssignmentRow[];
}

export function loadStarts(db: Database.Database): StartRow[] {
  return db
    .prepare(
      `SELECT s.municipality, s.provider, s.toewijzing_nr AS toewijzingNr, s.product_category AS productCategory,
              s.product_code AS productCode, s.begindatum, s.status_aanlevering AS statusAanlevering,
              m.pseudonym, m.dagtekening, m.identificatie
         FROM care_start s JOIN message m ON m.id = s.message_id`,
    )
    .all() as StartRow[];
}

export function loadStops(db: Database.Database): StopRow[] {
  return db
    .prepare(
      `SELECT s.municipality, s.provider, s.toewijzing_nr AS toewijzingNr, s.product_category AS productCategory,
              s.product_code AS productCode, s.begindatum, s.einddatum, s.reden_beeindiging AS redenBeeindiging,
              s.status_aanlevering AS statusAanlevering, m.pseudonym, m.dagtekening, m.identificatie
         FROM care_stop s JOIN message m ON m.id = s.message_id`,
    )
    .all() as StopRow[];
}

/** Latest Dagtekening among JW301/JW305/JW307 messages, ignoring dates after `today` (DOMAIN.md §2). */
export function latestDagtekening(db: Database.Database, today: string): string | null {
  const row = db
    .prepare(`SELECT MAX(dagtekening) AS d FROM message WHERE code IN ('JW301','JW305','JW307') AND dagtekening <= ?`)
    .get(today) as { d: string | null };
  return row.d;
}

export function getSetting(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}
