// Writes parsed messages into the schema of data/db/migrations/001_init.ts: identity, duplicate and
// conflict handling (DOMAIN.md §2), the fact rows, and orphan warnings. JW323/JW325 facts are written by
// store-declaration.ts once the message identity is stored here.
import type Database from 'better-sqlite3';
import { canonicalJson, sha256Of, type Warning } from './canonical.js';
import type { ParsedMessage } from './parse.js';
import type { AnswerMessage, DeclarationMessage } from './parse-declaration.js';
import { DeclarationStore } from './store-declaration.js';
import { RequestStore, isRequestTraffic, type RequestTrafficMessage } from './store-request.js';
import { isWmoMessage, type WmoMessage } from './parse-wmo.js';
import { WmoStore } from './store-wmo.js';

export { canonicalJson, type Warning };

/** Every message the importer stores: the single-client ones of parse.ts, the declaration traffic, and the
 *  request traffic and retours of store-request.ts. */
export type StoredMessage = ParsedMessage | DeclarationMessage | AnswerMessage | RequestTrafficMessage | WmoMessage;

export type StoreOutcome =
  | { kind: 'stored'; warnings: Warning[]; skippedLines: number }
  | { kind: 'skipped'; warnings: Warning[]; skippedLines: 0 }
  | { kind: 'conflict'; warnings: Warning[]; skippedLines: 0 };

export function contentHash(message: StoredMessage): string {
  return sha256Of(message);
}

export class Store {
  private readonly s;
  private readonly declarations: DeclarationStore;
  private readonly requests: RequestStore;
  private readonly wmo: WmoStore;
  /** Set by deferHolds(): new messages above this id are held by holdStored(), not one by one. */
  private heldUpTo: number | null = null;

  constructor(private readonly db: Database.Database) {
    this.declarations = new DeclarationStore(db);
    this.requests = new RequestStore(db);
    this.wmo = new WmoStore(db);
    this.s = {
      batch: db.prepare('INSERT INTO import_batch (started_at, app_version, source) VALUES (?, ?, ?)'),
      finishBatch: db.prepare(
        'UPDATE import_batch SET finished_at = ?, files = ?, messages = ?, skipped = ?, rejected = ?, warnings = ? WHERE id = ?',
      ),
      // Positional parameters throughout: binding an object by names costs more than the insert itself.
      file: db.prepare(
        `INSERT INTO import_file (batch_id, name, sha256, size, status, message_code, messages, skipped, error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      fileResult: db.prepare('UPDATE import_file SET status = ?, messages = ?, skipped = ? WHERE id = ?'),
      findMessage: db.prepare<[string, string, string, string], { id: number; content_hash: string }>(
        'SELECT id, content_hash FROM message WHERE code = ? AND afzender = ? AND identificatie = ? AND dagtekening = ?',
      ),
      knownConflict: db.prepare<[number, string], { id: number }>(
        'SELECT id FROM message_conflict WHERE message_id = ? AND content_hash = ?',
      ),
      conflict: db.prepare('INSERT INTO message_conflict (message_id, file_id, content_hash) VALUES (?, ?, ?)'),
      message: db.prepare(
        `INSERT INTO message (code, afzender, ontvanger, identificatie, dagtekening, content_hash, batch_id, file_id,
           pseudonym, birth_year, birth_month, gender, pc4)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      assignment: db.prepare(
        `INSERT INTO assignment_version (message_id, municipality, provider, toewijzing_nr, product_category, product_code,
           toewijzingsdatum, toewijzingstijd, ingangsdatum, einddatum, reden_wijziging, volume, eenheid, frequentie, budget,
           referentie_aanbieder)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      start: db.prepare(
        `INSERT INTO care_start (message_id, municipality, provider, toewijzing_nr, product_category, product_code,
           begindatum, status_aanlevering)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      stop: db.prepare(
        `INSERT INTO care_stop (message_id, municipality, provider, toewijzing_nr, product_category, product_code,
           begindatum, einddatum, reden_beeindiging, status_aanlevering)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      assignmentKnown: db.prepare<[string, number], { found: number }>(
        'SELECT 1 AS found FROM assignment_version WHERE municipality = ? AND toewijzing_nr = ? LIMIT 1',
      ),
      warning: db.prepare('INSERT INTO import_warning (batch_id, file_id, code, detail) VALUES (?, ?, ?, ?)'),
      check: db.prepare('INSERT INTO batch_check (batch_id, code, count, examples) VALUES (?, ?, ?, ?)'),
      hold: db.prepare('INSERT OR IGNORE INTO message_batch (message_id, batch_id) VALUES (?, ?)'),
      lastMessage: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM message'),
      holdNew: db.prepare('INSERT OR IGNORE INTO message_batch (message_id, batch_id) SELECT id, ? FROM message WHERE id > ? AND batch_id = ?'),
    };
  }

  startBatch(startedAt: string, appVersion: string, source: string | null = null): number {
    return Number(this.s.batch.run(startedAt, appVersion, source).lastInsertRowid);
  }

  finishBatch(id: number, finishedAt: string, c: { files: number; messages: number; skipped: number; rejected: number; warnings: number }): void {
    this.s.finishBatch.run(finishedAt, c.files, c.messages, c.skipped, c.rejected, c.warnings, id);
  }

  addFile(row: {
    batchId: number;
    name: string;
    sha256: string;
    size: number;
    status: 'imported' | 'duplicate' | 'rejected' | 'unsupported';
    messageCode: string | null;
    messages?: number;
    skipped?: number;
    error?: string | null;
  }): number {
    const r = this.s.file.run(row.batchId, row.name, row.sha256, row.size, row.status, row.messageCode, row.messages ?? 0, row.skipped ?? 0, row.error ?? null);
    return Number(r.lastInsertRowid);
  }

  setFileResult(fileId: number, status: 'imported' | 'duplicate', messages: number, skipped: number): void {
    this.s.fileResult.run(status, messages, skipped, fileId);
  }

  addWarning(batchId: number, fileId: number | null, w: Warning): void {
    this.s.warning.run(batchId, fileId, w.code, w.detail);
  }

  /** One data check that fired for the batch (data/import/checks.ts): its count and examples. */
  addCheck(batchId: number, c: { code: string; count: number; examples: string[] }): void {
    this.s.check.run(batchId, c.code, c.count, JSON.stringify(c.examples));
  }

  /** Records that a batch holds a message (stored by it, or seen again with the same content), so undoing
   *  another batch keeps it (migration 004). */
  holdMessage(messageId: number, batchId: number): void {
    this.s.hold.run(messageId, batchId);
  }

  /** From here on, messages that storeMessage() stores new are held in bulk by holdStored() (one statement
   *  per batch of files instead of a row each). Call holdStored() before anything reads message_batch. */
  deferHolds(): void {
    this.heldUpTo = this.s.lastMessage.get()?.id ?? 0;
  }

  /** Holds, for `batchId`, every message it stored since deferHolds() or the previous call. Rows of a file
   *  whose savepoint was rolled back are gone, so they are not held. */
  holdStored(batchId: number): void {
    if (this.heldUpTo === null) return;
    this.s.holdNew.run(batchId, this.heldUpTo, batchId);
    this.heldUpTo = this.s.lastMessage.get()?.id ?? 0;
  }

  /** Stores one message unless its identity is known: same content → skipped, other content → conflict
   *  (recorded once per distinct content; the first copy stays). `hash` and a JW323's `lineHashes` may come
   *  worked out already (prepare.ts, in an import worker); they are contentHash(m) and lineHash() of each line. */
  storeMessage(m: StoredMessage, batchId: number, fileId: number, hash = contentHash(m), lineHashes: readonly string[] | null = null): StoreOutcome {
    const h = m.header;
    const identity = `${m.code} from ${h.afzender}, Identificatie ${h.identificatie}, Dagtekening ${h.dagtekening}`;
    const existing = this.s.findMessage.get(m.code, h.afzender, h.identificatie, h.dagtekening);
    if (existing) {
      if (existing.content_hash === hash) this.holdMessage(existing.id, batchId);
      if (existing.content_hash === hash || this.s.knownConflict.get(existing.id, hash)) {
        return { kind: 'skipped', skippedLines: 0, warnings: [{ code: 'duplicate', detail: `${identity} was already imported; skipped` }] };
      }
      this.s.conflict.run(existing.id, fileId, hash);
      return {
        kind: 'conflict',
        skippedLines: 0,
        warnings: [{ code: 'conflict', detail: `${identity} was already imported with different content; the first copy is kept` }],
      };
    }

    // JW323/JW325 concern many clients: their client facts live on the lines, not on the message. Requests
    // keep theirs on the request rows; retours and JW319 keep none.
    // Wmo: the person's facts stay on the wmo_* rows (store-wmo.ts), so Jeugd client lists never see them.
    const client = 'client' in m && !isWmoMessage(m) ? m.client : null;
    const messageId = Number(
      this.s.message.run(m.code, h.afzender, h.ontvanger, h.identificatie, h.dagtekening, hash, batchId, fileId,
        client?.pseudonym ?? null, client?.birthYear ?? null, client?.birthMonth ?? null, client?.gender ?? null, client?.pc4 ?? null)
        .lastInsertRowid,
    );
    if (this.heldUpTo === null) this.holdMessage(messageId, batchId);
    if (m.code === 'JW323') return { kind: 'stored', ...this.declarations.storeDeclaration(m, messageId, fileId, lineHashes) };
    if (m.code === 'JW325') return { kind: 'stored', skippedLines: 0, warnings: this.declarations.storeAnswer(m, messageId) };
    if (isWmoMessage(m)) return { kind: 'stored', skippedLines: 0, warnings: this.wmo.store(m, messageId) };
    if (isRequestTraffic(m)) return { kind: 'stored', skippedLines: 0, warnings: this.requests.store(m, messageId) };
    const warnings: Warning[] = [];
    if (m.code === 'JW301') {
      for (const a of m.assignments) {
        this.s.assignment.run(messageId, h.afzender, h.ontvanger, a.toewijzingNr, a.product.category, a.product.code, a.toewijzingsdatum,
          a.toewijzingstijd, a.ingangsdatum, a.einddatum, a.redenWijziging, a.volume, a.eenheid, a.frequentie, a.budget, a.referentieAanbieder);
      }
    } else {
      // Starts and stops come from the provider: the municipality is the receiver.
      const municipality = h.ontvanger;
      const provider = h.afzender;
      const kind = m.code === 'JW305' ? 'start' : 'stop';
      const keys: number[] = [];
      if (m.code === 'JW305') {
        for (const p of m.starts) {
          this.s.start.run(messageId, municipality, provider, p.toewijzingNr, p.product.category, p.product.code, p.begindatum,
            p.statusAanlevering);
          keys.push(p.toewijzingNr);
        }
      } else {
        for (const p of m.stops) {
          this.s.stop.run(messageId, municipality, provider, p.toewijzingNr, p.product.category, p.product.code, p.begindatum,
            p.einddatum, p.redenBeeindiging, p.statusAanlevering);
          keys.push(p.toewijzingNr);
        }
      }
      for (const nr of keys) {
        if (!this.s.assignmentKnown.get(municipality, nr)) {
          warnings.push({
            code: `orphan-${kind}`,
            detail: `${m.code} ${kind} for municipality ${municipality}, ToewijzingNummer ${nr}: no assignment (JW301) known yet; stored anyway`,
          });
        }
      }
    }
    return { kind: 'stored', skippedLines: 0, warnings };
  }
}
