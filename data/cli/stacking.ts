// spiegel stacking: concurrent stacking (query/stacking) as CSV for Dutch Excel or JSON, suppressed by default.
// spiegel regie-op-drie: the list of trajectories number 3 (--min N: N or higher) started in a period, per
// municipality — the municipality's own case list, exact (docs/STACKING.md).
import { STACKING_BREAKDOWNS, type StackingArgs } from '../../core/contract/stacking.js';
import { pivotCsv } from '../../core/export/csv.js';
import { regieTable, regieTitle, stackingTable, stackingTitle } from '../../core/stacking/table.js';
import { CliError } from './errors.js';
import { withApi, type CommonOptions } from './context.js';

interface StackingOptions extends CommonOptions {
  at?: string | undefined;
  period?: string | undefined;
  by?: string | undefined;
  municipality?: string | undefined;
  min?: string | undefined;
  format?: string | undefined;
  'no-suppression'?: boolean | undefined;
}

function formatOf(o: StackingOptions): 'csv' | 'json' {
  const format = o.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, got '${format}'`);
  return format;
}

export async function runStackingCommand(o: StackingOptions): Promise<number> {
  const format = formatOf(o);
  if ((o.at === undefined) === (o.period === undefined)) throw new CliError('stacking needs --at DATE (one day) or --period KEY (per month, e.g. 2024, 2024-Q1, 2024-03)');
  const by = o.by ?? 'region';
  if (!(STACKING_BREAKDOWNS as readonly string[]).includes(by)) throw new CliError(`--by must be ${STACKING_BREAKDOWNS.join(', ')}; got '${by}'`);
  const query: StackingArgs = {
    ...(o.at !== undefined ? { at: o.at } : {}),
    ...(o.period !== undefined ? { period: o.period } : {}),
    by: by as StackingArgs['by'],
    ...(o.municipality ? { municipality: o.municipality } : {}),
    suppress: !o['no-suppression'],
  };
  const result = await withApi(o, (api) => api.invoke('query/stacking', query));
  if (!result.ok) throw new CliError(result.error.message);
  const r = result.value;
  if (format === 'json') process.stdout.write(JSON.stringify({ title: stackingTitle(r, 'nl'), ...r }, null, 2) + '\n');
  else process.stdout.write(pivotCsv(stackingTable(r, 'nl')));
  return 0;
}

export async function runRegieCommand(o: StackingOptions): Promise<number> {
  const format = formatOf(o);
  if (!o.period) throw new CliError('regie-op-drie needs --period KEY (e.g. 2024, 2024-Q1, 2024-03)');
  if (o.min !== undefined && !/^\d+$/.test(o.min)) throw new CliError(`--min must be a whole number ≥ 2, got '${o.min}'`);
  const min = o.min === undefined ? null : Number(o.min);
  const query = { period: o.period, ...(o.municipality ? { municipality: o.municipality } : {}), ...(min !== null ? { number: min, orHigher: true } : {}) };
  const result = await withApi(o, (api) => api.invoke('query/regie-op-drie', query));
  if (!result.ok) throw new CliError(result.error.message);
  const r = result.value;
  if (format === 'json') process.stdout.write(JSON.stringify({ title: regieTitle(r, 'nl'), ...r }, null, 2) + '\n');
  else process.stdout.write(pivotCsv(regieTable(r, 'nl')));
  return 0;
}
