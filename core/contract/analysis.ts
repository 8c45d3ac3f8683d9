// Steering analyses (issue 9, docs/ANALYSIS.md): early signals, year-end forecast, volume/price/mix
// decomposition, waiting times and assigned versus delivered. Everything a renderer needs is in this file:
//
// analysis/signals        per series segment × age band × gender × municipality and measure ('instroom' = spells
//                         starting in the month, 'clients' = distinct children in care in the month), the months
//                         whose observed count lies outside the control band around the expected level (method and
//                         parameters in `method`, docs/ANALYSIS.md). One row per flagged month, largest excess first.
// analysis/forecast       year-end forecast of spending (claimed, ingediend, by ProductPeriode month — DOMAIN.md §8)
//                         for year Y made at `asOf` (default the peildatum): actual so far + expected rest from the
//                         assignments still open and the recent declaration pattern (open einde); per month and per
//                         segment; plus the backtest of a forecast made at the end of June on earlier years against
//                         "last year's total × this year's trend so far", with the mean absolute error of both.
// analysis/decomposition  change in spending between two periods per segment = volume + price + mix, EXACTLY in
//                         integer eurocent (rounding resolved in mix, docs/ANALYSIS.md).
// analysis/waiting        assignment → first start and request → start (DOMAIN.md §8 link) in days; the ageing list
//                         of "toegewezen, niet gestart" and trajectories running > 18 months without a new
//                         assignment. The two lists are in-app only (ToewijzingNummer, never a pseudonym or BSN).
// analysis/delivery       assigned (Omvang) versus delivered (GeleverdVolume) per segment and unit; assignments never
//                         used; open commitments (open einde); spend against the imported ceiling per provider.
// analysis/import-budget  imports a CSV of ceilings (provider AGB; year; ceiling in euro): a re-import replaces the
//                         years it holds. analysis/budgets lists what is loaded.
//
// Money is integer eurocent everywhere. Suppression (DOMAIN.md §3): a figure behind 1–4 distinct children is
// 'suppressed' (value null) when `suppress` is on (the default), else exact and flagged 'small'; zeros are never
// suppressed. Secondary ('secondary') where a hidden figure could be recomputed from a shown total.
import { z } from 'zod';
import { SEGMENTS } from '../domain/segments.js';
import { periodKey } from './period.js';

const text = z.object({ nl: z.string(), en: z.string() }).strict();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/); // '2024-03'
const municipalityCode = z.string().regex(/^\d{4}$/);
const segment = z.enum(SEGMENTS);
const year = z.number().int().min(1990).max(2100);
const cellFlag = z.enum(['ok', 'small', 'suppressed', 'secondary']);
/** One figure: value null when (primary or secondary) suppressed. Counts are children; money is eurocent. */
export const analysisFigure = z.object({ value: z.number().nullable(), flag: cellFlag }).strict();
export type AnalysisFigure = z.infer<typeof analysisFigure>;
const suppression = z.object({ applied: z.boolean(), threshold: z.number() }).strict();
const common = { peildatum: isoDate.nullable(), suppression, notes: z.array(text) };
const suppressArg = z.boolean().optional(); // default true

// ---- analysis/signals ------------------------------------------------------------------------------
export const SIGNAL_MEASURES = ['instroom', 'clients'] as const;
export type SignalMeasure = (typeof SIGNAL_MEASURES)[number];
export const signalsArgs = z
  .object({
    measures: z.array(z.enum(SIGNAL_MEASURES)).min(1).optional(), // default both
    from: monthKey.optional(), // first month tested (default: the first month with a full baseline)
    to: monthKey.optional(), // last month tested (default: the last complete month up to the peildatum)
    segment: segment.optional(),
    municipality: municipalityCode.optional(),
    direction: z.enum(['up', 'down', 'both']).optional(), // default 'both'
    suppress: suppressArg,
  })
  .strict();
export type SignalsArgs = z.infer<typeof signalsArgs>;
export const signalRow = z
  .object({
    measure: z.enum(SIGNAL_MEASURES),
    month: monthKey,
    segment,
    ageband: z.string(), // AGE_BANDS or 'onbekend'
    gender: z.string(), // iJw Geslacht '1', '2', '0'
    municipality: municipalityCode,
    label: text, // 'GGZ/specialistisch · 12-17 · meisje · Ede'
    observed: analysisFigure, // children (suppressed like any count)
    expected: z.number(), // the baseline level (not a count of children: never suppressed)
    lower: z.number(), // control band
    upper: z.number(),
    excess: z.number().nullable(), // observed − expected; null when observed is suppressed
    direction: z.enum(['up', 'down']),
    ratio: z.number().nullable(), // observed ÷ expected (null when expected is 0 or observed suppressed)
  })
  .strict();
export type SignalRow = z.infer<typeof signalRow>;
export const signalsResult = z
  .object({
    method: z
      .object({
        description: text,
        baselineMonths: z.number(), // months in the baseline window
        gapMonths: z.number(), // months between the window's end and the tested month
        minExpected: z.number(), // series months whose expected level is below this are not tested
        minObserved: z.number(), // an upward flag needs at least this many children
        alpha: z.number(), // per-test tail probability of the control band
      })
      .strict(),
    months: z.array(monthKey), // the months tested
    series: z.number(), // series with at least one tested month
    seriesYears: z.number(), // tested series-months ÷ 12
    signals: z.array(signalRow),
    ...common,
  })
  .strict();
export type SignalsResult = z.infer<typeof signalsResult>;

// ---- analysis/forecast -----------------------------------------------------------------------------
export const forecastArgs = z
  .object({ year, asOf: isoDate.optional(), municipality: municipalityCode.optional(), suppress: suppressArg })
  .strict();
export type ForecastArgs = z.infer<typeof forecastArgs>;
export const forecastMonth = z
  .object({
    month: monthKey,
    actual: z.number().nullable(), // claimed so far (null after the as-of month)
    forecast: z.number(), // actual where known and complete, else the expected amount
    basis: z.enum(['actual', 'completed', 'expected']), // 'completed': a recent month topped up for late declarations
  })
  .strict();
export const forecastRow = z
  .object({
    segment: z.union([segment, z.literal('total')]),
    label: text,
    clients: analysisFigure, // children with claimed spending in the year up to asOf
    actual: analysisFigure, // claimed up to asOf
    forecast: analysisFigure, // year-end total
    openAssignments: analysisFigure, // assignments running at asOf (count of assignments, suppressed by children)
  })
  .strict();
export const backtestYear = z
  .object({ year: z.number(), actual: z.number(), forecast: z.number(), baseline: z.number(), errorForecast: z.number(), errorBaseline: z.number() })
  .strict();
export const forecastResult = z
  .object({
    year: z.number(),
    asOf: isoDate,
    method: text,
    months: z.array(forecastMonth), // the region (or the municipality filtered on)
    rows: z.array(forecastRow), // per segment, then 'total'
    total: z.object({ actual: z.number(), forecast: z.number() }).strict(),
    backtest: z
      .object({
        cutoff: z.string(), // 'MM-DD' of the as-of date in each backtest year ('06-30')
        years: z.array(backtestYear),
        maeForecast: z.number().nullable(), // eurocent
        maeBaseline: z.number().nullable(),
      })
      .strict(),
    ...common,
  })
  .strict();
export type ForecastResult = z.infer<typeof forecastResult>;

// ---- analysis/decomposition ------------------------------------------------------------------------
export const decompositionArgs = z
  .object({ base: periodKey, compare: periodKey, municipality: municipalityCode.optional(), suppress: suppressArg })
  .strict();
export type DecompositionArgs = z.infer<typeof decompositionArgs>;
export const decompositionRow = z
  .object({
    segment: z.union([segment, z.literal('total')]),
    label: text,
    clientsBase: analysisFigure,
    clientsCompare: analysisFigure,
    spendBase: analysisFigure, // eurocent
    spendCompare: analysisFigure,
    change: analysisFigure, // spendCompare − spendBase = volume + price + mix, exactly
    volume: analysisFigure, // the base spending scaled by the change in clients
    price: analysisFigure, // the change in price per unit of each product at the compare period's volumes
    mix: analysisFigure, // the rest: products and intensity per client (rounding resolved here)
  })
  .strict();
export type DecompositionRow = z.infer<typeof decompositionRow>;
const span = z.object({ key: periodKey, start: isoDate, end: isoDate }).strict();
export const decompositionResult = z
  .object({ base: span, compare: span, method: text, rows: z.array(decompositionRow), ...common })
  .strict();
export type DecompositionResult = z.infer<typeof decompositionResult>;

// ---- analysis/waiting ------------------------------------------------------------------------------
export const WAIT_CLASSES = [
  { key: '0-7', min: 0, max: 7 },
  { key: '8-30', min: 8, max: 30 },
  { key: '31-90', min: 31, max: 90 },
  { key: '91+', min: 91, max: null },
] as const;
export const waitingArgs = z
  .object({ period: periodKey.optional(), municipality: municipalityCode.optional(), suppress: suppressArg }) // period: default the peildatum's year
  .strict();
export type WaitingArgs = z.infer<typeof waitingArgs>;
export const waitingRow = z
  .object({
    segment: z.union([segment, z.literal('total')]),
    label: text,
    count: analysisFigure, // waits (assignments or requests), suppressed by the children behind them
    meanDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    classes: z.array(analysisFigure), // waits per class, aligned with WAIT_CLASSES
  })
  .strict();
export const notStartedItem = z
  .object({
    municipality: municipalityCode,
    toewijzingNr: z.number(),
    provider: z.string(),
    product: z.string(), // 'categorie/code'
    segment,
    assignedOn: isoDate, // Toewijzingsdatum of the winning version
    ingangsdatum: isoDate,
    ageDays: z.number(), // peildatum − assignedOn
  })
  .strict();
export const longTrajectoryItem = z
  .object({
    municipality: municipalityCode,
    toewijzingNr: z.number(), // the trajectory's latest assignment
    provider: z.string(),
    segment,
    start: isoDate,
    months: z.number(), // whole months from start to the peildatum
    lastAssignedOn: isoDate, // latest Toewijzingsdatum among the trajectory's assignments
  })
  .strict();
export const waitingResult = z
  .object({
    period: span,
    assignmentToStart: z.array(waitingRow), // first standing start's Begindatum − Toewijzingsdatum, starts in the period
    requestToStart: z.array(waitingRow), // first start − JW315/JW317 Dagtekening, linked requests whose start is in the period
    notStarted: z.object({ total: z.number(), classes: z.array(z.number()), items: z.array(notStartedItem) }).strict(), // in-app only
    longTrajectories: z.object({ total: z.number(), items: z.array(longTrajectoryItem) }).strict(), // in-app only
    ...common,
  })
  .strict();
export type WaitingResult = z.infer<typeof waitingResult>;

// ---- analysis/delivery -----------------------------------------------------------------------------
export const deliveryArgs = z.object({ year, municipality: municipalityCode.optional(), suppress: suppressArg }).strict();
export type DeliveryArgs = z.infer<typeof deliveryArgs>;
export const deliveryRealisationRow = z
  .object({
    segment,
    unit: z.string(), // iJw Eenheid code ('04' uur, …; minutes are counted as hours)
    label: text,
    assignments: z.number(),
    clients: analysisFigure,
    assigned: analysisFigure, // Omvang over the days of the year the assignment ran (≤ peildatum)
    delivered: analysisFigure, // Σ GeleverdVolume on the assignments' declaration lines in the year
    realisation: z.number().nullable(), // delivered ÷ assigned (null when suppressed or assigned is 0)
  })
  .strict();
export const deliverySegmentRow = z
  .object({ segment, label: text, assignments: analysisFigure, clients: analysisFigure, amount: analysisFigure.nullable() })
  .strict();
export const deliveryProviderRow = z
  .object({
    provider: z.string(), // AGB
    clients: analysisFigure,
    spend: analysisFigure, // claimed in the year up to the peildatum, eurocent
    forecast: analysisFigure, // year-end forecast (analysis/forecast's method per provider)
    ceiling: z.number().nullable(), // imported ceiling in eurocent, null when none
    used: z.number().nullable(), // spend ÷ ceiling
    status: z.enum(['none', 'under', 'at-risk', 'over']), // over: spend > ceiling; at-risk: forecast > ceiling
  })
  .strict();
export const deliveryResult = z
  .object({
    year: z.number(),
    realisation: z.array(deliveryRealisationRow),
    neverUsed: z.array(deliverySegmentRow), // ended by the peildatum, no standing start and no declaration line
    openCommitments: z.array(deliverySegmentRow), // running at the peildatum; amount = expected to year end
    providers: z.array(deliveryProviderRow),
    ...common,
  })
  .strict();
export type DeliveryResult = z.infer<typeof deliveryResult>;

// ---- analysis/import-budget, analysis/budgets --------------------------------------------------------
export const importBudgetArgs = z
  .object({
    file: z.object({ name: z.string().min(1), bytes: z.instanceof(Uint8Array) }).strict().optional(),
    path: z.string().min(1).optional(),
  })
  .strict()
  .refine((a) => (a.file === undefined) !== (a.path === undefined), { message: 'give exactly one of file or path' });
export const budgetCeiling = z.object({ provider: z.string(), year: z.number(), ceiling: z.number() }).strict(); // eurocent
export const importBudgetResult = z
  .object({ rows: z.number(), years: z.array(z.number()), replaced: z.number(), errors: z.array(z.object({ line: z.number(), reason: z.string() }).strict()) })
  .strict();
export const budgetsResult = z.object({ ceilings: z.array(budgetCeiling) }).strict();

export const analysisMethods = {
  'analysis/signals': { args: signalsArgs, result: signalsResult },
  'analysis/forecast': { args: forecastArgs, result: forecastResult },
  'analysis/decomposition': { args: decompositionArgs, result: decompositionResult },
  'analysis/waiting': { args: waitingArgs, result: waitingResult },
  'analysis/delivery': { args: deliveryArgs, result: deliveryResult },
  'analysis/import-budget': { args: importBudgetArgs, result: importBudgetResult },
  'analysis/budgets': { args: z.object({}).strict(), result: budgetsResult },
} as const;
