// The browser host's restarting worker against real data workers: after "erase all data" the next call is
// answered from an empty store on the real database path (also when the first worker had another database open,
// as `spiegel serve` opens the demo), with a new key; after "restore the last backup" from the backup's data.
// Figures by hand: each official iJw example file holds one message (shared/reference/ijw/SOURCES.md).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientOver, type SpiegelApi } from '../core/contract/api.js';
import type { EventName } from '../core/contract/methods.js';
import { RESTORE_CONFIRMATION } from '../core/contract/settings.js';
import { ERASE_CONFIRMATION } from '../core/contract/system.js';
import { exampleInput } from '../test/fixtures/import/examples.js';
import { writeBackup } from './db/backup.js';
import { openDatabase } from './db/open.js';
import { startRestartingWorker } from './worker-restart.js';
import type { WorkerClient } from './worker-client.js';

const work = mkdtempSync(join(tmpdir(), 'spiegel-restart-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const files = (...codes: string[]) => codes.map((c) => ({ name: `${c}.xml`, bytes: new Uint8Array(exampleInput(c).bytes) }));

async function open(dbFile: string, home: string, afterErase?: string) {
  const worker: WorkerClient = await startRestartingWorker({ dbFile, home, afterErase });
  const events: EventName[] = [];
  const api: SpiegelApi = clientOver(worker.call, worker.subscribe);
  api.onEvent((e) => events.push(e));
  const messages = async () => {
    const meta = await api.invoke('meta/dimensions', {});
    if (!meta.ok) throw new Error(meta.error.message);
    return meta.value.counts.messages;
  };
  return { worker, api, events, messages };
}

describe('the restarting data worker of the browser host', () => {
  it('after an erase answers from an empty store on the real database, with a new key, and events keep coming', async () => {
    const home = join(work, 'erase');
    const other = join(home, 'demo.db'); // where serve starts when the real store is empty
    const real = join(home, 'spiegel.db');
    const { worker, api, events, messages } = await open(other, home, real);
    try {
      const imported = await api.invoke('import/files', { files: files('JW301', 'JW305') });
      expect(imported.ok).toBe(true);
      expect(await messages()).toBe(2);
      const oldKey = readFileSync(join(home, 'pseudonym.key'));
      const before = events.length;

      const erased = await api.invoke('system/erase', { confirm: ERASE_CONFIRMATION });
      expect(erased.ok).toBe(true);
      // The old worker is gone and the new one not started yet: nothing is left on disk.
      expect(existsSync(home)).toBe(false);
      expect(events.slice(before)).toEqual(['data/changed']);

      // The next call starts a fresh worker on the real path: an empty store, a new key, no demo rebuilt.
      expect(await messages()).toBe(0);
      const settings = await api.invoke('settings/get', {});
      expect(settings.ok && settings.value.locations.database).toBe(real);
      expect(settings.ok && settings.value.locations.demo).toBe(false);
      expect(existsSync(other)).toBe(false);
      expect(readFileSync(join(home, 'pseudonym.key')).equals(oldKey)).toBe(false);
      const history = await api.invoke('import/history', {});
      expect(history.ok && history.value.batches).toEqual([]);

      // Imports go on in the new store, and its data/changed reaches the subscriber made before the restart.
      const afterRestart = events.length;
      expect((await api.invoke('import/files', { files: files('JW301') })).ok).toBe(true);
      expect(await messages()).toBe(1);
      expect(events.slice(afterRestart)).toEqual(['data/changed']);
      expect(existsSync(real)).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it('after a restore answers from the backup; a refused restore restarts nothing', async () => {
    const home = join(work, 'restore');
    const dbFile = join(home, 'spiegel.db');
    const { worker, api, events, messages } = await open(dbFile, home);
    try {
      // No backup yet: refused, and the same worker answers with the same data.
      expect((await api.invoke('import/files', { files: files('JW301') })).ok).toBe(true);
      const countBefore = events.length;
      expect(await api.invoke('settings/restore-backup', { confirm: RESTORE_CONFIRMATION })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(events.length).toBe(countBefore);
      expect(await messages()).toBe(1);

      // A backup holding JW301 (over a second connection, as a migration takes one), then two more files.
      const second = openDatabase(dbFile);
      writeBackup(second, dbFile, 8, new Date('2025-07-01T10:00:00Z'));
      second.close();
      expect((await api.invoke('import/files', { files: files('JW305', 'JW307') })).ok).toBe(true);
      expect(await messages()).toBe(3);

      const before = events.length;
      const restored = await api.invoke('settings/restore-backup', { confirm: RESTORE_CONFIRMATION });
      expect(restored).toMatchObject({ ok: true, value: { restoredFrom: '2025-07-01T10:00:00.000Z', version: 8 } });
      expect(events.slice(before)).toEqual(['data/changed']);
      expect(await messages()).toBe(1);
      const history = await api.invoke('import/history', {});
      expect(history.ok && history.value.batches.map((b) => b.files)).toEqual([1]);
    } finally {
      await worker.close();
    }
  });
});
