// export/regie-op-drie: the list as CSV for Dutch Excel or XLSX. It is the municipality's own case list for its
// evaluation meeting, so it is not suppressed — and for that reason it leaves the app only when the caller
// confirms exactly that (`confirmOwnCaseList: true`); anything else is refused and nothing is written.
import type { z } from 'zod';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { exportRegieArgs, RegieArgs, RegieResult } from '../../core/contract/stacking.js';
import type { exportResult } from '../../core/contract/workbench.js';
import { pivotCsv } from '../../core/export/csv.js';
import { regieTable } from '../../core/stacking/table.js';
import { pivotXlsx, XLSX_MIME } from '../workbench/xlsx.js';

type Args = z.infer<typeof exportRegieArgs>;
type Result = z.infer<typeof exportResult>;

export const CONFIRM_REFUSAL =
  'export refused: the regie-op-drie list is not suppressed; confirm it is the municipality\'s own case list (confirmOwnCaseList: true)';

/** spiegel-regie-op-drie-3-2025-Q1-0228-2025-06-30.csv: ASCII only. */
export function regieFileName(r: RegieResult, ext: 'csv' | 'xlsx'): string {
  const q = r.query;
  const parts = [`${q.number}${q.orHigher ? 'plus' : ''}`, q.period, q.municipality].filter((x) => x !== null).join('-');
  return `spiegel-regie-op-drie-${parts}-${r.peildatum ?? 'zonder-peildatum'}.${ext}`;
}

export async function exportRegie(run: (q: RegieArgs) => Promise<RegieResult>, args: Args): Promise<Result> {
  if (args.confirmOwnCaseList !== true) throw new ApiFailure('bad-request', CONFIRM_REFUSAL);
  const result = await run(args.query);
  const table = regieTable(result, args.lang ?? 'nl');
  if (args.format === 'csv') return { fileName: regieFileName(result, 'csv'), mime: 'text/csv;charset=utf-8', bytes: new TextEncoder().encode(pivotCsv(table)) };
  return { fileName: regieFileName(result, 'xlsx'), mime: XLSX_MIME, bytes: await pivotXlsx(table, 'Regie op drie') };
}
