// The store's schema versioning: fresh databases reach the latest version, and a database written by a
// newer Spiegel is refused with a message that says what to do — nothing in it is touched.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../data/db/open.js';
import { SCHEMA_VERSION, migrate } from '../../data/db/migrate.js';
import { createService } from '../../data/service.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'spiegel-mig-'));

describe('migrations', () => {
  it('creates a fresh database at the latest schema version, in WAL mode', () => {
    const db = openDatabase(join(tmp(), 'a.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['assignment_version', 'care_start', 'care_stop', 'import_batch', 'message']));
    db.close();
  });

  it('applies pending steps in one transaction: a failing step leaves the old version', () => {
    const db = new Database(':memory:');
    expect(() =>
      migrate(db, [
        { version: 1, name: 'ok', sql: 'CREATE TABLE a (x)' },
        { version: 2, name: 'broken', sql: 'CREATE TABLE b (' },
      ]),
    ).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name='a'").pluck().get()).toBe(0);
  });

  it('refuses a database from a newer Spiegel with a clear message, through the contract too', async () => {
    const dir = tmp();
    const file = join(dir, 'future.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer than this Spiegel supports/);
    let error: unknown;
    try {
      createService({ dbFile: file, home: join(dir, 'home') });
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).toBe('database-too-new');
    // and the file was not migrated or altered
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    after.close();
  });
});
