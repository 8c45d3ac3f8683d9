// Migration 2 on a database that already holds version-1 data: every row survives, the new tables work.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS as ALL_MIGRATIONS, migrate } from '../migrate.js';
import { migration001 } from './001_init.js';

// This test is about version 2: later migrations are not applied here (they have tests of their own).
const MIGRATIONS = ALL_MIGRATIONS.slice(0, 2);

function seedV1(db: Database.Database): void {
  migrate(db, [migration001]);
  db.exec(`
    INSERT INTO import_batch (id, started_at, app_version) VALUES (1, '2026-01-01T00:00:00Z', 'v1');
    INSERT INTO import_file (id, batch_id, name, sha256, size, status, message_code, messages)
      VALUES (1, 1, 'a.xml', 'ab', 10, 'imported', 'JW301', 1);
    INSERT INTO message (id, code, afzender, ontvanger, identificatie, dagtekening, content_hash, batch_id, file_id,
      pseudonym, birth_year, birth_month, gender, pc4)
      VALUES (1, 'JW301', '0384', '42420001', 'X1', '2026-04-01', 'h', 1, 1, 'p1', 2010, 2, '1', '3811');
    INSERT INTO assignment_version (message_id, municipality, provider, toewijzing_nr, product_category, toewijzingsdatum,
      toewijzingstijd, ingangsdatum) VALUES (1, '0384', '42420001', 300201, '55', '2026-04-01', '12:00:00', '2026-04-01');
    INSERT INTO import_warning (batch_id, file_id, code, detail) VALUES (1, 1, 'orphan-start', 'x');
    INSERT INTO setting (key, value) VALUES ('peildatum', '2026-04-30');
  `);
}

const dump = (db: Database.Database, table: string): unknown[] => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
const V1_TABLES = ['import_batch', 'import_file', 'message', 'message_conflict', 'assignment_version', 'care_start', 'care_stop', 'import_warning', 'setting'];

describe('migration 002 (declarations)', () => {
  it('migrates a v1 database with data to v2 and keeps every row', () => {
    const db = new Database(':memory:');
    seedV1(db);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const before = Object.fromEntries(V1_TABLES.map((t) => [t, dump(db, t)]));

    expect(migrate(db, MIGRATIONS)).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    for (const t of V1_TABLES) expect(dump(db, t), t).toEqual(before[t]);
    expect(before.message).toHaveLength(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['declaration', 'declaration_line', 'line_conflict', 'declaration_answer', 'answer_rejected_line']));
    // Running it again changes nothing.
    expect(migrate(db, MIGRATIONS)).toBe(2);
    db.close();
  });

  it('enforces the declaration-line identity (provider, ReferentieNummer)', () => {
    const db = new Database(':memory:');
    seedV1(db);
    migrate(db, MIGRATIONS);
    db.exec(`INSERT INTO declaration (id, message_id, municipality, provider, declaratie_nummer, periode_begin, periode_eind,
      declaratie_dagtekening, totaal_ingediend) VALUES (1, 1, '0384', '42420001', 'DN1', '2026-04-01', '2026-04-30', '2026-05-06', 100)`);
    const line = db.prepare(`INSERT INTO declaration_line (declaration_id, municipality, provider, referentie_nummer, pseudonym,
      toewijzing_nr, product_category, periode_begin, periode_eind, volume, eenheid, bedrag, content_hash)
      VALUES (1, '0384', ?, 'RN1', 'p1', 1, '45', '2026-04-01', '2026-04-30', 1, '04', -100, 'h')`);
    line.run('42420001');
    expect(() => line.run('42420001')).toThrow(/UNIQUE/);
    line.run('42420002'); // another provider may use the same ReferentieNummer
    expect(db.prepare('SELECT bedrag FROM declaration_line ORDER BY id').pluck().all()).toEqual([-100, -100]);
    db.close();
  });
});
