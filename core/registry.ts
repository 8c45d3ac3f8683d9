// The one registry of dimensions and measures: ids, Dutch and English labels and definitions.
// The renderer, the CLI and the definitions panel all read from here.
import { SEGMENTS, type Segment } from './domain/segments.js';

export type Lang = 'nl' | 'en';
export interface Text { nl: string; en: string }

export const DIMENSIONS = [
  'municipality',
  'lastMunicipality',
  'provider',
  'segment',
  'kader',
  'verblijf',
  'category',
  'product',
  'referrer',
  'gp',
  'gender',
  'ageband',
  'pc4',
  'wijk',
  'school',
  'year',
  'quarter',
  'month',
  'endReason',
  'unit',
] as const;
export type DimensionId = (typeof DIMENSIONS)[number];
export const TIME_DIMENSIONS = ['month', 'quarter', 'year'] as const satisfies readonly DimensionId[];

export const MEASURES = [
  'clients',
  'trajectories',
  'assignments',
  'volume',
  'claimed',
  'approved',
  'pending',
  'perClient',
  'price',
  'durationMean',
  'durationMedian',
] as const;
export type MeasureId = (typeof MEASURES)[number];
/** Averages and ratios: recomputed at every total, never shown as a share or per 1,000. */
export const RATIO_MEASURES: readonly MeasureId[] = ['perClient', 'price', 'durationMean', 'durationMedian'];
/** count: whole numbers; eurocent: money (shown in euro); days; volume: in the cell's one unit; rate: per 1,000. */
export type Unit = 'count' | 'eurocent' | 'days' | 'volume' | 'percent' | 'rate';

export interface Definition { label: Text; definition: Text }

const t = (nl: string, en: string): Text => ({ nl, en });

export { DIMENSION_INFO, MEASURE_INFO } from './definitions.js';

export const SEGMENT_LABELS: Record<Segment, Text> = {
  verblijf: t('Verblijf', 'Residential'),
  wonen: t('Wonen (pleegzorg/gezinsgericht)', 'Family-based living'),
  crisis: t('Crisis', 'Crisis'),
  dagbehandeling: t('Dagbehandeling/dagbesteding', 'Day treatment'),
  specialistisch: t('Specialistisch ambulant', 'Specialist outpatient'),
  generalistisch: t('Generalistisch/basis', 'General/basic'),
  jbjr: t('Jeugdbescherming/jeugdreclassering', 'Child protection/probation'),
  overig: t('Overig', 'Other'),
};

/** Order in which segment values are listed: heaviest first (DOMAIN.md §4), JB/JR and overig last. */
export const SEGMENT_ORDER: readonly Segment[] = SEGMENTS;

export const AGE_BANDS = ['0-3', '4-11', '12-17', '18-22', '23+'] as const;

export const GENDER_LABELS: Record<string, Text> = {
  '0': t('Onbekend', 'Unknown'),
  '1': t('Jongen/man', 'Male'),
  '2': t('Meisje/vrouw', 'Female'),
};

export function isDimension(id: string): id is DimensionId {
  return (DIMENSIONS as readonly string[]).includes(id);
}

export function isMeasure(id: string): id is MeasureId {
  return (MEASURES as readonly string[]).includes(id);
}
