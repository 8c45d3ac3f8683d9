// External benchmark (docs/SCHOOLS.md, "Benchmark"): CBS StatLine jeugdzorg tables (85097NED, 85098NED,
// 85099NED, … as downloaded: ';'-separated, every value quoted, CBS column names, RegioS 'GM0228  ',
// Perioden '2023JJ00', '.' for a missing figure) imported as they are, each municipality compared with its
// jeugdregio, the Netherlands and its size class, and Spiegel's own counts reconciled with CBS's.
//
// benchmark/import       reads one StatLine CSV (its own import, not a tables/ kind: the columns are CBS topic
//                        keys that differ per table). Every (region, year, figure) with a value is stored; '.'
//                        cells are counted in `missing`, never stored as 0. A re-import of the same CBS table
//                        replaces that table's figures for the years the file holds.
// benchmark/list         the imported CBS tables.
// benchmark/compare      per municipality of the region (the municipalities in the iJw data, plus any asked for)
//                        and per figure: the municipality's own CBS value, its jeugdregio (= the region Spiegel
//                        holds: the sum of the member municipalities for counts, the youth-population-weighted
//                        mean for rates), the Netherlands (CBS's NL01 row) and its size class (CBS
//                        gemeentegrootteklasse by inhabitants on 1 January, from the population table; the
//                        same aggregation over every municipality in the CBS file of that class).
// benchmark/reconcile    for one municipality and year, Spiegel's own counts next to CBS's for the same
//                        figure, with the difference and its explanation by definition, per line.
import { z } from 'zod';

const text = z.object({ nl: z.string(), en: z.string() }).strict();
const municipalityCode = z.string().regex(/^\d{4}$/);
const fileBytes = z.object({ name: z.string().min(1), bytes: z.instanceof(Uint8Array) }).strict();
const cellFlag = z.enum(['ok', 'small', 'suppressed', 'secondary']);
const suppression = z.object({ applied: z.boolean(), threshold: z.number() }).strict();

/** count: persons or trajectories; percent: a percentage as CBS writes it (12.3 = 12,3 %); per1000: per 1,000
 *  youth; unknown: a topic Spiegel has no description of (shown as CBS gives it). */
export const BENCHMARK_UNITS = ['count', 'percent', 'per1000', 'unknown'] as const;
export const benchmarkUnit = z.enum(BENCHMARK_UNITS);
export type BenchmarkUnit = z.infer<typeof benchmarkUnit>;

export const benchmarkFigure = z
  .object({
    key: z.string(), // '85099NED:JongerenMetJeugdzorg_1|VormenVanJeugdzorg=A027918'
    table: z.string(), // CBS table id, e.g. 85099NED
    topic: z.string(), // CBS column name, e.g. JongerenMetJeugdzorg_1
    dimensions: z.record(z.string(), z.string()), // other CBS dimension columns and their code
    label: text,
    unit: benchmarkUnit,
  })
  .strict();
export type BenchmarkFigure = z.infer<typeof benchmarkFigure>;

// ---- benchmark/import ------------------------------------------------------------------------------
export const benchmarkImportArgs = z
  .object({
    file: fileBytes.optional(),
    path: z.string().min(1).optional(),
    table: z.string().regex(/^\d{5}[A-Z]{3}$/).optional(), // default: from the file name (85099NED_…csv)
    source: z.string().trim().min(1).max(200).optional(), // a label; default the file name
  })
  .strict()
  .refine((a) => (a.file === undefined) !== (a.path === undefined), { message: 'give exactly one of file or path' });
export type BenchmarkImportArgs = z.infer<typeof benchmarkImportArgs>;

const importError = z.object({ line: z.number().int().nullable(), column: z.string().nullable(), reason: z.string() }).strict();
export const benchmarkImportResult = z
  .object({
    status: z.enum(['imported', 'rejected']), // rejected: nothing changed
    file: z.string(),
    table: z.string().nullable(),
    lines: z.number().int(), // data lines read
    stored: z.number().int(), // figures stored (region × year × figure with a value)
    missing: z.number().int(), // '.' cells: no figure published
    replaced: z.number().int(),
    regions: z.number().int(), // distinct RegioS codes
    years: z.array(z.number().int()),
    figures: z.array(benchmarkFigure),
    warnings: z.array(z.object({ code: z.string(), detail: z.string() }).strict()),
    errors: z.array(importError),
  })
  .strict();
export type BenchmarkImportResult = z.infer<typeof benchmarkImportResult>;

// ---- benchmark/list --------------------------------------------------------------------------------
export const benchmarkListResult = z
  .object({
    tables: z.array(
      z.object({ table: z.string(), source: z.string(), file: z.string(), importedAt: z.string(), years: z.array(z.number().int()), figures: z.number().int(), regions: z.number().int() }).strict(),
    ),
  })
  .strict();

// ---- benchmark/compare -----------------------------------------------------------------------------
export const benchmarkCompareArgs = z
  .object({
    year: z.number().int().min(2000).max(2100).optional(), // default: the latest year in the CBS tables
    table: z.string().regex(/^\d{5}[A-Z]{3}$/).optional(), // only this CBS table's figures
    municipalities: z.array(municipalityCode).max(400).optional(), // default: the region's municipalities
  })
  .strict();
export type BenchmarkCompareArgs = z.infer<typeof benchmarkCompareArgs>;

/** How a comparison value was made: CBS's own row, a sum of counts, a youth-population-weighted mean of rates,
 *  or a plain mean of rates (no population known for some member). */
export const BENCHMARK_BASES = ['cbs', 'sum', 'weighted', 'unweighted'] as const;
export const benchmarkValue = z
  .object({ value: z.number().nullable(), basis: z.enum(BENCHMARK_BASES).nullable(), members: z.number().int() }) // members: municipalities behind it
  .strict();
export type BenchmarkValue = z.infer<typeof benchmarkValue>;

export const SIZE_CLASSES = ['<5000', '5000-10000', '10000-20000', '20000-50000', '50000-100000', '100000-150000', '150000-250000', '>=250000'] as const;
export const sizeClass = z.enum(SIZE_CLASSES);
export type SizeClass = z.infer<typeof sizeClass>;

export const benchmarkCompareResult = z
  .object({
    year: z.number().int().nullable(), // null: no CBS table imported
    years: z.array(z.number().int()),
    figures: z.array(benchmarkFigure), // the columns
    region: z.object({ label: text, municipalities: z.array(z.string()) }).strict(),
    rows: z.array(
      z.object({
        municipality: z.string(),
        name: z.string(),
        inhabitants: z.number().int().nullable(), // on 1 January of the year (population table), for the size class
        sizeClass: z.object({ key: sizeClass, label: text }).strict().nullable(),
        values: z.array( // aligned with `figures`
          z.object({ own: z.number().nullable(), jeugdregio: benchmarkValue, nederland: benchmarkValue, sizeClass: benchmarkValue }).strict(),
        ),
      }).strict(),
    ),
    notes: z.array(text),
  })
  .strict();
export type BenchmarkCompareResult = z.infer<typeof benchmarkCompareResult>;

// ---- benchmark/reconcile ---------------------------------------------------------------------------
export const benchmarkReconcileArgs = z
  .object({ municipality: municipalityCode, year: z.number().int().min(2000).max(2100), suppress: z.boolean().optional() })
  .strict();
export type BenchmarkReconcileArgs = z.infer<typeof benchmarkReconcileArgs>;

export const RECONCILE_LINES = ['jeugdhulp', 'zonderVerblijf', 'metVerblijf', 'jeugdbescherming', 'jeugdreclassering'] as const;
export type ReconcileLine = (typeof RECONCILE_LINES)[number];
export const reconcileLine = z
  .object({
    key: z.enum(RECONCILE_LINES),
    label: text,
    spiegel: z.object({ value: z.number().nullable(), flag: cellFlag }).strict(), // distinct children in Spiegel's data
    cbs: z.number().nullable(), // CBS's figure (null: not in the imported tables, or '.')
    cbsFigure: z.string().nullable(), // the figure key it was read from
    difference: z.number().nullable(), // spiegel − cbs (null when either is missing or hidden)
    withinRounding: z.boolean().nullable(), // |difference| ≤ 2: CBS rounds to multiples of 5
    explanation: text, // why the two differ, by definition, for this line
  })
  .strict();
export type ReconcileLineResult = z.infer<typeof reconcileLine>;
export const benchmarkReconcileResult = z
  .object({
    municipality: z.string(),
    name: z.string(),
    year: z.number().int(),
    partial: z.boolean(), // the year runs past Spiegel's peildatum
    lines: z.array(reconcileLine),
    notes: z.array(text),
    peildatum: z.string().nullable(),
    suppression,
  })
  .strict();
export type BenchmarkReconcileResult = z.infer<typeof benchmarkReconcileResult>;

export const benchmarkMethods = {
  'benchmark/import': { args: benchmarkImportArgs, result: benchmarkImportResult },
  'benchmark/list': { args: z.object({}).strict(), result: benchmarkListResult },
  'benchmark/compare': { args: benchmarkCompareArgs, result: benchmarkCompareResult },
  'benchmark/reconcile': { args: benchmarkReconcileArgs, result: benchmarkReconcileResult },
} as const;
