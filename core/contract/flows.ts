// Flows (DOMAIN.md §5–§6, docs/FLOWS.md): inflow, outflow, doorstroom, growth and durations. Everything a
// renderer needs to build the flows views against is in this file:
//
// query/flows            stock-flow table: per period × group the beginstand, instroom (nieuw / herhaald /
//                        doorstroom), uitstroom per end-reason group, eindstand. `cells[p][g]` is indexed by
//                        `periods[p]` and `groups[g]`; `uitstroom.byReason[i]` by `reasons[i]`. Identity per cell:
//                        eindstand = beginstand + instroom.total − uitstroom.total, and eindstand of period p
//                        equals beginstand of period p+1 (per group). Figures count spells (DOMAIN.md §5): each
//                        breakdown has its own spells, so municipality groups may add up to more than the region.
// query/doorstroom       per client the heaviest segment on day a−1 and on day b of one period, as from × to
//                        cells (clients); states include 'jbjr' (alleen JB/JR) and 'geen' (geen zorg). The pair
//                        geen → geen is never listed. Sankey bands = cells with from !== to (or all cells).
// query/doorstroom-children  the children behind one band (from, to) — in-app only: never exported, never in
//                        meeting mode. Pseudonyms shortened to 12 hex digits.
// query/growth           per segment: change in clients (eindstand − beginstand of its spells) = nieuw +
//                        herhaald + fromOtherSegments − toOtherSegments − outOfCare (always adds up, see `check`).
// query/durations        ended trajectories (per segment) and uninterrupted time in care per child (region
//                        spells: ended ones and ones still running at the peildatum), as classes + mean/median.
// export/flows           the query/flows table as CSV (Dutch Excel: ';' and decimal comma) or XLSX, always
//                        suppressed whatever `query.suppress` says.
//
// Suppression (DOMAIN.md §3): a figure behind 1–4 distinct children is 'suppressed' (value null) when
// `suppress` is on (the default), else shown exactly and flagged 'small'. Zeros are never suppressed.
// Secondary ('secondary', value null): a figure that would let a hidden one be recomputed from a shown total
// (instroom parts vs total, uitstroom reasons vs total, the identity line, eindstand(p) = beginstand(p+1),
// doorstroom rows/columns vs their totals) is hidden too.
//
// Period keys follow the pivot's time dimensions: year '2024', quarter '2024-Q1', month '2024-03'. Dates are
// ISO 'YYYY-MM-DD'. The last period may be cut off at the peildatum (`partial`).
import { z } from 'zod';
import { SEGMENTS } from '../domain/segments.js';
import { exportResult } from './workbench.js';
import { periodKey } from './period.js';

const text = z.object({ nl: z.string(), en: z.string() }).strict();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const FLOW_GRAINS = ['month', 'quarter', 'year'] as const;
export type FlowGrain = (typeof FLOW_GRAINS)[number];
/** region: all care as one group; the others split it, each with its own spells (DOMAIN.md §5). */
export const FLOW_BREAKDOWNS = ['region', 'municipality', 'segment', 'ageband', 'gender'] as const;
export type FlowBreakdown = (typeof FLOW_BREAKDOWNS)[number];

const PERIOD_KEY: Record<FlowGrain, RegExp> = { year: /^\d{4}$/, quarter: /^\d{4}-Q[1-4]$/, month: /^\d{4}-(0[1-9]|1[0-2])$/ };
export function isPeriodKey(grain: FlowGrain, key: string): boolean {
  return PERIOD_KEY[grain].test(key);
}
const municipalityCode = z.string().regex(/^\d{4}$/);
export const flowSegment = z.enum(SEGMENTS);

/** End-reason groups of uitstroom (DOMAIN.md §6), in display order. `codes` = the JZ588 codes behind each. */
export const REASON_GROUPS = ['gepland', 'voortijdig', 'gemeente', 'andereAanbieder', 'anderDomein', 'overlijden', 'doorstroom', 'verhuizing', 'onbekend'] as const;
export type ReasonGroup = (typeof REASON_GROUPS)[number];

/** Doorstroom states: the jeugdhulp segments heaviest first, then alleen JB/JR, then geen zorg. */
export const DOORSTROOM_STATES = ['verblijf', 'wonen', 'crisis', 'dagbehandeling', 'specialistisch', 'generalistisch', 'overig', 'jbjr', 'geen'] as const;
export type DoorstroomState = (typeof DOORSTROOM_STATES)[number];
export const doorstroomState = z.enum(DOORSTROOM_STATES);

const cellFlag = z.enum(['ok', 'small', 'suppressed', 'secondary']);
/** One figure: value null when (primary or secondary) suppressed. */
export const flowCount = z.object({ value: z.number().nullable(), flag: cellFlag }).strict();
export type FlowCount = z.infer<typeof flowCount>;

const sharedFilters = {
  segment: flowSegment.optional(), // only care in this segment (its own spells)
  municipality: municipalityCode.optional(), // only care assigned by this municipality (its own spells)
  suppress: z.boolean().optional(), // default true
};
const range = {
  grain: z.enum(FLOW_GRAINS),
  from: periodKey.optional(), // first period (inclusive); default: the first period with care
  to: periodKey.optional(), // last period (inclusive); default: the period holding the peildatum
};
const keysFitGrain = (q: { grain: FlowGrain; from?: string | undefined; to?: string | undefined }) =>
  (q.from === undefined || isPeriodKey(q.grain, q.from)) && (q.to === undefined || isPeriodKey(q.grain, q.to));
const keyMessage = { message: 'from/to must be period keys of the grain: 2024 (year), 2024-Q1 (quarter), 2024-03 (month)' };

// ---- query/flows -----------------------------------------------------------------------------------
export const flowsQueryInput = z
  .object({ ...range, by: z.enum(FLOW_BREAKDOWNS).optional(), ...sharedFilters })
  .strict()
  .refine(keysFitGrain, keyMessage);
export type FlowsQueryInput = z.infer<typeof flowsQueryInput>;

export const flowsQuery = z
  .object({
    grain: z.enum(FLOW_GRAINS),
    from: periodKey.nullable(),
    to: periodKey.nullable(),
    by: z.enum(FLOW_BREAKDOWNS),
    segment: flowSegment.nullable(),
    municipality: municipalityCode.nullable(),
    suppress: z.boolean(),
  })
  .strict();
export type FlowsQuery = z.infer<typeof flowsQuery>;

export function normaliseFlowsQuery(input: FlowsQueryInput): FlowsQuery {
  return {
    grain: input.grain,
    from: input.from ?? null,
    to: input.to ?? null,
    by: input.by ?? 'region',
    segment: input.segment ?? null,
    municipality: input.municipality ?? null,
    suppress: input.suppress ?? true,
  };
}

export const flowPeriod = z
  .object({
    key: periodKey,
    label: text,
    start: isoDate, // a
    end: isoDate, // b (the peildatum when the period is cut off there)
    partial: z.boolean(), // the period runs past the peildatum
    voorlopig: z.boolean(), // holds a month less than 3 months before the peildatum (DOMAIN.md §2)
    historyIncomplete: z.boolean(), // starts within five years of the first care in the data: nieuw may be herhaald
  })
  .strict();
export type FlowPeriod = z.infer<typeof flowPeriod>;

export const flowGroup = z.object({ key: z.string(), label: text }).strict();
export const flowReason = z.object({ key: z.enum(REASON_GROUPS), label: text, codes: z.array(z.string()) }).strict();

export const flowCell = z
  .object({
    beginstand: flowCount,
    instroom: z.object({ nieuw: flowCount, herhaald: flowCount, doorstroom: flowCount, total: flowCount }).strict(),
    uitstroom: z.object({ byReason: z.array(flowCount), total: flowCount }).strict(), // byReason aligned with `reasons`
    eindstand: flowCount,
  })
  .strict();
export type FlowCell = z.infer<typeof flowCell>;

const suppression = z.object({ applied: z.boolean(), threshold: z.number() }).strict();

export const flowsResult = z
  .object({
    query: flowsQuery,
    periods: z.array(flowPeriod),
    groups: z.array(flowGroup),
    reasons: z.array(flowReason), // only the groups that can occur for this breakdown
    cells: z.array(z.array(flowCell)), // [period][group]
    peildatum: z.string().nullable(),
    historyFrom: z.string().nullable(), // first day on which nieuw vs herhaald is fully known (first care + 5 years)
    notes: z.array(text),
    suppression,
  })
  .strict();
export type FlowsResult = z.infer<typeof flowsResult>;

// ---- query/doorstroom ------------------------------------------------------------------------------
const onePeriod = { grain: z.enum(FLOW_GRAINS), period: periodKey, municipality: municipalityCode.optional() };
const periodFitsGrain = (q: { grain: FlowGrain; period: string }) => isPeriodKey(q.grain, q.period);
const periodMessage = { message: 'period must be a period key of the grain: 2024 (year), 2024-Q1 (quarter), 2024-03 (month)' };

export const doorstroomArgs = z.object({ ...onePeriod, suppress: z.boolean().optional() }).strict().refine(periodFitsGrain, periodMessage);
export type DoorstroomArgs = z.infer<typeof doorstroomArgs>;
export const doorstroomCell = z
  .object({ from: doorstroomState, to: doorstroomState, clients: z.number().nullable(), flag: cellFlag })
  .strict();
export type DoorstroomCell = z.infer<typeof doorstroomCell>;
const stateTotal = z.object({ state: doorstroomState, clients: z.number().nullable(), flag: cellFlag }).strict();
export const doorstroomResult = z
  .object({
    period: flowPeriod,
    dayBefore: isoDate, // a − 1: the "from" day
    dayEnd: isoDate, // b: the "to" day
    states: z.array(z.object({ key: doorstroomState, label: text }).strict()),
    cells: z.array(doorstroomCell), // every (from, to) with at least one child, geen → geen excluded
    fromTotals: z.array(stateTotal), // clients per from-state (row totals)
    toTotals: z.array(stateTotal), // clients per to-state (column totals)
    clients: z.number(), // children in care on a − 1 or on b (the sum of all cells)
    peildatum: z.string().nullable(),
    suppression,
  })
  .strict();
export type DoorstroomResult = z.infer<typeof doorstroomResult>;

// ---- query/doorstroom-children (in-app only) ------------------------------------------------------
export const doorstroomChildrenArgs = z
  .object({ ...onePeriod, from: doorstroomState, to: doorstroomState, limit: z.number().int().min(1).max(5000).optional() })
  .strict()
  .refine(periodFitsGrain, periodMessage);
export const doorstroomChild = z
  .object({
    pseudonym: z.string(), // first 12 hex digits
    toewijzingNrs: z.array(z.number()), // assignments of the care periods covering a − 1 or b
    municipalities: z.array(z.string()), // municipalities that assigned those
  })
  .strict();
export const doorstroomChildrenResult = z.object({ total: z.number(), children: z.array(doorstroomChild) }).strict();
export type DoorstroomChild = z.infer<typeof doorstroomChild>;

// ---- query/growth ----------------------------------------------------------------------------------
export const growthArgs = z
  .object({ ...onePeriod, segment: flowSegment.optional(), suppress: z.boolean().optional() }) // no segment: every segment
  .strict()
  .refine(periodFitsGrain, periodMessage);
const segmentCount = z.object({ segment: z.enum(SEGMENTS), count: flowCount }).strict();
export const growthRow = z
  .object({
    segment: z.enum(SEGMENTS),
    label: text,
    beginstand: flowCount,
    eindstand: flowCount,
    change: flowCount, // eindstand − beginstand
    nieuw: flowCount, // + new children (no care in the region in the 5 years before)
    herhaald: flowCount, // + children returning to care
    fromOtherSegments: flowCount, // + in care in another segment the day before
    toOtherSegments: flowCount, // − in care in another segment the day after (shown positive)
    outOfCare: flowCount, // − every other uitstroom (shown positive)
    fromBySegment: z.array(segmentCount), // fromOtherSegments by the heaviest other segment the day before
    toBySegment: z.array(segmentCount), // toOtherSegments by the heaviest other segment the day after
  })
  .strict();
export type GrowthRow = z.infer<typeof growthRow>;
export const growthResult = z
  .object({ period: flowPeriod, rows: z.array(growthRow), peildatum: z.string().nullable(), suppression })
  .strict();
export type GrowthResult = z.infer<typeof growthResult>;

// ---- query/durations -------------------------------------------------------------------------------
/** Duration classes in days (inclusive bounds; null = no upper bound). */
export const DURATION_CLASSES = [
  { key: '0-90', min: 1, max: 90 },
  { key: '91-182', min: 91, max: 182 },
  { key: '183-365', min: 183, max: 365 },
  { key: '366-730', min: 366, max: 730 },
  { key: '731+', min: 731, max: null },
] as const;
export const durationsArgs = z
  .object({ ...range, segment: flowSegment.optional(), municipality: municipalityCode.optional(), suppress: z.boolean().optional() })
  .strict()
  .refine(keysFitGrain, keyMessage);
export type DurationsArgs = z.infer<typeof durationsArgs>;
export const durationRow = z
  .object({
    key: z.string(), // trajectories: a segment or 'total'; spells: 'ended' or 'ongoing'
    label: text,
    count: flowCount,
    meanDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    classes: z.array(flowCount), // aligned with DURATION_CLASSES
  })
  .strict();
export type DurationRow = z.infer<typeof durationRow>;
export const durationsResult = z
  .object({
    // Trajectories that ended (end ≤ peildatum) in [from, to], duration = end − start + 1 days.
    trajectories: z.array(durationRow),
    // Uninterrupted time in care per child: region spells that ended in [from, to] ('ended'), and spells still
    // running at the peildatum, counted up to it ('ongoing').
    spells: z.array(durationRow),
    classes: z.array(z.object({ key: z.string(), label: text }).strict()),
    peildatum: z.string().nullable(),
    suppression,
  })
  .strict();
export type DurationsResult = z.infer<typeof durationsResult>;

// ---- export/flows ----------------------------------------------------------------------------------
export const exportFlowsArgs = z
  .object({ query: flowsQueryInput, format: z.enum(['csv', 'xlsx']), lang: z.enum(['nl', 'en']).optional() })
  .strict();

export const flowMethods = {
  'query/flows': { args: flowsQueryInput, result: flowsResult },
  'query/doorstroom': { args: doorstroomArgs, result: doorstroomResult },
  'query/doorstroom-children': { args: doorstroomChildrenArgs, result: doorstroomChildrenResult },
  'query/growth': { args: growthArgs, result: growthResult },
  'query/durations': { args: durationsArgs, result: durationsResult },
  'export/flows': { args: exportFlowsArgs, result: exportResult },
} as const;
