// query/pivot: the query and its result. The query is modelled on Perspective's view config — rows
// (group_by), cols (split_by), measures (columns), filters (a closed set of operators), sort — normalised
// once, with unknown keys rejected (.strict()).
import { z } from 'zod';
import { DIMENSIONS, MEASURES } from '../registry.js';

const text = z.object({ nl: z.string(), en: z.string() }).strict();
export const dimension = z.enum(DIMENSIONS);
export const measure = z.enum(MEASURES);

// SQL analogue: WHERE dim = v / <> v / IN (...) / NOT IN (...) / >= v / <= v (keys compare as text, so
// '2024-03' >= '2023-01' works for the time dimensions).
export const pivotFilter = z.union([
  z.tuple([dimension, z.enum(['==', '!=', '>=', '<=']), z.string()]),
  z.tuple([dimension, z.enum(['in', 'not in']), z.array(z.string()).max(10_000)]),
]);
export type PivotFilter = z.infer<typeof pivotFilter>;

/** Show as: the value itself, or its share of the grand total, its row total, its column total, or its parent. */
export const SHOW_AS = ['value', 'grand', 'row', 'col', 'parent'] as const;
export type ShowAs = (typeof SHOW_AS)[number];
/** Growth against the previous period of the finest time dimension, or the same period a year earlier. */
export const COMPARE = ['none', 'prev', 'yoy'] as const;
export type Compare = (typeof COMPARE)[number];

/** Sort the rows (siblings under one parent) by their key, or by a measure in a column (absent col = row total). */
export const pivotSort = z
  .object({ by: z.union([z.literal('key'), measure]), col: z.array(z.string()).max(3).optional(), dir: z.enum(['asc', 'desc']) })
  .strict();
export type PivotSort = z.infer<typeof pivotSort>;

export const pivotQueryInput = z
  .object({
    rows: z.array(dimension).min(1).max(3), // GROUP BY (row side)
    cols: z.array(dimension).max(2).optional(), // GROUP BY (column side, pivoted)
    measures: z.array(measure).min(1).max(8).optional(), // SELECT aggregates; default clients
    filters: z.array(pivotFilter).max(30).optional(), // WHERE
    sort: pivotSort.optional(), // ORDER BY within each parent; default by key
    showAs: z.enum(SHOW_AS).optional(),
    compare: z.enum(COMPARE).optional(),
    per1000: z.boolean().optional(), // clients per 1,000 youth aged 0–17 (needs a population table)
    suppress: z.boolean().optional(), // small-cell suppression (DOMAIN.md §3); default on
  })
  .strict()
  .refine((q) => new Set([...q.rows, ...(q.cols ?? [])]).size === q.rows.length + (q.cols?.length ?? 0), {
    message: 'a dimension may appear only once across rows and cols',
  });
export type PivotQueryInput = z.infer<typeof pivotQueryInput>;

export const pivotQuery = z
  .object({
    rows: z.array(dimension),
    cols: z.array(dimension),
    measures: z.array(measure),
    filters: z.array(pivotFilter),
    sort: pivotSort,
    showAs: z.enum(SHOW_AS),
    compare: z.enum(COMPARE),
    per1000: z.boolean(),
    suppress: z.boolean(),
  })
  .strict();
export type PivotQuery = z.infer<typeof pivotQuery>;

/** The normal form: defaults filled in, measures deduplicated, filters sorted, so equal queries compare equal. */
export function normalisePivotQuery(input: PivotQueryInput): PivotQuery {
  const filters = [...(input.filters ?? [])].map((f) => (Array.isArray(f[2]) ? ([f[0], f[1], [...new Set(f[2])].sort()] as PivotFilter) : f));
  filters.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    rows: [...input.rows],
    cols: [...(input.cols ?? [])],
    measures: input.measures ? [...new Set(input.measures)] : ['clients'],
    filters,
    sort: input.sort ?? { by: 'key', dir: 'asc' },
    showAs: input.showAs ?? 'value',
    compare: input.compare ?? 'none',
    per1000: input.per1000 ?? false,
    suppress: input.suppress ?? true,
  };
}

/** Cell state: 'small' = 1..threshold-1 clients shown exactly (working view), 'suppressed' = primary,
 *  'secondary' = hidden to protect a suppressed neighbour. */
const cellFlag = z.enum(['ok', 'small', 'suppressed', 'secondary']);
export const pivotCell = z
  .object({
    values: z.array(z.number().nullable()), // one per measure, as shown (after show-as / per 1,000)
    change: z.array(z.number().nullable()).optional(), // with compare: relative change per measure (0.1 = +10 %)
    clients: z.number().nullable(), // distinct children behind the cell (any kind of record): drives suppression
    records: z.number().nullable(), // fact rows behind the cell ("explain this figure"); null when suppressed
    flag: cellFlag,
  })
  .strict();
export type PivotCell = z.infer<typeof pivotCell>;

/** A row or column header. path.length < dims.length is a subtotal ([] = grand total). */
export const pivotHeader = z.object({ path: z.array(z.string()) }).strict();
export type PivotHeader = z.infer<typeof pivotHeader>;

export const pivotResult = z
  .object({
    query: pivotQuery,
    // Rows in display order: each subtotal before its children, the grand total ([]) last.
    rows: z.array(pivotHeader),
    // Columns in display order: each subtotal after its children, the total column ([]) last.
    cols: z.array(pivotHeader),
    cells: z.array(z.array(pivotCell)), // [row][col]
    labels: z.record(z.string(), z.record(z.string(), text)),
    peildatum: z.string().nullable(),
    // Time keys (of the query's time dimensions) that contain a voorlopig month (DOMAIN.md §2).
    voorlopig: z.array(z.string()),
    // Why a requested figure is empty (e.g. per 1,000 without a population table), in both languages.
    notes: z.array(text),
    suppression: z.object({ applied: z.boolean(), threshold: z.number() }).strict(),
  })
  .strict();
export type PivotResult = z.infer<typeof pivotResult>;
