// A winning, not deleted assignment version as the waiting and delivery analyses need it (data/analysis/load.ts).
import type { Segment } from '../domain/segments.js';

export interface AssignmentFact {
  municipality: string;
  provider: string;
  toewijzingNr: number;
  client: string | null; // pseudonym (never shown)
  category: string;
  code: string | null;
  segment: Segment;
  assignedOn: number; // Toewijzingsdatum of the winning version (day number)
  firstAssignedOn: number; // Toewijzingsdatum of the first version
  start: number; // Ingangsdatum
  end: number | null; // Einddatum
  volume: number | null; // Omvang
  unit: string | null;
  frequency: string | null;
  reference: string | null; // ReferentieAanbieder
}

export const assignmentKey = (a: { municipality: string; toewijzingNr: number }) => `${a.municipality}|${a.toewijzingNr}`;

/** Whole calendar months from day a to day b (a ≤ b), counting a month only when its day-of-month is reached. */
export function wholeMonths(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  return (yb - ya) * 12 + (mb - ma) - (db < da ? 1 : 0);
}

export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
