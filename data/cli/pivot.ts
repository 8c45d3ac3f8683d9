// spiegel pivot: the same query the app runs, printed as a table, CSV (Dutch Excel) or JSON.
// Suppressed by default (DOMAIN.md §3); --no-suppression says so in the output's title.
import type { PivotQueryInput } from '../../core/contract/methods.js';
import { pivotTable } from '../../core/export/table.js';
import { toCsv } from '../../core/export/csv.js';
import { formatDate, formatNumber } from '../../core/format.js';
import type { Unit } from '../../core/registry.js';
import { CliError } from './main.js';
import { withApi, type CommonOptions } from './context.js';

interface PivotOptions extends CommonOptions {
  rows?: string | undefined;
  cols?: string | undefined;
  measure?: string | undefined;
  filter?: string[] | undefined;
  format?: string | undefined;
  'no-suppression'?: boolean | undefined;
}

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

export function queryFromOptions(o: PivotOptions): PivotQueryInput {
  if (!o.rows) throw new CliError('pivot needs --rows DIM[,DIM]');
  const filters = (o.filter ?? []).map((f) => {
    const m = /^([a-z]+)(!?=)(.*)$/.exec(f);
    if (!m) throw new CliError(`--filter must look like DIM=VALUE or DIM!=VALUE, got '${f}'`);
    const values = m[3]!.split(',');
    const negate = m[2] === '!=';
    return values.length > 1 ? [m[1], negate ? 'not in' : 'in', values] : [m[1], negate ? '!=' : '==', values[0]];
  });
  return {
    rows: list(o.rows),
    cols: list(o.cols),
    measures: o.measure ? list(o.measure) : ['clients'],
    filters,
    suppress: !o['no-suppression'],
  } as PivotQueryInput;
}

export async function runPivotCommand(o: PivotOptions): Promise<number> {
  const format = o.format ?? 'table';
  if (!['table', 'csv', 'json'].includes(format)) throw new CliError(`--format must be table, csv or json, got '${format}'`);
  const query = queryFromOptions(o);
  const result = await withApi(o, (api) => api.invoke('query/pivot', query));
  if (!result.ok) throw new CliError(result.error.message);
  const pivot = result.value;
  const notice = pivot.suppression.applied
    ? `kleine aantallen (1-${pivot.suppression.threshold - 1}) onderdrukt`
    : 'ZONDER onderdrukking van kleine aantallen: alleen voor eigen gebruik';
  const title = `Spiegel — peildatum ${pivot.peildatum ? formatDate(pivot.peildatum) : 'onbekend'} — ${notice}`;
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ title, ...pivot }, null, 2) + '\n');
  } else if (format === 'csv') {
    const csvNumber = (v: number, unit: Unit) => (unit === 'eurocent' ? (v / 100).toFixed(2) : String(v)).replace('.', ',');
    process.stdout.write(toCsv([[title], ...pivotTable(pivot, { lang: 'nl', number: csvNumber })]));
  } else {
    const rows = pivotTable(pivot, { lang: 'nl', number: (v, unit) => (unit === 'eurocent' ? formatNumber(v / 100, 'nl', 2) : formatNumber(v)) });
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
    const nLabels = query.rows.length;
    const text = rows.map((r) => r.map((cell, c) => (c < nLabels ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    process.stdout.write([title, '', ...text].join('\n') + '\n');
  }
  return 0;
}
