// Schools (DOMAIN.md §9, docs/SCHOOLS.md): per school location (vestiging) the share of its pupils with youth
// care in a school year, shown as a funnel plot against the regional rate — never as a bare league table.
//
// compare/schools        per vestiging in the leerplicht extract for the school year: metadata (name, board,
//                        municipality, soort) from the DUO tables, `pupils` = children listed at that vestiging in
//                        the leerplicht extract (residents: the denominator, DOMAIN.md §9), `duoPupils` = DUO's
//                        count on 1 October of the school year's first calendar year (context only: border
//                        schools also teach children from elsewhere), `clients` = those pupils with any care
//                        period (every segment, JB/JR included) overlapping the school year (1 August – 31 July,
//                        cut at the peildatum), `rate` = clients ÷ pupils, `bySegment` = clients per segment (a
//                        child counts in every segment it had; segments may add up to more than `clients`).
//                        `specialEducation`: pupils of this (regular, BO) vestiging who are listed at an SBO/SO
//                        vestiging in the next school year ÷ pupils — null when the extract has no next year or
//                        the vestiging is itself special education. Funnel: `region` = all pupils / all clients of
//                        the listed schools; per school the control limits of a proportion at its pupil count
//                        around the regional rate (exact binomial, docs/SCHOOLS.md) at 95 % and 99,8 %, and
//                        where the school lies. `funnel` lists the limits at a range of pupil counts to draw the
//                        band. Rates are fractions (0.125 = 12,5 %).
// export/schools         the schools table as CSV (';', Dutch Excel) or XLSX, ALWAYS suppressed.
//
// Suppression (DOMAIN.md §3): `clients` and every per-segment count of 1–4 children is 'suppressed' (null) when
// `suppress` is on (the default), else exact and flagged 'small'; zeros never. Secondary: when exactly one
// segment count of a school is hidden, its smallest other non-zero one is hidden too. A school whose `clients`
// is hidden shows no rate, no position and no special-education share (they would give the count away).
import { z } from 'zod';
import { SEGMENTS } from '../domain/segments.js';
import { exportResult } from './workbench.js';

const text = z.object({ nl: z.string(), en: z.string() }).strict();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const municipalityCode = z.string().regex(/^\d{4}$/);
/** School year as the leerplicht extract writes it: '2024-2025' (1 August 2024 – 31 July 2025). */
export const schoolYearKey = z.string().regex(/^\d{4}-\d{4}$/).refine((s) => +s.slice(5) === +s.slice(0, 4) + 1, { message: 'a school year like 2024-2025' });
const cellFlag = z.enum(['ok', 'small', 'suppressed', 'secondary']);
export const schoolCount = z.object({ value: z.number().nullable(), flag: cellFlag }).strict();
export type SchoolCount = z.infer<typeof schoolCount>;
const suppression = z.object({ applied: z.boolean(), threshold: z.number() }).strict();

// ---- compare/schools -------------------------------------------------------------------------------
export const schoolsArgs = z
  .object({
    schoolYear: schoolYearKey.optional(), // default: the latest school year in the extract that ended by the peildatum
    segment: z.enum(SEGMENTS).optional(), // only care in this segment counts as "in care"
    municipality: municipalityCode.optional(), // only schools located in this municipality (the region rate stays the region's)
    suppress: z.boolean().optional(), // default true
  })
  .strict();
export type SchoolsArgs = z.infer<typeof schoolsArgs>;

/** Where a school lies against the regional rate's control limits at its pupil count. */
export const FUNNEL_POSITIONS = ['below998', 'below95', 'inside', 'above95', 'above998'] as const;
export type FunnelPosition = (typeof FUNNEL_POSITIONS)[number];
/** Control limits as rates (fractions) at one pupil count. */
export const funnelLimits = z
  .object({ pupils: z.number().int(), lower95: z.number(), upper95: z.number(), lower998: z.number(), upper998: z.number() })
  .strict();
export type FunnelLimits = z.infer<typeof funnelLimits>;

export const schoolRow = z
  .object({
    vestigingscode: z.string(), // e.g. 32JK00
    name: z.string().nullable(), // from DUO (null when the DUO school list is not imported)
    board: z.string().nullable(), // bevoegd gezag nummer
    municipality: z.string().nullable(), // 4 digits, where the vestiging is
    municipalityName: z.string().nullable(),
    soort: z.string().nullable(), // BO, SBO, SO, SO/VSO, VSO
    pupils: z.number().int(), // children listed at this vestiging in the leerplicht extract for the school year
    duoPupils: z.number().int().nullable(), // DUO count (null: not imported, or '<5' in DUO's file)
    clients: schoolCount, // pupils with care during the school year
    rate: z.number().nullable(), // clients ÷ pupils; null when clients is hidden or pupils = 0
    bySegment: z.array(z.object({ segment: z.enum(SEGMENTS), clients: schoolCount }).strict()), // segments with ≥ 1 child
    specialEducation: z.object({ referred: schoolCount, share: z.number().nullable() }).strict().nullable(),
    limits: funnelLimits, // at this school's pupil count
    position: z.enum(FUNNEL_POSITIONS).nullable(), // null when clients is hidden
  })
  .strict();
export type SchoolRow = z.infer<typeof schoolRow>;

export const schoolsResult = z
  .object({
    schoolYear: z.string().nullable(), // null: no leerplicht extract imported
    schoolYears: z.array(z.string()), // every school year in the extract, oldest first
    start: isoDate.nullable(), // 1 August
    end: isoDate.nullable(), // 31 July, or the peildatum when the year is cut off there
    partial: z.boolean(),
    segment: z.enum(SEGMENTS).nullable(),
    municipality: z.string().nullable(),
    region: z.object({ pupils: z.number().int(), clients: z.number().int(), rate: z.number().nullable() }).strict(),
    method: z.literal('exact-binomial'), // how the limits are computed (docs/SCHOOLS.md)
    schools: z.array(schoolRow), // by position (highest first), then rate, then vestigingscode: a funnel, not a ranking
    funnel: z.array(funnelLimits), // the band from the smallest to the largest school, to draw
    unmatched: z.number().int(), // vestigingscodes in the extract without DUO metadata (still listed)
    peildatum: z.string().nullable(),
    notes: z.array(text),
    suppression,
  })
  .strict();
export type SchoolsResult = z.infer<typeof schoolsResult>;

// ---- export/schools --------------------------------------------------------------------------------
export const exportSchoolsArgs = z
  .object({ query: schoolsArgs, format: z.enum(['csv', 'xlsx']), lang: z.enum(['nl', 'en']).optional() })
  .strict();

export const schoolMethods = {
  'compare/schools': { args: schoolsArgs, result: schoolsResult },
  'export/schools': { args: exportSchoolsArgs, result: exportResult },
} as const;
