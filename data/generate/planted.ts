// Edge cases planted at every scale, each on its own child, at fixed dates relative to the start of the range.
// A case that does not fit in the range (plus two months for its messages) is left out, not half-planted.
import { buildAssignment, type CareSpec, type Ctx } from './build.js';
import { day, type Day } from './dates.js';
import type { Assignment } from './plan.js';
import { MUNICIPALITIES, makeAddress, makeChild, type Child } from './actors.js';

export interface PlantedChild {
  name: string;
  child: Child;
  assignments: Assignment[];
}

type Part = Omit<CareSpec, 'child' | 'provider'> & { provider?: number };

interface Case {
  name: string;
  home: string;
  /** A second address (a move); parts with address 1 are assigned by that municipality. */
  movesTo?: string;
  parts: Part[];
}

function cases(y0: number): Case[] {
  const d = (off: number, m: number, dd: number): Day => day(`${y0 + off}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`);
  const simple = (category: string, start: Day, end: Day, provider = 0): Part => ({ address: 0, category, start, assignedEnd: end, stop: { end, reason: '31' }, provider });
  const stepped = (n: number): Part[] => {
    const cats = ['50', '45', '54', '41', '45', '43', '54', '44', '45', '41'];
    return Array.from({ length: n }, (_, i) => simple(cats[i]!, d(1, 1, 1) + i * 110, d(1, 1, 1) + i * 110 + 90, i % 3));
  };
  return [
    { name: 'retractedStart', home: '0228', parts: [{ ...simple('45', d(2, 3, 1), d(2, 12, 31)), wrongStart: d(2, 2, 20) }] },
    { name: 'temporaryStop', home: '0345', parts: [{ ...simple('41', d(3, 1, 8), d(3, 12, 31)), tempStopEnd: d(3, 4, 30), stop: { end: d(3, 9, 30), reason: '31' } }] },
    { name: 'intrekking', home: '0203', parts: [{ address: 0, category: '45', start: d(4, 2, 1), assignedEnd: d(5, 1, 31), shortenTo: d(4, 6, 30) }] },
    { name: 'stopAfterShortenedEnd', home: '0228', parts: [{ address: 0, category: '54', start: d(4, 3, 1), assignedEnd: d(5, 2, 28), shortenTo: d(4, 8, 31), stop: { end: d(4, 10, 15), reason: '33' } }] },
    { name: 'deleted', home: '0267', parts: [{ ...simple('54', d(5, 5, 1), d(6, 4, 30)), remove: true }] },
    { name: 'assignedNotStarted', home: '0340', parts: [{ ...simple('50', d(5, 9, 1), d(6, 2, 28)), notStarted: true, stop: undefined }] },
    { name: 'touchingOverlapping', home: '0228', parts: [simple('45', d(6, 1, 1), d(6, 6, 30)), simple('54', d(6, 7, 1), d(6, 12, 31)), simple('45', d(6, 11, 1), d(7, 3, 31))] },
    {
      name: 'moved',
      home: '0228',
      movesTo: '0345',
      parts: [
        { address: 0, category: '45', start: d(2, 1, 15), assignedEnd: d(2, 12, 31), shortenTo: d(2, 8, 31), shortenReason: '07', stop: { end: d(2, 8, 31), reason: '35' } },
        { ...simple('45', d(2, 9, 1), d(3, 5, 31)), address: 1 },
      ],
    },
    { name: 'returnAfter2Years', home: '0203', parts: [simple('51', d(0, 4, 1), d(0, 9, 30), 1), simple('45', d(2, 10, 1), d(3, 3, 31), 2)] },
    { name: 'returnAfter6Years', home: '0345', parts: [simple('45', d(0, 2, 1), d(0, 8, 31)), simple('54', d(6, 9, 1), d(7, 2, 28), 1)] },
    { name: 'steppedCare4', home: '0228', parts: stepped(4) },
    { name: 'steppedCare10', home: '0279', parts: stepped(10) },
    { name: 'concurrent', home: '0339', parts: [simple('45', d(3, 1, 1), d(3, 12, 31), 1), simple('47', d(3, 3, 1), d(4, 6, 30), 2)] },
    { name: 'openAtPeildatum', home: '0228', parts: [{ address: 0, category: '43', start: d(8, 1, 1), assignedEnd: null }] },
  ];
}

function lastDate(c: Case): Day {
  return Math.max(...c.parts.map((p) => Math.max(p.start, p.stop?.end ?? p.start, p.shortenTo ?? p.start, p.assignedEnd ?? p.start)));
}

export function plantCases(ctx: Ctx, nextBsn: () => string): PlantedChild[] {
  const y0 = Number(new Date(ctx.rangeStart * 86_400_000).toISOString().slice(0, 4));
  const out: PlantedChild[] = [];
  for (const c of cases(y0)) {
    // openAtPeildatum only needs its start in range; the others need their whole story.
    const last = c.name === 'openAtPeildatum' ? Math.min(...c.parts.map((p) => p.start)) : lastDate(c);
    if (last + 60 > ctx.rangeEnd) continue;
    const home = MUNICIPALITIES.find((m) => m.code === c.home)!;
    const first = Math.min(...c.parts.map((p) => p.start));
    const child = makeChild(ctx.rng, nextBsn(), first - 365 * 9 - ctx.rng.int(0, 1500), home);
    if (c.movesTo) child.addresses.push(makeAddress(ctx.rng, MUNICIPALITIES.find((m) => m.code === c.movesTo)!));
    const assignments: Assignment[] = [];
    for (const part of c.parts) {
      const provider = ctx.providers[part.provider ?? 0]!.agb;
      const a = buildAssignment(ctx, { ...part, child, provider });
      if (a) assignments.push(a);
    }
    out.push({ name: c.name, child, assignments });
  }
  return out;
}
