// Migration 7 on a database that already holds version-6 data: every row survives and saved_view exists, empty.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../migrate.js';

describe('migration 007 (views)', () => {
  it('migrates a v6 database with data to v7 and keeps every row', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 6));
    db.exec(`
      INSERT INTO setting (key, value) VALUES ('peildatum', '2026-04-30');
      INSERT INTO table_mapping (source, kind, mapping_json, updated_at) VALUES ('cbs', 'population', '{}', '2026-01-01');
    `);
    const before = ['setting', 'table_mapping'].map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 7))).toBe(7);
    expect(['setting', 'table_mapping'].map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) FROM saved_view').pluck().get()).toBe(0);
  });
});
