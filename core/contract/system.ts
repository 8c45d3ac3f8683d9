// The installation as a whole: erasing everything Spiegel stored on this machine (docs/PRIVACY.md).
import { z } from 'zod';
import { decode } from './envelope.js';

/** The words the caller must send: an erase cannot happen by a stray or replayed call with empty arguments. */
export const ERASE_CONFIRMATION = 'erase-all-data';

export const eraseResult = z
  .object({
    // Every file or folder that was removed (absolute paths), for the analyst's record of the erasure.
    removed: z.array(z.string()),
  })
  .strict();
export type EraseResult = z.infer<typeof eraseResult>;

/** Whether a call's reply leaves the data process without a database: an ok erase removed it, an ok restore
 *  swapped the file under it. The desktop app (electron/main.ts) and the browser host (data/worker-restart.ts)
 *  then close that process, and the next call starts a fresh one. */
export function leavesNoDatabase(method: string, reply: string): boolean {
  if (method !== 'system/erase' && method !== 'settings/restore-backup') return false;
  try {
    return (decode(reply) as { ok?: unknown }).ok === true;
  } catch {
    return false; // not a reply the host can read: the process carries on as it is
  }
}

export const systemMethods = {
  // Removes the database (with WAL/SHM), its backups, the demo database and the pseudonym key. The data
  // process closes the database first and answers nothing but errors afterwards: the app restarts it.
  'system/erase': { args: z.object({ confirm: z.literal(ERASE_CONFIRMATION) }).strict(), result: eraseResult },
} as const;
