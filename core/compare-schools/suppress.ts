// Small-cell suppression for the schools table (DOMAIN.md §3, same rule as core/suppress.ts): a count of
// 1..threshold−1 children is hidden ('suppressed', null) or, with suppression off, shown and marked 'small';
// zeros never. Secondary: the schools' counts add up to the region's shown total, so when exactly one school
// count is hidden the smallest other non-zero one is hidden too (ties by vestigingscode); likewise within one
// school's segment counts.
import type { SchoolCount, SchoolRow } from '../contract/schools.js';
import type { Segment } from '../domain/segments.js';

export function countOf(n: number, suppress: boolean, threshold: number): SchoolCount {
  const small = n > 0 && n < threshold;
  if (!small) return { value: n, flag: 'ok' };
  return suppress ? { value: null, flag: 'suppressed' } : { value: n, flag: 'small' };
}

const hidden = (c: SchoolCount) => c.flag === 'suppressed' || c.flag === 'secondary';

/** Hides the smallest other non-zero entry while exactly one is hidden; `value` holds the true count. */
function secondary<T extends { key: string; value: number; count: SchoolCount }>(entries: T[]): void {
  if (entries.filter((e) => hidden(e.count)).length !== 1) return;
  let pick: T | null = null;
  for (const e of entries) {
    if (hidden(e.count) || e.value === 0) continue;
    if (!pick || e.value < pick.value || (e.value === pick.value && e.key < pick.key)) pick = e;
  }
  if (pick) pick.count = { value: null, flag: 'secondary' };
}

export function hideSegments(list: { segment: Segment; n: number }[], suppress: boolean, threshold: number): SchoolRow['bySegment'] {
  const entries = list.map((x) => ({ key: x.segment, value: x.n, count: countOf(x.n, suppress, threshold) }));
  if (suppress) secondary(entries);
  return entries.map((e) => ({ segment: e.key as Segment, clients: e.count }));
}

/** Secondary suppression across schools (their counts sum to the region's total). `truth` gives each listed
 *  school's real count, since a hidden count no longer carries it. A hidden school loses its rate and position. */
export function hideAcrossSchools(schools: SchoolRow[], truth: ReadonlyMap<string, number>, suppress: boolean): void {
  if (!suppress) return;
  const entries = schools.map((s) => ({ key: s.vestigingscode, value: truth.get(s.vestigingscode) ?? 0, count: s.clients, row: s }));
  secondary(entries);
  for (const e of entries) {
    if (e.count === e.row.clients) continue;
    e.row.clients = e.count;
    e.row.rate = null;
    e.row.position = null;
    if (e.row.specialEducation) e.row.specialEducation = { referred: { value: null, flag: 'secondary' }, share: null };
  }
}
