// Storing a large JW323 as its parts arrive (large.ts): the message identity and the declaration row once, then
// the lines part by part through DeclarationStore. The content hash is the small path's (store.ts contentHash:
// sha256 of the canonical JSON of the parsed message), computed incrementally: the canonical JSON of a message
// is its head's with the lines spliced into `"lines":[…]`, so a file imported small and later large (or the
// other way round) is recognised as the same message. An identity already stored is not written again: its
// lines are only hashed, and the outcome is store.ts's skipped or conflict.
import { createHash, type Hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson, type Warning } from './canonical.js';
import type { DeclarationHead, DeclarationLineFacts } from './parse-declaration.js';
import { DeclarationStore, type DeclarationWriter } from './store-declaration.js';
import type { Store } from './store.js';

export interface LargeStoreOutcome {
  messages: number;
  skipped: number;
  warnings: Warning[];
}

const LINES = '"lines":[';

export class LargeDeclarationStore {
  private readonly s;
  private readonly declarations: DeclarationStore;

  constructor(
    db: Database.Database,
    private readonly store: Store,
  ) {
    this.declarations = new DeclarationStore(db);
    this.s = {
      find: db.prepare<[string, string, string, string], { id: number; content_hash: string }>(
        'SELECT id, content_hash FROM message WHERE code = ? AND afzender = ? AND identificatie = ? AND dagtekening = ?',
      ),
      knownConflict: db.prepare<[number, string], { id: number }>('SELECT id FROM message_conflict WHERE message_id = ? AND content_hash = ?'),
      conflict: db.prepare('INSERT INTO message_conflict (message_id, file_id, content_hash) VALUES (?, ?, ?)'),
      // JW323 keeps its client facts on the lines; the hash is set when the last line is in.
      message: db.prepare(
        `INSERT INTO message (code, afzender, ontvanger, identificatie, dagtekening, content_hash, batch_id, file_id)
         VALUES ('JW323', ?, ?, ?, ?, '', ?, ?)`,
      ),
      setHash: db.prepare('UPDATE message SET content_hash = ? WHERE id = ?'),
    };
  }

  /** Starts one message; the lines follow through add(), in file order. */
  begin(head: DeclarationHead, batchId: number, fileId: number): LargeMessage {
    const h = head.header;
    const existing = this.s.find.get('JW323', h.afzender, h.identificatie, h.dagtekening) ?? null;
    let messageId: number | null = null;
    let writer: DeclarationWriter | null = null;
    if (existing === null) {
      messageId = Number(this.s.message.run(h.afzender, h.ontvanger, h.identificatie, h.dagtekening, batchId, fileId).lastInsertRowid);
      this.store.holdMessage(messageId, batchId);
      writer = this.declarations.beginDeclaration(head, messageId, fileId);
    }

    const whole = canonicalJson({ code: 'JW323', header: h, declaration: { ...head.declaration, lines: [] } });
    const at = whole.indexOf(LINES) + LINES.length;
    const hash: Hash = createHash('sha256').update(whole.slice(0, at));
    let first = true;
    const identity = `JW323 from ${h.afzender}, Identificatie ${h.identificatie}, Dagtekening ${h.dagtekening}`;
    const s = this.s;
    const store = this.store;
    return {
      add(line: DeclarationLineFacts): void {
        hash.update(first ? canonicalJson(line) : `,${canonicalJson(line)}`);
        first = false;
        writer?.add(line);
      },
      finish(): LargeStoreOutcome {
        const digest = hash.update(whole.slice(at)).digest('hex');
        if (messageId !== null && writer !== null) {
          s.setHash.run(digest, messageId);
          const outcome = writer.finish();
          return { messages: 1, skipped: outcome.skippedLines, warnings: outcome.warnings };
        }
        const known = existing!;
        if (known.content_hash === digest) store.holdMessage(known.id, batchId);
        if (known.content_hash === digest || s.knownConflict.get(known.id, digest)) {
          return { messages: 0, skipped: 1, warnings: [{ code: 'duplicate', detail: `${identity} was already imported; skipped` }] };
        }
        s.conflict.run(known.id, fileId, digest);
        return { messages: 0, skipped: 0, warnings: [{ code: 'conflict', detail: `${identity} was already imported with different content; the first copy is kept` }] };
      },
    };
  }
}

export interface LargeMessage {
  add(line: DeclarationLineFacts): void;
  finish(): LargeStoreOutcome;
}
