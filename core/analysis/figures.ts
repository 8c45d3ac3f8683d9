// Suppression of the analysis figures (DOMAIN.md §3): a figure behind 1..threshold−1 children is hidden
// ('suppressed', value null) when suppression is on, else exact and flagged 'small'; zeros are never hidden.
// Rows of money tied by a shown total get secondary suppression: while exactly one row is hidden, the row with
// the smallest other non-zero amount (ties by key) is hidden too.
import type { AnalysisFigure } from '../contract/analysis.js';

export const isSmall = (children: number, threshold: number) => children > 0 && children < threshold;

export function figure(value: number, children: number, suppress: boolean, threshold: number): AnalysisFigure {
  if (value === 0 || !isSmall(children, threshold)) return { value, flag: 'ok' };
  return suppress ? { value: null, flag: 'suppressed' } : { value, flag: 'small' };
}

export const hiddenFigure = (flag: 'suppressed' | 'secondary'): AnalysisFigure => ({ value: null, flag });

/** Keys of the rows to hide: the small ones, then secondary ones while exactly one is hidden. */
export function hiddenRows<T>(rows: readonly T[], key: (r: T) => string, small: (r: T) => boolean, size: (r: T) => number): Map<string, 'suppressed' | 'secondary'> {
  const out = new Map<string, 'suppressed' | 'secondary'>();
  for (const r of rows) if (small(r)) out.set(key(r), 'suppressed');
  while (out.size === 1) {
    let pick: T | null = null;
    for (const r of rows) {
      if (out.has(key(r)) || size(r) === 0) continue;
      if (!pick || size(r) < size(pick) || (size(r) === size(pick) && key(r) < key(pick))) pick = r;
    }
    if (!pick) break;
    out.set(key(pick), 'secondary');
  }
  return out;
}
