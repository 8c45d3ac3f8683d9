// The API contract: every call the UI can make, by name, with runtime validators for arguments and
// results. data/service implements it once; every transport (in-process, worker, HTTP, Electron IPC)
// carries exactly these calls.
import { z } from 'zod';
import { DIMENSIONS, MEASURES } from '../registry.js';
import { importMethods } from './imports.js';
import { tableMethods } from './tables.js';
import { pivotQueryInput, pivotResult } from './pivot.js';
import { workbenchMethods } from './workbench.js';
import { flowMethods } from './flows.js';
import { systemMethods } from './system.js';
import { stackingMethods } from './stacking.js';
import { settingsMethods } from './settings.js';
import { analysisMethods } from './analysis.js';
import { steeringMethods } from './steering.js';
import { compareMethods } from './compare.js';
import { schoolMethods } from './schools.js';
import { benchmarkMethods } from './benchmark.js';
import { workMethods } from './work.js';

const text = z.object({ nl: z.string(), en: z.string() }).strict();
const dimension = z.enum(DIMENSIONS);
const measure = z.enum(MEASURES);

export * from './pivot.js';
export * from './flows.js';
export * from './stacking.js';
export * from './analysis.js';
export * from './schools.js';
export * from './benchmark.js';
export * from './steering.js';
export * from './compare.js';

// ---- meta/dimensions -----------------------------------------------------------------------------
export const dimensionsResult = z
  .object({
    dimensions: z.array(
      z.object({ id: dimension, label: text, definition: text, values: z.array(z.object({ key: z.string(), label: text })) }),
    ),
    measures: z.array(z.object({ id: measure, label: text, definition: text })),
    peildatum: z.string().nullable(),
    counts: z.object({ messages: z.number(), clients: z.number(), carePeriods: z.number() }),
    population: z.boolean(), // a population table is imported: "per 1,000 youth" can be shown
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
  ...workbenchMethods,
  ...flowMethods,
  ...systemMethods,
  ...stackingMethods,
  ...settingsMethods,
  ...analysisMethods,
  ...steeringMethods,
  ...compareMethods,
  ...schoolMethods,
  ...benchmarkMethods,
  ...workMethods,
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
