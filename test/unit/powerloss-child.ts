// Run by powerloss-migration.test.ts in a child process, to be killed with SIGKILL: opens a database that
// needs a migration, through the real openDatabase (backup, then the migrations in one transaction). The
// extra migration rewrites every row of a large table, so the window to be killed in is wide.
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../data/db/migrate.js';
import { openDatabase } from '../../data/db/open.js';

export const HEAVY: Migration = {
  version: SCHEMA_VERSION + 1,
  name: 'powerloss-heavy',
  sql: `CREATE TABLE payload_copy AS SELECT * FROM payload;
        UPDATE payload SET v = v || '!';
        CREATE INDEX payload_v ON payload (v);`,
};
export const WITH_HEAVY: readonly Migration[] = [...MIGRATIONS, HEAVY];

const file = process.argv[2];
if (file && process.argv[1]?.endsWith('powerloss-child.ts')) {
  // The test times its kill from this line, so the start-up of Node and tsx does not blur where it lands.
  process.stdout.write('open\n');
  openDatabase(file, { migrations: WITH_HEAVY }).close();
  process.stdout.write('done\n');
}
