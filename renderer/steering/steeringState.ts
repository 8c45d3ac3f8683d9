// The steering view's state in the URL hash: #steering?s={…}. `report` opens the printable monthly report
// (#steering?report=1 works too, for a bookmark); `ids` are the indicators chosen for it (null = all).
// The header's plain "#steering" link always opens the view itself, never the report.
import { z } from 'zod';
import type { HashCodec } from '../useHashState.js';

export const steeringState = z
  .object({
    report: z.boolean(),
    ids: z.array(z.number().int()).max(200).nullable(),
    suppress: z.boolean(),
  })
  .strict();
export type SteeringState = z.infer<typeof steeringState>;

export const DEFAULT_STEERING: SteeringState = { report: false, ids: null, suppress: true };
const STORAGE_KEY = 'spiegel.steering';

export function stateToHash(s: SteeringState): string {
  return `#steering?${new URLSearchParams({ s: JSON.stringify(s) }).toString()}`;
}

function parse(query: string): SteeringState | null {
  const params = new URLSearchParams(query);
  const text = params.get('s');
  try {
    const raw = text ? (JSON.parse(text) as object) : {};
    const parsed = steeringState.safeParse({ ...DEFAULT_STEERING, ...raw, ...(params.get('report') === '1' ? { report: true } : {}) });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The state in a hash; the bare "#steering" (the header's link) is the last state without the report. */
export function stateFromHash(hash: string): SteeringState | null {
  if (/^#?steering$/.test(hash)) {
    const stored = /^#?steering\?(.*)$/.exec(sessionStorage.getItem(STORAGE_KEY) ?? '');
    return { ...((stored && parse(stored[1]!)) || DEFAULT_STEERING), report: false };
  }
  const m = /^#?steering\?(.*)$/.exec(hash);
  return m ? parse(m[1]!) : null;
}

export const STEERING_CODEC: HashCodec<SteeringState> = { storageKey: STORAGE_KEY, fromHash: stateFromHash, toHash: stateToHash, fallback: DEFAULT_STEERING };
