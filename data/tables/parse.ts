// A raw table + kind + mapping → typed rows, or every problem found (up to a limit) with its physical line,
// column and what was expected. BSNs are replaced by their pseudonym here, the moment they are read.
import type { ColumnMapping, TableError } from '../../core/contract/tables.js';
import { pseudonymise } from '../import/pseudonym.js';
import type { FieldType, KindSpec } from './kinds.js';
import { resolveMapping } from './mapping.js';
import type { RawTable } from './read.js';
import * as v from './values.js';

export type Value = string | number | boolean | null | v.AgeRange | v.Count;
export interface Row {
  line: number;
  values: Record<string, Value>;
}
export interface ParsedTable {
  lines: number; // data rows in the file
  rows: Row[];
  warnings: { code: string; detail: string }[];
  errors: TableError[];
}

export const MAX_ERRORS = 100;

const text = (s: string): v.Read<string> => ({ ok: true, value: s.trim() });
const READERS: Record<FieldType, (s: string) => v.Read<Value>> = {
  text, code: text, integer: v.readWholeNumber, euro: v.readEuroCents, count: v.readCount, boolean: v.readBoolean,
  date: v.readDate, year: v.readYear, schoolyear: v.readSchoolYear, age: v.readAge, sex: v.readSex,
  municipality: v.readMunicipality, vestigingscode: v.readVestigingscode, postcode: v.readPostcode, segment: v.readSegmentCell, bsn: v.readBsn,
};
// Fields whose date is read as "a year or a date" (a merger "per 2022" means 1 January 2022).
const readerOf = (type: FieldType, id: string) => (type === 'date' && id === 'date' ? v.readDateOrYear : READERS[type]);

const keyPart = (x: Value | undefined) => (x !== null && typeof x === 'object' ? JSON.stringify(x) : String(x ?? ''));
const shown = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function parseTable(raw: RawTable, spec: KindSpec, mapping: ColumnMapping, options: { file: string; key?: Buffer | undefined; year?: number | undefined }): ParsedTable {
  const out: ParsedTable = { lines: raw.records.length, rows: [], warnings: [], errors: [] };
  const resolved = resolveMapping(raw.headers, spec, mapping, options);
  if (!resolved.ok) return { ...out, errors: resolved.errors };
  const { columns, wide } = resolved.value;
  let more = 0;
  const fail = (e: TableError) => (out.errors.length < MAX_ERRORS ? out.errors.push(e) : more++);
  const fieldOf = (id: string) => spec.fields.find((f) => f.id === id)!;

  const read = (fieldId: string, cell: string, line: number, column: string): { ok: boolean; value: Value } => {
    const field = fieldOf(fieldId);
    if (cell.trim() === '') {
      if (field.required && field.type !== 'count') fail({ line, column, field: fieldId, reason: `${field.label.nl} (${fieldId}) is empty` });
      return { ok: !field.required || field.type === 'count', value: field.type === 'count' ? { value: null, suppressed: false } : null };
    }
    const r = readerOf(field.type, field.id)(cell);
    if (r.ok && field.type === 'bsn') {
      if (!options.key) throw new Error('a BSN field needs the pseudonym key'); // a programming error, never data
      return { ok: true, value: pseudonymise(options.key, r.value as string) };
    }
    if (r.ok) return { ok: true, value: r.value };
    const got = field.type === 'bsn' ? '' : `, got '${shown(cell)}'`;
    fail({ line, column, field: fieldId, reason: `expected ${r.expected} for ${field.label.nl} (${fieldId})${got}` });
    return { ok: false, value: null };
  };

  // A wide file's headers are read once; a header that does not read is one error on the header line.
  const wideValues = (wide?.columns ?? []).map((c) => read(wide!.field, c.text, raw.headerLine, c.header));
  const countField = wide?.value ?? spec.fields.find((f) => f.type === 'count')?.id;
  const seen = new Map<string, number>();
  let merged = 0;
  let suppressed = 0;
  let noFigure = 0;
  const keep = (line: number, values: Record<string, Value>) => {
    const count = countField ? values[countField] : undefined;
    if (count && typeof count === 'object' && 'suppressed' in count) {
      if (count.suppressed) suppressed++;
      else if (count.value === null) return void noFigure++;
    }
    const key = spec.unique.map((id) => keyPart(values[id])).join('\u0000');
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, line);
      out.rows.push({ line, values });
    } else if (spec.duplicates === 'merge') merged++;
    else fail({ line, column: null, field: null, reason: `same ${spec.unique.join(' + ')} as line ${first}` });
  };

  for (const record of raw.records) {
    const { cells, cellLines, line } = record;
    if (raw.format === 'csv' && cells.length !== raw.headers.length && !(cells.length > raw.headers.length && cells.slice(raw.headers.length).every((c) => c.trim() === ''))) {
      fail({ line, column: null, field: null, reason: `${cells.length} values where the header (line ${raw.headerLine}) has ${raw.headers.length}` });
      continue;
    }
    const values: Record<string, Value> = {};
    let good = true;
    for (const [fieldId, index] of columns) {
      const r = read(fieldId, cells[index] ?? '', cellLines[index] ?? line, raw.headers[index]!);
      values[fieldId] = r.value;
      good &&= r.ok;
    }
    if (options.year !== undefined && !columns.has('year') && spec.fields.some((f) => f.id === 'year')) values.year = options.year;
    if (!good) continue;
    if (!wide) {
      keep(line, values);
      continue;
    }
    wide.columns.forEach((c, i) => {
      const cell = cells[c.index] ?? '';
      if (cell.trim() === '' || !wideValues[i]!.ok) return;
      const r = read(wide.value, cell, cellLines[c.index] ?? line, c.header);
      if (!r.ok) return;
      const row = Object.assign({}, values);
      row[wide.field] = wideValues[i]!.value;
      row[wide.value] = r.value;
      keep(line, row);
    });
  }
  if (more > 0) out.errors.push({ line: null, column: null, field: null, reason: `… and ${more} more problems` });
  if (suppressed > 0) out.warnings.push({ code: 'suppressed', detail: `${suppressed} cells were suppressed (<5): stored without a figure, not as 0` });
  if (noFigure > 0) out.warnings.push({ code: 'no-figure', detail: `${noFigure} rows had no figure and were not stored` });
  if (merged > 0) out.warnings.push({ code: 'duplicate-rows', detail: `${merged} rows repeated an earlier row (same ${spec.unique.join(' + ')}) and were stored once` });
  if (spec.kind === 'codebook') out.warnings.push(...codebookWarnings(out.rows));
  return out;
}

/** "Met verblijf" = verblijf + wonen (DOMAIN.md §4): a codebook that says otherwise is probably mistaken. */
function codebookWarnings(rows: Row[]): { code: string; detail: string }[] {
  return rows.flatMap(({ line, values }) => {
    const residential = values.segment === 'verblijf' || values.segment === 'wonen';
    if (values.met_verblijf === null || values.met_verblijf === undefined || values.met_verblijf === residential) return [];
    return [{ code: 'codebook-met-verblijf', detail: `line ${line}: productcode ${String(values.productcode)} has met_verblijf=${values.met_verblijf ? 'ja' : 'nee'} but segment ${String(values.segment)}` }];
  });
}
