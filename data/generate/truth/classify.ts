// DOMAIN.md §4 default segment mapping and age bands, written out again here on purpose: the ground truth
// must not share code with the app it checks.

export const SEGMENTS = ['verblijf', 'wonen', 'crisis', 'dagbehandeling', 'specialistisch', 'generalistisch', 'jbjr', 'overig'] as const;
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

export function segmentOf(category: string): Segment {
  return BY_CATEGORY[category] ?? 'overig';
}

/** Categories 40 and 42 (verzorging, vervoer) are care but not trajectories (DOMAIN.md §4). */
export function countsAsTrajectory(category: string): boolean {
  return category !== '40' && category !== '42';
}

/** Whole years between the 15th of the birth month and the date. */
export function ageAt(birth: string, date: string): number {
  const by = Number(birth.slice(0, 4));
  const bm = Number(birth.slice(5, 7));
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const beforeAnniversary = m < bm || (m === bm && d < 15);
  return y - by - (beforeAnniversary ? 1 : 0);
}

export function ageBand(age: number): string {
  if (age <= 3) return '0-3';
  if (age <= 11) return '4-11';
  if (age <= 17) return '12-17';
  if (age <= 22) return '18-22';
  return '23+';
}
