// What the comparisons need besides the fact store, read from SQLite with the model's own derivations
// (winning assignments, care periods, the JW323 ↔ JW325 link, request links), so nothing is linked twice:
// declaration lines for the lead time, and the process facts of compare/quality. Pseudonyms are used only to
// count distinct children; they never leave this process.
import type Database from 'better-sqlite3';
import { fromDay, toDay } from '../../core/domain/dates.js';
import type { LeadLine } from '../../core/compare/leadtime.js';
import type { QAssignment, QCarePeriod, QDeclaration, QRequest, QRetour } from '../../core/compare/quality.js';
import { DELETED, deriveCarePeriods, winningAssignments } from '../model/careperiods.js';
import { loadAssignments, loadStarts, loadStops } from '../model/load.js';
import { answersByDeclaration } from '../model/money.js';
import { loadRequestLinks, workingDaysBetween } from '../model/requests.js';

/** Original debit lines (no VorigReferentieNummer, amount > 0) with their JW323's DeclaratieDagtekening. */
export function loadLeadLines(db: Database.Database): LeadLine[] {
  const rows = db
    .prepare(
      `SELECT l.provider, l.municipality, l.pseudonym AS client, l.periode_begin AS b, l.periode_eind AS e, d.declaratie_dagtekening AS declared
         FROM declaration_line l JOIN declaration d ON d.id = l.declaration_id
        WHERE l.vorig_referentie_nummer IS NULL AND l.bedrag > 0`,
    )
    .all() as { provider: string; municipality: string; client: string; b: string; e: string; declared: string }[];
  return rows.map((r) => ({ provider: r.provider, municipality: r.municipality, client: r.client, periodStart: toDay(r.b), periodEnd: toDay(r.e), declared: toDay(r.declared) }));
}

export interface QualityFacts {
  assignments: QAssignment[];
  periods: QCarePeriod[];
  declarations: QDeclaration[];
  requests: QRequest[];
  retours: QRetour[];
}

const isAgb = (code: string) => /^\d{8}$/.test(code);

export function loadQualityFacts(db: Database.Database, peildatum: number | null): QualityFacts {
  const peil = peildatum === null ? '9999-12-31' : fromDay(peildatum);
  const rows = loadAssignments(db);
  const assignments: QAssignment[] = [...winningAssignments(rows).values()]
    .filter((a) => a.redenWijziging !== DELETED && a.toewijzingsdatum <= peil)
    .map((a) => ({ provider: a.provider, municipality: a.municipality, client: a.pseudonym ?? '', toewijzingNr: a.toewijzingNr, ingang: toDay(a.ingangsdatum) }));
  const periods: QCarePeriod[] = deriveCarePeriods(rows, loadStarts(db), loadStops(db)).periods.map((p) => ({
    provider: p.provider, municipality: p.municipality, client: p.client, toewijzingNr: p.toewijzingNr, start: p.start, end: p.end, byStop: p.endReason !== null,
  }));

  const { declarations: decl, answered } = answersByDeclaration(db);
  const clientsOf = new Map<number, string[]>();
  for (const r of db.prepare('SELECT declaration_id AS id, pseudonym FROM declaration_line').all() as { id: number; pseudonym: string }[]) {
    (clientsOf.get(r.id) ?? clientsOf.set(r.id, []).get(r.id)!).push(r.pseudonym);
  }
  const declarations: QDeclaration[] = decl
    .filter((d) => d.dagtekening <= peil)
    .map((d) => {
      const answer = answered.get(d.id)?.answer.dagtekening;
      const inTime = answer !== undefined && answer <= peil ? answer : null;
      return {
        provider: d.provider, municipality: d.municipality, sent: toDay(d.dagtekening), clients: clientsOf.get(d.id) ?? [],
        workingDays: inTime === null ? null : workingDaysBetween(d.dagtekening, inTime), elapsed: workingDaysBetween(d.dagtekening, peil),
      };
    });

  const pseudonyms = new Map<string, string>();
  for (const r of db.prepare('SELECT r.provider, r.referentie_aanbieder AS ref, m.identificatie, r.pseudonym FROM request r JOIN message m ON m.id = r.message_id').all() as {
    provider: string; ref: string; identificatie: string; pseudonym: string;
  }[]) pseudonyms.set(`${r.provider}\u0000${r.ref}\u0000${r.identificatie}`, r.pseudonym);
  const requests: QRequest[] = loadRequestLinks(db)
    .filter((r) => r.dagtekening <= peil)
    .map((r) => ({
      provider: r.provider, municipality: r.municipality, sent: toDay(r.dagtekening),
      client: pseudonyms.get(`${r.provider}\u0000${r.referentieAanbieder}\u0000${r.identificatie}`) ?? '',
      workingDays: r.firstResponse && r.firstResponse.dagtekening <= peil ? r.workingDays : null,
    }));

  const retourRows = db
    .prepare(
      `SELECT r.id, m.code, r.answers_afzender AS afzender, r.answers_ontvanger AS ontvanger, m.dagtekening, r.retour_codes AS codes,
              (SELECT group_concat(e.retour_codes, ' ') FROM retour_element e WHERE e.retour_id = r.id) AS elementCodes
         FROM retour r JOIN message m ON m.id = r.message_id`,
    )
    .all() as { code: string; afzender: string; ontvanger: string; dagtekening: string; codes: string; elementCodes: string | null }[];
  const retours: QRetour[] = retourRows.map((r) => ({
    provider: isAgb(r.afzender) ? r.afzender : r.ontvanger,
    municipality: isAgb(r.afzender) ? r.ontvanger : r.afzender,
    type: r.code,
    day: toDay(r.dagtekening),
    codes: `${r.codes} ${r.elementCodes ?? ''}`.split(/\s+/).filter(Boolean),
  }));
  return { assignments, periods, declarations, requests, retours };
}
