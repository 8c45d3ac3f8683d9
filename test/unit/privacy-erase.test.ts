// "Erase all data" through the contract (what the app's button will call): refused without the confirmation
// words and while an import runs; otherwise it closes the database and removes it with its WAL/SHM, backups,
// the demo database and the pseudonym key — and a new start gets a new, empty store and a new key.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/contract/dispatch.js';
import { ERASE_CONFIRMATION } from '../../core/contract/system.js';
import { writeBackup } from '../../data/db/backup.js';
import { openDatabase } from '../../data/db/open.js';
import { createService } from '../../data/service.js';
import { exampleInput } from '../fixtures/import/examples.js';

const work = mkdtempSync(join(tmpdir(), 'spiegel-erase-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('system/erase', () => {
  it('needs the confirmation words', async () => {
    const home = join(work, 'a');
    const service = createService({ dbFile: join(home, 'spiegel.db'), home });
    try {
      const r = await dispatch(service, 'system/erase', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
      expect(existsSync(join(home, 'spiegel.db'))).toBe(true);
    } finally {
      service.close();
    }
  });

  it('removes every file of the data and the key; a new start has an empty store and another key', async () => {
    const home = join(work, 'b');
    const dbFile = join(home, 'spiegel.db');
    const service = createService({ dbFile, home });
    await service['import/files']({ files: [{ name: 'JW301.xml', bytes: new Uint8Array(exampleInput('JW301').bytes) }] });
    const key = readFileSync(join(home, 'pseudonym.key'));
    // A backup and a demo database beside it, as a migration and the desktop app's first start leave them.
    const demo = openDatabase(join(home, 'demo.db'));
    writeBackup(demo, join(home, 'demo.db'), 7);
    demo.close();
    mkdirSync(`${dbFile}.backups`, { recursive: true });
    writeFileSync(join(`${dbFile}.backups`, 'spiegel.db-v6-20250101T000000000Z.db'), 'x');
    expect(existsSync(`${dbFile}-wal`)).toBe(true);

    const r = await dispatch(service, 'system/erase', { confirm: ERASE_CONFIRMATION });
    expect(r.ok).toBe(true);
    const removed = (r as { value: { removed: string[] } }).value.removed;
    expect(removed).toEqual(expect.arrayContaining([dbFile, `${dbFile}.backups`, join(home, 'demo.db'), `${join(home, 'demo.db')}.backups`, join(home, 'pseudonym.key'), home]));
    // (closing the database folds the WAL back in and SQLite deletes it; erase removes it when a crash left it)
    for (const gone of [`${dbFile}-wal`, `${dbFile}-shm`, home]) expect(existsSync(gone), gone).toBe(false);
    // The data process holds nothing any more: calls fail instead of answering from memory.
    expect(await dispatch(service, 'meta/dimensions', {})).toMatchObject({ ok: false });
    service.close();

    const again = createService({ dbFile, home });
    try {
      expect((await again['meta/dimensions']({})).counts.messages).toBe(0);
      expect(readFileSync(join(home, 'pseudonym.key')).equals(key)).toBe(false);
    } finally {
      again.close();
    }
  });

  it('leaves files that are not Spiegel\'s in a shared home folder', async () => {
    const home = join(work, 'c');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'notities.txt'), 'van de analist');
    const service = createService({ dbFile: join(home, 'spiegel.db'), home });
    await dispatch(service, 'system/erase', { confirm: ERASE_CONFIRMATION });
    expect(readdirSync(home)).toEqual(['notities.txt']);
  });
});
