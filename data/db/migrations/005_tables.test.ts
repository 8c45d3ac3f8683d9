// Migration 5 on a database that already holds version-4 data: every row survives, the reference tables
// exist, and their checks refuse what must never be stored (a suppressed cell with a figure).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../migrate.js';

const v4 = () => MIGRATIONS.filter((m) => m.version <= 4);

describe('migration 005 (tables)', () => {
  it('migrates a v4 database with data to v5 and keeps every row', () => {
    const db = new Database(':memory:');
    migrate(db, v4());
    db.exec(`
      INSERT INTO import_batch (id, started_at, app_version) VALUES (1, '2026-01-01T00:00:00Z', 'v4');
      INSERT INTO import_file (id, batch_id, name, sha256, size, status, message_code, messages) VALUES (1, 1, 'a.xml', 'ab', 10, 'imported', 'JW301', 1);
      INSERT INTO setting (key, value) VALUES ('peildatum', '2026-04-30');
    `);
    const before = ['import_batch', 'import_file', 'setting'].map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 5))).toBe(5);
    expect(['import_batch', 'import_file', 'setting'].map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'ref_%' OR name LIKE 'table_%') ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'ref_codebook', 'ref_leerplicht', 'ref_municipality', 'ref_municipality_map', 'ref_population', 'ref_school', 'ref_school_pupils', 'table_import', 'table_mapping',
    ]);
  });

  it('refuses a suppressed pupil count with a figure, a figure marked suppressed, and a second identical population group', () => {
    const db = new Database(':memory:');
    migrate(db);
    const pupils = db.prepare('INSERT INTO ref_school_pupils (source, vestigingscode, year, municipality, pupils, suppressed) VALUES (?, ?, ?, ?, ?, ?)');
    pupils.run('s', '32JK00', 2024, '1699', null, 1);
    pupils.run('s', '32JK00', 2023, '1699', 0, 0);
    expect(() => pupils.run('s', '32JK00', 2022, '1699', 3, 1)).toThrow(/CHECK/);
    expect(() => pupils.run('s', '32JK00', 2021, '1699', null, 0)).toThrow(/CHECK/);
    const pop = db.prepare("INSERT INTO ref_population (source, municipality, year, sex, age_from, age_to, count) VALUES ('s', '0228', 2024, 'T', 95, NULL, ?)");
    pop.run(10);
    expect(() => pop.run(11)).toThrow(/UNIQUE/);
  });
});
