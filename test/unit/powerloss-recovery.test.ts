// The store's safety nets: a backup before every migration, a damaged database refused at start with a
// message that says what to do (restore the last backup, or start empty), and `spiegel restore` doing it.
import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../data/cli/main.js';
import { KEEP_BACKUPS, listBackups } from '../../data/db/backup.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../data/db/migrate.js';
import { openDatabase } from '../../data/db/open.js';
import { createService } from '../../data/service.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'spiegel-recovery-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A database one schema version behind, holding one saved view the analyst would not want to lose. */
function previousVersionDb(file: string): void {
  const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, -1) });
  db.prepare("CREATE TABLE IF NOT EXISTS analyst_note (text TEXT)").run();
  db.prepare("INSERT INTO analyst_note VALUES ('bewaren')").run();
  db.close();
}

const notes = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return { version: db.pragma('user_version', { simple: true }), notes: db.prepare('SELECT text FROM analyst_note').pluck().all() };
  } finally {
    db.close();
  }
};

/** Overwrites part of page `page` (1-based) with bytes that are no valid b-tree page. */
function damagePage(file: string, page: number): void {
  const size = readFileSync(file).readUInt16BE(16);
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(200, 0xa5), 0, 200, (page - 1) * size);
  closeSync(fd);
}

describe('backups before migrations', () => {
  it('copies the database, as it was, before migrating it', () => {
    const file = join(tmp(), 'spiegel.db');
    previousVersionDb(file);
    expect(listBackups(file)).toEqual([]);
    openDatabase(file).close();
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    expect(backups[0]!.version).toBe(SCHEMA_VERSION - 1);
    expect(notes(backups[0]!.file)).toEqual({ version: SCHEMA_VERSION - 1, notes: ['bewaren'] });
    expect(notes(file)).toEqual({ version: SCHEMA_VERSION, notes: ['bewaren'] });
  });

  it('takes none for a new database or one that needs no migration, and keeps the last three', () => {
    const dir = tmp();
    const file = join(dir, 'spiegel.db');
    openDatabase(file).close();
    openDatabase(file).close();
    expect(listBackups(file)).toEqual([]);
    for (let i = 0; i < KEEP_BACKUPS + 2; i++) {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      previousVersionDb(file); // as if an older Spiegel had written it
      openDatabase(file).close();
    }
    expect(listBackups(file)).toHaveLength(KEEP_BACKUPS);
  });
});

describe('a damaged database at start', () => {
  it('refuses a file that is not a database, says there is no backup, and changes nothing', () => {
    const file = join(tmp(), 'spiegel.db');
    writeFileSync(file, 'Dit is geen database, maar een notitie van de analist.\n'.repeat(200));
    const before = readFileSync(file);
    let error: { code?: string; message?: string } = {};
    try {
      createService({ dbFile: file, home: join(tmp(), 'home') });
    } catch (e) {
      error = e as typeof error;
    }
    expect(error.code).toBe('database-damaged');
    expect(error.message).toMatch(/is damaged and was not opened \(file is not a database\); nothing in it was changed\. There is no backup of it/);
    expect(error.message).toContain(`spiegel erase --db "${file}"`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('finds a damaged page, offers the last backup, and `spiegel restore` brings it back', async () => {
    const file = join(tmp(), 'spiegel.db');
    previousVersionDb(file);
    openDatabase(file).close(); // migrates: backup of the previous version
    const backup = listBackups(file)[0]!;
    // Damage the last page (the analyst's note), after a checkpoint so that it is in the main file.
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.close();
    damagePage(file, pages);
    expect(() => openDatabase(file)).toThrow(
      new RegExp(`is damaged and was not opened \\(.*\\); nothing in it was changed\\. The last backup is from ${backup.at.replace(/[.]/g, '\\.')}`),
    );
    expect(() => openDatabase(file)).toThrow(`spiegel restore --db "${file}"`);

    const output: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((s: string) => (output.push(s), true)) as typeof process.stdout.write;
    try {
      expect(await main(['restore', '--db', file])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(output.join('')).toContain(`from the backup of ${backup.at} (schema version ${SCHEMA_VERSION - 1})`);
    // Opens again, migrated forward from the backup, with the analyst's data.
    openDatabase(file).close();
    expect(notes(file)).toEqual({ version: SCHEMA_VERSION, notes: ['bewaren'] });
    // The damaged file was kept, not deleted.
    expect(output.join('')).toMatch(/the previous file was kept as .*spiegel\.db-damaged-/);
  });

  it('a truncated file (a copy cut off half-way) is refused too', () => {
    const dir = tmp();
    const file = join(dir, 'spiegel.db');
    previousVersionDb(file);
    openDatabase(file).close();
    const whole = join(dir, 'whole.db');
    copyFileSync(file, whole);
    const bytes = readFileSync(whole);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    rmSync(`${file}-wal`, { force: true });
    expect(existsSync(file)).toBe(true);
    expect(() => openDatabase(file)).toThrow(/is damaged and was not opened/);
  });
});
