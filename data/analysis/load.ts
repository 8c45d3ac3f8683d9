// What the analyses read from SQLite besides the fact store: declaration lines with their DeclaratieDagtekening
// (the forecast may only use what had been declared by its as-of date), and the winning assignment versions with
// their Omvang and Toewijzingsdatum (waiting times, assigned versus delivered). Segments follow the regional
// codebook like every other figure (DOMAIN.md §4: € lines take their own ProductCode).
import type Database from 'better-sqlite3';
import { classifier, type Classifier } from '../../core/domain/codebook.js';
import { toDay } from '../../core/domain/dates.js';
import type { AnalysisLine } from '../../core/analysis/money.js';
import type { AssignmentFact } from '../../core/analysis/assignments.js';
import { DELETED, winningAssignments, type AssignmentRow } from '../model/careperiods.js';
import { loadCodebook } from '../tables/store.js';

export const classifierOf = (db: Database.Database): Classifier => classifier(loadCodebook(db));

interface LineRow {
  client: string; municipality: string; provider: string; nr: number; category: string; code: string | null;
  begin: string; finish: string; volume: number; unit: string; amount: number; declared: string; prev: string | null;
}

/** Every stored declaration line (claimed = ingediend, DOMAIN.md §8). A credit line's volume counts negative. */
export function loadAnalysisLines(db: Database.Database, classify: Classifier = classifierOf(db)): AnalysisLine[] {
  const rows = db
    .prepare(
      `SELECT l.pseudonym AS client, l.municipality, l.provider, l.toewijzing_nr AS nr, l.product_category AS category,
              l.product_code AS code, l.periode_begin AS begin, l.periode_eind AS finish, l.volume, l.eenheid AS unit, l.bedrag AS amount,
              d.declaratie_dagtekening AS declared, l.vorig_referentie_nummer AS prev
         FROM declaration_line l JOIN declaration d ON d.id = l.declaration_id`,
    )
    .all() as LineRow[];
  return rows.map((r) => ({
    client: r.client, municipality: r.municipality, provider: r.provider, toewijzingNr: r.nr,
    segment: classify.segment(r.category, r.code), product: `${r.category}/${r.code ?? ''}`, unit: r.unit,
    month: Number(r.begin.slice(0, 4)) * 100 + Number(r.begin.slice(5, 7)), days: toDay(r.finish) - toDay(r.begin) + 1,
    volume: r.amount < 0 ? -r.volume : r.volume, amount: r.amount, declared: toDay(r.declared), original: r.prev === null,
  }));
}

export type AssignmentFacts = AssignmentFact;

interface VersionRow extends AssignmentRow {
  volume: number | null;
  unit: string | null;
  frequency: string | null;
  reference: string | null;
}

/** Winning, not deleted assignment versions with what the JW301 says about their size. */
export function loadAssignmentFacts(db: Database.Database, classify: Classifier = classifierOf(db)): AssignmentFacts[] {
  const rows = db
    .prepare(
      `SELECT a.municipality, a.provider, a.toewijzing_nr AS toewijzingNr, a.product_category AS productCategory,
              a.product_code AS productCode, a.toewijzingsdatum, a.toewijzingstijd, a.ingangsdatum, a.einddatum,
              a.reden_wijziging AS redenWijziging, m.pseudonym, m.dagtekening, m.identificatie,
              a.volume, a.eenheid AS unit, a.frequentie AS frequency, a.referentie_aanbieder AS reference
         FROM assignment_version a JOIN message m ON m.id = a.message_id`,
    )
    .all() as VersionRow[];
  const firstOn = new Map<string, string>();
  for (const r of rows) {
    const k = `${r.municipality}|${r.toewijzingNr}`;
    const cur = firstOn.get(k);
    if (cur === undefined || r.toewijzingsdatum < cur) firstOn.set(k, r.toewijzingsdatum);
  }
  const out: AssignmentFacts[] = [];
  for (const [k, w] of winningAssignments(rows) as Map<string, VersionRow>) {
    if (w.redenWijziging === DELETED) continue;
    out.push({
      municipality: w.municipality, provider: w.provider, toewijzingNr: w.toewijzingNr, client: w.pseudonym, category: w.productCategory, code: w.productCode,
      segment: classify.segment(w.productCategory, w.productCode), assignedOn: toDay(w.toewijzingsdatum), firstAssignedOn: toDay(firstOn.get(k)!),
      start: toDay(w.ingangsdatum), end: w.einddatum === null ? null : toDay(w.einddatum),
      volume: w.volume, unit: w.unit, frequency: w.frequency, reference: w.reference,
    });
  }
  return out;
}
