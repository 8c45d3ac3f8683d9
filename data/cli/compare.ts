// spiegel compare municipalities|providers|schools: the comparisons of issue 8 (docs/COMPARE.md) as CSV for
// Dutch Excel or JSON. Suppressed by default (DOMAIN.md §3); --no-suppression says so in the CSV's title line
// and the JSON's suppression field. Schools are engineer B's (data/cli/compare-schools.ts).
import { municipalitiesTable, providersTable } from '../../core/compare/table.js';
import { pivotCsv } from '../../core/export/csv.js';
import type { PivotTable } from '../../core/export/table.js';
import { CliError } from './errors.js';
import { withApi, type CommonOptions } from './context.js';

export interface CompareOptions extends CommonOptions {
  period?: string | undefined;
  municipality?: string | undefined;
  format?: string | undefined;
  'no-suppression'?: boolean | undefined;
}

export async function runCompareCommand(what: string | undefined, o: CompareOptions): Promise<number> {
  // Loaded on use: engineer B's file; a missing or broken schools command must not take the other commands down.
  if (what === 'schools') return (await import('./compare-schools.js')).runCompareSchools(o);
  if (what !== 'municipalities' && what !== 'providers') throw new CliError(`compare needs municipalities, providers or schools; got '${what ?? ''}'`);
  if (!o.period) throw new CliError('compare needs --period KEY (2024, 2024-Q1 or 2024-03)');
  const format = o.format ?? 'csv';
  if (!['csv', 'json'].includes(format)) throw new CliError(`--format must be csv or json, got '${format}'`);
  const suppress = !o['no-suppression'];
  const period = o.period;
  const out = await withApi(o, async (api): Promise<{ value: unknown; table: PivotTable }> => {
    if (what === 'municipalities') {
      const r = await api.invoke('compare/municipalities', { period, suppress });
      if (!r.ok) throw new CliError(r.error.message);
      // --municipality keeps that row and the region row.
      const value = o.municipality ? { ...r.value, rows: r.value.rows.filter((x) => x.kind === 'region' || x.key === o.municipality || x.mergedFrom.includes(o.municipality!)) } : r.value;
      return { value, table: municipalitiesTable(value, 'nl') };
    }
    const r = await api.invoke('compare/providers', { period, suppress, ...(o.municipality ? { municipality: o.municipality } : {}) });
    if (!r.ok) throw new CliError(r.error.message);
    return { value: r.value, table: providersTable(r.value, 'nl') };
  });
  if (format === 'json') process.stdout.write(JSON.stringify({ title: out.table.title, ...(out.value as object) }, null, 2) + '\n');
  else process.stdout.write(pivotCsv(out.table));
  return 0;
}
