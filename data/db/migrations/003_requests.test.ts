// Migration 3 on a database that already holds version-2 data: every row survives, the new tables work.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../migrate.js';

function seedV2(db: Database.Database): void {
  migrate(db, MIGRATIONS.slice(0, 2));
  db.exec(`
    INSERT INTO import_batch (id, started_at, app_version) VALUES (1, '2026-01-01T00:00:00Z', 'v2');
    INSERT INTO import_file (id, batch_id, name, sha256, size, status, message_code, messages)
      VALUES (1, 1, 'a.xml', 'ab', 10, 'imported', 'JW301', 1), (2, 1, 'b.xml', 'cd', 10, 'imported', 'JW323', 1),
             (3, 1, 'c.xml', 'ef', 10, 'unsupported', 'JW315', 0);
    INSERT INTO message (id, code, afzender, ontvanger, identificatie, dagtekening, content_hash, batch_id, file_id,
      pseudonym, birth_year, birth_month, gender, pc4)
      VALUES (1, 'JW301', '0384', '42420001', 'X1', '2026-04-01', 'h', 1, 1, 'p1', 2010, 2, '1', '3811'),
             (2, 'JW323', '42420001', '0384', 'D1', '2026-05-06', 'h2', 1, 2, NULL, NULL, NULL, NULL, NULL);
    INSERT INTO assignment_version (message_id, municipality, provider, toewijzing_nr, product_category, toewijzingsdatum,
      toewijzingstijd, ingangsdatum, referentie_aanbieder) VALUES (1, '0384', '42420001', 300201, '55', '2026-04-01', '12:00:00', '2026-04-01', 'R1');
    INSERT INTO declaration (id, message_id, municipality, provider, declaratie_nummer, periode_begin, periode_eind,
      declaratie_dagtekening, totaal_ingediend) VALUES (1, 2, '0384', '42420001', 'DN1', '2026-04-01', '2026-04-30', '2026-05-06', 100);
    INSERT INTO declaration_line (declaration_id, municipality, provider, referentie_nummer, pseudonym, toewijzing_nr,
      product_category, periode_begin, periode_eind, volume, eenheid, bedrag, content_hash)
      VALUES (1, '0384', '42420001', 'RN1', 'p1', 300201, '55', '2026-04-01', '2026-04-30', 1, '04', 100, 'lh');
    INSERT INTO import_warning (batch_id, file_id, code, detail) VALUES (1, 1, 'orphan-start', 'x');
    INSERT INTO setting (key, value) VALUES ('peildatum', '2026-04-30');
  `);
}

const dump = (db: Database.Database, table: string): unknown[] => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
const V2_TABLES = [
  'import_batch', 'import_file', 'message', 'message_conflict', 'assignment_version', 'care_start', 'care_stop', 'import_warning', 'setting',
  'declaration', 'declaration_line', 'line_conflict', 'declaration_answer', 'answer_rejected_line',
];
const NEW_TABLES = ['request', 'request_product', 'request_answer', 'retour', 'retour_element'];

describe('migration 003 (requests)', () => {
  it('migrates a v2 database with data to v3 and keeps every row', () => {
    const db = new Database(':memory:');
    seedV2(db);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const before = Object.fromEntries(V2_TABLES.map((t) => [t, dump(db, t)]));
    expect(before.message).toHaveLength(2);
    expect(before.declaration_line).toHaveLength(1);

    expect(migrate(db, MIGRATIONS.slice(0, 3))).toBe(3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    for (const t of V2_TABLES) expect(dump(db, t), t).toEqual(before[t]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(NEW_TABLES));
    for (const t of NEW_TABLES) expect(dump(db, t), t).toEqual([]);
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toBe(3); // running it again changes nothing
    db.close();
  });

  it('enforces one request per (message, ReferentieAanbieder) and the allowed codes and kinds', () => {
    const db = new Database(':memory:');
    seedV2(db);
    migrate(db, MIGRATIONS);
    const request = db.prepare(`INSERT INTO request (message_id, code, municipality, provider, referentie_aanbieder, pseudonym)
      VALUES (1, ?, '0384', '42420001', ?, 'p1')`);
    const id = Number(request.run('JW315', 'R1').lastInsertRowid);
    request.run('JW315', 'R2');
    expect(() => request.run('JW315', 'R1')).toThrow(/UNIQUE/);
    expect(() => request.run('JW301', 'R3')).toThrow(/CHECK/);
    const product = db.prepare('INSERT INTO request_product (request_id, kind) VALUES (?, ?)');
    product.run(id, 'nieuw');
    expect(() => product.run(id, 'other')).toThrow(/CHECK/);
    db.prepare(`INSERT INTO request_answer (message_id, municipality, provider, referentie_aanbieder, verzoek_antwoord) VALUES (2, '0384', '42420001', 'R1', '1')`).run();
    expect(() => db.prepare(`INSERT INTO request_answer (message_id, municipality, provider, referentie_aanbieder, verzoek_antwoord) VALUES (2, '0384', '42420001', 'R2', '1')`).run())
      .toThrow(/UNIQUE/);
    db.close();
  });
});
