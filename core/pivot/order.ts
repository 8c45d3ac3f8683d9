// The order in which a dimension's values are listed: segments heaviest first (DOMAIN.md §4), age bands
// youngest first, everything else by key (codes, and time keys that sort as text).
import type { DimensionId } from '../registry.js';
import { AGE_BANDS, SEGMENT_ORDER } from '../registry.js';

export function compareKeys(dim: DimensionId, a: string, b: string): number {
  if (dim === 'segment') return SEGMENT_ORDER.indexOf(a as never) - SEGMENT_ORDER.indexOf(b as never);
  if (dim === 'ageband') return AGE_BANDS.indexOf(a as never) - AGE_BANDS.indexOf(b as never);
  return a < b ? -1 : a > b ? 1 : 0;
}
