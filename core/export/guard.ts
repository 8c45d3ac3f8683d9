// The last check before a pivot leaves the analyst (file, clipboard, meeting screen): suppression must have
// been applied (core/suppress.ts) and no cell of 1..threshold-1 clients may still show. It does not suppress
// anything itself — a leak here is a bug upstream, and the export is refused rather than repaired.
import type { PivotResult } from '../contract/pivot.js';

/** Why this result may not be exported, or null when it may. */
export function exportLeak(result: PivotResult): string | null {
  const { applied, threshold } = result.suppression;
  if (!applied) return 'small-cell suppression was not applied';
  for (let r = 0; r < result.cells.length; r++) {
    const line = result.cells[r]!;
    for (let c = 0; c < line.length; c++) {
      const cell = line[c]!;
      if (cell.flag === 'suppressed' || cell.flag === 'secondary') continue;
      const small = cell.clients !== null && cell.clients > 0 && cell.clients < threshold;
      if (cell.flag === 'small' || small) {
        const where = `row ${JSON.stringify(result.rows[r]?.path)}, column ${JSON.stringify(result.cols[c]?.path)}`;
        return `a cell of ${cell.clients ?? '?'} clients is not suppressed (${where})`;
      }
    }
  }
  return null;
}
