// The one registry of dimensions and measures: ids, Dutch and English labels and definitions.
// The renderer, the CLI and (later) the definitions panel all read from here.
import { SEGMENTS, type Segment } from './domain/segments.js';

export type Lang = 'nl' | 'en';
export interface Text { nl: string; en: string }

export const DIMENSIONS = ['municipality', 'segment', 'year'] as const;
export type DimensionId = (typeof DIMENSIONS)[number];

export const MEASURES = ['clients'] as const;
export type MeasureId = (typeof MEASURES)[number];

export interface Definition { label: Text; definition: Text }

export const DIMENSION_INFO: Record<DimensionId, Definition> = {
  municipality: {
    label: { nl: 'Gemeente', en: 'Municipality' },
    definition: {
      nl: 'De gemeente die de zorg toewees (afzender van de JW301). Een kind dat verhuist telt in elke gemeente waar het in de periode zorg had.',
      en: 'The municipality that assigned the care (sender of the JW301). A child who moves counts in every municipality where it had care in the period.',
    },
  },
  segment: {
    label: { nl: 'Hulpvorm', en: 'Care segment' },
    definition: {
      nl: 'Segment op basis van de productcategorie van de toewijzing (DOMAIN.md §4).',
      en: 'Segment derived from the product category of the assignment (DOMAIN.md §4).',
    },
  },
  year: {
    label: { nl: 'Jaar', en: 'Year' },
    definition: { nl: 'Kalenderjaar waarin de zorg liep.', en: 'Calendar year in which care was delivered.' },
  },
};

export const MEASURE_INFO: Record<MeasureId, Definition> = {
  clients: {
    label: { nl: 'Cliënten', en: 'Clients' },
    definition: {
      nl: 'Aantal verschillende kinderen met een zorgperiode die de periode overlapt; totalen tellen elk kind één keer.',
      en: 'Number of distinct children with a care period overlapping the period; totals count each child once.',
    },
  },
};

export const SEGMENT_LABELS: Record<Segment, Text> = {
  verblijf: { nl: 'Verblijf', en: 'Residential' },
  wonen: { nl: 'Wonen (pleegzorg/gezinsgericht)', en: 'Family-based living' },
  crisis: { nl: 'Crisis', en: 'Crisis' },
  dagbehandeling: { nl: 'Dagbehandeling/dagbesteding', en: 'Day treatment' },
  specialistisch: { nl: 'Specialistisch ambulant', en: 'Specialist outpatient' },
  generalistisch: { nl: 'Generalistisch/basis', en: 'General/basic' },
  jbjr: { nl: 'Jeugdbescherming/jeugdreclassering', en: 'Child protection/probation' },
  overig: { nl: 'Overig', en: 'Other' },
};

/** Order in which segment values are listed: heaviest first (DOMAIN.md §4), JB/JR and overig last. */
export const SEGMENT_ORDER: readonly Segment[] = SEGMENTS;

export function isDimension(id: string): id is DimensionId {
  return (DIMENSIONS as readonly string[]).includes(id);
}

export function isMeasure(id: string): id is MeasureId {
  return (MEASURES as readonly string[]).includes(id);
}
