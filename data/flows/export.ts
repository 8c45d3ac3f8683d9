// export/flows: the stock-flow table as CSV for Dutch Excel or XLSX. Like every export it is ALWAYS
// suppressed (DOMAIN.md §3): the query runs with suppress: true whatever it says, and a result that still
// shows a small figure is refused, never written.
import type { z } from 'zod';
import type { exportFlowsArgs, FlowsQueryInput, FlowsResult } from '../../core/contract/flows.js';
import type { exportResult } from '../../core/contract/workbench.js';
import { pivotCsv } from '../../core/export/csv.js';
import { flowsLeak, flowsTable } from '../../core/flows/table.js';
import { pivotXlsx, XLSX_MIME } from '../workbench/xlsx.js';

type Args = z.infer<typeof exportFlowsArgs>;
type Result = z.infer<typeof exportResult>;

/** spiegel-flows-quarter-municipality-2025-06-30.csv: ASCII only. */
export function flowsFileName(result: FlowsResult, ext: 'csv' | 'xlsx'): string {
  const q = result.query;
  const filters = [q.segment, q.municipality].filter((x) => x !== null).join('-');
  return `spiegel-flows-${q.grain}-${q.by}${filters ? `-${filters}` : ''}-${result.peildatum ?? 'zonder-peildatum'}.${ext}`;
}

export async function exportFlows(run: (q: FlowsQueryInput) => Promise<FlowsResult>, args: Args): Promise<Result> {
  const result = await run({ ...args.query, suppress: true });
  const leak = flowsLeak(result);
  if (leak) throw new Error(`export refused: ${leak}`);
  const table = flowsTable(result, args.lang ?? 'nl');
  if (args.format === 'csv') return { fileName: flowsFileName(result, 'csv'), mime: 'text/csv;charset=utf-8', bytes: new TextEncoder().encode(pivotCsv(table)) };
  return { fileName: flowsFileName(result, 'xlsx'), mime: XLSX_MIME, bytes: await pivotXlsx(table, 'Instroom-uitstroom') };
}
