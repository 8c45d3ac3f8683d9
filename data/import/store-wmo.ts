// Writes WMO301/305/307 facts into the wmo_* tables (migration 008), never the iJw ones. The message identity
// row is written by store.ts as for iJw (duplicates, conflicts, undo); the person's pseudonym and birth
// year/month go on the Wmo rows only, so `message` lists no Wmo client.
import type Database from 'better-sqlite3';
import type { Warning } from './canonical.js';
import type { WmoMessage } from './parse-wmo.js';

export class WmoStore {
  private readonly s;
  constructor(db: Database.Database) {
    const person = 'municipality, provider, toewijzing_nr, product_category, product_code, pseudonym, birth_year, birth_month';
    this.s = {
      assignment: db.prepare(`INSERT INTO wmo_assignment_version (message_id, ${person}, ingangsdatum, einddatum, reden_wijziging)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      start: db.prepare(`INSERT INTO wmo_care_start (message_id, ${person}, begindatum, status_aanlevering) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      stop: db.prepare(`INSERT INTO wmo_care_stop (message_id, ${person}, begindatum, einddatum, reden_beeindiging, status_aanlevering)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      known: db.prepare<[string, number], { found: number }>('SELECT 1 AS found FROM wmo_assignment_version WHERE municipality = ? AND toewijzing_nr = ? LIMIT 1'),
    };
  }

  store(m: WmoMessage, messageId: number): Warning[] {
    const h = m.header;
    const c = m.client;
    if (m.code === 'WMO301') {
      for (const a of m.assignments) {
        this.s.assignment.run(messageId, h.afzender, h.ontvanger, a.toewijzingNr, a.product.category, a.product.code, c.pseudonym,
          c.birthYear, c.birthMonth, a.ingangsdatum, a.einddatum, a.redenWijziging);
      }
      return [];
    }
    // Starts and stops come from the provider: the municipality is the receiver.
    const warnings: Warning[] = [];
    const person = (p: { toewijzingNr: number; product: { category: string; code: string | null } }) =>
      [messageId, h.ontvanger, h.afzender, p.toewijzingNr, p.product.category, p.product.code, c.pseudonym, c.birthYear, c.birthMonth];
    if (m.code === 'WMO305') for (const p of m.starts) this.s.start.run(...person(p), p.begindatum, p.statusAanlevering);
    else for (const p of m.stops) this.s.stop.run(...person(p), p.begindatum, p.einddatum, p.redenBeeindiging, p.statusAanlevering);
    for (const p of m.code === 'WMO305' ? m.starts : m.stops) {
      if (!this.s.known.get(h.ontvanger, p.toewijzingNr)) {
        warnings.push({
          code: `orphan-wmo-${m.code === 'WMO305' ? 'start' : 'stop'}`,
          detail: `${m.code} for municipality ${h.ontvanger}, ToewijzingNummer ${p.toewijzingNr}: no Wmo assignment (WMO301) known yet; stored anyway`,
        });
      }
    }
    return warnings;
  }
}
