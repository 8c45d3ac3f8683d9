// What the prospective "regie op drie" list (core/stacking/regie.ts) needs besides the care table: every child's
// requests (JW315/JW317, dated on or before the peildatum) and assignments not yet started (winning, not
// deleted, assigned on or before the peildatum, still current at it, with no care period in the care table).
// Children are matched to the care table by pseudonym; a child without care has no trajectory 2, so is skipped.
import type Database from 'better-sqlite3';
import type { Classifier } from '../../core/domain/codebook.js';
import { fromDay, toDay } from '../../core/domain/dates.js';
import type { CareTable } from '../../core/flows/input.js';
import type { Trigger } from '../../core/stacking/regie.js';
import { DELETED, winningAssignments } from '../model/careperiods.js';
import { loadAssignments } from '../model/load.js';

interface RequestRow {
  code: 'JW315' | 'JW317';
  municipality: string;
  provider: string;
  pseudonym: string;
  dagtekening: string;
  category: string | null;
  product: string | null;
}

export function loadTriggers(db: Database.Database, table: CareTable, classify: Classifier): Trigger[] {
  if (table.peildatum === null) return [];
  const peil = fromDay(table.peildatum);
  const clientOf = new Map(table.clients.map((c, i) => [c.pseudonym, i]));
  const started = new Set(table.rows.map((r) => `${r.municipality}|${r.toewijzingNr}`));
  const out: Trigger[] = [];
  const requests = db
    .prepare(
      `SELECT r.code, r.municipality, r.provider, r.pseudonym, m.dagtekening,
              (SELECT p.product_category FROM request_product p WHERE p.request_id = r.id AND p.product_category IS NOT NULL ORDER BY p.id LIMIT 1) AS category,
              (SELECT p.product_code FROM request_product p WHERE p.request_id = r.id AND p.product_category IS NOT NULL ORDER BY p.id LIMIT 1) AS product
         FROM request r JOIN message m ON m.id = r.message_id
        WHERE m.dagtekening <= ?`,
    )
    .all(peil) as RequestRow[];
  for (const r of requests) {
    const client = clientOf.get(r.pseudonym);
    if (client === undefined) continue;
    out.push({
      client, kind: 'request', code: r.code, date: toDay(r.dagtekening), municipality: r.municipality, provider: r.provider, toewijzingNr: null,
      product: r.product ?? '', segment: r.category === null ? null : classify.segment(r.category, r.product), countsAsTrajectory: true,
    });
  }
  for (const a of winningAssignments(loadAssignments(db)).values()) {
    if (a.redenWijziging === DELETED || a.toewijzingsdatum > peil || (a.einddatum !== null && a.einddatum < peil)) continue;
    if (started.has(`${a.municipality}|${a.toewijzingNr}`)) continue;
    const client = clientOf.get(a.pseudonym ?? '');
    if (client === undefined) continue;
    const segment = classify.segment(a.productCategory, a.productCode);
    out.push({
      client, kind: 'assignment', code: 'JW301', date: toDay(a.ingangsdatum), municipality: a.municipality, provider: a.provider,
      toewijzingNr: a.toewijzingNr, product: a.productCode ?? '', segment,
      countsAsTrajectory: segment !== 'jbjr' && classify.isTrajectory(a.productCategory, a.productCode),
    });
  }
  return out;
}
