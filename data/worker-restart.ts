// The browser host's data worker, restarted after the two calls that leave it without a database: "erase all
// data" (system/erase removes the store) and "restore the last backup" (settings/restore-backup swaps the file
// under it). As the desktop app does with its data process (electron/main.ts): after an ok reply the worker is
// closed, and the next call starts a fresh one — so the page simply carries on, with no restart of `spiegel serve`.
import type { EventName } from '../core/contract/methods.js';
import { leavesNoDatabase } from '../core/contract/system.js';
import type { ServiceOptions } from './service.js';
import { startWorkerClient, type WorkerClient } from './worker-client.js';

export interface RestartingOptions extends Omit<ServiceOptions, 'today'> {
  /** The database a worker opens after an erase. `spiegel serve` may have started on the demo (data/demo.ts
   *  chooseDatabase, while the real database held nothing); erase removes the demo too, and the analyst then
   *  gets the real, empty store to import into — not a demo rebuilt behind their back. Default: dbFile. */
  afterErase?: string | undefined;
}

export async function startRestartingWorker(options: RestartingOptions): Promise<WorkerClient> {
  const { afterErase, ...first } = options;
  let serviceOptions: Omit<ServiceOptions, 'today'> = first;
  const listeners = new Set<(event: EventName) => void>();
  const relay = (event: EventName): void => {
    for (const l of listeners) l(event);
  };
  const startOne = async (): Promise<WorkerClient> => {
    const w = await startWorkerClient(serviceOptions);
    w.subscribe(relay); // subscribers stay with this client, whichever worker is behind it
    return w;
  };

  // The worker in use (or starting); `inUse` is the same once it has started, to tell its replies from an old one's.
  let inUse: WorkerClient | null = await startOne(); // a worker that cannot start fails the start of the host, as before
  let live: Promise<WorkerClient> | null = Promise.resolve(inUse);
  // The old worker's closing: calls that arrive meanwhile wait for it, then start the new one.
  let closing: Promise<unknown> = Promise.resolve();
  let closed = false;

  const worker = async (): Promise<WorkerClient> => {
    await closing;
    if (closed) throw new Error('the data worker has been closed');
    if (live === null) {
      const starting = startOne().then((w) => (inUse = w));
      live = starting;
      // A start that fails (say, an unreadable key) fails this call; the next one tries again.
      starting.catch(() => {
        if (live === starting) live = null;
      });
    }
    return live;
  };

  return {
    async call(method, encodedArgs) {
      const w = await worker();
      const reply = await w.call(method, encodedArgs);
      // Only the first ok reply of the worker in use closes it (two erases in flight close it once).
      if (leavesNoDatabase(method, reply) && inUse === w) {
        if (method === 'system/erase' && afterErase !== undefined) serviceOptions = { ...serviceOptions, dbFile: afterErase };
        live = null;
        inUse = null;
        closing = w.close().catch(() => undefined);
        await closing;
        // Open tabs refetch; their next call starts the new worker (an empty store after erase, the backup's after restore).
        relay('data/changed');
      }
      return reply;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      await closing;
      const current = live;
      live = null;
      inUse = null;
      if (current) await (await current.catch(() => null))?.close();
    },
  };
}
