// The planted shift (issue 6, FoodValley's question "are ambulant children the residential ones moving down,
// or new ones?"): in one year, 50 children move from residential care (category 43) to ambulant care (45) the
// day after their residential care ends, and 120 children with no earlier care start ambulant care. Each is a
// child of its own with no other care, planned after every other child with its own random stream, so the rest
// of the region is the same with or without the shift and the flows decomposition must find exactly 50 and 120.
import { buildAssignment, type Ctx } from './build.js';
import { day, type Day } from './dates.js';
import type { Assignment } from './plan.js';
import { MUNICIPALITIES, makeChild, type Child } from './actors.js';

export const SHIFT_MOVED = 50;
export const SHIFT_NEW = 120;

export interface Shift {
  year: number;
  moved: Child[];
  newAmbulant: Child[];
  assignments: Assignment[];
}

/** The shift in the eighth year of the range (history complete: five years of earlier data), or null when the range is too short. */
export function plantShift(ctx: Ctx, nextBsn: () => string): Shift | null {
  const y0 = Number(new Date(ctx.rangeStart * 86_400_000).toISOString().slice(0, 4));
  const year = y0 + 7;
  const d = (y: number, m: number, dd: number): Day => day(`${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`);
  if (d(year + 1, 9, 30) + 60 > ctx.rangeEnd) return null;
  const { rng } = ctx;
  const provider = (i: number) => ctx.providers[i % Math.min(5, ctx.providers.length)]!.agb;
  const child = (first: Day, i: number) => makeChild(rng, nextBsn(), first - 365 * (8 + (i % 8)) - rng.int(0, 300), MUNICIPALITIES[i % MUNICIPALITIES.length]!);
  const out: Shift = { year, moved: [], newAmbulant: [], assignments: [] };
  const add = (a: Assignment | null) => {
    if (!a) throw new Error('shift: an assignment fell outside the range');
    out.assignments.push(a);
  };
  for (let i = 0; i < SHIFT_MOVED; i++) {
    const start = d(year - 1, 5, 1) + i * 3;
    const moveOn = d(year, 2, 1) + i * 4; // last day in residential care, within `year`
    const c = child(start, i);
    out.moved.push(c);
    add(buildAssignment(ctx, { child: c, address: 0, provider: provider(i), category: '43', start, assignedEnd: moveOn, stop: { end: moveOn, reason: '31' } }));
    const end = d(year + 1, 6, 30) - i;
    add(buildAssignment(ctx, { child: c, address: 0, provider: provider(i + 1), category: '45', start: moveOn + 1, assignedEnd: end, stop: { end, reason: '31' } }));
  }
  for (let i = 0; i < SHIFT_NEW; i++) {
    const start = d(year, 1, 10) + i * 2;
    const c = child(start, i);
    out.newAmbulant.push(c);
    const end = d(year + 1, 3, 31) + i;
    add(buildAssignment(ctx, { child: c, address: 0, provider: provider(i + 2), category: '45', start, assignedEnd: end, stop: { end, reason: '31' } }));
  }
  return out;
}
