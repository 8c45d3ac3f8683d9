// Writes JW323 declarations and JW325 answers into the tables of migration 002, after store.ts has stored
// the message identity. Declaration lines have an identity of their own (provider AGB + ReferentieNummer,
// DOMAIN.md §2): a line seen again with the same content is skipped, with other content it is a conflict —
// the first copy stays and the other is recorded in line_conflict, never dropped silently.
import type Database from 'better-sqlite3';
import type { AnswerMessage, DeclarationHead, DeclarationLineFacts, DeclarationMessage } from './parse-declaration.js';
import { canonicalJson, sha256Of, type Warning } from './canonical.js';

/** At most this many numbers are named in one summarising warning; the count is always complete. */
const LISTED = 10;

/** Stores one declaration's lines as they come (beginDeclaration). */
export interface DeclarationWriter {
  /** `hash` is lineHash(line, municipality) when the caller has it already. */
  add(line: DeclarationLineFacts, hash?: string): void;
  finish(): DeclarationOutcome;
}

export interface DeclarationOutcome {
  warnings: Warning[];
  /** Lines already stored with the same identity and content (or recorded as that same conflict). */
  skippedLines: number;
}

/** The line's own facts decide whether a second copy is the same line; the declaration around it does not. */
export function lineHash(line: DeclarationLineFacts, municipality: string): string {
  return sha256Of({ municipality, ...line });
}

/** The first LISTED of `total` values, e.g. "RN1, RN2 and 3 more". */
function listed(first: readonly (string | number)[], total: number): string {
  const shown = first.slice(0, LISTED).join(', ');
  return total > LISTED ? `${shown} and ${total - LISTED} more` : shown;
}

export class DeclarationStore {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      declaration: db.prepare(
        `INSERT INTO declaration (message_id, municipality, provider, declaratie_nummer, periode_begin, periode_eind,
           declaratie_dagtekening, totaal_ingediend)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      numberUsed: db.prepare<[string, string, number], { found: number }>(
        'SELECT 1 AS found FROM declaration WHERE provider = ? AND declaratie_nummer = ? AND message_id <> ? LIMIT 1',
      ),
      findLine: db.prepare<[string, string], { id: number; content_hash: string }>(
        'SELECT id, content_hash FROM declaration_line WHERE provider = ? AND referentie_nummer = ?',
      ),
      line: db.prepare(
        `INSERT INTO declaration_line (declaration_id, municipality, provider, referentie_nummer, vorig_referentie_nummer,
           pseudonym, toewijzing_nr, product_category, product_code, periode_begin, periode_eind, volume, eenheid, tarief,
           bedrag, content_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      knownConflict: db.prepare<[number, string], { found: number }>(
        'SELECT 1 AS found FROM line_conflict WHERE line_id = ? AND content_hash = ?',
      ),
      conflict: db.prepare('INSERT INTO line_conflict (line_id, message_id, file_id, content_hash, facts) VALUES (?, ?, ?, ?, ?)'),
      assignmentKnown: db.prepare<[string, number], { found: number }>(
        'SELECT 1 AS found FROM assignment_version WHERE municipality = ? AND toewijzing_nr = ? LIMIT 1',
      ),
      answer: db.prepare(
        `INSERT INTO declaration_answer (message_id, municipality, provider, declaratie_identificatie,
           declaratie_id_dagtekening, retour_codes, has_antwoord, declaratie_nummer, totaal_ingediend, totaal_toegekend,
           antwoord_retour_codes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      rejected: db.prepare('INSERT INTO answer_rejected_line (answer_id, referentie_nummer, retour_codes) VALUES (?, ?, ?)'),
      declarationByNumber: db.prepare<[string, string], { found: number }>(
        'SELECT 1 AS found FROM declaration WHERE provider = ? AND declaratie_nummer = ? LIMIT 1',
      ),
      declarationByIdentity: db.prepare<[string, string, string], { found: number }>(
        `SELECT 1 AS found FROM declaration d JOIN message m ON m.id = d.message_id
          WHERE m.afzender = ? AND m.identificatie = ? AND m.dagtekening = ? LIMIT 1`,
      ),
    };
  }

  /** A JW323 comes from the provider: the municipality is the receiver. */
  storeDeclaration(m: DeclarationMessage, messageId: number, fileId: number, lineHashes: readonly string[] | null = null): DeclarationOutcome {
    const writer = this.beginDeclaration(m, messageId, fileId);
    m.declaration.lines.forEach((line, i) => writer.add(line, lineHashes?.[i]));
    return writer.finish();
  }

  /** Stores the declaration row now and its lines one at a time (large.ts streams them), then the summarising
   *  warnings. Only counts, the first few conflicting numbers and the distinct orphan numbers are kept. */
  beginDeclaration(m: DeclarationHead, messageId: number, fileId: number): DeclarationWriter {
    const municipality = m.header.ontvanger;
    const provider = m.header.afzender;
    const d = m.declaration;
    const name = `declaration ${d.declaratieNummer} of provider ${provider}`;
    const warnings: Warning[] = [];
    if (this.s.numberUsed.get(provider, d.declaratieNummer, messageId)) {
      warnings.push({ code: 'declaration-number-reused', detail: `${name}: another JW323 with this DeclaratieNummer is already stored; both are kept` });
    }
    const declarationId = Number(
      this.s.declaration.run(messageId, municipality, provider, d.declaratieNummer, d.periodStart, d.periodEnd, d.dagtekening, d.totaalIngediend)
        .lastInsertRowid,
    );

    let skippedLines = 0;
    let conflicts = 0;
    const conflictNumbers: string[] = [];
    const orphans = new Set<number>();
    const s = this.s;
    return {
      add(line: DeclarationLineFacts, known?: string): void {
        const hash = known ?? lineHash(line, municipality);
        const existing = s.findLine.get(provider, line.referentieNummer);
        if (existing) {
          // A conflicting copy seen before is recorded already: like a known message conflict, it is skipped.
          if (existing.content_hash === hash || s.knownConflict.get(existing.id, hash)) skippedLines++;
          else {
            s.conflict.run(existing.id, messageId, fileId, hash, canonicalJson({ municipality, ...line }));
            if (conflicts++ < LISTED) conflictNumbers.push(line.referentieNummer);
          }
          return;
        }
        s.line.run(declarationId, municipality, provider, line.referentieNummer, line.vorigReferentieNummer, line.pseudonym, line.toewijzingNr,
          line.productCategory, line.productCode, line.periodStart, line.periodEnd, line.volume, line.eenheid, line.tarief, line.amount, hash);
        if (!s.assignmentKnown.get(municipality, line.toewijzingNr)) orphans.add(line.toewijzingNr);
      },
      finish(): DeclarationOutcome {
        if (skippedLines > 0) {
          warnings.push({ code: 'line-seen-again', detail: `${name}: ${skippedLines} line(s) were already imported (same content, or the same conflicting copy); skipped` });
        }
        if (conflicts > 0) {
          warnings.push({
            code: 'line-conflict',
            detail: `${name}: ${conflicts} line(s) were already imported with different content (ReferentieNummer ${listed(conflictNumbers, conflicts)}); the first copy is kept, the other recorded`,
          });
        }
        if (orphans.size > 0) {
          warnings.push({
            code: 'orphan-line',
            detail: `${name}: lines for ${orphans.size} ToewijzingNummer(s) of municipality ${municipality} without a known assignment (JW301): ${listed([...orphans].slice(0, LISTED), orphans.size)}; stored anyway`,
          });
        }
        return { warnings, skippedLines };
      },
    };
  }

  /** A JW325 comes from the municipality: the provider is the receiver. Stored even when its declaration is
   *  not known yet; the model links the two when it is derived. */
  storeAnswer(m: AnswerMessage, messageId: number): Warning[] {
    const municipality = m.header.afzender;
    const provider = m.header.ontvanger;
    const a = m.answer;
    const x = a.antwoord;
    const answerId = Number(
      this.s.answer.run(messageId, municipality, provider, a.declaratieIdentificatie, a.declaratieDagtekening, a.retourCodes.join(' '),
        x ? 1 : 0, x?.declaratieNummer ?? null, x?.totaalIngediend ?? null, x?.totaalToegekend ?? null, x ? x.retourCodes.join(' ') : null)
        .lastInsertRowid,
    );
    for (const r of x?.rejected ?? []) this.s.rejected.run(answerId, r.referentieNummer, r.retourCodes.join(' '));

    const known = x
      ? this.s.declarationByNumber.get(provider, x.declaratieNummer)
      : this.s.declarationByIdentity.get(provider, a.declaratieIdentificatie, a.declaratieDagtekening);
    if (known) return [];
    const which = x
      ? `DeclaratieNummer ${x.declaratieNummer}`
      : `DeclaratieIdentificatie ${a.declaratieIdentificatie} of ${a.declaratieDagtekening}`;
    return [{ code: 'orphan-answer', detail: `JW325 for provider ${provider}, ${which}: no declaration (JW323) known yet; stored anyway` }];
  }
}
