// What compare/schools reads from the reference tables (migration 005): the leerplicht extract of a school year
// (pseudonym → vestigingen), and per vestiging its DUO metadata. Several sources of one kind are merged: the
// extract by distinct (pseudonym, vestiging), the school list by the latest import per vestiging.
import type Database from 'better-sqlite3';
import type { SchoolMeta } from '../../core/compare-schools/schools.js';
import { municipalityName } from '../reference/municipalities.js';

export function schoolYears(db: Database.Database): string[] {
  return db.prepare('SELECT DISTINCT schooljaar FROM ref_leerplicht ORDER BY 1').pluck().all() as string[];
}

/** Pseudonym → the vestigingen the child is listed at in that school year. */
export function leerplichtYear(db: Database.Database, schoolYear: string): Map<string, string[]> {
  const rows = db
    .prepare('SELECT DISTINCT pseudonym, vestigingscode AS school FROM ref_leerplicht WHERE schooljaar = ? ORDER BY pseudonym, school')
    .all(schoolYear) as { pseudonym: string; school: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) (out.get(r.pseudonym) ?? out.set(r.pseudonym, []).get(r.pseudonym)!).push(r.school);
  return out;
}

/** DUO metadata per vestiging: the school list (file 02) for name and board, the pupil counts (file 06) of
 *  `countYear` for DUO's pupils, and the latest known soort and municipality from either. */
export function schoolMeta(db: Database.Database, countYear: number): Map<string, SchoolMeta> {
  const out = new Map<string, SchoolMeta>();
  const get = (code: string): SchoolMeta => {
    let m = out.get(code);
    if (!m) out.set(code, (m = { name: null, board: null, municipality: null, municipalityName: null, soort: null, duoPupils: null }));
    return m;
  };
  // Latest known soort and municipality per vestiging (SQLite takes the bare columns from the MAX(year) row).
  const latest = db
    .prepare(`SELECT vestigingscode AS code, soort, municipality, MAX(year) AS y FROM ref_school_pupils GROUP BY vestigingscode`)
    .all() as { code: string; soort: string | null; municipality: string }[];
  for (const r of latest) Object.assign(get(r.code), { soort: r.soort, municipality: r.municipality });
  const counts = db.prepare('SELECT vestigingscode AS code, MAX(pupils) AS pupils FROM ref_school_pupils WHERE year = ? GROUP BY vestigingscode').all(countYear) as { code: string; pupils: number | null }[];
  for (const r of counts) get(r.code).duoPupils = r.pupils;
  const schools = db
    .prepare(`SELECT s.vestigingscode AS code, s.name, s.board, s.municipality, s.soort FROM ref_school s
              JOIN (SELECT source, MAX(id) AS last FROM table_import WHERE kind = 'duo-schools' GROUP BY source) i ON i.source = s.source
              ORDER BY i.last`)
    .all() as { code: string; name: string | null; board: string | null; municipality: string; soort: string | null }[];
  for (const r of schools) {
    const m = get(r.code);
    m.name = r.name;
    m.board = r.board;
    m.municipality = r.municipality; // the school list's address wins over the count file
    if (r.soort) m.soort = r.soort;
  }
  for (const m of out.values()) m.municipalityName = m.municipality ? municipalityName(m.municipality) : null;
  return out;
}
