// spiegel table import FILE --kind K [--source NAME] [--map field=Column]... [--year N] [--sheet S]
// spiegel table list
// Reference tables from CSV/XLSX extracts, through the same contract as the app (tables/*).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TABLE_KINDS, type ColumnMapping, type TableKind } from '../../core/contract/tables.js';
import { withApi } from './context.js';
import { CliError } from './errors.js';

export const TABLE_USAGE = `  spiegel table import FILE --kind ${TABLE_KINDS.join('|')} [--source NAME] [--map FIELD=COLUMN]... [--year N] [--sheet NAME] [--db FILE]
  spiegel table list [--db FILE]`;

function isKind(k: string | undefined): k is TableKind {
  return (TABLE_KINDS as readonly string[]).includes(k ?? '');
}

function overrides(maps: string[]): ColumnMapping {
  const out: ColumnMapping = {};
  for (const m of maps) {
    const eq = m.indexOf('=');
    if (eq <= 0) throw new CliError(`--map expects FIELD=COLUMN, got '${m}'`);
    out[m.slice(0, eq).trim()] = m.slice(eq + 1).trim();
  }
  return out;
}

export async function runTableCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' }, home: { type: 'string' }, kind: { type: 'string' }, source: { type: 'string' },
      map: { type: 'string', multiple: true }, year: { type: 'string' }, sheet: { type: 'string' },
    },
  });
  if (sub === 'list') return listTables(values);
  if (sub !== 'import') throw new CliError(`usage:\n${TABLE_USAGE}`);
  if (positionals.length !== 1) throw new CliError('table import needs exactly one FILE');
  if (!isKind(values.kind)) throw new CliError(`table import needs --kind, one of: ${TABLE_KINDS.join(', ')}`);
  const kind = values.kind;
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !/^\d{4}$/.test(values.year!)) throw new CliError(`--year expects a year like 2024, got '${values.year}'`);
  const path = resolve(positionals[0]!);
  const sheet = values.sheet ? { sheet: values.sheet } : {};
  return withApi(values, async (api) => {
    const preview = await api.invoke('tables/preview', { path, kind, ...sheet, ...(values.source ? { source: values.source } : {}) });
    if (!preview.ok) throw new CliError(preview.error.message);
    const p = preview.value;
    const mapping = values.map ? { ...(p.saved ?? p.suggested), ...overrides(values.map) } : undefined;
    const result = await api.invoke('tables/import', { path, kind, source: p.source, ...sheet, ...(mapping ? { mapping } : {}), ...(year ? { year } : {}) });
    if (!result.ok) throw new CliError(result.error.message);
    const r = result.value;
    const used = Object.entries(r.mapping).map(([f, c]) => `${f}=${c}`).join(', ');
    if (r.status === 'imported') {
      process.stdout.write(`${r.file}: ingelezen als ${kind} (bron '${r.source}'): ${r.lines} regels, ${r.rows} rijen opgeslagen, ${r.replaced} vervangen\n  kolommen: ${used}\n`);
      for (const w of r.warnings) process.stdout.write(`waarschuwing ${w.code}: ${r.file}: ${w.detail}\n`);
      return 0;
    }
    for (const e of r.errors) process.stdout.write(`  ${r.file}${e.line !== null ? `:${e.line}` : ''}${e.column ? ` [${e.column}]` : ''}: ${e.reason}\n`);
    const first = r.errors[0]!;
    const hint = first.field === 'year' && first.line === null && p.year !== null ? ` (the file name suggests --year ${p.year})` : '';
    process.stderr.write(`spiegel: ${r.file} afgewezen, niets gewijzigd; first: ${first.line !== null ? `line ${first.line}: ` : ''}${first.reason.split('; headers found')[0]}${hint}\n`);
    return 1;
  });
}

async function listTables(options: { db?: string | undefined; home?: string | undefined }): Promise<number> {
  const result = await withApi(options, (api) => api.invoke('tables/list', {}));
  if (!result.ok) throw new CliError(result.error.message);
  if (result.value.tables.length === 0) process.stdout.write('geen tabellen ingelezen\n');
  for (const t of result.value.tables) {
    const periods = t.periods.length === 0 ? '' : ` ${t.periods[0]}${t.periods.length > 1 ? `…${t.periods[t.periods.length - 1]}` : ''}`;
    process.stdout.write(`${t.kind}\t${t.source}\t${t.rows} rijen${periods}\t${t.file}\t${t.importedAt}\n`);
  }
  return 0;
}
