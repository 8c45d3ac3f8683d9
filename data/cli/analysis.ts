// spiegel signals / spiegel forecast: analysis/signals and analysis/forecast (docs/ANALYSIS.md) as CSV for Dutch
// Excel or JSON. Suppressed by default (DOMAIN.md §3); --no-suppression says so in the title line / JSON field.
import { toCsv } from '../../core/export/csv.js';
import { forecastRows, signalsRows } from '../../core/analysis/tables.js';
import { CliError } from './errors.js';
import { withApi, type CommonOptions } from './context.js';

interface AnalysisOptions extends CommonOptions {
  format?: string | undefined;
  year?: string | undefined;
  at?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  segment?: string | undefined;
  municipality?: string | undefined;
  'no-suppression'?: boolean | undefined;
}

function formatOf(o: AnalysisOptions): 'csv' | 'json' {
  const format = o.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, got '${format}'`);
  return format;
}

export async function runSignalsCommand(o: AnalysisOptions): Promise<number> {
  const format = formatOf(o);
  const args = {
    ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}), ...(o.municipality ? { municipality: o.municipality } : {}),
    ...(o.segment ? { segment: o.segment as never } : {}), suppress: !o['no-suppression'],
  };
  const result = await withApi(o, (api) => api.invoke('analysis/signals', args));
  if (!result.ok) throw new CliError(result.error.message);
  process.stdout.write(format === 'json' ? JSON.stringify(result.value, null, 2) + '\n' : toCsv(signalsRows(result.value)));
  return 0;
}

export async function runForecastCommand(o: AnalysisOptions): Promise<number> {
  const format = formatOf(o);
  const year = Number(o.year);
  if (!o.year || !Number.isInteger(year)) throw new CliError('forecast needs --year YYYY');
  const args = { year, ...(o.at ? { asOf: o.at } : {}), ...(o.municipality ? { municipality: o.municipality } : {}), suppress: !o['no-suppression'] };
  const result = await withApi(o, (api) => api.invoke('analysis/forecast', args));
  if (!result.ok) throw new CliError(result.error.message);
  process.stdout.write(format === 'json' ? JSON.stringify(result.value, null, 2) + '\n' : toCsv(forecastRows(result.value)));
  return 0;
}
