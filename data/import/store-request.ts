// Writes request traffic (JW315, JW317, JW319) and retour messages into the tables of migration 003, after
// store.ts has stored the message identity (and decided skip / conflict). The child of a request lives on
// the request rows, not on the message row, so the client facts of data/model/clients.ts (from JW301,
// JW305, JW307) are unchanged by requests. Links between requests and their answers are made when the model
// is derived (data/model/requests.ts), so the order of import never matters.
import type Database from 'better-sqlite3';
import type { Warning } from './canonical.js';
import { parseRequest, parseRequestAnswer, type RequestAnswerMessage, type RequestMessage } from './parse-request.js';
import { isRetourCode, parseRetour, type RetourMessage } from './parse-retour.js';
import type { MessageCode } from './sniff.js';

export type RequestTrafficMessage = RequestMessage | RequestAnswerMessage | RetourMessage;

/** Reads a valid JW315/JW317/JW319 or retour message; null for any other type. */
export function parseRequestTraffic(text: string, code: MessageCode, pseudonymise: (bsn: string) => string): RequestTrafficMessage | null {
  if (code === 'JW315' || code === 'JW317') return parseRequest(text, code, pseudonymise);
  if (code === 'JW319') return parseRequestAnswer(text);
  if (isRetourCode(code)) return parseRetour(text, code);
  return null;
}

export function isRequestTraffic(m: { code: string }): m is RequestTrafficMessage {
  return m.code === 'JW315' || m.code === 'JW317' || m.code === 'JW319' || isRetourCode(m.code);
}

export class RequestStore {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      request: db.prepare(
        `INSERT INTO request (message_id, code, municipality, provider, referentie_aanbieder, reden_verzoek, pseudonym, birth_year,
           birth_month, gender)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      product: db.prepare(
        `INSERT INTO request_product (request_id, kind, toewijzing_nr, product_category, product_code, begindatum, einddatum, volume,
           eenheid, frequentie, budget, verwijzer_type, verwijzer_zorgverlener)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      answer: db.prepare(
        `INSERT INTO request_answer (message_id, municipality, provider, referentie_aanbieder, verzoek_antwoord, reden_afwijzing,
           woonplaats_gemeente)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      requestKnown: db.prepare<[string, string], { found: number }>(
        'SELECT 1 AS found FROM request WHERE provider = ? AND referentie_aanbieder = ? LIMIT 1',
      ),
      retour: db.prepare(
        `INSERT INTO retour (message_id, answers_code, answers_afzender, answers_ontvanger, answers_identificatie, answers_dagtekening,
           retour_codes)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      element: db.prepare('INSERT INTO retour_element (retour_id, element, toewijzing_nr, referentie_aanbieder, retour_codes) VALUES (?, ?, ?, ?, ?)'),
    };
  }

  store(m: RequestTrafficMessage, messageId: number): Warning[] {
    if ('requests' in m) {
      // A request comes from the provider: the municipality is the receiver.
      const c = m.child;
      for (const r of m.requests) {
        const requestId = Number(
          this.s.request.run(messageId, m.code, m.header.ontvanger, m.header.afzender, r.referentieAanbieder, r.redenVerzoek, c.pseudonym,
            c.birthYear, c.birthMonth, c.gender).lastInsertRowid,
        );
        for (const p of r.products) {
          this.s.product.run(requestId, p.kind, p.toewijzingNr, p.product?.category ?? null, p.product?.code ?? null, p.begindatum, p.einddatum,
            p.volume, p.eenheid, p.frequentie, p.budget, p.verwijzerType, p.verwijzerZorgverlener);
        }
      }
      return [];
    }
    if (m.code === 'JW319') {
      // An answer comes from the municipality: the provider is the receiver.
      const a = m.answer;
      const provider = m.header.ontvanger;
      this.s.answer.run(messageId, m.header.afzender, provider, a.referentieAanbieder, a.verzoekAntwoord, a.redenAfwijzing, a.woonplaatsGemeente);
      if (this.s.requestKnown.get(provider, a.referentieAanbieder)) return [];
      return [{
        code: 'orphan-request-answer',
        detail: `JW319 for provider ${provider}, ReferentieAanbieder ${a.referentieAanbieder}: no request (JW315/JW317) known yet; stored anyway`,
      }];
    }
    const r = m.retour;
    const retourId = Number(
      this.s.retour.run(messageId, r.answers.code, r.answers.afzender, r.answers.ontvanger, r.answers.identificatie, r.answers.dagtekening,
        r.retourCodes.join(' ')).lastInsertRowid,
    );
    for (const e of r.elements) this.s.element.run(retourId, e.element, e.toewijzingNr, e.referentieAanbieder, e.retourCodes.join(' '));
    return [];
  }
}
