// spiegel indicators: every indicator (docs/STEERING.md) with its latest value, target, status and rule, as
// CSV for Dutch Excel or JSON. Suppressed like every CLI output (DOMAIN.md §3); --no-suppression says so in
// the title line and the JSON's suppression field.
import { toCsv } from '../../core/export/csv.js';
import { indicatorsRows, indicatorsTitle } from '../../core/steering/table.js';
import { withApi, type CommonOptions } from './context.js';
import { CliError } from './errors.js';

interface IndicatorsOptions extends CommonOptions {
  format?: string | undefined;
  'no-suppression'?: boolean | undefined;
}

export async function runIndicatorsCommand(o: IndicatorsOptions): Promise<number> {
  const format = o.format ?? 'csv';
  if (!['csv', 'json'].includes(format)) throw new CliError(`--format must be csv or json, got '${format}'`);
  const result = await withApi(o, (api) => api.invoke('indicators/series', { suppress: !o['no-suppression'] }));
  if (!result.ok) throw new CliError(result.error.message);
  const r = result.value;
  if (format === 'csv') {
    process.stdout.write(toCsv(indicatorsRows(r, 'nl')));
    return 0;
  }
  // JSON: figures in the indicator's unit as stored (money in eurocent), suppressed ones null with their flag.
  const indicators = r.series.map(({ indicator, label, latest, status, targetLine }) => ({ ...indicator, label, latest, status, targetLine }));
  process.stdout.write(JSON.stringify({ title: indicatorsTitle(r, 'nl'), peildatum: r.peildatum, suppression: r.suppression, indicators }, null, 2) + '\n');
  return 0;
}
