// The planted early signal (issue 9; DOMAIN.md §1: "GGZ for girls of secondary-school age rising at the start
// of COVID"): from one known month on, extra girls aged 12–17 from one municipality start GGZ care (category 54,
// segment specialistisch) every month for a year. Each is a child of her own with no other care, planned after
// every other child on her own random stream (forked from the shift's stream, never from root), so the rest of
// the region is byte-identical with or without the signal and analysis/signals must flag exactly this series.
import { buildAssignment, type Ctx } from './build.js';
import { day, type Day } from './dates.js';
import type { Assignment } from './plan.js';
import { MUNICIPALITIES, makeChild, type Child } from './actors.js';

/** Extra girls starting per month: the first month, then every later month of the rise. A fixed part keeps the
 *  rise visible in a small test region, a part proportional to the scale keeps it visible in a large one. */
export const signalSize = (scale: number) => ({ first: 14 + Math.round(40 * scale), perMonth: 8 + Math.round(20 * scale) });
export const SIGNAL_MONTHS = 12;
export const SIGNAL_CATEGORY = '54';
export const SIGNAL_MUNICIPALITY = '0228'; // Ede

export interface Signal {
  /** The first month of the rise, 'YYYY-MM' (March of the ninth year of the range). */
  month: string;
  children: Child[];
  assignments: Assignment[];
}

export function plantSignal(ctx: Ctx, nextBsn: () => string, scale: number): Signal | null {
  const y0 = Number(new Date(ctx.rangeStart * 86_400_000).toISOString().slice(0, 4));
  const year = y0 + 8;
  const first = day(`${year}-03-01`);
  if (first + 31 * SIGNAL_MONTHS + 400 > ctx.rangeEnd) return null;
  const { rng } = ctx;
  const home = MUNICIPALITIES.find((m) => m.code === SIGNAL_MUNICIPALITY)!;
  const size = signalSize(scale);
  const out: Signal = { month: `${year}-03`, children: [], assignments: [] };
  for (let k = 0; k < SIGNAL_MONTHS; k++) {
    const monthStart = day(`${year + Math.floor((2 + k) / 12)}-${String(((2 + k) % 12) + 1).padStart(2, '0')}-01`);
    const count = k === 0 ? size.first : size.perMonth;
    for (let i = 0; i < count; i++) {
      const start: Day = monthStart + rng.int(0, 27);
      // Aged 13 to 16 on the start day (birth month's 15th rule): safely inside the 12–17 band.
      const birth = start - (13 + rng.int(0, 3)) * 365 - rng.int(40, 300);
      const c = { ...makeChild(rng, nextBsn(), birth, home), gender: '2' as const };
      out.children.push(c);
      const end = start + rng.int(90, 300);
      const a = buildAssignment(ctx, { child: c, address: 0, provider: ctx.providers[i % Math.min(4, ctx.providers.length)]!.agb, category: SIGNAL_CATEGORY, start, assignedEnd: end, stop: { end, reason: '31' } });
      if (!a) throw new Error('signal: an assignment fell outside the range');
      out.assignments.push(a);
    }
  }
  return out;
}
