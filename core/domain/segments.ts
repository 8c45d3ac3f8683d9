// Default segment (hulpvorm) per iJw product category (JZ020), DOMAIN.md §4. A regional codebook may
// override this per product code later; until then every category outside the table is "overig".
export const SEGMENTS = [
  'verblijf',
  'wonen',
  'crisis',
  'dagbehandeling',
  'specialistisch',
  'generalistisch',
  'jbjr',
  'overig',
] as const;
export type Segment = (typeof SEGMENTS)[number];

const BY_CATEGORY: Record<string, Segment> = {
  '37': 'verblijf', '38': 'verblijf', '43': 'verblijf', '44': 'verblijf',
  '35': 'wonen', '36': 'wonen',
  '46': 'crisis',
  '33': 'dagbehandeling', '41': 'dagbehandeling',
  '32': 'specialistisch', '34': 'specialistisch', '45': 'specialistisch', '52': 'specialistisch', '54': 'specialistisch',
  '31': 'generalistisch', '50': 'generalistisch', '51': 'generalistisch',
  '47': 'jbjr', '48': 'jbjr', '49': 'jbjr',
};

export function segmentOfCategory(category: string): Segment {
  return BY_CATEGORY[category] ?? 'overig';
}

/** Whether a category has an explicit row in the default table (others are warned about). */
export function isKnownCategory(category: string): boolean {
  return category in BY_CATEGORY || ['40', '42', '53', '55'].includes(category);
}

/** Kader (DOMAIN.md §4): JB/JR is its own framework; everything else is jeugdhulp. */
export function segmentKader(segment: string): 'jeugdhulp' | 'jbjr' | '' {
  return segment === '' ? '' : segment === 'jbjr' ? 'jbjr' : 'jeugdhulp';
}

/** Met verblijf = Verblijf + Wonen; the rest zonder verblijf, except JB/JR (its own kader). */
export function segmentVerblijf(segment: string): 'met' | 'zonder' | 'jbjr' | '' {
  if (segment === '') return '';
  if (segment === 'jbjr') return 'jbjr';
  return segment === 'verblijf' || segment === 'wonen' ? 'met' : 'zonder';
}
