// What is kept about a child (DOMAIN.md §3): birth year-month, gender and PC4 from the latest winning JW301;
// a child seen only in other messages falls back to the latest of those for birth and gender (only a JW301
// carries an address, and only the winning version's counts, so the PC4 stays unknown then).
import type Database from 'better-sqlite3';

export interface ClientFacts {
  birth: number; // yyyymm, 0 when unknown
  gender: string; // iJw Geslacht: '0' unknown, '1' male, '2' female
  pc4: string; // PC4 of the child's own BRP address (Contact Soort 01) in the latest winning JW301; '' unknown
}

export function loadClientFacts(db: Database.Database): Map<string, ClientFacts> {
  // Winning versions first (latest Toewijzingsdatum + -tijd per assignment), then the latest of them per child.
  const rows = db
    .prepare(
      `WITH ranked AS (
         SELECT m.pseudonym, m.birth_year, m.birth_month, m.gender, m.pc4,
                ROW_NUMBER() OVER (PARTITION BY a.municipality, a.toewijzing_nr
                  ORDER BY a.toewijzingsdatum DESC, a.toewijzingstijd DESC, m.dagtekening DESC, m.identificatie DESC) AS r,
                a.toewijzingsdatum, a.toewijzingstijd, m.dagtekening, m.identificatie
           FROM assignment_version a JOIN message m ON m.id = a.message_id
          WHERE m.pseudonym IS NOT NULL)
       SELECT pseudonym, birth_year AS y, birth_month AS mo, gender, pc4, 1 AS pref, toewijzingsdatum || toewijzingstijd AS k1, dagtekening AS k2
         FROM ranked WHERE r = 1
       UNION ALL
       SELECT pseudonym, birth_year, birth_month, gender, NULL, 0, '', dagtekening
         FROM message WHERE pseudonym IS NOT NULL
       ORDER BY pref, k1, k2`,
    )
    .all() as { pseudonym: string; y: number | null; mo: number | null; gender: string | null; pc4: string | null }[];
  const out = new Map<string, ClientFacts>();
  // Ordered from least to most authoritative, so the last write per child wins.
  for (const r of rows) {
    out.set(r.pseudonym, { birth: r.y && r.mo ? r.y * 100 + r.mo : r.y ? r.y * 100 + 7 : 0, gender: r.gender ?? '0', pc4: r.pc4 ?? '' });
  }
  return out;
}
