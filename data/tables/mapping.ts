// Column mapping: which header holds which field. Suggested from the header names (exact names first,
// then a synonym as whole words inside a longer header), overridable by the user, saved per source.
import type { ColumnMapping, TableError } from '../../core/contract/tables.js';
import type { KindSpec } from './kinds.js';
import { normaliseName } from './municipality-names.js';

export const normaliseHeader = normaliseName;

function candidates(spec: KindSpec, fieldIndex: number): string[] {
  const field = spec.fields[fieldIndex]!;
  return [...new Set([...field.synonyms, field.id, field.label.nl, field.label.en].map(normaliseHeader).filter(Boolean))];
}

/** Field → column for every field whose column can be recognised; each column used once. Exact names are
 *  matched for every field before any partial match, so POSTCODE wins over POSTCODE CORRESPONDENTIEADRES. */
export function suggestMapping(headers: readonly string[], spec: KindSpec): ColumnMapping {
  const normal = headers.map(normaliseHeader);
  // Columns a wide file melts into rows (LEERLINGEN_2024) are never suggested for a field of their own.
  const used = new Set<number>(headers.flatMap((h, i) => (spec.wide?.match(normal[i]!, h) != null ? [i] : [])));
  const mapping: ColumnMapping = {};
  const claim = (fieldId: string, column: number) => {
    mapping[fieldId] = headers[column]!;
    used.add(column);
  };
  spec.fields.forEach((field, fi) => {
    for (const name of candidates(spec, fi)) {
      const column = normal.findIndex((h, i) => !used.has(i) && h === name);
      if (column >= 0) return claim(field.id, column);
    }
  });
  spec.fields.forEach((field, fi) => {
    if (mapping[field.id]) return;
    for (const name of candidates(spec, fi)) {
      const column = normal.findIndex((h, i) => !used.has(i) && ` ${h} `.includes(` ${name} `));
      if (column >= 0) return claim(field.id, column);
    }
  });
  return mapping;
}

export interface WideColumns {
  field: string;
  value: string;
  columns: { index: number; header: string; text: string }[];
}

/** The columns a wide file melts into rows, when the mapping leaves the wide field and value unmapped. */
export function wideColumns(headers: readonly string[], spec: KindSpec, mapping: ColumnMapping): WideColumns | null {
  const wide = spec.wide;
  if (!wide || mapping[wide.field] || mapping[wide.value]) return null;
  const mapped = new Set(Object.values(mapping));
  const columns = headers.flatMap((header, index) => {
    const text = mapped.has(header) ? null : wide.match(normaliseHeader(header), header);
    return text === null ? [] : [{ index, header, text }];
  });
  return columns.length > 0 ? { field: wide.field, value: wide.value, columns } : null;
}

export interface ResolvedMapping {
  columns: Map<string, number>; // field → column index
  wide: WideColumns | null;
}

/** Checks a mapping against the headers: every mapped column exists once, every required field has a
 *  column (or comes from a wide file, or from `year` given with the import). */
export function resolveMapping(
  headers: readonly string[],
  spec: KindSpec,
  mapping: ColumnMapping,
  options: { file: string; year?: number | undefined },
): { ok: true; value: ResolvedMapping } | { ok: false; errors: TableError[] } {
  const errors: TableError[] = [];
  const found = `headers found: ${headers.join(', ')}`;
  const columns = new Map<string, number>();
  for (const [fieldId, header] of Object.entries(mapping)) {
    const field = spec.fields.find((x) => x.id === fieldId);
    if (!field) {
      errors.push({ line: null, column: header, field: fieldId, reason: `'${fieldId}' is not a field of ${spec.kind}; fields: ${spec.fields.map((x) => x.id).join(', ')}` });
      continue;
    }
    if (header === '') continue; // explicitly not mapped
    const at = headers.flatMap((h, i) => (h === header ? [i] : []));
    if (at.length === 0) errors.push({ line: null, column: header, field: fieldId, reason: `${options.file} has no column '${header}' for ${field.label.nl} (${fieldId}); ${found}` });
    else if (at.length > 1) errors.push({ line: null, column: header, field: fieldId, reason: `column name '${header}' appears ${at.length} times; rename one so ${fieldId} is unambiguous` });
    else columns.set(fieldId, at[0]!);
  }
  const mapped: ColumnMapping = Object.fromEntries([...columns].map(([k, i]) => [k, headers[i]!]));
  const wide = wideColumns(headers, spec, mapped);
  for (const field of spec.fields) {
    if (!field.required || columns.has(field.id)) continue;
    if (wide && (wide.field === field.id || wide.value === field.id)) continue;
    if (field.type === 'year' && options.year !== undefined) continue;
    if (errors.some((e) => e.field === field.id)) continue;
    const hint = field.type === 'year' ? ' and no year given with the import' : '';
    errors.push({ line: null, column: null, field: field.id, reason: `${options.file} has no column for required field ${field.label.nl} (${field.id})${hint}; ${found}` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { columns, wide } };
}
