// export/schools: the schools table as CSV for Dutch Excel or XLSX. Like every export it is ALWAYS suppressed
// (DOMAIN.md §3): the query runs with suppress: true whatever it says, and a result that would still show a
// small count is refused, never written.
import type { z } from 'zod';
import type { exportSchoolsArgs, SchoolsArgs, SchoolsResult } from '../../core/contract/schools.js';
import type { exportResult } from '../../core/contract/workbench.js';
import { schoolsLeak, schoolsTable } from '../../core/compare-schools/table.js';
import { pivotCsv } from '../../core/export/csv.js';
import { pivotXlsx, XLSX_MIME } from '../workbench/xlsx.js';

type Args = z.infer<typeof exportSchoolsArgs>;
type Result = z.infer<typeof exportResult>;

/** spiegel-scholen-2024-2025-specialistisch-0228.csv: ASCII only. */
export function schoolsFileName(r: SchoolsResult, ext: 'csv' | 'xlsx'): string {
  const parts = [r.schoolYear ?? 'geen-schooljaar', r.segment, r.municipality].filter((x) => x !== null).join('-');
  return `spiegel-scholen-${parts}.${ext}`;
}

export async function exportSchools(run: (q: SchoolsArgs) => Promise<SchoolsResult>, args: Args): Promise<Result> {
  const result = await run({ ...args.query, suppress: true });
  const leak = schoolsLeak(result);
  if (leak) throw new Error(`export refused: ${leak}`);
  const table = schoolsTable(result, args.lang ?? 'nl');
  if (args.format === 'csv') return { fileName: schoolsFileName(result, 'csv'), mime: 'text/csv;charset=utf-8', bytes: new TextEncoder().encode(pivotCsv(table)) };
  return { fileName: schoolsFileName(result, 'xlsx'), mime: XLSX_MIME, bytes: await pivotXlsx(table, 'Scholen') };
}
