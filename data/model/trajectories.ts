// Trajectories (DOMAIN.md §5): a child's care periods at one provider in one segment within one
// municipality, merged when they overlap or touch (next start ≤ previous end + 1 day).
// Segment and whether a product counts come from the codebook, else the category (core/domain/codebook.ts).
import { DEFAULT_CLASSIFIER, type Classifier } from '../../core/domain/codebook.js';
import type { CarePeriod } from './careperiods.js';

/** The trajectory id of each period (index-aligned with `periods`); -1 for periods that are no trajectory. */
export function assignTrajectories(periods: readonly CarePeriod[], classify: Classifier = DEFAULT_CLASSIFIER): Int32Array {
  const ids = new Int32Array(periods.length).fill(-1);
  const groups = new Map<string, number[]>();
  periods.forEach((p, i) => {
    if (!classify.isTrajectory(p.productCategory, p.productCode)) return;
    const k = `${p.client}|${p.provider}|${classify.segment(p.productCategory, p.productCode)}|${p.municipality}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  });
  let next = 0;
  for (const members of groups.values()) {
    members.sort((a, b) => periods[a]!.start - periods[b]!.start);
    let reach = -Infinity; // last covered day of the current trajectory; Infinity when open
    let current = -1;
    for (const i of members) {
      const p = periods[i]!;
      if (current < 0 || p.start > reach + 1) current = next++;
      ids[i] = current;
      reach = Math.max(reach, p.end ?? Infinity);
    }
  }
  return ids;
}
