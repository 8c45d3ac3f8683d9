// spiegel samenloop: the same person in Jeugd and Wmo (query/samenloop, docs/STACKING.md) as CSV for Dutch
// Excel (one figure per row; a suppressed figure is written as '<5', a secondarily hidden one as 'x') or JSON,
// suppressed by default.
import type { SamenloopResult, StackCount } from '../../core/contract/stacking.js';
import { toCsv } from '../../core/export/csv.js';
import { CliError } from './errors.js';
import { withApi, type CommonOptions } from './context.js';

interface SamenloopOptions extends CommonOptions {
  period?: string | undefined;
  municipality?: string | undefined;
  format?: string | undefined;
  'no-suppression'?: boolean | undefined;
}

export function samenloopRows(r: SamenloopResult): string[][] {
  const cell = (c: StackCount) => (c.flag === 'secondary' ? 'x' : c.value === null ? `<${r.suppression.threshold}` : String(c.value));
  const t = r.turning18;
  return [
    ['figuur', 'aantal'],
    ['kinderen met jeugdhulp in de periode', cell(r.jeugd)],
    ['personen met Wmo-ondersteuning in de periode', cell(r.wmoClients)],
    ['in beide in de periode', cell(r.both)],
    ['in beide op dezelfde dag', cell(r.bothSameDay)],
    ['18 geworden met jeugdhulp in de 90 dagen ervoor', cell(t.cohort)],
    ['… daarna Wmo-ondersteuning', cell(t.toWmo)],
    ['… verlengde jeugdhulp', cell(t.prolonged)],
    ['… beide', cell(t.both)],
    ['… geen van beide', cell(t.neither)],
  ];
}

export async function runSamenloopCommand(o: SamenloopOptions): Promise<number> {
  const format = o.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, got '${format}'`);
  if (!o.period) throw new CliError('samenloop needs --period KEY (e.g. 2024, 2024-Q1, 2024-03)');
  const query = { period: o.period, ...(o.municipality ? { municipality: o.municipality } : {}), suppress: !o['no-suppression'] };
  const result = await withApi(o, (api) => api.invoke('query/samenloop', query));
  if (!result.ok) throw new CliError(result.error.message);
  const r = result.value;
  if (format === 'json') process.stdout.write(JSON.stringify(r, null, 2) + '\n');
  else {
    if (!r.wmo.imported) process.stderr.write('no iWmo data in this database: every Wmo figure is 0\n');
    process.stdout.write(toCsv(samenloopRows(r)));
  }
  return 0;
}
