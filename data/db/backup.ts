// Backups of the store of record, kept beside it in <db>.backups/: one is written before every migration
// (a migration that goes wrong, or a Spiegel that has to be rolled back, must not cost the analyst their
// imports), and restoring the newest one is what a damaged database is offered at start (open.ts).
// A backup is written under a temporary name and renamed when complete, so a crash or power loss while
// writing it never leaves a half backup that could later be restored.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';

/** How many backups are kept; older ones are removed after a new one is complete. */
export const KEEP_BACKUPS = 3;

export interface Backup {
  file: string;
  /** The schema version of the database the backup was taken of. */
  version: number;
  /** When it was taken (ISO, UTC). */
  at: string;
}

export function backupDir(dbFile: string): string {
  return `${dbFile}.backups`;
}

const NAME = /^(.+)-v(\d+)-(\d{8}T\d{9}Z)\.db$/;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, ''); // 20250630T120000123Z: sortable, no ':' for Windows
}

function isoOf(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/** The complete backups of this database, newest first. */
export function listBackups(dbFile: string): Backup[] {
  const dir = backupDir(dbFile);
  if (!existsSync(dir)) return [];
  const own = basename(dbFile);
  return readdirSync(dir)
    .flatMap((name) => {
      const m = NAME.exec(name);
      return m && m[1] === own ? [{ file: join(dir, name), version: Number(m[2]), at: isoOf(m[3]!), key: m[3]! }] : [];
    })
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .map(({ file, version, at }) => ({ file, version, at }));
}

/** A consistent copy of the open database (VACUUM INTO reads one snapshot, WAL included). */
export function writeBackup(db: Database.Database, dbFile: string, version: number, now = new Date()): Backup {
  const dir = backupDir(dbFile);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${basename(dbFile)}-v${version}-${stamp(now)}.db`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  renameSync(partial, file);
  for (const old of listBackups(dbFile).slice(KEEP_BACKUPS)) rmSync(old.file, { force: true });
  return { file, version, at: now.toISOString() };
}

export interface Restored {
  backup: Backup;
  /** Where the damaged database was moved to (kept, in case someone wants to look at it). */
  damagedKeptAt: string | null;
}

/** Puts the newest backup in place of the database; the old file (and its WAL) is moved aside, not deleted.
 *  Must be called while no connection has the database open. */
export function restoreLastBackup(dbFile: string, now = new Date()): Restored {
  const backup = listBackups(dbFile)[0];
  if (!backup) throw new Error(`there is no backup of ${dbFile} in ${backupDir(dbFile)}`);
  let damagedKeptAt: string | null = null;
  if (existsSync(dbFile)) {
    damagedKeptAt = join(backupDir(dbFile), `${basename(dbFile)}-damaged-${stamp(now)}`);
    renameSync(dbFile, damagedKeptAt);
    for (const side of ['-wal', '-shm']) {
      if (existsSync(dbFile + side)) renameSync(dbFile + side, damagedKeptAt + side);
    }
  }
  mkdirSync(dirname(dbFile), { recursive: true });
  const partial = `${dbFile}.restoring`;
  copyFileSync(backup.file, partial);
  renameSync(partial, dbFile);
  return { backup, damagedKeptAt };
}
