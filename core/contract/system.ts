// The installation as a whole: erasing everything Spiegel stored on this machine (docs/PRIVACY.md).
import { z } from 'zod';

/** The words the caller must send: an erase cannot happen by a stray or replayed call with empty arguments. */
export const ERASE_CONFIRMATION = 'erase-all-data';

export const eraseResult = z
  .object({
    // Every file or folder that was removed (absolute paths), for the analyst's record of the erasure.
    removed: z.array(z.string()),
  })
  .strict();
export type EraseResult = z.infer<typeof eraseResult>;

export const systemMethods = {
  // Removes the database (with WAL/SHM), its backups, the demo database and the pseudonym key. The data
  // process closes the database first and answers nothing but errors afterwards: the app restarts it.
  'system/erase': { args: z.object({ confirm: z.literal(ERASE_CONFIRMATION) }).strict(), result: eraseResult },
} as const;
