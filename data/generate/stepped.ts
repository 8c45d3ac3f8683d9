// The planted stepped care (issue 7, Drenthe's "regie op drie"): children with a known number of successive
// trajectories, each a child of its own with no other care, planned after every other child (and the shift) on
// its own random stream, so the rest of the region is the same with or without it.
//   STEPPED       per highest number, how many children: their trajectories start in the sixth year of the range,
//                 every 60 days, each lasting 45 days, at rotating providers and segments (never touching, so each
//                 is a trajectory of its own). Every third child also has a JB/JR trajectory alongside number 1 (never
//                 numbered), every fourth a second trajectory starting on the same day as number 2 (shares it).
//   PROSPECTIVE   children at number 2 at the end of the range (number 2 still running) with an assignment that is
//                 assigned but not started yet, requested by a JW315: the prospective regie-op-drie list.
import { buildAssignment, type Ctx } from './build.js';
import { day, type Day } from './dates.js';
import type { Assignment } from './plan.js';
import { MUNICIPALITIES, makeChild, type Child } from './actors.js';

/** [highest number, children]: e.g. 9 children reach exactly number 3. */
export const STEPPED: readonly (readonly [number, number])[] = [[3, 9], [4, 6], [5, 4], [7, 2]];
export const PROSPECTIVE = 6;
const CATEGORIES = ['50', '45', '41', '43', '54', '44', '45'];

export interface Stepped {
  year: number;
  /** bsn → highest number of the child's one episode. */
  highest: Record<string, number>;
  prospective: Child[];
  children: Child[];
  assignments: Assignment[];
}

export function plantStepped(ctx: Ctx, nextBsn: () => string): Stepped | null {
  const y0 = Number(new Date(ctx.rangeStart * 86_400_000).toISOString().slice(0, 4));
  const year = y0 + 5;
  const base = day(`${year}-01-05`);
  const last = ctx.rangeEnd - 120; // the prospective children's not-started assignment begins after this
  if (base + 7 * 60 + 60 > last - 500) return null;
  const { rng } = ctx;
  const provider = (i: number) => ctx.providers[i % Math.min(6, ctx.providers.length)]!.agb;
  const child = (first: Day, i: number) => makeChild(rng, nextBsn(), first - 365 * (6 + (i % 9)) - rng.int(0, 300), MUNICIPALITIES[i % MUNICIPALITIES.length]!);
  const out: Stepped = { year, highest: {}, prospective: [], children: [], assignments: [] };
  const add = (a: Assignment | null) => {
    if (!a) throw new Error('stepped: an assignment fell outside the range');
    out.assignments.push(a);
  };
  const closed = (c: Child, i: number, category: string, start: Day, end: Day) =>
    add(buildAssignment(ctx, { child: c, address: 0, provider: provider(i), category, start, assignedEnd: end, stop: { end, reason: '31' } }));
  let i = 0;
  for (const [highest, count] of STEPPED) {
    for (let k = 0; k < count; k++, i++) {
      const first = base + i * 5;
      const c = child(first, i);
      out.children.push(c);
      out.highest[c.bsn] = highest;
      for (let n = 0; n < highest; n++) {
        const start = first + n * 60;
        closed(c, i + n, CATEGORIES[n]!, start, start + 44);
        if (n === 0 && i % 3 === 0) closed(c, i + 3, '48', start + 10, start + 200);
        if (n === 1 && i % 4 === 0) closed(c, i + n + 2, '45', start, start + 30);
      }
    }
  }
  for (let k = 0; k < PROSPECTIVE; k++, i++) {
    const first = last - 500 + k * 7;
    const c = child(first, i);
    out.children.push(c);
    out.prospective.push(c);
    closed(c, i, '45', first, first + 150);
    add(buildAssignment(ctx, { child: c, address: 0, provider: provider(i + 1), category: '41', start: first + 200, assignedEnd: null }));
    const next = last + 30 + k;
    add(buildAssignment(ctx, { child: c, address: 0, provider: provider(i + 2), category: '43', start: next, assignedEnd: next + 180, notStarted: true, request: true }));
  }
  return out;
}
