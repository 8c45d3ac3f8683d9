// Stacking and successive trajectories (DOMAIN.md §7, docs/STACKING.md). Everything a renderer needs to build
// the stacking views against is in this file:
//
// query/stacking         concurrent stacking: per measuring day the children in care by how many trajectories
//                        (DOMAIN.md §5, JB/JR included; 40/42 are no trajectory) cover that day: 1, 2, 3+. One day
//                        (`at`), or per month over a period on the month's last day (the peildatum for the last,
//                        cut-off month). `cells[p][g]` is indexed by `points[p]` and `groups[g]`. A child belongs
//                        to every group of the trajectories covering the day (municipality, provider, segment) or
//                        to its age band on that day, and is counted with ALL its trajectories of that day, so
//                        groups may add up to more than the region. `combinations` (segments / providers) are the
//                        stacked children (≥ 2) by the multiset of their trajectories' segments or providers,
//                        heaviest segment first, most frequent first; over several days a child counts once per
//                        combination it had on any of them. `segmentPairs` is the segment × segment matrix of the
//                        same children (each unordered pair of their trajectories once per child; a == b when two
//                        trajectories share a segment) for a heatmap.
// query/sequences        successive trajectories per episode: an episode is a child's care with no gap > 365 days
//                        (gap = next start − previous end − 1); only jeugdhulp trajectories are numbered (not JB/JR,
//                        not 40/42), by start date, same-day starts sharing a number. `highest` = episodes by their
//                        highest number; `steps` = from number n to n+1 with the median days between the starts;
//                        `sequences` = the most frequent segment sequences ('a+b' for same-day starts);
//                        `transitions` = segment at n → segment at n+1 (a flow/Sankey per step).
// query/regie-op-drie    trajectories with number N (default 3; `orHigher` for ≥ N) that started in a period, per
//                        municipality, by ToewijzingNummer, with provider, product, segment, start and the child's
//                        earlier trajectories of the episode. Exact figures, never suppressed: it is the
//                        municipality's own case list for its evaluation meeting. In-app only — meeting mode hides
//                        it; the only way out is export/regie-op-drie with explicit confirmation.
// query/regie-op-drie-prospective  children whose current episode (alive at the peildatum) is at number 2 and
//                        who have a new request (JW315/JW317 dated after the start of number 2) or an assignment
//                        not yet started (toegewezen, niet gestart) that would start a new trajectory: the moment to
//                        evaluate is before the third start. Same privacy status as query/regie-op-drie.
// export/regie-op-drie   the list as CSV (';', Dutch Excel) or XLSX. Refused unless `confirmOwnCaseList: true`:
//                        the user confirms it is the municipality's own case list. Not suppressed (a case list).
// query/samenloop        The same child (same pseudonym) in Jeugd and in Wmo (iWmo WMO301/305/307 imported for
//                        this installation): children with both, both at once on a day, and the turning-18
//                        cohort (children turning 18 in the period who were in youth care in the 90 days before)
//                        split into moved to Wmo support / prolonged youth care / both / neither. `wmo.imported`
//                        false means no iWmo data is in the database (all figures 0). Suppressed like other figures.
//
// Suppression (DOMAIN.md §3) for query/stacking, query/sequences and query/samenloop: a figure behind 1–4
// children is 'suppressed' (value null) when `suppress` is on (the default), else exact and flagged 'small'.
// Zeros are never suppressed. Secondary ('secondary'): in a stacking cell one + two + threePlus = clients; when
// exactly one of these is hidden, the smallest other non-zero one is hidden too (same for `highest` vs `episodes`).
// Pseudonyms in lists are shortened to their first 12 hex digits.
import { z } from 'zod';
import { SEGMENTS } from '../domain/segments.js';
import { exportResult } from './workbench.js';
import { periodKey } from './period.js';

const text = z.object({ nl: z.string(), en: z.string() }).strict();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const municipalityCode = z.string().regex(/^\d{4}$/);
const segment = z.enum(SEGMENTS);
const cellFlag = z.enum(['ok', 'small', 'suppressed', 'secondary']);
/** One figure (children): value null when suppressed. */
export const stackCount = z.object({ value: z.number().nullable(), flag: cellFlag }).strict();
export type StackCount = z.infer<typeof stackCount>;
const suppression = z.object({ applied: z.boolean(), threshold: z.number() }).strict();

// ---- query/stacking --------------------------------------------------------------------------------
export const STACKING_BREAKDOWNS = ['region', 'municipality', 'provider', 'segment', 'ageband'] as const;
export type StackingBreakdown = (typeof STACKING_BREAKDOWNS)[number];

export const stackingArgs = z
  .object({
    at: isoDate.optional(), // one measuring day (≤ peildatum)
    period: periodKey.optional(), // per month within this year / quarter / month; neither: every month of the data
    by: z.enum(STACKING_BREAKDOWNS).optional(), // default 'region'
    municipality: municipalityCode.optional(), // only trajectories assigned by this municipality
    kader: z.enum(['all', 'jeugdhulp']).optional(), // 'jeugdhulp': JB/JR trajectories left out; default 'all'
    top: z.number().int().min(1).max(200).optional(), // combinations listed (default 20)
    suppress: z.boolean().optional(), // default true
  })
  .strict()
  .refine((q) => q.at === undefined || q.period === undefined, { message: 'give at or period, not both' });
export type StackingArgs = z.infer<typeof stackingArgs>;

export const stackingPoint = z
  .object({
    key: z.string(), // '2024-03' per month, the date itself for `at`
    label: text,
    day: isoDate, // the measuring day
    partial: z.boolean(), // a month cut off at the peildatum (measured on the peildatum)
  })
  .strict();
export const stackingCell = z
  .object({ clients: stackCount, one: stackCount, two: stackCount, threePlus: stackCount })
  .strict(); // clients = one + two + threePlus; stacked = two + threePlus
export type StackingCell = z.infer<typeof stackingCell>;
export const stackingCombination = z
  .object({ key: z.string(), parts: z.array(z.string()), label: text, clients: stackCount })
  .strict(); // key = parts joined by '+'; parts are segments or provider AGB codes
export type StackingCombination = z.infer<typeof stackingCombination>;

export const stackingResult = z
  .object({
    query: z.object({ at: isoDate.nullable(), period: periodKey.nullable(), by: z.enum(STACKING_BREAKDOWNS), municipality: municipalityCode.nullable(), kader: z.enum(['all', 'jeugdhulp']), suppress: z.boolean() }).strict(),
    points: z.array(stackingPoint),
    groups: z.array(z.object({ key: z.string(), label: text }).strict()),
    cells: z.array(z.array(stackingCell)), // [point][group]
    combinations: z.object({ segments: z.array(stackingCombination), providers: z.array(stackingCombination), stackedClients: stackCount }).strict(),
    segmentPairs: z.array(z.object({ a: segment, b: segment, clients: stackCount }).strict()), // a ≤ b by weight
    peildatum: isoDate.nullable(),
    suppression,
  })
  .strict();
export type StackingResult = z.infer<typeof stackingResult>;

// ---- query/sequences -------------------------------------------------------------------------------
export const sequencesArgs = z
  .object({
    period: periodKey.optional(), // only episodes whose first numbered trajectory started in this period
    municipality: municipalityCode.optional(), // only episodes whose first numbered trajectory this municipality assigned
    top: z.number().int().min(1).max(200).optional(), // sequences listed (default 20)
    suppress: z.boolean().optional(),
  })
  .strict();
export type SequencesArgs = z.infer<typeof sequencesArgs>;
export const sequenceStep = z
  .object({ from: z.number(), to: z.number(), episodes: stackCount, medianDays: z.number().nullable() })
  .strict(); // medianDays: between the start of number `from` and of `to`; null when hidden or none
export const sequencesResult = z
  .object({
    query: z.object({ period: periodKey.nullable(), municipality: municipalityCode.nullable(), suppress: z.boolean() }).strict(),
    episodes: stackCount, // episodes with at least one numbered trajectory
    ongoing: stackCount, // of which still running at the peildatum (a later start would continue them)
    highest: z.array(z.object({ key: z.string(), episodes: stackCount }).strict()), // keys '1'…'9', '10+'
    steps: z.array(sequenceStep), // 1→2, 2→3, … as far as any episode goes
    sequences: z.array(
      z.object({ key: z.string(), segments: z.array(z.string()), episodes: stackCount, medianDays: z.array(z.number().nullable()) }).strict(),
    ), // segments[i] = segment(s) of number i+1 ('a+b' same-day); key = segments joined by ' > '; medianDays per step
    transitions: z.array(z.object({ step: z.number(), from: z.string(), to: z.string(), episodes: stackCount }).strict()),
    peildatum: isoDate.nullable(),
    suppression,
  })
  .strict();
export type SequencesResult = z.infer<typeof sequencesResult>;

// ---- query/regie-op-drie ---------------------------------------------------------------------------
export const regieArgs = z
  .object({
    period: periodKey, // trajectories that started in this year / quarter / month
    municipality: municipalityCode.optional(),
    number: z.number().int().min(2).max(50).optional(), // default 3
    orHigher: z.boolean().optional(), // default false: exactly `number`
  })
  .strict();
export type RegieArgs = z.infer<typeof regieArgs>;
export const regieTrajectory = z
  .object({
    number: z.number(), // sequence number in the episode; 0 = not numbered (JB/JR, shown for context)
    municipality: municipalityCode,
    toewijzingNr: z.number(), // of the trajectory's first care period
    toewijzingNrs: z.array(z.number()), // all its care periods' ToewijzingNummers
    provider: z.string(),
    product: z.string(), // ProductCode ('' when none)
    category: z.string(),
    segment,
    start: isoDate,
    end: isoDate.nullable(), // null = running at the peildatum
  })
  .strict();
export type RegieTrajectory = z.infer<typeof regieTrajectory>;
export const regieRow = regieTrajectory
  .extend({
    pseudonym: z.string(), // first 12 hex digits; rows are identified by municipality + ToewijzingNummer
    episodeStart: isoDate,
    earlier: z.array(regieTrajectory), // the child's earlier trajectories of the episode (numbered and JB/JR), by start
  })
  .strict();
export type RegieRow = z.infer<typeof regieRow>;
export const regieResult = z
  .object({
    query: z.object({ period: periodKey, municipality: municipalityCode.nullable(), number: z.number(), orHigher: z.boolean() }).strict(),
    start: isoDate,
    end: isoDate, // the period, cut off at the peildatum
    municipalities: z.array(z.object({ code: municipalityCode, label: text, rows: z.number() }).strict()),
    rows: z.array(regieRow), // by municipality, start, ToewijzingNummer
    peildatum: isoDate.nullable(),
  })
  .strict();
export type RegieResult = z.infer<typeof regieResult>;

// ---- query/regie-op-drie-prospective ---------------------------------------------------------------
export const prospectiveArgs = z.object({ municipality: municipalityCode.optional() }).strict();
export const prospectiveTrigger = z
  .object({
    kind: z.enum(['request', 'assignment']),
    code: z.enum(['JW315', 'JW317', 'JW301']),
    date: isoDate, // the request's Dagtekening, or the assignment's Ingangsdatum
    municipality: municipalityCode,
    provider: z.string(),
    toewijzingNr: z.number().nullable(), // assignments only
    product: z.string(), // '' when unknown
    segment: segment.nullable(),
  })
  .strict();
export const prospectiveRow = z
  .object({
    pseudonym: z.string(),
    municipality: municipalityCode, // of the number-2 trajectory (the latest started)
    current: z.array(regieTrajectory), // the numbered trajectories 1 and 2 of the episode
    triggers: z.array(prospectiveTrigger), // by date
  })
  .strict();
export type ProspectiveRow = z.infer<typeof prospectiveRow>;
export const prospectiveResult = z
  .object({ municipality: municipalityCode.nullable(), rows: z.array(prospectiveRow), peildatum: isoDate.nullable() })
  .strict();
export type ProspectiveResult = z.infer<typeof prospectiveResult>;

// ---- export/regie-op-drie --------------------------------------------------------------------------
export const exportRegieArgs = z
  .object({
    query: regieArgs,
    format: z.enum(['csv', 'xlsx']),
    lang: z.enum(['nl', 'en']).optional(),
    confirmOwnCaseList: z.boolean().optional(), // must be true, else the export is refused ('bad-request')
  })
  .strict();

// ---- query/samenloop -------------------------------------------------------------------------------
export const samenloopArgs = z
  .object({ period: periodKey, municipality: municipalityCode.optional(), suppress: z.boolean().optional() })
  .strict();
export const samenloopResult = z
  .object({
    query: z.object({ period: periodKey, municipality: municipalityCode.nullable(), suppress: z.boolean() }).strict(),
    start: isoDate,
    end: isoDate,
    wmo: z.object({ imported: z.boolean(), firstDay: isoDate.nullable(), lastDay: isoDate.nullable() }).strict(),
    jeugd: stackCount, // children with Jeugd care in the period
    wmoClients: stackCount, // people with Wmo support in the period
    both: stackCount, // in both during the period
    bothSameDay: stackCount, // in both on at least one same day
    turning18: z
      .object({
        cohort: stackCount, // turned 18 in the period and had youth care in the 90 days before their birthday
        toWmo: stackCount, // … then Wmo support within 365 days, without youth care after turning 18
        prolonged: stackCount, // … youth care after turning 18 (verlengde jeugdhulp), no Wmo
        both: stackCount, // … both
        neither: stackCount, // … neither (as far as the data goes)
      })
      .strict(),
    peildatum: isoDate.nullable(),
    suppression,
  })
  .strict();
export type SamenloopResult = z.infer<typeof samenloopResult>;

export const stackingMethods = {
  'query/stacking': { args: stackingArgs, result: stackingResult },
  'query/sequences': { args: sequencesArgs, result: sequencesResult },
  'query/regie-op-drie': { args: regieArgs, result: regieResult },
  'query/regie-op-drie-prospective': { args: prospectiveArgs, result: prospectiveResult },
  'export/regie-op-drie': { args: exportRegieArgs, result: exportResult },
  'query/samenloop': { args: samenloopArgs, result: samenloopResult },
} as const;
