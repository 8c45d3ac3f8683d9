// "Erase all data": every file Spiegel keeps about imported messages, found by name rather than by
// emptying folders wholesale (home may be a folder the analyst also uses for other things).
import { existsSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupDir } from '../db/backup.js';

export interface EraseTarget {
  dbFile: string;
  home: string;
}

/** The database files of one database: itself, SQLite's side files, an unfinished restore, its backups. */
function databaseFiles(dbFile: string): string[] {
  return [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`, `${dbFile}.restoring`, backupDir(dbFile)];
}

/** Everything that is erased: the given database, the default and demo databases in home, the key files. */
export function erasePaths(target: EraseTarget): string[] {
  const home = resolve(target.home);
  const paths = [
    ...databaseFiles(resolve(target.dbFile)),
    ...databaseFiles(join(home, 'spiegel.db')),
    ...databaseFiles(join(home, 'demo.db')),
    join(home, 'pseudonym.key'),
    // The desktop app's OS-encrypted key, and its copy being written should a start have stopped midway.
    join(home, 'pseudonym.key.enc'),
    join(home, 'pseudonym.key.enc.writing'),
  ];
  return [...new Set(paths)];
}

/** Removes them; returns what existed and is now gone. The home folder goes too when nothing else is in it.
 *  The database must be closed (Windows would refuse; elsewhere an open handle would keep the data alive). */
export function eraseAll(target: EraseTarget): string[] {
  const removed: string[] = [];
  for (const path of erasePaths(target)) {
    if (!existsSync(path)) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  const home = resolve(target.home);
  if (existsSync(home) && readdirSync(home).length === 0) {
    rmdirSync(home);
    removed.push(home);
  }
  return removed;
}
