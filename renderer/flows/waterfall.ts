// The growth decomposition of one segment as waterfall steps: beginstand, + nieuw, + herhaald, + from other
// segments, − to other segments, − out of care, eindstand. Each step starts where the previous one ended, so
// the last bar lands on the eindstand (the contract guarantees the parts add up). When suppression hides a
// part the steps cannot be chained honestly; then every known figure is drawn from zero instead.
import type { FlowCount, GrowthRow } from '../../core/contract/flows.js';

export const STEPS = ['beginstand', 'nieuw', 'herhaald', 'fromOtherSegments', 'toOtherSegments', 'outOfCare', 'eindstand'] as const;
export type StepKey = (typeof STEPS)[number];
const SIGN: Record<StepKey, 0 | 1 | -1> = { beginstand: 0, nieuw: 1, herhaald: 1, fromOtherSegments: 1, toOtherSegments: -1, outOfCare: -1, eindstand: 0 };

export interface Step {
  key: StepKey;
  kind: 'total' | 'plus' | 'minus';
  value: number; // signed for parts (−3), plain for totals
  start: number;
  end: number;
}
export interface Waterfall {
  chained: boolean; // false: some part is suppressed, bars drawn from zero
  steps: Step[];
  missing: StepKey[]; // suppressed, not drawn
}

export function waterfall(row: GrowthRow): Waterfall {
  const counts: Record<StepKey, FlowCount> = row;
  const missing = STEPS.filter((k) => counts[k].value === null);
  const chained = missing.length === 0;
  const steps: Step[] = [];
  let level = 0;
  for (const key of STEPS) {
    const raw = counts[key].value;
    if (raw === null) continue;
    const sign = SIGN[key];
    const kind = sign === 0 ? 'total' : sign > 0 ? 'plus' : 'minus';
    const value = sign === 0 ? raw : sign * raw;
    if (!chained || sign === 0) {
      steps.push({ key, kind, value, start: 0, end: value });
      level = value;
    } else {
      steps.push({ key, kind, value, start: level, end: level + value });
      level += value;
    }
  }
  return { chained, steps, missing };
}
