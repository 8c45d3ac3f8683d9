// Programme steering (issue 9, docs/STEERING.md): indicators with SMART targets, month close and the
// FoodValley measures. Everything a renderer needs to build the steering view and the printed report:
//
// indicators/list     every saved indicator (definition only, no figures).
// indicators/save     create (no id) or update (id) an indicator. Its source is a pivot measure with filters,
//                     a flow figure, or one of the FoodValley measures; or `viewId`: a saved pivot view, whose
//                     first measure and filters become the source. `baseline.value` left out = the indicator's
//                     own (exact) value in the baseline month. Same name as another indicator → replaces it.
// indicators/delete   removes one indicator (its frozen values in closed months go with it).
// indicators/series   per indicator the monthly series (from `from`, default 12 months before the baseline, up to
//                     the later of the peildatum month and the target month; months after the peildatum have
//                     value null), the target line (straight from baseline to target, flat after the target
//                     date), and a status with its rule as text in both languages.
// months/list         every month from the first month with care to the peildatum month: voorlopig /
//                     definitief / gesloten, with the batches and peildatum frozen at close.
// months/close        freezes the month's value of every indicator and the import batches it came from.
// months/reopen       removes a month's frozen values (it becomes voorlopig/definitief again).
// measures/programme  the four FoodValley measures per month over [from, to], with numerator and denominator.
//
// Suppression (DOMAIN.md §3): every value carries `clients` (distinct children behind it; for a share the
// denominator) and a flag; with `suppress` (default true) a value behind 1–4 children is null ('suppressed').
// The status is worked out on exact values and shows only on track / at risk / off track, never a figure.
import { z } from 'zod';
import { SEGMENTS } from '../domain/segments.js';
import { measure, pivotFilter } from './pivot.js';

const text = z.object({ nl: z.string(), en: z.string() }).strict();
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
export const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const cellFlag = z.enum(['ok', 'small', 'suppressed']);
const suppression = z.object({ applied: z.boolean(), threshold: z.number() }).strict();

// ---- sources ------------------------------------------------------------------------------------------
export const FLOW_FIGURES = ['beginstand', 'instroom', 'nieuw', 'herhaald', 'doorstroom', 'uitstroom', 'eindstand'] as const;
export type FlowFigure = (typeof FLOW_FIGURES)[number];
export const PROGRAMME_MEASURES = ['crisisToVerblijf', 'prolongedCare', 'avgMonthlyClients', 'outOfResidential'] as const;
export type ProgrammeMeasureId = (typeof PROGRAMME_MEASURES)[number];

export const pivotSource = z
  .object({ kind: z.literal('pivot'), measure, filters: z.array(pivotFilter).max(30) }) // value = the measure per month
  .strict();
export const flowSource = z
  .object({
    kind: z.literal('flow'),
    figure: z.enum(FLOW_FIGURES), // query/flows per month (segment / municipality: that breakdown's own spells)
    segment: z.enum(SEGMENTS).optional(),
    municipality: z.string().regex(/^\d{4}$/).optional(),
  })
  .strict();
export const measureSource = z.union([
  // % of crisis trajectories starting in the month followed by a verblijf start within `days` after their end
  z.object({ kind: z.literal('measure'), id: z.literal('crisisToVerblijf'), days: z.number().int().min(0).max(365) }).strict(),
  // % of children turning 18 in the month (in jeugdhulp the day before) still in jeugdhulp `days` after
  z.object({ kind: z.literal('measure'), id: z.literal('prolongedCare'), days: z.number().int().min(0).max(365) }).strict(),
  // children in care in the segment in the month (averaged over months in totals)
  z.object({ kind: z.literal('measure'), id: z.literal('avgMonthlyClients'), segment: z.enum(SEGMENTS) }).strict(),
  // cumulative number of children who left verblijf since `since` and were not back in verblijf at month end
  z.object({ kind: z.literal('measure'), id: z.literal('outOfResidential'), since: isoDate }).strict(),
]);
export const indicatorSource = z.union([pivotSource, flowSource, measureSource]);
export type IndicatorSource = z.infer<typeof indicatorSource>;
export type MeasureSource = z.infer<typeof measureSource>;

// ---- indicators ---------------------------------------------------------------------------------------
export const DIRECTIONS = ['down', 'up'] as const;
/** Status rule parameters (docs/STEERING.md): the mean gap to the target line over the last `window` months
 *  with a value; at risk while that gap is at most `riskShare` × |target − baseline|. */
export const statusRule = z
  .object({
    window: z.number().int().min(1).max(12), // default 3
    riskShare: z.number().min(0).max(1), // default 0.10
    includeVoorlopig: z.boolean(), // default false: voorlopig months (not closed) do not count for the status
  })
  .strict();
export type StatusRule = z.infer<typeof statusRule>;
export const DEFAULT_RULE: StatusRule = { window: 3, riskShare: 0.1, includeVoorlopig: false };

export const INDICATOR_UNITS = ['count', 'percent', 'eurocent', 'days', 'volume'] as const;
export const indicator = z
  .object({
    id: z.number(),
    name: z.string(),
    project: z.string(), // owner project, e.g. "Minder verblijf"
    source: indicatorSource,
    viewId: z.number().nullable(), // the saved pivot view it was made from, if any
    unit: z.enum(INDICATOR_UNITS), // from the source: percent for shares, eurocent for money, …
    baseline: z.object({ period: monthKey, value: z.number() }).strict(),
    target: z.object({ date: isoDate, value: z.number() }).strict(),
    direction: z.enum(DIRECTIONS), // down: lower is better
    rule: statusRule,
    updatedAt: z.string(),
  })
  .strict();
export type Indicator = z.infer<typeof indicator>;

export const saveIndicatorArgs = z
  .object({
    id: z.number().int().optional(), // update this indicator
    name: z.string().trim().min(1).max(120),
    project: z.string().trim().min(1).max(120),
    source: indicatorSource.optional(),
    viewId: z.number().int().optional(), // instead of source
    baseline: z.object({ period: monthKey, value: z.number().optional() }).strict(),
    target: z.object({ date: isoDate, value: z.number() }).strict(),
    direction: z.enum(DIRECTIONS),
    rule: statusRule.partial().optional(),
  })
  .strict()
  .refine((a) => (a.source === undefined) !== (a.viewId === undefined), { message: 'give either source or viewId' })
  .refine((a) => a.target.date.slice(0, 7) > a.baseline.period, { message: 'the target date must lie after the baseline month' });
export type SaveIndicatorArgs = z.infer<typeof saveIndicatorArgs>;

// ---- indicators/series --------------------------------------------------------------------------------
export const seriesPoint = z
  .object({
    month: monthKey,
    value: z.number().nullable(), // null: no data (after the peildatum), or suppressed
    clients: z.number().nullable(), // distinct children behind the value (a share: its denominator)
    flag: cellFlag,
    target: z.number().nullable(), // the target line in this month (null before the baseline month)
    voorlopig: z.boolean(), // less than 3 months before the peildatum and not closed (DOMAIN.md §2)
    closed: z.boolean(), // the month is closed
    frozen: z.boolean(), // the value is the one frozen at close (not recomputed from today's data)
  })
  .strict();
export type SeriesPoint = z.infer<typeof seriesPoint>;

export const STATUSES = ['onTrack', 'atRisk', 'offTrack', 'unknown'] as const;
export type SteeringStatus = (typeof STATUSES)[number];
export const indicatorStatus = z
  .object({
    status: z.enum(STATUSES),
    rule: text, // the rule, with this indicator's parameters filled in
    months: z.array(monthKey), // the months the status was worked out on
    gap: z.number().nullable(), // mean gap to the target line over those months; > 0 = worse than the line
    band: z.number(), // riskShare × |target − baseline|: the at-risk band
  })
  .strict();
export type IndicatorStatus = z.infer<typeof indicatorStatus>;

export const indicatorSeries = z
  .object({
    indicator,
    label: text, // what the value is, e.g. "Cliënten (verblijf)"
    points: z.array(seriesPoint),
    latest: seriesPoint.nullable(), // the last month up to the peildatum with a value (shown or suppressed)
    status: indicatorStatus,
    targetLine: text, // how the target line is drawn (linear from baseline to target)
  })
  .strict();
export type IndicatorSeries = z.infer<typeof indicatorSeries>;
export const seriesArgs = z
  .object({ ids: z.array(z.number().int()).optional(), from: monthKey.optional(), suppress: z.boolean().optional() })
  .strict();
export const seriesResult = z
  .object({ peildatum: z.string().nullable(), series: z.array(indicatorSeries), suppression })
  .strict();
export type SeriesResult = z.infer<typeof seriesResult>;

// ---- months -------------------------------------------------------------------------------------------
export const monthState = z
  .object({
    month: monthKey,
    state: z.enum(['voorlopig', 'definitief', 'gesloten']),
    closedAt: z.string().nullable(),
    batchIds: z.array(z.number()), // import batches the frozen values came from (closed months)
    peildatum: z.string().nullable(), // the peildatum at close (closed months)
    values: z.number(), // indicators with a frozen value
  })
  .strict();
export type MonthState = z.infer<typeof monthState>;
export const monthsResult = z.object({ peildatum: z.string().nullable(), months: z.array(monthState) }).strict();

// ---- measures/programme -------------------------------------------------------------------------------
export const programmeArgs = z
  .object({
    from: monthKey.optional(), // default 12 months before the peildatum month
    to: monthKey.optional(), // default the peildatum month
    crisisDays: z.number().int().min(0).max(365).optional(), // default 28
    prolongedDays: z.number().int().min(0).max(365).optional(), // default 30: past any real birthday in the month
    since: isoDate.optional(), // outOfResidential start date; default the first day of `from`
    suppress: z.boolean().optional(),
  })
  .strict();
export const programmePoint = z
  .object({
    month: monthKey, // 'total' rows use the `to` month
    value: z.number().nullable(), // share in % (one decimal), or a count / mean
    numerator: z.number().nullable(),
    denominator: z.number().nullable(), // shares only
    clients: z.number().nullable(),
    flag: cellFlag,
    voorlopig: z.boolean(),
  })
  .strict();
export type ProgrammePoint = z.infer<typeof programmePoint>;
export const programmeMeasure = z
  .object({
    key: z.string(), // the id, with ':segment' for avgMonthlyClients
    id: z.enum(PROGRAMME_MEASURES),
    label: text,
    definition: text,
    unit: z.enum(['percent', 'count']),
    source: measureSource, // as an indicator source: "make this an indicator"
    months: z.array(programmePoint),
    total: programmePoint, // the whole range: pooled share, mean of months, or the cumulative count at `to`
  })
  .strict();
export type ProgrammeMeasure = z.infer<typeof programmeMeasure>;
export const programmeResult = z
  .object({ from: monthKey, to: monthKey, peildatum: z.string().nullable(), measures: z.array(programmeMeasure), suppression })
  .strict();
export type ProgrammeResult = z.infer<typeof programmeResult>;

export const steeringMethods = {
  'indicators/list': { args: z.object({}).strict(), result: z.array(indicator) },
  'indicators/save': { args: saveIndicatorArgs, result: indicator },
  'indicators/delete': { args: z.object({ id: z.number().int() }).strict(), result: z.object({ deleted: z.boolean() }).strict() },
  'indicators/series': { args: seriesArgs, result: seriesResult },
  'months/list': { args: z.object({}).strict(), result: monthsResult },
  'months/close': { args: z.object({ month: monthKey }).strict(), result: monthState },
  'months/reopen': { args: z.object({ month: monthKey }).strict(), result: z.object({ reopened: z.boolean() }).strict() },
  'measures/programme': { args: programmeArgs, result: programmeResult },
} as const;
