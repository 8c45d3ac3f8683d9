// The order in which a dimension's values are listed: segments heaviest first (DOMAIN.md §4),
// numbers numerically, everything else by key.
import type { DimensionId } from '../registry.js';
import { SEGMENT_ORDER } from '../registry.js';

export function compareKeys(dim: DimensionId, a: string, b: string): number {
  if (dim === 'segment') {
    return SEGMENT_ORDER.indexOf(a as never) - SEGMENT_ORDER.indexOf(b as never);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
