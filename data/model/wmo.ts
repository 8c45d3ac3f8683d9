// Wmo support periods per person from the wmo_* tables (migration 008), simple on purpose: a started WMO
// assignment runs from its earliest Begindatum to the latest Einddatum of its stops (open while there is no
// stop). Starts and stops withdrawn with StatusAanlevering 3 are left out. Read only by query/samenloop.
import type Database from 'better-sqlite3';
import { toDay } from '../../core/domain/dates.js';
import type { WmoData } from '../../core/stacking/samenloop.js';

export function loadWmo(db: Database.Database): WmoData {
  const imported = db.prepare("SELECT EXISTS (SELECT 1 FROM message WHERE code LIKE 'WMO%')").pluck().get() === 1;
  const rows = db
    .prepare(
      `SELECT s.pseudonym, s.municipality, MIN(s.begindatum) AS start,
              (SELECT MAX(p.einddatum) FROM wmo_care_stop p
                WHERE p.municipality = s.municipality AND p.toewijzing_nr = s.toewijzing_nr AND p.status_aanlevering <> '3') AS stop
         FROM wmo_care_start s WHERE s.status_aanlevering <> '3'
        GROUP BY s.municipality, s.toewijzing_nr, s.pseudonym`,
    )
    .all() as { pseudonym: string; municipality: string; start: string; stop: string | null }[];
  return {
    imported,
    periods: rows.map((r) => ({ pseudonym: r.pseudonym, municipality: r.municipality, start: toDay(r.start), end: r.stop === null ? null : toDay(r.stop) })),
  };
}
