// Opens (and creates) the store of record with the settings every caller relies on.
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for another runtime (Electron); plain Node uses the default. */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
