// Opens (and creates) the store of record with the settings every caller relies on: WAL, a check that the
// file is an undamaged SQLite database, a backup before any migration, then the migrations.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import { listBackups, writeBackup } from './backup.js';
import { SCHEMA_VERSION, migrate, type Migration, MIGRATIONS } from './migrate.js';

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for another runtime (Electron); plain Node uses the default. */
  nativeBinding?: string;
  /** For tests of the migration path; the app always uses MIGRATIONS. */
  migrations?: readonly Migration[];
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const existed = file !== ':memory:' && existsSync(file);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    try {
      db.pragma('journal_mode = WAL');
      if (existed) checkIntact(db);
    } catch (e) {
      throw damaged(file, e);
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const migrations = options.migrations ?? MIGRATIONS;
    const latest = migrations === MIGRATIONS ? SCHEMA_VERSION : (migrations.at(-1)?.version ?? 0);
    const current = db.pragma('user_version', { simple: true }) as number;
    // Only a database with something in it is worth a backup; a newer one is refused by migrate() untouched.
    if (existed && current > 0 && current < latest) writeBackup(db, file, current);
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** quick_check reads every page once (a few hundred MB a second) and finds damaged pages and b-trees; a file
 *  that is not SQLite at all fails on the first pragma already. */
function checkIntact(db: Database.Database): void {
  const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  const found = problems.map((p) => p.quick_check).filter((p) => p !== 'ok');
  if (found.length > 0) throw new Error(found.join('; '));
}

/** The start-up error for a damaged file: what is wrong, that nothing was changed, and what to do next. */
function damaged(file: string, cause: unknown): ApiFailure {
  // quick_check reports over several lines with a banner; one line reads better in a dialog and a terminal.
  const detail = (cause instanceof Error ? cause.message : String(cause)).replace(/\*\*\* in database main \*\*\*/g, '').replace(/\s+/g, ' ').trim();
  const last = listBackups(file)[0];
  const next = last
    ? `The last backup is from ${last.at} (${last.file}); restore it with: spiegel restore --db "${file}" (the damaged file is kept beside the backups).`
    : `There is no backup of it. Move the file away to start with an empty database, or remove everything with: spiegel erase --db "${file}".`;
  return new ApiFailure('database-damaged', `the database ${file} is damaged and was not opened (${detail}); nothing in it was changed. ${next}`);
}
