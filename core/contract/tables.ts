// Contract for reference tables read from flat extracts (CSV/XLSX): preview a file with a suggested column
// mapping, import it under a named source, list what is loaded. data/tables implements it
// (docs/IMPORT.md, "Tabellen (CSV/XLSX)").
import { z } from 'zod';

export const TABLE_KINDS = [
  'codebook', // regional product codebook: productcode → segment (DOMAIN.md §4)
  'population', // CBS population per municipality × year × age (group)
  'duo-schools', // DUO file 02: school locations
  'duo-pupils', // DUO file 06: pupils per school location × year
  'leerplicht', // leerplicht extract: BSN (pseudonymised on reading) → vestigingscode per school year
  'municipality-mapping', // old municipality code → new code, from a year (mergers)
  'municipalities', // a CBS list of municipalities on 1 January of a year
  'wijk', // PC4 → wijk (district), for the pivot's wijk dimension
] as const;
export const tableKind = z.enum(TABLE_KINDS);
export type TableKind = z.infer<typeof tableKind>;

/** How a field's cells are read (Dutch-first: decimal comma, dd-mm-jjjj, `<5` = suppressed). */
export const FIELD_TYPES = [
  'text', 'code', 'integer', 'euro', 'count', 'boolean', 'date', 'year', 'schoolyear', 'age', 'sex',
  'municipality', 'vestigingscode', 'postcode', 'segment', 'bsn',
] as const;
export const fieldType = z.enum(FIELD_TYPES);

const text = z.object({ nl: z.string(), en: z.string() }).strict();
const fileBytes = z.object({ name: z.string().min(1), bytes: z.instanceof(Uint8Array) }).strict();

/** Field id → the column header that holds it. */
export const columnMapping = z.record(z.string().min(1), z.string());
export type ColumnMapping = z.infer<typeof columnMapping>;

const exactlyOneInput = (a: { file?: unknown; path?: unknown }) => (a.file === undefined) !== (a.path === undefined);
const oneInputMessage = { message: 'give exactly one of file or path' };
const source = z.string().trim().min(1).max(200);

// ---- tables/preview ------------------------------------------------------------------------------
export const tablePreviewArgs = z
  .object({
    file: fileBytes.optional(),
    path: z.string().min(1).optional(),
    kind: tableKind,
    source: source.optional(), // look up the saved mapping of this source; default: the file name without extension
    sheet: z.string().min(1).optional(), // XLSX: which worksheet; default the first
  })
  .strict()
  .refine(exactlyOneInput, oneInputMessage);
export type TablePreviewArgs = z.infer<typeof tablePreviewArgs>;

export const tableField = z
  .object({ id: z.string(), type: fieldType, required: z.boolean(), label: text, help: text })
  .strict();
export type TableField = z.infer<typeof tableField>;

export const tablePreview = z
  .object({
    file: z.string(),
    kind: tableKind,
    source: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252']).nullable(), // null for XLSX
    delimiter: z.enum([';', ',', '\t']).nullable(), // null for XLSX
    sheet: z.string().nullable(), // XLSX worksheet read
    headers: z.array(z.string()),
    rows: z.array(z.array(z.string())).max(10), // the first data rows as text; BSN-like cells masked
    rowCount: z.number().int(), // data rows in the file
    fields: z.array(tableField),
    suggested: columnMapping, // from the header names
    saved: columnMapping.nullable(), // what this source used last time, if anything
    // Wide files: these columns become one row each (e.g. LEERLINGEN_2024 → year 2024, pupils = cell).
    wide: z.object({ columns: z.array(z.string()), field: z.string(), value: z.string() }).strict().nullable(),
    year: z.number().int().nullable(), // a year in the file name: a suggestion for kinds whose file has no year column
  })
  .strict();
export type TablePreview = z.infer<typeof tablePreview>;

// ---- tables/import -------------------------------------------------------------------------------
export const tableImportArgs = z
  .object({
    file: fileBytes.optional(),
    path: z.string().min(1).optional(),
    kind: tableKind,
    source,
    mapping: columnMapping.optional(), // default: the source's saved mapping, else the suggestion
    year: z.number().int().min(1900).max(2100).optional(), // for a kind with a year field the file has no column for
    sheet: z.string().min(1).optional(),
  })
  .strict()
  .refine(exactlyOneInput, oneInputMessage);
export type TableImportArgs = z.infer<typeof tableImportArgs>;

export const tableError = z
  .object({
    line: z.number().int().nullable(), // physical line in the file (quoted newlines counted); XLSX: row number
    column: z.string().nullable(), // header of the column
    field: z.string().nullable(),
    reason: z.string(),
  })
  .strict();
export type TableError = z.infer<typeof tableError>;

export const tableImportResult = z
  .object({
    status: z.enum(['imported', 'rejected']), // rejected: nothing changed
    file: z.string(),
    kind: tableKind,
    source: z.string(),
    lines: z.number().int(), // data rows read from the file
    rows: z.number().int(), // rows stored (a wide file stores several per line); 0 when rejected
    replaced: z.number().int(), // rows of this source and kind the import replaced
    mapping: columnMapping, // the mapping used; saved for the source when imported
    warnings: z.array(z.object({ code: z.string(), detail: z.string() }).strict()),
    errors: z.array(tableError),
  })
  .strict();
export type TableImportResult = z.infer<typeof tableImportResult>;

// ---- tables/list ---------------------------------------------------------------------------------
export const tableListResult = z
  .object({
    tables: z.array(
      z
        .object({
          kind: tableKind,
          source: z.string(),
          rows: z.number().int(),
          periods: z.array(z.string()), // years or school years held, for kinds that have them
          file: z.string(), // the last file imported for this source
          sha256: z.string(),
          importedAt: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type TableListResult = z.infer<typeof tableListResult>;

export const tableMethods = {
  'tables/preview': { args: tablePreviewArgs, result: tablePreview },
  'tables/import': { args: tableImportArgs, result: tableImportResult },
  'tables/list': { args: z.object({}).strict(), result: tableListResult },
} as const;
