// spiegel pivot: the same query the app runs, printed as a table, CSV (Dutch Excel) or JSON. The table and
// the CSV are core/export/table.ts's — the grid's own layout, subtotal rows included.
// Suppressed by default (DOMAIN.md §3); --no-suppression says so in the output's title.
import { COMPARE, SHOW_AS, type PivotQueryInput, type PivotSort } from '../../core/contract/pivot.js';
import { pivotCsv } from '../../core/export/csv.js';
import { figureText } from '../../core/export/figures.js';
import { pivotTable } from '../../core/export/table.js';
import { titleLine } from '../../core/export/title.js';
import { isMeasure } from '../../core/registry.js';
import { CliError } from './errors.js';
import { withApi, type CommonOptions } from './context.js';

interface PivotOptions extends CommonOptions {
  rows?: string | undefined;
  cols?: string | undefined;
  measure?: string | undefined;
  filter?: string[] | undefined;
  format?: string | undefined;
  'no-suppression'?: boolean | undefined;
  'show-as'?: string | undefined;
  compare?: string | undefined;
  'per-1000'?: boolean | undefined;
  sort?: string | undefined;
}

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--${option} must be ${allowed.join(', ')}; got '${value}'`);
  return value as T;
}

/** --sort key | MEASURE, optionally :asc or :desc (the rows under each parent, by their total). */
export function sortFromOption(s: string): PivotSort {
  const m = /^([A-Za-z0-9]+)(?::(asc|desc))?$/.exec(s);
  if (!m || (m[1] !== 'key' && !isMeasure(m[1]!))) throw new CliError(`--sort must be key or a measure, optionally with :desc (e.g. clients:desc); got '${s}'`);
  return { by: m[1] as PivotSort['by'], dir: (m[2] ?? 'asc') as PivotSort['dir'] };
}

export function queryFromOptions(o: PivotOptions): PivotQueryInput {
  if (!o.rows) throw new CliError('pivot needs --rows DIM[,DIM]');
  const filters = (o.filter ?? []).map((f) => {
    const m = /^([a-zA-Z]+)(!=|>=|<=|=)(.*)$/.exec(f);
    if (!m) throw new CliError(`--filter must look like DIM=VALUE, DIM!=VALUE, DIM>=VALUE or DIM<=VALUE; got '${f}'`);
    const values = m[3]!.split(',');
    if (m[2] === '>=' || m[2] === '<=') return [m[1], m[2], m[3]];
    const negate = m[2] === '!=';
    return values.length > 1 ? [m[1], negate ? 'not in' : 'in', values] : [m[1], negate ? '!=' : '==', values[0]];
  });
  return {
    rows: list(o.rows),
    cols: list(o.cols),
    measures: o.measure ? list(o.measure) : ['clients'],
    filters,
    suppress: !o['no-suppression'],
    ...(o['show-as'] ? { showAs: oneOf('show-as', o['show-as'], SHOW_AS) } : {}),
    ...(o.compare ? { compare: oneOf('compare', o.compare, COMPARE) } : {}),
    ...(o['per-1000'] ? { per1000: true } : {}),
    ...(o.sort ? { sort: sortFromOption(o.sort) } : {}),
  } as PivotQueryInput;
}

export async function runPivotCommand(o: PivotOptions): Promise<number> {
  const format = o.format ?? 'table';
  if (!['table', 'csv', 'json'].includes(format)) throw new CliError(`--format must be table, csv or json, got '${format}'`);
  const query = queryFromOptions(o);
  const result = await withApi(o, (api) => api.invoke('query/pivot', query));
  if (!result.ok) throw new CliError(result.error.message);
  const pivot = result.value;
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ title: titleLine(pivot, 'nl'), ...pivot }, null, 2) + '\n');
    return 0;
  }
  const table = pivotTable(pivot, { lang: 'nl' });
  if (format === 'csv') {
    process.stdout.write(pivotCsv(table));
    return 0;
  }
  const lines = [...table.header, ...table.body.map((l) => l.map((c) => (typeof c === 'string' ? c : figureText(c, true))))];
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((r) => (r[c] ?? '').length)));
  const text = lines.map((r) => r.map((cell, c) => (c < table.labelColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
  process.stdout.write([table.title, ...table.notes, '', ...text].join('\n') + '\n');
  return 0;
}
