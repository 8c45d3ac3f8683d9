// export/pivot: exactly what the grid shows (subtotals included, collapsed rows left out) as CSV for Dutch
// Excel or XLSX. Exports are ALWAYS suppressed (DOMAIN.md §3: suppression protects every figure that leaves
// the analyst): the query runs with suppress: true whatever it says, and a result that still holds a small
// cell is refused, never written.
import type { PivotQueryInput, PivotResult } from '../../core/contract/pivot.js';
import type { exportArgs, exportResult } from '../../core/contract/workbench.js';
import { pivotCsv } from '../../core/export/csv.js';
import { exportLeak } from '../../core/export/guard.js';
import { pivotTable } from '../../core/export/table.js';
import { pivotXlsx, XLSX_MIME } from './xlsx.js';
import type { z } from 'zod';

export type RunQuery = (q: PivotQueryInput) => Promise<PivotResult>;
type ExportArgs = z.infer<typeof exportArgs>;
type ExportResult = z.infer<typeof exportResult>;

/** spiegel-municipality-year-2025-06-30.csv: the dimensions and the peildatum, ASCII only. */
export function exportFileName(result: PivotResult, ext: 'csv' | 'xlsx'): string {
  const dims = [...result.query.rows, ...result.query.cols].join('-');
  return `spiegel-${dims}-${result.peildatum ?? 'zonder-peildatum'}.${ext}`;
}

export async function exportPivot(runQuery: RunQuery, args: ExportArgs): Promise<ExportResult> {
  const result = await runQuery({ ...args.query, suppress: true });
  const leak = exportLeak(result);
  if (leak) throw new Error(`export refused: ${leak}`);
  const table = pivotTable(result, { lang: args.lang ?? 'nl', collapsed: args.collapsed ?? [] });
  if (args.format === 'csv') {
    return { fileName: exportFileName(result, 'csv'), mime: 'text/csv;charset=utf-8', bytes: new TextEncoder().encode(pivotCsv(table)) };
  }
  return { fileName: exportFileName(result, 'xlsx'), mime: XLSX_MIME, bytes: await pivotXlsx(table) };
}
