// spiegel compare schools: the schools table of compare/schools (DOMAIN.md §9, docs/SCHOOLS.md) as CSV for Dutch
// Excel or JSON. Suppressed by default (DOMAIN.md §3); --no-suppression says so in the CSV's title line and the
// JSON's suppression field. --period is a school year (2024-2025; 2024/2025 is read the same).
import type { SchoolsArgs } from '../../core/contract/schools.js';
import { schoolsTable, schoolsTitle } from '../../core/compare-schools/table.js';
import { pivotCsv } from '../../core/export/csv.js';
import { CliError } from './errors.js';
import { withApi, type CommonOptions } from './context.js';

export interface CompareSchoolsOptions extends CommonOptions {
  period?: string | undefined;
  format?: string | undefined;
  municipality?: string | undefined;
  'no-suppression'?: boolean | undefined;
}

export function schoolsArgsFromOptions(o: CompareSchoolsOptions): SchoolsArgs {
  const period = o.period?.replace('/', '-');
  if (period !== undefined && !/^\d{4}-\d{4}$/.test(period)) throw new CliError(`--period must be a school year like 2024-2025; got '${o.period}'`);
  if (o.municipality !== undefined && !/^\d{4}$/.test(o.municipality)) throw new CliError(`--municipality must be a 4-digit CBS code like 0228; got '${o.municipality}'`);
  return { ...(period ? { schoolYear: period } : {}), ...(o.municipality ? { municipality: o.municipality } : {}), suppress: !o['no-suppression'] };
}

export async function runCompareSchools(o: CompareSchoolsOptions): Promise<number> {
  const format = o.format ?? 'csv';
  if (!['csv', 'json'].includes(format)) throw new CliError(`--format must be csv or json, got '${format}'`);
  const args = schoolsArgsFromOptions(o);
  const result = await withApi(o, (api) => api.invoke('compare/schools', args));
  if (!result.ok) throw new CliError(result.error.message);
  const schools = result.value;
  if (format === 'json') process.stdout.write(JSON.stringify({ title: schoolsTitle(schools, 'nl'), ...schools }, null, 2) + '\n');
  else process.stdout.write(pivotCsv(schoolsTable(schools, 'nl')));
  return 0;
}
