// The one registry of dimensions and measures: ids, Dutch and English labels and definitions.
// The renderer, the CLI and the definitions panel all read from here.
import { SEGMENTS, type Segment } from './domain/segments.js';

export type Lang = 'nl' | 'en';
export interface Text { nl: string; en: string }

export const DIMENSIONS = ['municipality', 'provider', 'segment', 'category', 'gender', 'ageband', 'year', 'quarter', 'month'] as const;
export type DimensionId = (typeof DIMENSIONS)[number];
export const TIME_DIMENSIONS = ['month', 'quarter', 'year'] as const satisfies readonly DimensionId[];

export const MEASURES = ['clients', 'trajectories', 'claimed', 'approved'] as const;
export type MeasureId = (typeof MEASURES)[number];
export type Unit = 'count' | 'eurocent';

export interface Definition { label: Text; definition: Text }

const t = (nl: string, en: string): Text => ({ nl, en });

export const DIMENSION_INFO: Record<DimensionId, Definition> = {
  municipality: {
    label: t('Gemeente', 'Municipality'),
    definition: t(
      'De gemeente die de zorg toewees (afzender van de JW301; bij declaraties de ontvanger). Een kind dat verhuist telt in elke gemeente waar het in de periode zorg had; het regiototaal telt het één keer. (CBS geeft elk kind één gemeente.)',
      'The municipality that assigned the care (sender of the JW301; for declarations the receiver). A child who moves counts in every municipality where it had care in the period; the regional total counts it once. (CBS gives each child one municipality.)',
    ),
  },
  provider: {
    label: t('Aanbieder', 'Provider'),
    definition: t('De aanbieder (AGB-code) die de zorg leverde of declareerde.', 'The provider (AGB code) that delivered or claimed the care.'),
  },
  segment: {
    label: t('Hulpvorm', 'Care segment'),
    definition: t(
      'Segment op basis van de productcategorie van de toewijzing (standaardindeling, DOMAIN.md §4). Declaraties gebruiken hun eigen productcategorie.',
      'Segment derived from the product category of the assignment (default mapping, DOMAIN.md §4). Declarations use their own product category.',
    ),
  },
  category: {
    label: t('Productcategorie', 'Product category'),
    definition: t('iJw-productcategorie (JZ020) van de toewijzing of declaratieregel.', 'iJw product category (JZ020) of the assignment or declaration line.'),
  },
  gender: {
    label: t('Geslacht', 'Gender'),
    definition: t('Geslacht volgens de laatste geldende toewijzing (JW301).', 'Gender according to the latest winning assignment (JW301).'),
  },
  ageband: {
    label: t('Leeftijd', 'Age band'),
    definition: t(
      'Leeftijd in hele jaren vanaf de 15e van de geboortemaand, op de laatste dag in de periode waarop het kind in zorg was (bij declaraties: het einde van de productperiode).',
      'Age in whole years from the 15th of the birth month, on the last day of the period on which the child was in care (for declarations: the end of the product period).',
    ),
  },
  year: { label: t('Jaar', 'Year'), definition: t('Kalenderjaar.', 'Calendar year.') },
  quarter: { label: t('Kwartaal', 'Quarter'), definition: t('Kalenderkwartaal.', 'Calendar quarter.') },
  month: { label: t('Maand', 'Month'), definition: t('Kalendermaand.', 'Calendar month.') },
};

export const MEASURE_INFO: Record<MeasureId, Definition & { unit: Unit }> = {
  clients: {
    unit: 'count',
    label: t('Cliënten', 'Clients'),
    definition: t(
      'Aantal verschillende kinderen met een zorgperiode die de periode overlapt; totalen tellen elk kind één keer.',
      'Number of distinct children with a care period overlapping the period; totals count each child once.',
    ),
  },
  trajectories: {
    unit: 'count',
    label: t('Trajecten', 'Trajectories'),
    definition: t(
      'Zorgperioden van één kind bij één aanbieder in één hulpvorm en gemeente, samengevoegd als ze overlappen of aansluiten; geteld als ze de periode overlappen.',
      'Care periods of one child at one provider in one segment and municipality, merged when they overlap or touch; counted when overlapping the period.',
    ),
  },
  claimed: {
    unit: 'eurocent',
    label: t('Gedeclareerd (€)', 'Claimed (€)'),
    definition: t(
      'Som van de ingediende bedragen (debet positief, credit negatief) naar maand van de productperiode, niet naar declaratiedatum.',
      'Sum of claimed amounts (debit positive, credit negative) by month of the product period, not by declaration date.',
    ),
  },
  approved: {
    unit: 'eurocent',
    label: t('Toegekend (€)', 'Approved (€)'),
    definition: t(
      'Som van de declaratieregels waarvoor een JW325 binnen is die ze niet afwijst.',
      'Sum of declaration lines whose JW325 has arrived and does not reject them.',
    ),
  },
};

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
