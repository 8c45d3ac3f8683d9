// The ordinary children of the region: episodes of care with stepped, concurrent and repeated trajectories.
import { buildAssignment, type CareSpec, type Ctx } from './build.js';
import type { Day } from './dates.js';
import { actualEnd, type Assignment } from './plan.js';
import { CATEGORY_WEIGHTS, makeAddress, pickMunicipality, pickProvider, type Child } from './actors.js';

const DURATION: Record<string, [number, number]> = {
  '43': [180, 900], '44': [180, 1100], '46': [7, 56], '41': [120, 700], '45': [60, 500], '54': [60, 400],
  '50': [30, 200], '51': [30, 200], '47': [180, 700], '48': [120, 500], '40': [90, 400], '42': [90, 365],
};

function duration(ctx: Ctx, category: string): number {
  const [lo, hi] = DURATION[category] ?? [60, 300];
  return ctx.rng.int(lo, hi);
}

const OPEN_SHARE: Record<string, number> = { '43': 0.2, '44': 0.2, '47': 0.2, '48': 0.15 };

/** One ordinary assignment with random extension, intrekking, early stop, retraction and so on. */
export function randomCare(ctx: Ctx, child: Child, address: number, category: string, start: Day, notProvider?: string): Assignment | null {
  const { rng } = ctx;
  const provider = pickProvider(rng, ctx.providers, category, notProvider).agb;
  const dur = duration(ctx, category);
  const open = rng.chance(OPEN_SHARE[category] ?? 0.06);
  const assignedEnd = open ? null : start + dur + rng.int(0, 60);
  const spec: CareSpec = { child, address, provider, category, start, assignedEnd, request: rng.chance(0.55) };
  if (assignedEnd !== null && rng.chance(0.15)) spec.extendTo = assignedEnd + rng.int(90, 365);
  const planned = spec.extendTo ?? assignedEnd;
  const careEnd = planned ?? start + dur;
  if (rng.chance(0.04) && careEnd - start > 60) {
    spec.shortenTo = start + rng.int(20, Math.floor((careEnd - start) * 0.7));
    spec.stop = { end: spec.shortenTo, reason: '31' };
  } else {
    const x = rng.next();
    if (x < 0.62) spec.stop = { end: careEnd, reason: '31' };
    else if (x < 0.82) spec.stop = { end: start + rng.int(14, Math.max(15, Math.floor((careEnd - start) * 0.8))), reason: rng.pick(['32', '33', '34', '35']) };
    else if (x < 0.9) spec.stop = { end: start + rng.int(30, Math.max(31, careEnd - start)), reason: rng.pick(['38', '39', '36', '37']) };
    else if (x < 0.9015) spec.stop = { end: start + rng.int(10, Math.max(11, careEnd - start)), reason: '02' };
    else if (open && rng.chance(0.7)) spec.stop = { end: careEnd, reason: '31' };
  }
  const quirk = rng.next();
  if (quirk < 0.03) spec.notStarted = true;
  else if (quirk < 0.04) spec.remove = true;
  else if (quirk < 0.05) spec.wrongStart = start + rng.pick([-9, -5, -1, 3, 7]);
  if (spec.stop && spec.stop.end - start > 60 && rng.chance(0.01)) spec.tempStopEnd = start + rng.int(10, Math.floor((spec.stop.end - start) / 2));
  return buildAssignment(ctx, spec);
}

const COMPANIONS = ['47', '40', '42', '54', '41', '45', '48'];
const STEP_COUNTS: [number, number][] = [[1, 62], [2, 22], [3, 8], [4, 4], [5, 2], [6, 1], [8, 0.6], [10, 0.4]];
const LATER_STEP = ['45', '45', '54', '54', '41', '43', '46', '47', '51'];

/** All care of one ordinary child, starting at first; stops at the end of the range, a death or open care. */
export function childCare(ctx: Ctx, child: Child, first: Day): Assignment[] {
  const { rng } = ctx;
  const out: Assignment[] = [];
  const categories = CATEGORY_WEIGHTS.map(([c]) => c);
  const weights = CATEGORY_WEIGHTS.map(([, w]) => w);
  let address = 0;
  let t = first;
  for (let episode = 0; episode < 4 && t <= ctx.rangeEnd - 30; episode++) {
    const steps = STEP_COUNTS[rng.weighted(STEP_COUNTS.map(([, w]) => w))]![0];
    let lastProvider: string | undefined;
    let end: Day | null = t;
    for (let step = 0; step < steps && t <= ctx.rangeEnd - 30; step++) {
      // Youth care is for minors: no new care after 18, except a first request at 18 (follow-up care).
      if ((episode > 0 || step > 0) && t - child.birth >= 18 * 365.25) return out;
      const category = step === 0 ? categories[rng.weighted(weights)]! : rng.pick(LATER_STEP);
      const a = randomCare(ctx, child, address, category, t, lastProvider);
      if (!a) return out;
      out.push(a);
      lastProvider = a.provider;
      end = actualEnd(a);
      if (end !== null && rng.chance(0.12)) {
        const cStart = a.start + rng.int(0, Math.min(60, end - a.start));
        const c = randomCare(ctx, child, address, rng.pick(COMPANIONS), cStart, a.provider);
        if (c) out.push(c);
      }
      if (end === null || a.stops.some((s) => s.reason === '02')) return out;
      t = end + rng.int(1, 45);
    }
    if (end === null || !rng.chance(0.25)) return out;
    t = end + rng.int(90, 1800);
    if (rng.chance(0.05)) {
      const from = child.addresses[address]!.municipality;
      child.addresses.push(makeAddress(rng, pickMunicipality(rng, from)));
      address = child.addresses.length - 1;
    }
  }
  return out;
}
