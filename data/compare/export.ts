// export/compare: a compare table as CSV for Dutch Excel or XLSX. Like every export it is ALWAYS suppressed
// (DOMAIN.md §3): the query runs with suppress: true whatever the caller wants, and a result that still shows a
// small figure is refused, never written. CSV cells are formula-injection-safe (core/export/csv.ts).
import type { z } from 'zod';
import type { exportCompareArgs } from '../../core/contract/compare.js';
import type { Handlers } from '../../core/contract/methods.js';
import type { exportResult } from '../../core/contract/workbench.js';
import { ApiFailure } from '../../core/contract/dispatch.js';
import { compareLeak, municipalitiesTable, profileTable, providersTable, qualityTable } from '../../core/compare/table.js';
import { pivotCsv } from '../../core/export/csv.js';
import type { PivotTable } from '../../core/export/table.js';
import { pivotXlsx, XLSX_MIME } from '../workbench/xlsx.js';

type Args = z.infer<typeof exportCompareArgs>;
type Runs = Pick<Handlers, 'compare/municipalities' | 'compare/providers' | 'compare/provider-profile' | 'compare/quality'>;

/** The table of one export, its file-name stem and sheet name. */
export async function compareExportTable(run: Runs, args: Omit<Args, 'format'>): Promise<{ table: PivotTable; stem: string; sheet: string }> {
  const lang = args.lang ?? 'nl';
  const period = args.period ?? '';
  const mun = args.municipality ? { municipality: args.municipality } : {};
  let result: { peildatum: string | null };
  let table: PivotTable;
  let sheet: string;
  switch (args.table) {
    case 'municipalities': {
      const r = await run['compare/municipalities']({ period, suppress: true, ...(args.mergers ? { mergers: args.mergers } : {}), ...(args.kader ? { kader: args.kader } : {}) });
      [result, table, sheet] = [r, municipalitiesTable(r, lang), 'Gemeenten'];
      break;
    }
    case 'providers': {
      const r = await run['compare/providers']({ period, ...mun, suppress: true });
      [result, table, sheet] = [r, providersTable(r, lang), 'Aanbieders'];
      break;
    }
    case 'provider-profile': {
      const r = await run['compare/provider-profile']({ agb: args.agb! });
      [result, table, sheet] = [r, profileTable(r, lang), 'Profiel'];
      break;
    }
    case 'quality': {
      const r = await run['compare/quality']({ period, ...mun, suppress: true });
      [result, table, sheet] = [r, qualityTable(r, lang), 'Kwaliteit'];
      break;
    }
  }
  const leak = compareLeak(result);
  if (leak) throw new ApiFailure('bad-request', `export refused: ${leak}`);
  const what = [args.table, args.table === 'provider-profile' ? args.agb : period, args.municipality].filter(Boolean).join('-');
  return { table, sheet, stem: `spiegel-compare-${what}-${result.peildatum ?? 'zonder-peildatum'}` };
}

export async function exportCompare(run: Runs, args: Args): Promise<z.infer<typeof exportResult>> {
  const { table, stem, sheet } = await compareExportTable(run, args);
  if (args.format === 'csv') return { fileName: `${stem}.csv`, mime: 'text/csv;charset=utf-8', bytes: new TextEncoder().encode(pivotCsv(table)) };
  return { fileName: `${stem}.xlsx`, mime: XLSX_MIME, bytes: await pivotXlsx(table, sheet) };
}
