// Reference tables the pivot links to children: PC4 → wijk (kind 'wijk') and each child's school from a
// leerplicht extract (kind 'leerplicht', keyed by the same pseudonym as the iJw import, DOMAIN.md §3).
import type Database from 'better-sqlite3';

/** PC4 → wijk from every imported source; a later-imported source wins a PC4 that several define. */
export function loadWijk(db: Database.Database): Map<string, string> {
  const rows = db
    .prepare(`SELECT w.pc4, w.wijk FROM ref_wijk w
              JOIN (SELECT source, MAX(id) AS last FROM table_import WHERE kind = 'wijk' GROUP BY source) i ON i.source = w.source
              ORDER BY i.last, w.pc4`)
    .all() as { pc4: string; wijk: string }[];
  return new Map(rows.map((r) => [r.pc4, r.wijk]));
}

/** The school year ('2024-2025', from 1 August) a day falls in. */
export function schoolYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const first = date.slice(5) >= '08-01' ? y : y - 1;
  return `${first}-${first + 1}`;
}

/**
 * Each child's school (vestigingscode): from the latest school year in the extracts that is not after the
 * school year of the peildatum (any year when there is none). A child listed at several schools in that year
 * (a move during the year; the extract does not say when) gets the lowest code, so the result never depends
 * on the order of import.
 */
export function loadSchools(db: Database.Database, peildatum: string | null): Map<string, string> {
  const limit = peildatum ? schoolYearOf(peildatum) : '9999-9999';
  const rows = db
    .prepare(`SELECT pseudonym, MIN(vestigingscode) AS school FROM ref_leerplicht WHERE schooljaar <= ?
              GROUP BY pseudonym, schooljaar ORDER BY pseudonym, schooljaar`)
    .all(limit) as { pseudonym: string; school: string }[];
  return new Map(rows.map((r) => [r.pseudonym, r.school])); // per child the latest school year is written last
}
