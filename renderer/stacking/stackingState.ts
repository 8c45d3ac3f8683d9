// The stacking view's state in the URL hash (#stacking?s=…), like the flows view's: a reload, bookmark or the
// back button restores it, and whatever the hash holds is checked before it is used (else the default).
import { z } from 'zod';
import { STACKING_BREAKDOWNS } from '../../core/contract/stacking.js';
import { periodKey } from '../../core/contract/period.js';

export const stackingState = z
  .object({
    /** Year or quarter of every section (null = the last year of the data). */
    period: periodKey.nullable(),
    by: z.enum(STACKING_BREAKDOWNS),
    municipality: z.string().regex(/^\d{4}$/).nullable(),
    suppress: z.boolean(),
    /** The group the over-time chart shows ('' = the first). */
    group: z.string(),
    /** Regie op drie: list number 3 or higher rather than exactly 3. */
    orHigher: z.boolean(),
    /** The step drawn in the transitions flow (1 = from number 1 to 2). */
    step: z.number().int().min(1).max(49),
  })
  .strict();
export type StackingState = z.infer<typeof stackingState>;

export const DEFAULT_STACKING: StackingState = { period: null, by: 'region', municipality: null, suppress: true, group: '', orHigher: false, step: 1 };

export function stateToHash(s: StackingState): string {
  return `#stacking?${new URLSearchParams({ s: JSON.stringify(s) }).toString()}`;
}

export function stateFromHash(hash: string): StackingState | null {
  const m = /^#?stacking\?(.*)$/.exec(hash);
  const text = m ? new URLSearchParams(m[1]).get('s') : null;
  if (!text) return null;
  try {
    const parsed = stackingState.safeParse({ ...DEFAULT_STACKING, ...(JSON.parse(text) as object) });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
