// Classification of care by product (DOMAIN.md §4): a regional codebook row for the ProductCode decides the
// segment and whether it counts as a trajectory; without a row the default by ProductCategorie applies
// (segmentOfCategory; categories 40 and 42 are no trajectories).
import { SEGMENTS, segmentOfCategory, type Segment } from './segments.js';

export interface CodebookEntry {
  segment: Segment;
  countsAsTrajectory: boolean | null; // null: the default by category
}
/** ProductCode → its codebook row. */
export type Codebook = ReadonlyMap<string, CodebookEntry>;

export interface Classifier {
  segment(category: string, productCode: string | null | undefined): Segment;
  isTrajectory(category: string, productCode: string | null | undefined): boolean;
}

// Verzorging (40) and vervoer (42) support care rather than being care of their own.
const NOT_A_TRAJECTORY = new Set(['40', '42']);

export function classifier(codebook: Codebook = new Map()): Classifier {
  const entry = (code: string | null | undefined) => (code ? codebook.get(code) : undefined);
  return {
    segment: (category, code) => entry(code)?.segment ?? segmentOfCategory(category),
    isTrajectory: (category, code) => entry(code)?.countsAsTrajectory ?? !NOT_A_TRAJECTORY.has(category),
  };
}

export const DEFAULT_CLASSIFIER: Classifier = classifier();

const words = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

// What codebooks write in the segment column: our ids, the Dutch names of DOMAIN.md §4, and common variants.
const NAMES: Record<string, Segment> = {
  'verblijf': 'verblijf', 'residentieel': 'verblijf', 'verblijf residentieel gesloten': 'verblijf', 'gesloten': 'verblijf',
  'wonen': 'wonen', 'wonen pleegzorg gezinsgericht': 'wonen', 'pleegzorg': 'wonen', 'gezinsgericht': 'wonen', 'gezinshuis': 'wonen',
  'crisis': 'crisis',
  'dagbehandeling': 'dagbehandeling', 'dagbesteding': 'dagbehandeling', 'dagbehandeling dagbesteding': 'dagbehandeling',
  'specialistisch': 'specialistisch', 'specialistisch ambulant': 'specialistisch', 'specialistisch ambulant incl ggz': 'specialistisch',
  'generalistisch': 'generalistisch', 'basis': 'generalistisch', 'generalistisch basis': 'generalistisch',
  'jbjr': 'jbjr', 'jb jr': 'jbjr', 'jeugdbescherming jeugdreclassering': 'jbjr', 'jeugdbescherming': 'jbjr', 'jeugdreclassering': 'jbjr',
  'overig': 'overig', 'overige': 'overig',
};

/** A segment as written in a codebook, or null when it is not one of DOMAIN.md §4's segments. */
export function parseSegment(text: string): Segment | null {
  const w = words(text);
  if ((SEGMENTS as readonly string[]).includes(w)) return w as Segment;
  return NAMES[w] ?? null;
}
