// Comparisons that mirror, not judge (issue 8, DOMAIN.md §8–§9, docs/COMPARE.md). Everything a renderer needs
// to build the compare view against is in this file:
//
// compare/municipalities  per municipality (and the region) for one period: clients, met / zonder verblijf,
//                         clients per segment, € approved, € per client, € per inhabitant aged 0–17 — each count
//                         also per 1,000 youth (CBS population 0–17 on 1 January of the period's year, numerator
//                         restricted to clients aged 0–17; `perThousand` null without a population table) — and
//                         the same figures for the same period one year earlier (`previous`). `mapping` says
//                         whether merged municipality codes were folded into their successor ('mergers') or kept
//                         as given ('asGiven'). A child who moves counts in each municipality (DOMAIN.md §5), so
//                         municipality rows may add up to more than the region row.
// compare/providers       per provider (AGB) for one period: clients, € claimed / approved, € per client, volume
//                         and effective price per unit (never summed across units), trajectory duration, the
//                         declaration lead time, the same figures a year earlier, and each municipality's share of
//                         the provider's clients and money; plus concentration (top 5 / top 10 providers' share of
//                         approved money and of clients).
// compare/provider-profile  one provider over the last `years` years, aggregates only, per municipality and per
//                         segment / product: meant to be shared with that provider, so ALWAYS suppressed.
// compare/quality         message-traffic quality per provider: starts within 14 days, ends without a JW307,
//                         JW325 within 10 working days, retour messages and codes, request lead time (working days,
//                         against the 5-working-day norm). Definitions in docs/COMPARE.md.
// export/compare          one of the tables above as CSV (';', decimal comma, Dutch Excel) or XLSX, always
//                         suppressed, formula-injection-safe.
//
// Cells: every figure is a `compareCell` { value, clients, flag }: `clients` = distinct children behind the
// figure (for a rate: behind its numerator). Money is in eurocent; shares are fractions 0–1; rates per 1,000.
// Suppression (DOMAIN.md §3): a cell behind 1–4 children is 'suppressed' (value and clients null) when `suppress`
// is on (the default for exports and the CLI; the view passes it in meeting mode), else exact and flagged
// 'small'. Zeros are never suppressed. Secondary ('secondary'): where parts add up to a shown total (segments vs
// clients, met + zonder + JB/JR vs clients, a provider's municipality shares), a lone hidden part takes its
// smallest non-zero sibling with it. A rate or € per client is hidden whenever its count is.
import { z } from 'zod';
import { SEGMENTS } from '../domain/segments.js';
import { exportResult } from './workbench.js';
import { periodKey } from './period.js';

const text = z.object({ nl: z.string(), en: z.string() }).strict();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const municipalityCode = z.string().regex(/^\d{4}$/);
const agb = z.string().regex(/^\d{8}$/);
const cellFlag = z.enum(['ok', 'small', 'suppressed', 'secondary']);
const suppression = z.object({ applied: z.boolean(), threshold: z.number() }).strict();

/** One figure with the distinct children behind it; value and clients null when hidden. */
export const compareCell = z.object({ value: z.number().nullable(), clients: z.number().nullable(), flag: cellFlag }).strict();
export type CompareCell = z.infer<typeof compareCell>;

export const comparePeriod = z
  .object({ key: periodKey, label: text, start: isoDate, end: isoDate, partial: z.boolean(), voorlopig: z.boolean() })
  .strict(); // end = the peildatum when the period runs past it (partial)
export type ComparePeriod = z.infer<typeof comparePeriod>;

// ---- compare/municipalities ------------------------------------------------------------------------
export const compareMunicipalitiesArgs = z
  .object({
    period: periodKey,
    mergers: z.enum(['asGiven', 'mergers']).optional(), // default 'mergers': old codes folded into their successor
    kader: z.enum(['all', 'jeugdhulp']).optional(), // 'jeugdhulp': JB/JR left out (the CBS view); default 'all'
    suppress: z.boolean().optional(), // default true
  })
  .strict();
export type CompareMunicipalitiesArgs = z.infer<typeof compareMunicipalitiesArgs>;

const rates = z
  .object({
    population: z.number(), // CBS residents aged 0–17 on 1 January (summed over merged codes)
    year: z.number(), // the population year used
    clients: compareCell, // clients aged 0–17 per 1,000 youth (cell.clients = those clients)
    metVerblijf: compareCell,
    zonderVerblijf: compareCell,
    segments: z.array(compareCell), // aligned with `segments`
  })
  .strict();
export const compareMunicipalityFigures = z
  .object({
    clients: compareCell,
    metVerblijf: compareCell,
    zonderVerblijf: compareCell,
    jbjr: compareCell, // JB/JR is its own kader (DOMAIN.md §4); 0 with kader 'jeugdhulp'
    segments: z.array(compareCell), // aligned with `segments`
    approved: compareCell, // eurocent approved (ProductPeriode in the period); clients = children with approved lines
    perClient: compareCell, // eurocent approved ÷ children with approved lines
    perInhabitant: compareCell, // eurocent approved for children aged 0–17 ÷ population 0–17; null without population
    perThousand: rates.nullable(), // null when no population table covers this municipality and year
  })
  .strict();
export type CompareMunicipalityFigures = z.infer<typeof compareMunicipalityFigures>;
export const compareMunicipalityRow = z
  .object({
    key: z.string(), // the municipality code, or 'region'
    kind: z.enum(['municipality', 'region']),
    label: z.string(), // CBS name ('Ede'), or 'Regio' / the dataset's region
    mergedFrom: z.array(municipalityCode), // codes as given that were folded into this row (incl. itself)
    current: compareMunicipalityFigures,
    previous: compareMunicipalityFigures.nullable(), // same period one year earlier; null when it lies before the data
  })
  .strict();
export type CompareMunicipalityRow = z.infer<typeof compareMunicipalityRow>;
export const compareMunicipalitiesResult = z
  .object({
    query: z.object({ period: periodKey, mergers: z.enum(['asGiven', 'mergers']), kader: z.enum(['all', 'jeugdhulp']), suppress: z.boolean() }).strict(),
    period: comparePeriod,
    previous: comparePeriod.nullable(),
    segments: z.array(z.object({ key: z.enum(SEGMENTS), label: text }).strict()),
    rows: z.array(compareMunicipalityRow), // municipalities by code, then the region row last
    mapping: z
      .object({
        applied: z.enum(['asGiven', 'mergers']),
        source: z.enum(['none', 'known', 'table']), // 'known': data/reference mergers; 'table': the user's mapping table
        merged: z.array(z.object({ oldCode: municipalityCode, newCode: municipalityCode, fromYear: z.number() }).strict()), // only codes present in the data
      })
      .strict(),
    population: z.object({ available: z.boolean(), year: z.number().nullable(), ages: z.literal('0-17') }).strict(),
    peildatum: isoDate.nullable(),
    notes: z.array(text),
    suppression,
  })
  .strict();
export type CompareMunicipalitiesResult = z.infer<typeof compareMunicipalitiesResult>;

// ---- compare/providers -----------------------------------------------------------------------------
export const compareProvidersArgs = z
  .object({
    period: periodKey,
    municipality: municipalityCode.optional(), // only care / money assigned by this municipality
    top: z.number().int().min(1).max(1000).optional(), // providers listed, by approved money (default all)
    suppress: z.boolean().optional(),
  })
  .strict();
export type CompareProvidersArgs = z.infer<typeof compareProvidersArgs>;

export const compareUnitFigures = z
  .object({
    unit: z.string(), // JZ-unit code as delivered (minutes are converted to hours: unit '04')
    label: text,
    volume: compareCell, // Σ GeleverdVolume of the declaration lines (credits negative) in this unit; never summed across units
    price: compareCell, // eurocent approved ÷ volume; null for unit 83 (euro's) or volume 0
  })
  .strict();
export const compareLeadTime = z
  .object({
    lines: compareCell, // original debit lines (no VorigReferentieNummer) with ProductPeriode in the period
    meanDays: z.number().nullable(), // DeclaratieDagtekening − ProductPeriode end
    medianDays: z.number().nullable(),
    within30: compareCell, // share (0–1) declared within 30 / 60 / 90 days
    within60: compareCell,
    within90: compareCell,
    final: z.boolean(), // the period ends ≥ 12 months before the peildatum: days are final (DOMAIN.md §8)
  })
  .strict();
export const compareProviderFigures = z
  .object({
    clients: compareCell, // children in care (care period overlapping the period) at this provider
    claimed: compareCell, // eurocent
    approved: compareCell, // eurocent
    perClient: compareCell, // eurocent approved ÷ children with approved lines
    units: z.array(compareUnitFigures),
    // trajectories in care in the period, duration start → end (ongoing ones to the peildatum), as the pivot's measures
    duration: z.object({ trajectories: compareCell, meanDays: z.number().nullable(), medianDays: z.number().nullable() }).strict(),
    leadTime: compareLeadTime,
  })
  .strict();
export type CompareProviderFigures = z.infer<typeof compareProviderFigures>;
export const compareMunicipalityShare = z
  .object({ municipality: municipalityCode, clients: compareCell, money: compareCell }) // shares 0–1 of the provider's clients / approved €
  .strict();
export const compareProviderRow = z
  .object({
    agb,
    label: z.string(), // provider name when known, else the AGB code
    current: compareProviderFigures,
    previous: compareProviderFigures.nullable(), // same period one year earlier (the trend)
    shares: z.array(compareMunicipalityShare), // municipalities with any care or money at this provider, largest money first
  })
  .strict();
export type CompareProviderRow = z.infer<typeof compareProviderRow>;
const concentration = z.object({ providers: z.number(), money: z.number().nullable(), clients: z.number().nullable() }).strict();
export const compareProvidersResult = z
  .object({
    query: z.object({ period: periodKey, municipality: municipalityCode.nullable(), top: z.number().nullable(), suppress: z.boolean() }).strict(),
    period: comparePeriod,
    previous: comparePeriod.nullable(),
    municipalities: z.array(z.object({ code: municipalityCode, label: z.string() }).strict()),
    providers: z.array(compareProviderRow), // by approved money, largest first (ties by AGB)
    total: compareProviderFigures, // the region (or the chosen municipality) over all providers
    // Top-n providers by approved money: their share of approved money; top-n by clients: the distinct children of
    // those n providers ÷ all distinct children. Never hidden: no child count can be read back from a share of a total ≥ 5.
    concentration: z.object({ providers: z.number(), top5: concentration, top10: concentration }).strict(),
    peildatum: isoDate.nullable(),
    notes: z.array(text),
    suppression,
  })
  .strict();
export type CompareProvidersResult = z.infer<typeof compareProvidersResult>;

// ---- compare/provider-profile (shareable: always suppressed) -----------------------------------------
export const compareProfileArgs = z.object({ agb, years: z.number().int().min(1).max(10).optional() }).strict(); // default 3
export const compareProfileFigures = z
  .object({ clients: compareCell, claimed: compareCell, approved: compareCell, perClient: compareCell, units: z.array(compareUnitFigures) })
  .strict();
export type CompareProfileFigures = z.infer<typeof compareProfileFigures>;
const profileLine = z.object({ key: z.string(), label: z.string(), years: z.array(compareProfileFigures) }).strict(); // years aligned with `years`
export const compareProfileResult = z
  .object({
    provider: z.object({ agb, label: z.string() }).strict(),
    years: z.array(z.string()), // the last calendar years up to the peildatum's year, oldest first
    total: z.array(compareProfileFigures), // per year
    byMunicipality: z.array(profileLine), // key = municipality code
    bySegment: z.array(profileLine), // key = segment
    byProduct: z.array(profileLine), // key = 'category' or 'category-code'
    peildatum: isoDate.nullable(),
    notes: z.array(text),
    suppression, // applied is always true
  })
  .strict();
export type CompareProfileResult = z.infer<typeof compareProfileResult>;

// ---- compare/quality -------------------------------------------------------------------------------
export const compareQualityArgs = z
  .object({ period: periodKey, municipality: municipalityCode.optional(), suppress: z.boolean().optional() })
  .strict();
export type CompareQualityArgs = z.infer<typeof compareQualityArgs>;
const share = z.object({ of: compareCell, share: compareCell }).strict(); // `of` = the denominator (count), share 0–1
export const compareRetourCount = z.object({ type: z.string(), messages: z.number(), withCodes: z.number() }).strict(); // withCodes: carrying any RetourCode other than 0200
export const compareQualityRow = z
  .object({
    key: z.string(), // AGB code, or 'region'
    label: z.string(),
    startWithin14: share, // assignments due to start in the period → share with a standing start ≤ 14 days after
    endsWithoutStop: share, // care periods ended in the period → share with no standing definitive JW307
    answerWithin10: share, // JW323 declarations sent in the period → share answered (JW325) ≤ 10 working days
    requests: z
      .object({
        requests: compareCell, // JW315/JW317 sent in the period with an answer (JW301/JW319)
        unanswered: compareCell, // … without one by the peildatum
        meanWorkingDays: z.number().nullable(),
        medianWorkingDays: z.number().nullable(),
        withinNorm: compareCell, // share (0–1) answered within 5 working days
      })
      .strict(),
    retours: z.array(compareRetourCount), // aligned with `retourTypes`; message counts (retours carry no client)
  })
  .strict();
export type CompareQualityRow = z.infer<typeof compareQualityRow>;
export const compareQualityResult = z
  .object({
    query: z.object({ period: periodKey, municipality: municipalityCode.nullable(), suppress: z.boolean() }).strict(),
    period: comparePeriod,
    retourTypes: z.array(z.string()), // 'JW302', 'JW306', ...
    retourCodes: z.array(z.object({ code: z.string(), messages: z.number() }).strict()), // most frequent codes other than 0200
    providers: z.array(compareQualityRow),
    region: compareQualityRow,
    peildatum: isoDate.nullable(),
    notes: z.array(text),
    suppression,
  })
  .strict();
export type CompareQualityResult = z.infer<typeof compareQualityResult>;

// ---- export/compare --------------------------------------------------------------------------------
export const exportCompareArgs = z
  .object({
    table: z.enum(['municipalities', 'providers', 'provider-profile', 'quality']),
    period: periodKey.optional(), // required for every table but provider-profile
    municipality: municipalityCode.optional(),
    agb: agb.optional(), // required for provider-profile
    mergers: z.enum(['asGiven', 'mergers']).optional(), // municipalities: as on screen (compare/municipalities)
    kader: z.enum(['all', 'jeugdhulp']).optional(),
    format: z.enum(['csv', 'xlsx']),
    lang: z.enum(['nl', 'en']).optional(),
  })
  .strict()
  .refine((a) => (a.table === 'provider-profile' ? a.agb !== undefined : a.period !== undefined), { message: 'give period (or agb for provider-profile)' });

// Short type names (the renderer's): types only, so they cannot clash with another contract's schemas.
export type MunicipalityFigures = CompareMunicipalityFigures;
export type MunicipalityRow = CompareMunicipalityRow;
export type ProviderFigures = CompareProviderFigures;
export type ProfileFigures = CompareProfileFigures;
export type ProviderProfileResult = CompareProfileResult;
export type QualityRow = CompareQualityRow;

export const compareMethods = {
  'compare/municipalities': { args: compareMunicipalitiesArgs, result: compareMunicipalitiesResult },
  'compare/providers': { args: compareProvidersArgs, result: compareProvidersResult },
  'compare/provider-profile': { args: compareProfileArgs, result: compareProfileResult },
  'compare/quality': { args: compareQualityArgs, result: compareQualityResult },
  'export/compare': { args: exportCompareArgs, result: exportResult },
} as const;
