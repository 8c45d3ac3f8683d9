// duplicate-line (docs/IMPORT.md "Controles"): two standing debit lines of one provider for the same client,
// municipality, ToewijzingNummer and ProductCode whose ProductPeriodes overlap — a likely double declaration.
// Runs over the temp table chk_scope of checks.ts, after the other line rules (it drops lines from it).
import type Database from 'better-sqlite3';
import { grouped, period, type CheckWarning } from './checks-rules.js';

interface Pair {
  municipality: string;
  provider: string;
  nr: number;
  pc: string;
  ref1: string;
  dn1: string;
  b1: string;
  e1: string;
  ref2: string;
  dn2: string;
  b2: string;
  e2: string;
}

/** Keeps the standing debit lines in chk_scope: debit (amount ≥ 0) and not credited by a credit line of the same
 *  assignment and provider that names it as VorigReferentieNummer. A credit repeats the Prestatie it cancels,
 *  so it sits in the same assignment, whose lines chk_scope holds whole. Run after the rules that need all lines. */
function standingDebits(db: Database.Database): void {
  db.exec(`
    CREATE TEMP TABLE chk_credited (provider TEXT NOT NULL, ref TEXT NOT NULL, PRIMARY KEY (provider, ref)) WITHOUT ROWID;
    INSERT OR IGNORE INTO chk_credited SELECT provider, vorig FROM chk_scope WHERE amount < 0 AND vorig IS NOT NULL;
    DELETE FROM chk_scope WHERE amount < 0 OR EXISTS (SELECT 1 FROM chk_credited c WHERE c.provider = chk_scope.provider AND c.ref = chk_scope.ref);
    CREATE INDEX temp.chk_scope_period ON chk_scope (municipality, nr, b);`);
}

export function duplicates(db: Database.Database): CheckWarning[] {
  standingDebits(db);
  // Each overlapping pair once, from its first line (by ProductPeriode begin, then id): the other line then
  // begins within the first one's ProductPeriode, which the index finds by range. The pair concerns the
  // batch when either line is held by it. Declaration numbers are looked up for the examples only.
  const pairs = grouped<Pair & { d1: number; d2: number }>(
    db,
    `SELECT a.municipality, a.provider, a.nr, a.pc, a.ref AS ref1, a.b AS b1, a.e AS e1, a.declaration_id AS d1,
            o.ref AS ref2, o.b AS b2, o.e AS e2, o.declaration_id AS d2
       FROM chk_scope a
       JOIN chk_scope o ON o.municipality = a.municipality AND o.nr = a.nr AND o.b >= a.b AND o.b <= a.e
        AND (o.b > a.b OR o.id > a.id) AND o.provider = a.provider AND o.client = a.client AND o.pc = a.pc
      WHERE a.in_batch = 1 OR o.in_batch = 1`,
    'municipality, provider, nr, b1, ref1, ref2',
  );
  const number = db.prepare('SELECT declaratie_nummer FROM declaration WHERE id = ?').pluck();
  for (const p of pairs.rows) [p.dn1, p.dn2] = [number.get(p.d1) as string, number.get(p.d2) as string];
  if (pairs.count === 0) return [];
  const line = (ref: string, dn: string, b: string, e: string): string => `ReferentieNummer ${ref} (DeclaratieNummer ${dn}, ProductPeriode ${period(b, e)})`;
  return [
    {
      code: 'duplicate-line',
      detail: `${pairs.count} pair(s) of declaration lines for the same client, assignment and ProductCode with overlapping ProductPeriodes (likely declared twice)`,
      count: pairs.count,
      examples: pairs.rows.map(
        (p) =>
          `municipality ${p.municipality}, provider ${p.provider}, ToewijzingNummer ${p.nr}, ProductCode ${p.pc || '-'}: ` +
          `${line(p.ref1, p.dn1, p.b1, p.e1)} and ${line(p.ref2, p.dn2, p.b2, p.e2)}`,
      ),
    },
  ];
}
