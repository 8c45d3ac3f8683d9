// The assignment rules of the import checks (docs/IMPORT.md "Controles"), run over the temp tables checks.ts
// prepares: chk_msg (messages the batch holds), chk_line (declaration lines it holds), chk_key (assignments it
// touches: has_version / has_start / has_line), chk_winner (their winning versions, by data/model/careperiods.ts)
// and chk_scope (the declaration lines of those assignments, with in_batch and has_version).
import type Database from 'better-sqlite3';
import { fromDay, toDay } from '../../core/domain/dates.js';
import { deriveCarePeriods, type StartRow } from '../model/careperiods.js';

export interface CheckWarning {
  code: string;
  detail: string;
  count: number;
  examples: string[];
}

/** At most this many examples per rule; the count is always complete. */
export const MAX_EXAMPLES = 10;
/** An assignment this many days (or more) past its Ingangsdatum at the peildatum should have started. */
export const NOT_STARTED_DAYS = 60;

export interface Grouped<T> {
  count: number;
  rows: T[];
}

/** The complete count of a query's rows and its first MAX_EXAMPLES rows in the given order. */
export function grouped<T>(db: Database.Database, from: string, orderBy: string, params: unknown[] = []): Grouped<T> {
  const rows = db
    .prepare(`SELECT *, count(*) OVER () AS total FROM (${from}) ORDER BY ${orderBy} LIMIT ${MAX_EXAMPLES}`)
    .all(...params) as (T & { total: number })[];
  return { count: rows[0]?.total ?? 0, rows };
}

export const period = (begin: string, end: string | null): string => `${begin}..${end ?? 'open'}`;

interface Candidate {
  municipality: string;
  provider: string;
  nr: number;
  ingangsdatum: string;
}

/** not-started-60d: winning, not withdrawn, Ingangsdatum ≥ 60 days before the peildatum, no standing JW305. */
export function notStarted(db: Database.Database, peildatum: string): CheckWarning[] {
  const cutoff = fromDay(toDay(peildatum) - NOT_STARTED_DAYS);
  const scope = `FROM chk_key k CROSS JOIN chk_winner w ON w.municipality = k.municipality AND w.toewijzing_nr = k.toewijzing_nr`;
  const where = `WHERE (k.has_version = 1 OR k.has_start = 1) AND w.deleted = 0 AND w.ingangsdatum <= ?`;
  const candidates = db
    .prepare(`SELECT w.municipality, w.provider, w.toewijzing_nr AS nr, w.ingangsdatum ${scope} ${where}`)
    .all(cutoff) as Candidate[];
  const starts = db
    .prepare(
      `SELECT s.municipality, s.provider, s.toewijzing_nr AS toewijzingNr, s.product_category AS productCategory,
              s.product_code AS productCode, s.begindatum, s.status_aanlevering AS statusAanlevering, NULL AS pseudonym,
              m.dagtekening, m.identificatie
         ${scope} CROSS JOIN care_start s ON s.municipality = k.municipality AND s.toewijzing_nr = k.toewijzing_nr
         JOIN message m ON m.id = s.message_id ${where}`,
    )
    .all(cutoff) as StartRow[];
  // The model's own rule decides which starts stand: derived from the starts alone (no assignments, no
  // stops), it yields one care period per standing start, and nothing for a retracted one.
  const started = new Set(deriveCarePeriods([], starts, []).periods.map((p) => `${p.municipality}|${p.toewijzingNr}`));
  const found = candidates
    .filter((c) => !started.has(`${c.municipality}|${c.nr}`))
    .sort((a, b) => cmp(a.municipality, b.municipality) || cmp(a.provider, b.provider) || cmp(a.ingangsdatum, b.ingangsdatum) || a.nr - b.nr);
  if (found.length === 0) return [];
  const days = (d: string): number => toDay(peildatum) - toDay(d);
  return [
    {
      code: 'not-started-60d',
      detail: `${found.length} assignment(s) without a start (JW305) ${NOT_STARTED_DAYS} days or more after their Ingangsdatum (peildatum ${peildatum})`,
      count: found.length,
      examples: found
        .slice(0, MAX_EXAMPLES)
        .map((c) => `municipality ${c.municipality}, provider ${c.provider}, ToewijzingNummer ${c.nr}: Ingangsdatum ${c.ingangsdatum}, ${days(c.ingangsdatum)} days before the peildatum`),
    },
  ];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface LineFinding {
  code: 'declaration-outside-assignment' | 'declaration-no-assignment';
  municipality: string;
  provider: string;
  nr: number;
  ref: string;
  declarationId: number;
  b: string;
  e: string;
  wi: string | null;
  we: string | null;
  deleted: number | null;
  total: number;
}

/** declaration-outside-assignment and declaration-no-assignment, over the lines the batch holds and the lines
 *  of the assignments it holds a JW301 version of. */
export function outsideAssignment(db: Database.Database): CheckWarning[] {
  const rows = db
    .prepare(
      `WITH found AS (
         SELECT CASE WHEN w.municipality IS NULL OR w.deleted = 1 THEN 'declaration-no-assignment' ELSE 'declaration-outside-assignment' END AS code,
                l.municipality, l.provider, l.nr, l.ref, l.declaration_id AS declarationId, l.b, l.e,
                w.ingangsdatum AS wi, w.einddatum AS we, w.deleted
           FROM chk_scope l LEFT JOIN chk_winner w ON w.municipality = l.municipality AND w.toewijzing_nr = l.nr
          WHERE (l.in_batch = 1 OR l.has_version = 1)
            AND (w.municipality IS NULL OR w.deleted = 1 OR l.b < w.ingangsdatum OR (w.einddatum IS NOT NULL AND l.e > w.einddatum)))
       SELECT * FROM (SELECT *, count(*) OVER (PARTITION BY code) AS total,
                             row_number() OVER (PARTITION BY code ORDER BY municipality, provider, nr, b, ref) AS rn FROM found)
        WHERE rn <= ${MAX_EXAMPLES} ORDER BY code DESC, rn`,
    )
    .all() as LineFinding[];
  const number = db.prepare('SELECT declaratie_nummer FROM declaration WHERE id = ?').pluck();
  const out: CheckWarning[] = [];
  for (const code of ['declaration-outside-assignment', 'declaration-no-assignment'] as const) {
    const mine = rows.filter((r) => r.code === code);
    if (mine.length === 0) continue;
    const count = mine[0]!.total;
    const line = (r: LineFinding): string =>
      `municipality ${r.municipality}, provider ${r.provider}, ToewijzingNummer ${r.nr}: ReferentieNummer ${r.ref} ` +
      `(DeclaratieNummer ${number.get(r.declarationId) as string}), ProductPeriode ${period(r.b, r.e)}`;
    out.push(
      code === 'declaration-outside-assignment'
        ? {
            code,
            detail: `${count} declaration line(s) whose ProductPeriode is not within the period of their assignment (winning version)`,
            count,
            examples: mine.map((r) => `${line(r)}; assignment ${period(r.wi!, r.we)}`),
          }
        : {
            code,
            detail: `${count} declaration line(s) whose ToewijzingNummer has no assignment (no JW301, or withdrawn with RedenWijziging 13)`,
            count,
            examples: mine.map((r) => `${line(r)}; ${r.deleted === 1 ? 'assignment withdrawn (RedenWijziging 13)' : 'no assignment (JW301) known'}`),
          },
    );
  }
  return out;
}
