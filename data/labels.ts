// Labels of dimension values, in Dutch and English. Municipality names come from CBS's lists; providers are
// shown by AGB code (no open provider register exists; DOMAIN.md, reference SOURCES.md).
import { GENDER_LABELS, SEGMENT_LABELS, type DimensionId, type Text } from '../core/registry.js';
import type { Segment } from '../core/domain/segments.js';
import { municipalityName } from './reference/municipalities.js';

// JZ020 names for the categories the reference material names (SOURCES.md §3); others show their code.
const CATEGORY_NAMES: Record<string, Text> = {
  '31': { nl: 'Wijk- of buurtteam', en: 'Neighbourhood team' },
  '32': { nl: 'Ambulant op locatie aanbieder', en: 'Outpatient at provider' },
  '33': { nl: 'Daghulp', en: 'Day care' },
  '34': { nl: 'Netwerk van de jeugdige', en: "Youth's network" },
  '35': { nl: 'Pleegzorg', en: 'Foster care' },
  '36': { nl: 'Gezinsgericht', en: 'Family-based' },
  '37': { nl: 'Gesloten plaatsing', en: 'Secure placement' },
  '38': { nl: 'Overig residentieel', en: 'Other residential' },
  '43': { nl: 'Verblijf', en: 'Residential' },
  '44': { nl: 'Verblijf', en: 'Residential' },
  '45': { nl: 'Ambulant', en: 'Outpatient' },
  '46': { nl: 'Crisis', en: 'Crisis' },
  '47': { nl: 'Jeugdreclassering', en: 'Youth probation' },
  '48': { nl: 'Jeugdbescherming', en: 'Child protection' },
  '54': { nl: 'Jeugd-GGZ', en: 'Youth mental health' },
  '55': { nl: 'Landelijk ingekochte zorg', en: 'Nationally purchased care' },
};

const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const same = (s: string): Text => ({ nl: s, en: s });

/** iJw Eenheid (LDT_Eenheid in the 3.2 Basisschema). Minutes are shown as hours wherever volume is added
 *  (core/pivot/units.ts), so their label says so. */
const UNIT_NAMES: Record<string, Text> = {
  '01': { nl: 'minuut (geteld in uren)', en: 'minute (counted in hours)' },
  '04': { nl: 'uur', en: 'hour' },
  '14': { nl: 'etmaal', en: '24 hours' },
  '16': { nl: 'dagdeel (4 uur)', en: 'day part (4 hours)' },
  '82': { nl: 'stuks (output)', en: 'pieces (output)' },
  '83': { nl: "euro's", en: 'euros' },
  '84': { nl: 'stuks (inspanning)', en: 'pieces (effort)' },
};

export function dimensionLabel(dim: DimensionId, key: string): Text {
  switch (dim) {
    case 'municipality': {
      const name = municipalityName(key);
      return same(name ? `${name} (${key})` : `Gemeente ${key}`);
    }
    case 'segment':
      return SEGMENT_LABELS[key as Segment] ?? same(key);
    case 'category': {
      const name = CATEGORY_NAMES[key];
      return name ? { nl: `${key} ${name.nl}`, en: `${key} ${name.en}` } : same(key);
    }
    case 'gender':
      return GENDER_LABELS[key] ?? same(key);
    case 'ageband':
      return { nl: `${key.replace('-', '–')} jaar`, en: `${key.replace('-', '–')} years` };
    case 'quarter': {
      const [y, q] = key.split('-Q');
      return { nl: `${y} K${q}`, en: `${y} Q${q}` };
    }
    case 'month': {
      const [y, m] = key.split('-').map(Number) as [number, number];
      return { nl: `${MONTHS_NL[m - 1]} ${y}`, en: `${MONTHS_EN[m - 1]} ${y}` };
    }
    case 'unit': {
      // The name alone: it reads as "€ 95 per uur" in the comparisons.
      return UNIT_NAMES[key] ?? same(key);
    }
    default:
      return same(key);
  }
}
