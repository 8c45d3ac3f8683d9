// The money facts (DOMAIN.md §8): one row per stored declaration line with its status, derived from the
// stored JW323 and JW325 facts every time, so the order in which files were imported never changes a figure.
// A line is approved when its declaration has a JW325 whose DeclaratieAntwoord does not list it, rejected
// when it is listed or the JW325 has no DeclaratieAntwoord at all, and pending while no JW325 has arrived.
import type Database from 'better-sqlite3';
import { runSteps, within, type BuildStep } from '../system/steps.js';

export type MoneyStatus = 'approved' | 'rejected' | 'pending';

export interface MoneyLine {
  referentieNummer: string;
  client: string; // pseudonym
  municipality: string;
  provider: string;
  toewijzingNr: number;
  productCategory: string;
  productCode: string | null;
  periodStart: string;
  periodEnd: string;
  month: number; // yyyymm of ProductPeriode Begindatum
  amount: number; // signed eurocent (credit negative)
  volume: number | null;
  eenheid: string | null;
  status: MoneyStatus;
}

export interface DeclarationTotalMismatch {
  code: 'declaration-total-mismatch';
  detail: string;
  municipality: string;
  provider: string;
  declaratieNummer: string;
  /** Σ of the approved lines of the declaration, signed eurocent. */
  approved: number;
  /** TotaalToegekendBedrag of the JW325 that answers it, signed eurocent. */
  toegekend: number;
}

interface DeclarationRow {
  id: number;
  municipality: string;
  provider: string;
  declaratieNummer: string;
  identificatie: string;
  dagtekening: string;
}

interface AnswerRow {
  id: number;
  municipality: string;
  provider: string;
  hasAntwoord: number;
  declaratieNummer: string | null;
  declaratieIdentificatie: string;
  declaratieIdDagtekening: string;
  totaalToegekend: number | null;
  dagtekening: string;
  identificatie: string;
}

interface LineRow {
  declarationId: number;
  referentieNummer: string;
  client: string;
  municipality: string;
  provider: string;
  toewijzingNr: number;
  productCategory: string;
  productCode: string | null;
  periodStart: string;
  periodEnd: string;
  amount: number;
  volume: number | null;
  eenheid: string | null;
}

interface Answered {
  answer: AnswerRow;
  rejected: Set<string>;
}

const key = (...parts: string[]): string => parts.join('\u0000');

/** The later answer wins when a declaration has several (a corrected JW325): by Dagtekening, then
 *  Identificatie, then sender — never by import order. */
function later(a: AnswerRow, b: AnswerRow): AnswerRow {
  const ka = [a.dagtekening, a.identificatie, a.municipality];
  const kb = [b.dagtekening, b.identificatie, b.municipality];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! > kb[i]! ? a : b;
  return a.id < b.id ? a : b;
}

/** Which JW325 answers each declaration: by provider + DeclaratieNummer; one without DeclaratieAntwoord carries
 *  no number, so it is linked by provider + DeclaratieIdentificatie (the JW323's Identificatie and Dagtekening). */
export function answersByDeclaration(db: Database.Database): { declarations: DeclarationRow[]; answered: Map<number, Answered> } {
  const declarations = db
    .prepare(
      `SELECT d.id, d.municipality, d.provider, d.declaratie_nummer AS declaratieNummer, m.identificatie, m.dagtekening
         FROM declaration d JOIN message m ON m.id = d.message_id`,
    )
    .all() as DeclarationRow[];
  const answers = db
    .prepare(
      `SELECT a.id, a.municipality, a.provider, a.has_antwoord AS hasAntwoord, a.declaratie_nummer AS declaratieNummer,
              a.declaratie_identificatie AS declaratieIdentificatie, a.declaratie_id_dagtekening AS declaratieIdDagtekening,
              a.totaal_toegekend AS totaalToegekend, m.dagtekening, m.identificatie
         FROM declaration_answer a JOIN message m ON m.id = a.message_id`,
    )
    .all() as AnswerRow[];
  const rejectedRows = db.prepare('SELECT answer_id AS answerId, referentie_nummer AS referentieNummer FROM answer_rejected_line').all() as {
    answerId: number;
    referentieNummer: string;
  }[];

  const byNumber = new Map<string, AnswerRow[]>();
  const byIdentity = new Map<string, AnswerRow[]>();
  for (const a of answers) {
    const k = a.declaratieNummer !== null ? key(a.provider, a.declaratieNummer) : key(a.provider, a.declaratieIdentificatie, a.declaratieIdDagtekening);
    const map = a.declaratieNummer !== null ? byNumber : byIdentity;
    map.set(k, [...(map.get(k) ?? []), a]);
  }
  const rejected = new Map<number, Set<string>>();
  for (const r of rejectedRows) {
    let set = rejected.get(r.answerId);
    if (!set) rejected.set(r.answerId, (set = new Set()));
    set.add(r.referentieNummer);
  }

  const answered = new Map<number, Answered>();
  for (const d of declarations) {
    const candidates = [
      ...(byNumber.get(key(d.provider, d.declaratieNummer)) ?? []),
      ...(byIdentity.get(key(d.provider, d.identificatie, d.dagtekening)) ?? []),
    ];
    if (candidates.length === 0) continue;
    const answer = candidates.reduce(later);
    answered.set(d.id, { answer, rejected: rejected.get(answer.id) ?? new Set() });
  }
  return { declarations, answered };
}

function statusOf(line: LineRow, answered: Answered | undefined): MoneyStatus {
  if (!answered) return 'pending';
  if (!answered.answer.hasAntwoord) return 'rejected';
  return answered.rejected.has(line.referentieNummer) ? 'rejected' : 'approved';
}

// Lines are read a page at a time (keyset on id), so a data process can answer between pages.
const PAGE = 20_000;

function* loadLines(db: Database.Database): Generator<BuildStep, LineRow[]> {
  const page = db.prepare(
    `SELECT id, declaration_id AS declarationId, referentie_nummer AS referentieNummer, pseudonym AS client, municipality,
            provider, toewijzing_nr AS toewijzingNr, product_category AS productCategory, product_code AS productCode,
            periode_begin AS periodStart, periode_eind AS periodEnd, bedrag AS amount, volume, eenheid
       FROM declaration_line WHERE id > ? ORDER BY id LIMIT ${PAGE}`,
  );
  const total = (db.prepare('SELECT COUNT(*) AS n FROM declaration_line').get() as { n: number }).n;
  const out: LineRow[] = [];
  let after = 0;
  for (;;) {
    const rows = page.all(after) as (LineRow & { id: number })[];
    for (const r of rows) out.push(r);
    if (rows.length < PAGE) return out;
    after = rows[rows.length - 1]!.id;
    yield ['money', Math.min(1, out.length / Math.max(1, total))];
  }
}

/** One row per stored declaration line (conflicting second copies are not lines). Credits are negative
 *  lines in their own ProductPeriode month; the line they correct stays as it is. Steps report the share
 *  of lines read (0..1). */
export function* declarationLineSteps(db: Database.Database): Generator<BuildStep, MoneyLine[]> {
  const { answered } = answersByDeclaration(db);
  yield ['money', 0.35]; // the answers take about a third of the time the lines take
  const lines = yield* within(loadLines(db), 0.35, 1);
  return lines.map((l) => ({
    referentieNummer: l.referentieNummer,
    client: l.client,
    municipality: l.municipality,
    provider: l.provider,
    toewijzingNr: l.toewijzingNr,
    productCategory: l.productCategory,
    productCode: l.productCode,
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    month: Number(l.periodStart.slice(0, 4)) * 100 + Number(l.periodStart.slice(5, 7)),
    amount: l.amount,
    volume: l.volume,
    eenheid: l.eenheid,
    status: statusOf(l, answered.get(l.declarationId)),
  }));
}

export function loadDeclarationLines(db: Database.Database): MoneyLine[] {
  return runSteps(declarationLineSteps(db));
}

/** Declarations whose approved lines do not add up to the TotaalToegekendBedrag of their JW325 (DOMAIN.md §8).
 *  Only answers with a DeclaratieAntwoord state a total; a declaration without an answer is not checked. */
export function checkDeclarationTotals(db: Database.Database): DeclarationTotalMismatch[] {
  const { declarations, answered } = answersByDeclaration(db);
  const approved = new Map<number, number>();
  for (const l of runSteps(loadLines(db))) {
    const a = answered.get(l.declarationId);
    if (statusOf(l, a) === 'approved') approved.set(l.declarationId, (approved.get(l.declarationId) ?? 0) + l.amount);
  }
  const mismatches: DeclarationTotalMismatch[] = [];
  for (const d of declarations) {
    const a = answered.get(d.id)?.answer;
    if (!a || !a.hasAntwoord || a.totaalToegekend === null) continue;
    const sum = approved.get(d.id) ?? 0;
    if (sum === a.totaalToegekend) continue;
    mismatches.push({
      code: 'declaration-total-mismatch',
      detail: `declaration ${d.declaratieNummer} of provider ${d.provider} to municipality ${d.municipality}: approved lines add up to ${sum} eurocent, the JW325 grants ${a.totaalToegekend} eurocent (TotaalToegekendBedrag)`,
      municipality: d.municipality,
      provider: d.provider,
      declaratieNummer: d.declaratieNummer,
      approved: sum,
      toegekend: a.totaalToegekend,
    });
  }
  return mismatches;
}
