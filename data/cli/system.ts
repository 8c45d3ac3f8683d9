// spiegel erase / spiegel restore: work on the files directly, without opening the database through the
// service — both must also work when the database is damaged and cannot be opened.
import { existsSync } from 'node:fs';
import { restoreLastBackup } from '../db/backup.js';
import { eraseAll, erasePaths } from '../system/erase.js';
import { dbFile, homeDir, type CommonOptions } from './context.js';

export async function runErase(options: CommonOptions & { yes?: boolean | undefined }): Promise<number> {
  const target = { dbFile: dbFile(options), home: homeDir(options) };
  if (!options.yes) {
    const present = erasePaths(target).filter((p) => existsSync(p));
    process.stdout.write(`spiegel erase would remove (run again with --yes to do it):\n${present.map((p) => `  ${p}\n`).join('') || '  (nothing: no Spiegel data found)\n'}`);
    return 2;
  }
  const removed = eraseAll(target);
  process.stdout.write(removed.length === 0 ? 'no Spiegel data found; nothing removed\n' : `removed:\n${removed.map((p) => `  ${p}\n`).join('')}`);
  return 0;
}

export async function runRestore(options: CommonOptions): Promise<number> {
  const { backup, damagedKeptAt } = restoreLastBackup(dbFile(options));
  process.stdout.write(`restored ${dbFile(options)} from the backup of ${backup.at} (schema version ${backup.version})\n`);
  if (damagedKeptAt) process.stdout.write(`the previous file was kept as ${damagedKeptAt}\n`);
  return 0;
}
