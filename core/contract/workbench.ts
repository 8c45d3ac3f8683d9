// The pivot workbench's other calls: drill-through to the records behind a cell, exports of exactly what
// the grid shows, and saved views.
import { z } from 'zod';
import { pivotQuery, pivotQueryInput } from './pivot.js';

// ---- query/drill: the records behind one cell (inside the app only; never in meeting mode or exports) ----
export const drillArgs = z
  .object({
    query: pivotQueryInput,
    row: z.array(z.string()).max(3), // the cell's row path (shorter = a subtotal, [] = grand total)
    col: z.array(z.string()).max(2),
    limit: z.number().int().min(1).max(5000).optional(), // default 500
  })
  .strict();
export const drillRecord = z
  .object({
    kind: z.enum(['care', 'money', 'assignment']),
    pseudonym: z.string(), // shortened pseudonym (first 12 hex digits): enough to recognise, never a BSN
    municipality: z.string(),
    provider: z.string(),
    toewijzingNr: z.number().nullable(),
    product: z.string(), // category + code, e.g. '45A12'
    start: z.string(), // YYYY-MM-DD: care period / product period / assignment start
    end: z.string().nullable(), // null = open
    amount: z.number().nullable(), // eurocent, money only
    referentieNummer: z.string().nullable(), // money only
  })
  .strict();
export const drillResult = z
  .object({ total: z.number(), clients: z.number(), records: z.array(drillRecord) })
  .strict();
export type DrillRecord = z.infer<typeof drillRecord>;
export type DrillResult = z.infer<typeof drillResult>;

// ---- export/pivot: the grid as CSV (Dutch Excel) or XLSX, always suppressed (DOMAIN.md §3) ----
export const exportArgs = z
  .object({ query: pivotQueryInput, format: z.enum(['csv', 'xlsx']), lang: z.enum(['nl', 'en']).optional(), collapsed: z.array(z.array(z.string())).optional() })
  .strict();
export const exportResult = z.object({ fileName: z.string(), mime: z.string(), bytes: z.instanceof(Uint8Array) }).strict();

// ---- views/*: named, restorable pivots stored in SQLite ----
export const chartKind = z.enum(['none', 'bar', 'line', 'stacked']);
export const savedView = z
  .object({
    id: z.number(),
    name: z.string(),
    query: pivotQuery,
    chart: chartKind,
    updatedAt: z.string(),
  })
  .strict();
export type SavedView = z.infer<typeof savedView>;

export const workbenchMethods = {
  'query/drill': { args: drillArgs, result: drillResult },
  'export/pivot': { args: exportArgs, result: exportResult },
  'views/list': { args: z.object({}).strict(), result: z.array(savedView) },
  'views/save': {
    // Same name replaces that view (the analyst's "save" overwrites; "save as" gives a new name).
    args: z.object({ name: z.string().trim().min(1).max(120), query: pivotQueryInput, chart: chartKind.optional() }).strict(),
    result: savedView,
  },
  'views/delete': { args: z.object({ id: z.number().int() }).strict(), result: z.object({ deleted: z.boolean() }).strict() },
} as const;
