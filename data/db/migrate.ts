// Numbered migrations on PRAGMA user_version (Signal's pattern): all pending steps in one transaction,
// and a database written by a newer Spiegel is refused rather than guessed at.
import type Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import { migration001 } from './migrations/001_init.js';
import { migration002 } from './migrations/002_declarations.js';
import { migration003 } from './migrations/003_requests.js';
import { migration004 } from './migrations/004_batches.js';
import { migration005 } from './migrations/005_tables.js';
import { migration006 } from './migrations/006_wijk.js';
import { migration007 } from './migrations/007_views.js';
import { migration008 } from './migrations/008_wmo.js';
import { migration009 } from './migrations/009_benchmark.js';
import { migration010 } from './migrations/010_steering.js';
import { migration011 } from './migrations/011_budget.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new ApiFailure(
      'database-too-new',
      `database schema version ${current} is newer than this Spiegel supports (${latest}); update Spiegel or open another database`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return latest;
}
