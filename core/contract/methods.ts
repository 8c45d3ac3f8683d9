// The API contract: every call the UI can make, by name, with runtime validators for arguments and
// results. data/service implements it once; every transport (in-process, worker, HTTP, Electron IPC)
// carries exactly these calls.
import { z } from 'zod';
import { DIMENSIONS, MEASURES } from '../registry.js';
import { importMethods } from './imports.js';
import { tableMethods } from './tables.js';

const text = z.object({ nl: z.string(), en: z.string() }).strict();
const dimension = z.enum(DIMENSIONS);
const measure = z.enum(MEASURES);

// ---- query/pivot ---------------------------------------------------------------------------------
// Modelled on Perspective's view config. Filters are [dimension, operator, value] tuples from a
// closed set of operators (SQL analogue: WHERE dim = v / IN (...)).
export const filterOp = z.enum(['==', '!=', 'in', 'not in']);
export const pivotFilter = z.union([
  z.tuple([dimension, z.enum(['==', '!=']), z.string()]),
  z.tuple([dimension, z.enum(['in', 'not in']), z.array(z.string()).max(10_000)]),
]);

export const pivotQueryInput = z
  .object({
    rows: z.array(dimension).min(1).max(2), // GROUP BY (row side)
    cols: z.array(dimension).max(1).optional(), // GROUP BY (column side, pivoted)
    measures: z.array(measure).min(1).optional(), // SELECT aggregates; default clients
    filters: z.array(pivotFilter).max(20).optional(), // WHERE
    suppress: z.boolean().optional(), // small-cell suppression (DOMAIN.md §3); default on
  })
  .strict()
  .refine((q) => new Set([...q.rows, ...(q.cols ?? [])]).size === q.rows.length + (q.cols?.length ?? 0), {
    message: 'a dimension may appear only once across rows and cols',
  });
export type PivotQueryInput = z.infer<typeof pivotQueryInput>;
export type PivotFilter = z.infer<typeof pivotFilter>;

export interface PivotQuery {
  rows: (typeof DIMENSIONS)[number][];
  cols: (typeof DIMENSIONS)[number][];
  measures: (typeof MEASURES)[number][];
  filters: PivotFilter[];
  suppress: boolean;
}

export function normalisePivotQuery(input: PivotQueryInput): PivotQuery {
  return {
    rows: [...input.rows],
    cols: [...(input.cols ?? [])],
    measures: input.measures ? [...new Set(input.measures)] : ['clients'],
    filters: input.filters ?? [],
    suppress: input.suppress ?? true,
  };
}

/** Cell state: 'small' = 1..threshold-1 clients shown exactly (working view), 'suppressed' = primary,
 *  'secondary' = hidden to protect a suppressed neighbour. */
const cellFlag = z.enum(['ok', 'small', 'suppressed', 'secondary']);
export const pivotCell = z
  .object({ values: z.array(z.number().nullable()), clients: z.number().nullable(), flag: cellFlag })
  .strict();
export type PivotCell = z.infer<typeof pivotCell>;

const labels = z.record(z.string(), z.record(z.string(), text));

export const pivotResult = z
  .object({
    query: z.object({
      rows: z.array(dimension),
      cols: z.array(dimension),
      measures: z.array(measure),
      filters: z.array(pivotFilter),
      suppress: z.boolean(),
    }),
    rowKeys: z.array(z.array(z.string())),
    colKeys: z.array(z.array(z.string())),
    cells: z.array(z.array(pivotCell)),
    rowTotals: z.array(pivotCell),
    colTotals: z.array(pivotCell),
    grandTotal: pivotCell,
    labels,
    peildatum: z.string().nullable(),
    suppression: z.object({ applied: z.boolean(), threshold: z.number() }).strict(),
  })
  .strict();
export type PivotResult = z.infer<typeof pivotResult>;

// ---- meta/dimensions -----------------------------------------------------------------------------
export const dimensionsResult = z
  .object({
    dimensions: z.array(
      z.object({ id: dimension, label: text, definition: text, values: z.array(z.object({ key: z.string(), label: text })) }),
    ),
    measures: z.array(z.object({ id: measure, label: text, definition: text })),
    peildatum: z.string().nullable(),
    counts: z.object({ messages: z.number(), clients: z.number(), carePeriods: z.number() }),
    // A synthetic dataset (the demo region) says so wherever figures are shown.
    dataset: z.object({ synthetic: z.boolean(), label: z.string().nullable() }).strict(),
  })
  .strict();
export type DimensionsResult = z.infer<typeof dimensionsResult>;

// ---- import/files --------------------------------------------------------------------------------
export const importArgs = z.union([
  z.object({ paths: z.array(z.string().min(1)).min(1), source: z.string().max(200).optional() }).strict(),
  z.object({
    files: z.array(z.object({ name: z.string().min(1), bytes: z.instanceof(Uint8Array) })).min(1),
    source: z.string().max(200).optional(), // a label for the batch in the history (e.g. "januari 2025, Ede")
  }).strict(),
]);
export type ImportArgs = z.infer<typeof importArgs>;

const fileError = z.object({ line: z.number().nullable(), element: z.string().nullable(), reason: z.string() }).strict();
export const importedFile = z
  .object({
    name: z.string(),
    status: z.enum(['imported', 'duplicate', 'rejected', 'unsupported']),
    messageCode: z.string().nullable(),
    messages: z.number(), // messages stored from this file
    skipped: z.number(), // messages, and declaration lines, already known (same identity, same content)
    errors: z.array(fileError),
  })
  .strict();
export const importReport = z
  .object({
    batchId: z.number().nullable(),
    files: z.array(importedFile),
    warnings: z.array(z.object({ file: z.string(), code: z.string(), detail: z.string() }).strict()),
  })
  .strict();
export type ImportReport = z.infer<typeof importReport>;
export type ImportedFile = z.infer<typeof importedFile>;

// ---- the handler map -----------------------------------------------------------------------------
export const methods = {
  'import/files': { args: importArgs, result: importReport },
  'query/pivot': { args: pivotQueryInput, result: pivotResult },
  'meta/dimensions': { args: z.object({}).strict(), result: dimensionsResult },
  ...importMethods,
  ...tableMethods,
} as const;

export type MethodName = keyof typeof methods;
export type ArgsOf<M extends MethodName> = z.input<(typeof methods)[M]['args']>;
export type ResultOf<M extends MethodName> = z.infer<(typeof methods)[M]['result']>;

export type Handlers = { [M in MethodName]: (args: z.infer<(typeof methods)[M]['args']>) => Promise<ResultOf<M>> };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/** Events the data process announces (Actual's mutator pattern): views refresh on data/changed. */
export const EVENTS = ['data/changed'] as const;
export type EventName = (typeof EVENTS)[number];
